// What the documents services need besides the database: where the bytes go, the upload limits, and
// the client's bank and card accounts (told by the app's wiring: documents does not reach into banking).
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import type { UploadLimits } from "../../platform/config.ts";
import type { BlobStore } from "../../platform/storage/index.ts";
import type { StatementAccount } from "./folder-tree-model.ts";

export interface DocumentsCtx extends Ctx {
  blobs: BlobStore;
  limits: UploadLimits;
  /** The client's active bank and card accounts, for the Bank statements folders and missing statements. */
  statementAccounts: (actor: Actor, clientSlug: string) => Promise<StatementAccount[]>;
}
