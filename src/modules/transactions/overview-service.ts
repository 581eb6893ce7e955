// The Transaction Manager's part of the firm overview: for the clients an actor names (kept to those
// it may reach), how many lines wait for review and since when, and how many AutoPush posted alone.
import type { Actor } from "../../platform/actor.ts";
import type { Executor } from "../../platform/db.ts";
import * as access from "../access/index.ts";
import { TRANSACTION_PERMISSIONS } from "./scope.ts";
import * as store from "./overview-store.ts";

export interface ReviewFigures {
  /** Lines in the Needs Review tab (held ones included). */
  needsReview: number;
  /** The date of the oldest of them; null when none waits. */
  oldestWaiting: string | null;
  /** Lines dated in the period that automation posted with no person's hand. */
  autoPosted: number;
}

/** Figures per client id; every client asked about has an entry (zeros when nothing happened). */
export async function reviewFigures(
  ex: Executor,
  actor: Actor,
  clientIds: readonly string[],
  period: { from: string; to: string },
): Promise<Map<string, ReviewFigures>> {
  access.requirePermission(actor, TRANSACTION_PERMISSIONS.read);
  const ids = clientIds.filter((id) => actor.clients === "all" || actor.clients.includes(id));
  const scope = { firmId: actor.firmId, clientIds: ids };
  const [waiting, auto] = await Promise.all([
    store.waitingByClient(ex, scope),
    store.autoPostedByClient(ex, scope, period),
  ]);
  const out = new Map<string, ReviewFigures>(
    ids.map((id) => [id, { needsReview: 0, oldestWaiting: null, autoPosted: 0 }]),
  );
  for (const w of waiting) {
    const f = out.get(w.client_id)!;
    f.needsReview = Number(w.n);
    f.oldestWaiting = w.oldest;
  }
  for (const a of auto) out.get(a.client_id)!.autoPosted = Number(a.n);
  return out;
}
