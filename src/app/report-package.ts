// What the monthly report package needs from modules it may not call itself: the reports module
// sits below the Transaction Manager (reports → ledger only), so the count of bank lines still in
// review is handed to the package job from here.
import type { Actor } from "../platform/actor.ts";
import type { Executor } from "../platform/db.ts";
import type { PackageSources } from "../modules/reports/index.ts";
import * as transactions from "../modules/transactions/index.ts";

async function reviewBacklog(
  ex: Executor,
  actor: Actor,
  clientId: string,
  period: { from: string; to: string },
): Promise<{ waiting: number; oldest: string | null }> {
  const f = (await transactions.reviewFigures(ex, actor, [clientId], period)).get(clientId);
  return { waiting: f?.needsReview ?? 0, oldest: f?.oldestWaiting ?? null };
}

export const packageSources: PackageSources = { reviewBacklog };
