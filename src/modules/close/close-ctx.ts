// What the close services need besides the database: the blocker sources the app wires, and the
// notifier that tells a preparer their month was reopened (absent in scripts: nobody is told).
import type { Ctx } from "../../platform/context.ts";
import type { NotifyCtx } from "../notifications/index.ts";
import type { BlockerSources } from "./blockers.ts";

export interface CloseCtx extends Ctx {
  blockers: BlockerSources;
  notify?: NotifyCtx | undefined;
}
