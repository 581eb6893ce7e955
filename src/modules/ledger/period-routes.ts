// HTTP routes of period locks — which months are locked against posting — under
// /api/clients/{client}/periods.
import { z } from "zod";
import type { App } from "../../platform/http.ts";
import type { Ctx } from "../../platform/context.ts";
import * as ledger from "./index.ts";
import { base, clientParam, errors, tags } from "./route-schemas.ts";

export const period = z.object({
  month: z.string(),
  status: z
    .enum(["open", "locked", "soft_closed"])
    .describe(
      "soft_closed: closed softly in the Close Tracker; items dated in it post to the next open month",
    ),
  changedBy: z.string(),
  changedAt: z.string(),
});
const periodOut = (p: ledger.PeriodRow) => ({
  month: p.month.slice(0, 7),
  status: p.status,
  changedBy: p.changed_by,
  changedAt: new Date(p.changed_at).toISOString(),
});
const monthParam = clientParam.extend({ month: z.string().regex(/^\d{4}-\d{2}$/, "expected YYYY-MM") });

export function periodRoutes(ctx: Ctx) {
  return async (app: App) => {
    app.get(
      `${base}/periods`,
      {
        schema: {
          ...tags("Periods"),
          summary: "Months that were locked or unlocked (others are open)",
          params: clientParam,
          response: { 200: z.object({ periods: z.array(period) }), ...errors },
        },
      },
      async (req) => ({
        periods: (await ledger.listPeriods(ctx, req.actor, req.params.client)).map(periodOut),
      }),
    );
    app.post(
      `${base}/periods/:month/lock`,
      {
        schema: {
          ...tags("Periods"),
          summary: "Lock a month: no posting, reversing or reconciling in it",
          params: monthParam,
          response: { 200: period, ...errors },
        },
      },
      async (req) =>
        periodOut(await ledger.setPeriodLock(ctx, req.actor, req.params.client, req.params.month, true)),
    );
    app.post(
      `${base}/periods/:month/unlock`,
      {
        schema: {
          ...tags("Periods"),
          summary: "Unlock a month",
          params: monthParam,
          response: { 200: period, ...errors },
        },
      },
      async (req) =>
        periodOut(await ledger.setPeriodLock(ctx, req.actor, req.params.client, req.params.month, false)),
    );
  };
}
