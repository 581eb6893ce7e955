// HTTP routes of the ledger's reports — trial balance, balances by account type, general ledger —
// under /api/clients/{client}/reports. (An account's register is in account-routes.ts.)
import { z } from "zod";
import type { App } from "../../platform/http.ts";
import type { Ctx } from "../../platform/context.ts";
import { formatMinor } from "../../platform/money.ts";
import * as ledger from "./index.ts";
import { base, clientParam, date, errors, generalLedger, tags } from "./route-schemas.ts";

// The JSON trial balance, for the document only: the route sends a pre-rendered body (see below).
export const tbJson = z.object({
  client: z.string(),
  asOf: z.string(),
  rows: z.array(
    z.object({
      account: z.string(),
      currency: z.string(),
      debit: z.string(),
      credit: z.string(),
      balance: z.string(),
    }),
  ),
  totals: z.array(z.object({ currency: z.string(), debit: z.string(), credit: z.string() })),
});

export function reportRoutes(ctx: Ctx) {
  return async (app: App) => {
    app.get(
      `${base}/reports/trial-balance`,
      {
        schema: {
          ...tags("Reports"),
          summary: "Trial balance as of a date (default today)",
          params: clientParam,
          querystring: z.object({
            asOf: date.optional(),
            format: z.enum(["json", "csv", "text"]).default("json"),
          }),
          response: { 200: tbJson.or(z.string()), ...errors },
        },
      },
      async (req, reply) => {
        // Rendered once per ledger version and served as text (no per-row re-validation).
        const body = await ledger.renderedTrialBalance(
          ctx,
          req.actor,
          req.params.client,
          req.query.asOf,
          req.query.format,
        );
        const type =
          req.query.format === "csv"
            ? "text/csv; charset=utf-8"
            : req.query.format === "text"
              ? "text/plain; charset=utf-8"
              : "application/json; charset=utf-8";
        return reply.type(type).send(body);
      },
    );
    app.get(
      `${base}/reports/balance-by-type`,
      {
        schema: {
          ...tags("Reports"),
          summary: "Balances rolled up by account type (balance-sheet style)",
          params: clientParam,
          querystring: z.object({ asOf: date.optional() }),
          response: {
            200: z.object({
              asOf: z.string(),
              rows: z.array(z.object({ type: z.string(), currency: z.string(), balance: z.string() })),
            }),
            ...errors,
          },
        },
      },
      async (req) => {
        const r = await ledger.rollupByType(ctx, req.actor, req.params.client, req.query.asOf);
        return {
          asOf: r.asOf,
          rows: r.rows.map((x) => ({
            type: x.type,
            currency: x.currency,
            balance: formatMinor(x.balance, r.scales.get(x.currency) ?? 2),
          })),
        };
      },
    );
    app.get(
      `${base}/reports/general-ledger`,
      {
        schema: {
          ...tags("Reports"),
          summary: "General ledger detail for a date range",
          params: clientParam,
          querystring: z.object({ from: date, to: date, accountId: z.uuid().optional() }),
          response: {
            200: generalLedger,
            ...errors,
          },
        },
      },
      async (req) => {
        const gl = await ledger.generalLedger(ctx, req.actor, req.params.client, req.query);
        const fmt = (a: bigint, c: string) => formatMinor(a, gl.scales.get(c) ?? 2);
        return {
          client: gl.client,
          from: gl.from,
          to: gl.to,
          accounts: gl.accounts.map((a) => ({
            accountId: a.accountId,
            account: a.account,
            number: a.number,
            currency: a.currency,
            opening: fmt(a.opening, a.currency),
            debits: fmt(a.debits, a.currency),
            credits: fmt(a.credits, a.currency),
            closing: fmt(a.closing, a.currency),
            lines: a.lines.map((l) => ({
              ...l,
              entryNumber: l.entryNumber.toString(),
              amount: fmt(l.amount, a.currency),
              balance: fmt(l.balance, a.currency),
            })),
          })),
        };
      },
    );
  };
}
