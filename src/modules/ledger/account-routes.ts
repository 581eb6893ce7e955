// HTTP routes of the chart of accounts, and an account's register, under /api/clients/{client}/accounts.
import { z } from "zod";
import type { App } from "../../platform/http.ts";
import type { Ctx } from "../../platform/context.ts";
import { formatMinor } from "../../platform/money.ts";
import * as ledger from "./index.ts";
import type { AccountRow } from "./chart-service.ts";
import { ACCOUNT_TYPES } from "./model.ts";
import {
  accountIn,
  accountPatch,
  base,
  clientParam,
  date,
  errors,
  flag,
  idParam,
  ledgerLine,
  tags,
} from "./route-schemas.ts";

export const account = z.object({
  id: z.string(),
  number: z.string().nullable(),
  name: z.string(),
  fullName: z.string(),
  type: z.enum(ACCOUNT_TYPES),
  detailType: z.string(),
  parentId: z.string().nullable(),
  normalBalance: z.enum(["debit", "credit"]),
  isActive: z.boolean(),
  description: z.string().nullable(),
});
const accountOut = (a: AccountRow): z.infer<typeof account> => ({
  id: a.id,
  number: a.number,
  name: a.name,
  fullName: a.full_name,
  type: a.type,
  detailType: a.detail_type,
  parentId: a.parent_id,
  normalBalance: a.normal_balance,
  isActive: a.is_active,
  description: a.description,
});

export function accountRoutes(ctx: Ctx) {
  return async (app: App) => {
    app.get(
      `${base}/accounts`,
      {
        schema: {
          ...tags("Accounts"),
          summary: "List the chart of accounts",
          params: clientParam,
          querystring: z.object({ includeInactive: flag.default(false) }),
          response: { 200: z.object({ accounts: z.array(account) }), ...errors },
        },
      },
      async (req) => ({
        accounts: (
          await ledger.listAccounts(ctx, req.actor, req.params.client, {
            includeInactive: req.query.includeInactive,
          })
        ).map(accountOut),
      }),
    );
    app.post(
      `${base}/accounts`,
      {
        schema: {
          ...tags("Accounts"),
          summary: "Create an account",
          params: clientParam,
          body: accountIn,
          response: { 201: account, ...errors },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(accountOut(await ledger.createAccount(ctx, req.actor, req.params.client, req.body))),
    );
    app.post(
      `${base}/accounts/apply-template`,
      {
        schema: {
          ...tags("Accounts"),
          summary: "Create the default US small-business chart for a client without accounts",
          params: clientParam,
          response: { 201: z.object({ created: z.number() }), ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send({ created: await ledger.applyChartTemplate(ctx, req.actor, req.params.client) }),
    );
    app.get(
      `${base}/accounts/:id`,
      {
        schema: {
          ...tags("Accounts"),
          summary: "Get an account",
          params: idParam,
          response: { 200: account, ...errors },
        },
      },
      async (req) => accountOut(await ledger.getAccount(ctx, req.actor, req.params.client, req.params.id)),
    );
    app.patch(
      `${base}/accounts/:id`,
      {
        schema: {
          ...tags("Accounts"),
          summary: "Rename, renumber, retype or (de)activate an account",
          params: idParam,
          body: accountPatch,
          response: { 200: account, ...errors },
        },
      },
      async (req) =>
        accountOut(await ledger.updateAccount(ctx, req.actor, req.params.client, req.params.id, req.body)),
    );
    // Tagged as a report, but it lives here, under the account's path: registering it right after
    // the account routes keeps the OpenAPI document's path order as it has always been.
    app.get(
      `${base}/accounts/:id/register`,
      {
        schema: {
          ...tags("Reports"),
          summary: "An account's register with running balances",
          params: idParam,
          querystring: z.object({
            from: date,
            to: date,
            limit: z.coerce.number().int().min(1).max(1000).default(100),
            offset: z.coerce.number().int().min(0).default(0),
          }),
          response: {
            200: z.object({
              accountId: z.string(),
              account: z.string(),
              from: z.string(),
              to: z.string(),
              total: z.number(),
              opening: z.array(z.object({ currency: z.string(), balance: z.string() })),
              lines: z.array(ledgerLine.extend({ currency: z.string() })),
            }),
            ...errors,
          },
        },
      },
      async (req) => {
        const r = await ledger.accountRegister(ctx, req.actor, req.params.client, req.params.id, req.query);
        const fmt = (a: bigint, c: string) => formatMinor(a, r.scales.get(c) ?? 2);
        return {
          ...r,
          scales: undefined,
          opening: r.opening.map((o) => ({ currency: o.currency, balance: fmt(o.balance, o.currency) })),
          lines: r.lines.map((l) => ({
            ...l,
            entryNumber: l.entryNumber.toString(),
            amount: fmt(l.amount, l.currency),
            balance: fmt(l.balance, l.currency),
          })),
        };
      },
    );
  };
}
