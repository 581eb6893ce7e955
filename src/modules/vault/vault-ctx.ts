// What the vault's services need besides the database: the master key (and where it came from),
// and how to tell people of a credential request (absent in scripts: no one is told).
import type { Ctx } from "../../platform/context.ts";
import type { NotifyInput } from "../notifications/index.ts";
import type { MasterKey } from "./master-key.ts";

export interface VaultCtx extends Ctx {
  master: MasterKey;
  notify?: ((input: NotifyInput) => Promise<void>) | undefined;
}
