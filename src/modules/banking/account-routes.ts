// HTTP routes for institutions, bank accounts (with balances and totals), their statements and the
// raw bank lines, under /api/clients/{client}/….
import { TEXT_LIMITS } from "../../platform/text-limits.ts";
import { z } from "zod";
import type { App } from "../../platform/http.ts";
import type { Ctx } from "../../platform/context.ts";
import * as accounts from "./account-service.ts";
import * as imports from "./import-service.ts";
import {
  accountParam,
  bankAccount,
  bankAccountIn,
  bankAccountOut,
  bankAccountPatch,
  bankLine,
  bankLineOut,
  clientParam,
  date,
  decimal,
  errors,
  flag,
  institution,
  statement,
  statementOut,
  totals,
  totalsOut,
} from "./schemas.ts";

const tags = ["Bank accounts"];

const lineQuery = z.object({
  bankAccount: z.string().max(TEXT_LIMITS.name).optional().describe("bank account id or short name"),
  from: date.optional(),
  to: date.optional(),
  search: z
    .string()
    .max(200)
    .optional()
    .describe("text in the description, payee or reference, or the bank's transaction id"),
  minAmount: decimal.optional().describe("needs a bank account (amounts are compared in its currency)"),
  maxAmount: decimal.optional(),
  importId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export function accountRoutes(ctx: Ctx) {
  return async (app: App) => {
    const base = "/api/clients/:client";

    app.get(
      `${base}/institutions`,
      {
        schema: {
          tags,
          summary: "The client's banks and card issuers",
          params: clientParam,
          response: { 200: z.object({ institutions: z.array(institution) }), ...errors },
        },
      },
      async (req) => ({
        institutions: (await accounts.listInstitutions(ctx, req.actor, req.params.client)).map((i) => ({
          id: i.id,
          name: i.name,
          bankCode: i.bank_code,
        })),
      }),
    );
    app.post(
      `${base}/institutions`,
      {
        schema: {
          tags,
          summary: "Add a bank or card issuer",
          params: clientParam,
          body: z.object({
            name: z.string().max(TEXT_LIMITS.name),
            bankCode: z.string().max(100).nullable().optional(),
          }),
          response: { 201: institution, ...errors },
        },
      },
      async (req, reply) => {
        const i = await accounts.createInstitution(ctx, req.actor, req.params.client, req.body);
        return reply.code(201).send({ id: i.id, name: i.name, bankCode: i.bank_code });
      },
    );

    app.get(
      `${base}/bank-accounts`,
      {
        schema: {
          tags,
          summary:
            "Bank and card accounts with their balances, and the totals per currency (cash available, credit used, net cash)",
          params: clientParam,
          querystring: z.object({ includeInactive: flag.default(false) }),
          response: {
            200: z.object({ bankAccounts: z.array(bankAccount), totals: z.array(totals) }),
            ...errors,
          },
        },
      },
      async (req) => {
        const o = await accounts.bankOverview(ctx, req.actor, req.params.client, {
          includeInactive: req.query.includeInactive,
        });
        return { bankAccounts: o.bankAccounts.map(bankAccountOut), totals: o.totals.map(totalsOut) };
      },
    );
    app.post(
      `${base}/bank-accounts`,
      {
        schema: {
          tags,
          summary:
            "Add a bank or card account, linked to a bank (or credit-card) ledger account of the client",
          params: clientParam,
          body: bankAccountIn,
          response: { 201: bankAccount, ...errors },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(
            bankAccountOut(await accounts.createBankAccount(ctx, req.actor, req.params.client, req.body)),
          ),
    );
    app.get(
      `${base}/bank-accounts/:account`,
      {
        schema: {
          tags,
          summary: "A bank or card account",
          params: accountParam,
          response: { 200: bankAccount, ...errors },
        },
      },
      async (req) =>
        bankAccountOut(await accounts.getBankAccount(ctx, req.actor, req.params.client, req.params.account)),
    );
    app.patch(
      `${base}/bank-accounts/:account`,
      {
        schema: {
          tags,
          summary:
            "Change a bank account: names, last digits, ledger account, institution, active, saved CSV layout",
          params: accountParam,
          body: bankAccountPatch,
          response: { 200: bankAccount, ...errors },
        },
      },
      async (req) =>
        bankAccountOut(
          await accounts.updateBankAccount(ctx, req.actor, req.params.client, req.params.account, req.body),
        ),
    );
    app.get(
      `${base}/bank-accounts/:account/statements`,
      {
        schema: {
          tags,
          summary:
            "The statements imported into a bank account, newest first, with their opening and closing balances",
          params: accountParam,
          response: { 200: z.object({ statements: z.array(statement) }), ...errors },
        },
      },
      async (req) => ({
        statements: (await imports.listStatements(ctx, req.actor, req.params.client, req.params.account)).map(
          statementOut,
        ),
      }),
    );

    const listLines = async (
      client: string,
      actor: Parameters<typeof imports.listBankLines>[1],
      q: z.infer<typeof lineQuery>,
      account?: string,
    ) => {
      const r = await imports.listBankLines(ctx, actor, client, {
        bankAccountRef: account ?? q.bankAccount,
        from: q.from,
        to: q.to,
        search: q.search,
        importId: q.importId,
        minAmount: q.minAmount,
        maxAmount: q.maxAmount,
        limit: q.limit,
        offset: q.offset,
      });
      return { lines: r.lines.map(bankLineOut), total: r.total, limit: q.limit, offset: q.offset };
    };
    const linesOut = z.object({
      lines: z.array(bankLine),
      total: z.number(),
      limit: z.number(),
      offset: z.number(),
    });
    app.get(
      `${base}/bank-lines`,
      {
        schema: {
          tags,
          summary:
            "Raw bank lines of the client (every account, or one), newest first, with filters and paging",
          params: clientParam,
          querystring: lineQuery,
          response: { 200: linesOut, ...errors },
        },
      },
      async (req) => listLines(req.params.client, req.actor, req.query),
    );
    app.get(
      `${base}/bank-accounts/:account/lines`,
      {
        schema: {
          tags,
          summary: "Raw bank lines of one bank account, newest first, with filters and paging",
          params: accountParam,
          querystring: lineQuery.omit({ bankAccount: true }),
          response: { 200: linesOut, ...errors },
        },
      },
      async (req) => listLines(req.params.client, req.actor, req.query, req.params.account),
    );
  };
}
