// What the vault's services need besides the database: the master key (and where it came from).
import type { Ctx } from "../../platform/context.ts";
import type { MasterKey } from "./master-key.ts";

export interface VaultCtx extends Ctx {
  master: MasterKey;
}
