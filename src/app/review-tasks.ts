// The weekly "review transactions" system task, wired here because the Transaction Manager may not
// call work (modules do not call upward): for every client with lines in Needs Review, this week's
// task (key "transactions.review:<Monday>", due Friday); for every client whose Needs Review is
// empty, its open review tasks closed. Run by the hourly upkeep and after each import's job.
import type { Ctx } from "../platform/context.ts";
import { systemActor } from "../platform/actor.ts";
import { addDays } from "../platform/dates.ts";
import * as access from "../modules/access/index.ts";
import * as transactions from "../modules/transactions/index.ts";
import * as work from "../modules/work/index.ts";

export const REVIEW_TASK_KEY = "transactions.review:";

/** The Monday of the week containing `date`. */
export function weekStart(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((day + 6) % 7));
}

export async function syncReviewTasks(
  ctx: Ctx,
  only?: { firmId: string; clientIds: readonly string[] },
): Promise<{ opened: number; closed: number }> {
  const today = ctx.clock.today();
  const monday = weekStart(today);
  let opened = 0;
  let closed = 0;
  const firms = only ? [only.firmId] : await access.allFirmIds(ctx.db);
  for (const firmId of firms) {
    const actor = systemActor(firmId);
    const clients = (await access.listClients(ctx.db, actor, "active")).filter(
      (c) => !only || only.clientIds.includes(c.id),
    );
    if (clients.length === 0) continue;
    const figures = await transactions.reviewFigures(
      ctx.db,
      actor,
      clients.map((c) => c.id),
      { from: today, to: today },
    );
    for (const c of clients) {
      const waiting = figures.get(c.id)?.needsReview ?? 0;
      if (waiting > 0) {
        const r = await work.createSystemTask(ctx, {
          firmId,
          clientId: c.id,
          key: `${REVIEW_TASK_KEY}${monday}`,
          type: "custom",
          title: "Review transactions",
          description: `Transactions wait in Needs Review for ${c.name}. This task closes itself when the tab is empty.`,
          dueDate: addDays(monday, 4),
        });
        if (r.created) opened++;
      } else {
        closed += await work.closeSystemTask(ctx, {
          firmId,
          clientId: c.id,
          key: REVIEW_TASK_KEY,
          prefix: true,
          reason: "Needs Review is empty",
        });
      }
    }
  }
  return { opened, closed };
}
