// HTTP routes of the ledger: chart of accounts, contacts, dimensions, journal entries, periods
// and reports, under /api/clients/{client}/… ({client} is the client's slug or id).
import { z } from "zod";
import type { App } from "../../platform/http.ts";
import type { Ctx } from "../../platform/context.ts";
import { formatMinor } from "../../platform/money.ts";
import * as ledger from "./index.ts";
import type { EntryView } from "./entry-service.ts";
import type { AccountRow } from "./chart-service.ts";
import type { ContactRow, DimensionRow } from "./reference-service.ts";
import { ACCOUNT_TYPES } from "./model.ts";
import { currencyScalesFor } from "./scales.ts";

const clientParam = z.object({ client: z.string().min(1).describe("client slug or id") });
const idParam = clientParam.extend({ id: z.uuid() });
// Query-string flags: "true"/"false" (z.coerce.boolean would read "false" as true).
const flag = z.enum(["true", "false"]).transform((v) => v === "true");
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
const decimal = z.string().regex(/^[+-]?(\d+(\.\d*)?|\.\d+)$/, "expected a decimal number such as 12.50");
const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string(),
    field: z.string().optional(),
  })
  .loose();
const errors = { 400: problem, 404: problem, 409: problem, 422: problem };

const account = z.object({
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
const contactKinds = ["vendor", "customer", "employee", "other"] as const;
const contact = z.object({
  id: z.string(),
  kind: z.enum(contactKinds),
  name: z.string(),
  email: z.string().nullable(),
  isActive: z.boolean(),
});
const contactOut = (c: ContactRow): z.infer<typeof contact> => ({
  id: c.id,
  kind: c.kind,
  name: c.name,
  email: c.email,
  isActive: c.is_active,
});
const dimensionKinds = ["class", "department", "location", "project"] as const;
const dimension = z.object({
  id: z.string(),
  kind: z.enum(dimensionKinds),
  name: z.string(),
  parentId: z.string().nullable(),
  isActive: z.boolean(),
});
const dimensionOut = (d: DimensionRow): z.infer<typeof dimension> => ({
  id: d.id,
  kind: d.kind,
  name: d.name,
  parentId: d.parent_id,
  isActive: d.is_active,
});

const optionalId = z.uuid().nullable().optional();
const lineIn = z.object({
  accountId: z.string().min(1),
  amount: decimal.optional().describe("signed: positive debits, negative credits"),
  debit: decimal.optional(),
  credit: decimal.optional(),
  currency: z.string().min(1).max(64).optional().describe("defaults to the client's home currency"),
  contactId: optionalId,
  classId: optionalId,
  departmentId: optionalId,
  locationId: optionalId,
  projectId: optionalId,
  memo: z.string().max(1000).nullable().optional(),
});
const entryIn = z.object({
  date,
  description: z.string().max(1000).default(""),
  reference: z.string().max(200).nullable().optional(),
  comment: z.string().max(4000).nullable().optional(),
  lines: z.array(lineIn).min(1).max(10_000),
});
const lineOut = z.object({
  accountId: z.string(),
  amount: z.string(),
  currency: z.string(),
  cost: z.object({ amount: z.string(), currency: z.string() }).nullable(),
  isConversion: z.boolean(),
  contactId: z.string().nullable(),
  classId: z.string().nullable(),
  departmentId: z.string().nullable(),
  locationId: z.string().nullable(),
  projectId: z.string().nullable(),
  memo: z.string().nullable(),
});
const entry = z.object({
  id: z.string(),
  number: z.string(),
  date: z.string(),
  description: z.string(),
  reference: z.string().nullable(),
  comment: z.string().nullable(),
  status: z.enum(["draft", "posted", "reversed"]),
  source: z.string(),
  reversesEntryId: z.string().nullable(),
  reversedByEntryId: z.string().nullable(),
  lines: z.array(lineOut),
});
function entryOut(e: EntryView, scales: Map<string, number>): z.infer<typeof entry> {
  const fmt = (amount: bigint, currency: string) => formatMinor(amount, scales.get(currency) ?? 2);
  return {
    id: e.id,
    number: e.number.toString(),
    date: e.date,
    description: e.description,
    reference: e.reference,
    comment: e.comment,
    status: e.status,
    source: e.source,
    reversesEntryId: e.reversesEntryId,
    reversedByEntryId: e.reversedByEntryId,
    lines: e.lines.map((l) => ({
      accountId: l.accountId,
      amount: fmt(l.amount, l.currency),
      currency: l.currency,
      cost: l.cost ? { amount: fmt(l.cost.amount, l.cost.currency), currency: l.cost.currency } : null,
      isConversion: l.isConversion ?? false,
      contactId: l.contactId ?? null,
      classId: l.classId ?? null,
      departmentId: l.departmentId ?? null,
      locationId: l.locationId ?? null,
      projectId: l.projectId ?? null,
      memo: l.memo ?? null,
    })),
  };
}

const tbJson = z.object({
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
const ledgerLine = z.object({
  entryId: z.string(),
  entryNumber: z.string(),
  date: z.string(),
  description: z.string(),
  reference: z.string().nullable(),
  memo: z.string().nullable(),
  contact: z.string().nullable(),
  amount: z.string(),
  balance: z.string(),
});

export function ledgerRoutes(ctx: Ctx) {
  return async (app: App) => {
    const base = "/api/clients/:client";
    const tags = (t: string) => ({ tags: [t] });

    // ── accounts ──
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
          body: z.object({
            number: z.string().max(20).nullable().optional(),
            name: z.string(),
            type: z.enum(ACCOUNT_TYPES),
            detailType: z.string().optional(),
            parentId: z.uuid().nullable().optional(),
            description: z.string().max(1000).nullable().optional(),
          }),
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
          body: z.object({
            name: z.string().optional(),
            number: z.string().max(20).nullable().optional(),
            detailType: z.string().optional(),
            description: z.string().max(1000).nullable().optional(),
            isActive: z.boolean().optional(),
          }),
          response: { 200: account, ...errors },
        },
      },
      async (req) =>
        accountOut(await ledger.updateAccount(ctx, req.actor, req.params.client, req.params.id, req.body)),
    );
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

    // ── contacts ──
    app.get(
      `${base}/contacts`,
      {
        schema: {
          ...tags("Contacts"),
          summary: "List vendors, customers and other contacts",
          params: clientParam,
          querystring: z.object({ kind: z.enum(contactKinds).optional() }),
          response: { 200: z.object({ contacts: z.array(contact) }), ...errors },
        },
      },
      async (req) => ({
        contacts: (await ledger.listContacts(ctx, req.actor, req.params.client, req.query.kind)).map(
          contactOut,
        ),
      }),
    );
    app.post(
      `${base}/contacts`,
      {
        schema: {
          ...tags("Contacts"),
          summary: "Create a contact",
          params: clientParam,
          body: z.object({
            kind: z.enum(contactKinds),
            name: z.string(),
            email: z.email().nullable().optional(),
          }),
          response: { 201: contact, ...errors },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(contactOut(await ledger.createContact(ctx, req.actor, req.params.client, req.body))),
    );
    app.patch(
      `${base}/contacts/:id`,
      {
        schema: {
          ...tags("Contacts"),
          summary: "Edit or (de)activate a contact",
          params: idParam,
          body: z.object({
            name: z.string().optional(),
            email: z.email().nullable().optional(),
            isActive: z.boolean().optional(),
          }),
          response: { 200: contact, ...errors },
        },
      },
      async (req) =>
        contactOut(await ledger.updateContact(ctx, req.actor, req.params.client, req.params.id, req.body)),
    );

    // ── dimensions ──
    app.get(
      `${base}/dimensions`,
      {
        schema: {
          ...tags("Dimensions"),
          summary: "List classes, departments, locations and projects",
          params: clientParam,
          querystring: z.object({ kind: z.enum(dimensionKinds).optional() }),
          response: { 200: z.object({ dimensions: z.array(dimension) }), ...errors },
        },
      },
      async (req) => ({
        dimensions: (await ledger.listDimensions(ctx, req.actor, req.params.client, req.query.kind)).map(
          dimensionOut,
        ),
      }),
    );
    app.post(
      `${base}/dimensions`,
      {
        schema: {
          ...tags("Dimensions"),
          summary: "Create a class, department, location or project",
          params: clientParam,
          body: z.object({
            kind: z.enum(dimensionKinds),
            name: z.string(),
            parentId: z.uuid().nullable().optional(),
          }),
          response: { 201: dimension, ...errors },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(dimensionOut(await ledger.createDimension(ctx, req.actor, req.params.client, req.body))),
    );
    app.patch(
      `${base}/dimensions/:id`,
      {
        schema: {
          ...tags("Dimensions"),
          summary: "Rename or (de)activate a dimension",
          params: idParam,
          body: z.object({ name: z.string().optional(), isActive: z.boolean().optional() }),
          response: { 200: dimension, ...errors },
        },
      },
      async (req) =>
        dimensionOut(
          await ledger.updateDimension(ctx, req.actor, req.params.client, req.params.id, req.body),
        ),
    );

    // ── journal entries ──
    app.get(
      `${base}/journal-entries`,
      {
        schema: {
          ...tags("Journal entries"),
          summary: "List journal entries, newest first",
          params: clientParam,
          querystring: z.object({
            status: z.enum(["draft", "posted"]).optional(),
            from: date.optional(),
            to: date.optional(),
            limit: z.coerce.number().int().min(1).max(500).default(50),
            offset: z.coerce.number().int().min(0).default(0),
          }),
          response: { 200: z.object({ entries: z.array(entry) }), ...errors },
        },
      },
      async (req) => {
        const list = await ledger.listEntries(ctx, req.actor, req.params.client, req.query);
        const scales = await currencyScalesFor(ctx, req.actor, req.params.client);
        return { entries: list.map((e) => entryOut(e, scales)) };
      },
    );
    app.post(
      `${base}/journal-entries`,
      {
        schema: {
          ...tags("Journal entries"),
          summary: "Create a draft entry, or post it at once with post=true",
          params: clientParam,
          querystring: z.object({ post: flag.default(false) }),
          body: entryIn,
          response: { 201: entry, ...errors },
        },
      },
      async (req, reply) => {
        const input = await ledger.toEntryInput(ctx, req.actor, req.params.client, req.body);
        const created = req.query.post
          ? await ledger.postEntry(ctx, req.actor, req.params.client, input)
          : await ledger.createDraft(ctx, req.actor, req.params.client, input);
        return reply
          .code(201)
          .send(entryOut(created, await currencyScalesFor(ctx, req.actor, req.params.client)));
      },
    );
    app.get(
      `${base}/journal-entries/:id`,
      {
        schema: {
          ...tags("Journal entries"),
          summary: "Get a journal entry with its lines",
          params: idParam,
          response: { 200: entry, ...errors },
        },
      },
      async (req) =>
        entryOut(
          await ledger.getEntry(ctx, req.actor, req.params.client, req.params.id),
          await currencyScalesFor(ctx, req.actor, req.params.client),
        ),
    );
    app.put(
      `${base}/journal-entries/:id`,
      {
        schema: {
          ...tags("Journal entries"),
          summary: "Replace a draft entry",
          params: idParam,
          body: entryIn,
          response: { 200: entry, ...errors },
        },
      },
      async (req) => {
        const input = await ledger.toEntryInput(ctx, req.actor, req.params.client, req.body);
        return entryOut(
          await ledger.updateDraft(ctx, req.actor, req.params.client, req.params.id, input),
          await currencyScalesFor(ctx, req.actor, req.params.client),
        );
      },
    );
    app.delete(
      `${base}/journal-entries/:id`,
      {
        schema: {
          ...tags("Journal entries"),
          summary: "Delete a draft entry",
          params: idParam,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await ledger.deleteDraft(ctx, req.actor, req.params.client, req.params.id);
        return reply.code(204).send(null);
      },
    );
    app.post(
      `${base}/journal-entries/:id/post`,
      {
        schema: {
          ...tags("Journal entries"),
          summary: "Post a draft entry",
          params: idParam,
          response: { 200: entry, ...errors },
        },
      },
      async (req) =>
        entryOut(
          await ledger.postDraft(ctx, req.actor, req.params.client, req.params.id),
          await currencyScalesFor(ctx, req.actor, req.params.client),
        ),
    );
    app.post(
      `${base}/journal-entries/:id/reverse`,
      {
        schema: {
          ...tags("Journal entries"),
          summary: "Reverse a posted entry with a new entry",
          params: idParam,
          body: z.object({ date: date.optional(), description: z.string().max(1000).optional() }).default({}),
          response: { 201: entry, ...errors },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(
            entryOut(
              await ledger.reverseEntry(ctx, req.actor, req.params.client, req.params.id, req.body ?? {}),
              await currencyScalesFor(ctx, req.actor, req.params.client),
            ),
          ),
    );

    // ── periods ──
    const period = z.object({
      month: z.string(),
      status: z.enum(["open", "locked"]),
      changedBy: z.string(),
      changedAt: z.string(),
    });
    const periodOut = (p: ledger.PeriodRow) => ({
      month: p.month.slice(0, 7),
      status: p.status,
      changedBy: p.changed_by,
      changedAt: new Date(p.changed_at).toISOString(),
    });
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
    const monthParam = clientParam.extend({ month: z.string().regex(/^\d{4}-\d{2}$/, "expected YYYY-MM") });
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

    // ── reports ──
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
            200: z.object({
              client: z.string(),
              from: z.string(),
              to: z.string(),
              accounts: z.array(
                z.object({
                  accountId: z.string(),
                  account: z.string(),
                  number: z.string().nullable(),
                  currency: z.string(),
                  opening: z.string(),
                  debits: z.string(),
                  credits: z.string(),
                  closing: z.string(),
                  lines: z.array(ledgerLine),
                }),
              ),
            }),
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
