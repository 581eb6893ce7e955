// The firm overview's use case: the active clients the actor may reach (a client user: its own),
// and for all of them at once the review, automation and bank-feed figures (a fixed number of
// grouped queries, whatever the number of clients).
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import * as access from "../access/index.ts";
import * as banking from "../banking/index.ts";
import * as transactions from "../transactions/index.ts";
import { composeOverview, monthPeriod, type FirmOverview } from "./model.ts";

export async function firmOverview(ctx: Ctx, actor: Actor): Promise<FirmOverview> {
  access.requirePermission(actor, "ledger.read");
  const today = ctx.clock.today();
  const month = monthPeriod(today);
  const clients = await access.listClients(ctx.db, actor, "active");
  const ids = clients.map((c) => c.id);
  const [review, bank] = await Promise.all([
    transactions.reviewFigures(ctx.db, actor, ids, month),
    banking.bankFigures(ctx.db, actor, ids, { today, now: ctx.clock.now() }),
  ]);
  return {
    asOf: today,
    month,
    staleDays: banking.STALE_DAYS,
    clients: composeOverview(clients, review, bank),
  };
}
