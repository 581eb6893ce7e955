// Where a client's books stand, for work that records what it was made from (the monthly report
// package): the ledger version (bumped by every posting) and the drafts that no balance includes.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { draftCounts } from "./entry-read-store.ts";
import { clientScope } from "./scope.ts";
import { ledgerVersion } from "./store.ts";

export interface BookState {
  /** The client's ledger version: equal versions mean equal reports. */
  version: bigint;
  /** Draft entries dated in the range asked. */
  drafts: number;
  /** Draft entries dated before it. */
  draftsEarlier: number;
}

export async function bookState(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  range: { from: string; to: string },
): Promise<BookState> {
  const s = await clientScope(ctx.db, actor, clientRef, "ledger.read");
  const [version, drafts] = await Promise.all([ledgerVersion(ctx.db, s), draftCounts(ctx.db, s, range)]);
  return { version, drafts: drafts.inRange, draftsEarlier: drafts.before };
}
