// The Transaction Manager, rules and AI settings over HTTP with real sign-in: the routes in the
// OpenAPI document, a review session (automation, tabs and paging, explanation, edit, split, mark
// reviewed, bulk, rule from this, preview and apply), settings with "last updated by", training,
// every bad input as problem+json naming the field, and tenant isolation (services and row-level
// security) for every route.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { testServer } from "../../../test/support/server.ts";
import { signedIn, type Caller } from "../../../test/support/auth.ts";
import { runAsTenant } from "../../platform/tenant-scope.ts";
import type { App } from "../../platform/http.ts";
import {
  bookkeepingClient,
  importLines,
  merchantLines,
  postHistory,
  TEST_BANDS,
  type BooksFixture,
} from "./test-fixtures.ts";

let t: TestDb;
let b: BooksFixture;
let other: BooksFixture;
let app: App;
let admin: Caller;

beforeAll(async () => {
  t = await testDb();
  b = await bookkeepingClient(t.ctx, "api-books", "firm-api-books");
  other = await bookkeepingClient(t.ctx, "other-books", "firm-other-books");
  await postHistory(b, "2026-02-28", 80);
  app = await testServer(t, { anonymous: true });
  admin = await signedIn(t, app, { firmId: b.firmId, role: "partner_admin", name: "Ada Admin" });
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

const url = (p: string, client = b.slug) => `/api/clients/${client}${p}`;
const problemOf = (res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }) => {
  expect(res.headers["content-type"]).toContain("application/problem+json");
  return res.json() as { code: string; field?: string; detail: string; status: number };
};

describe("the API", () => {
  it("publishes its routes in the OpenAPI document and refuses anonymous callers", async () => {
    const doc = (await app.inject({ url: "/api/openapi.json" })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/clients/{client}/transactions",
        "/api/clients/{client}/transactions/{id}",
        "/api/clients/{client}/transactions/{id}/split",
        "/api/clients/{client}/transactions/{id}/review",
        "/api/clients/{client}/transactions/{id}/rule",
        "/api/clients/{client}/transactions/bulk",
        "/api/clients/{client}/rules",
        "/api/clients/{client}/rules/{id}",
        "/api/clients/{client}/rules/preview",
        "/api/clients/{client}/rules/{id}/apply",
        "/api/clients/{client}/ai-settings",
        "/api/clients/{client}/ai-settings/taxonomy",
        "/api/clients/{client}/ai-settings/learning",
        "/api/clients/{client}/ai-settings/train",
        "/api/clients/{client}/automation",
        "/api/clients/{client}/bank-accounts/{account}/automation",
      ]),
    );
    for (const p of ["/transactions", "/rules", "/ai-settings", "/automation"]) {
      const res = await app.inject({ url: url(p) });
      expect(res.statusCode, p).toBe(401);
    }
  });
});

describe("a review session", () => {
  let fuelId: string;

  it("trains the firm on demand, sets AutoPush, and lists the Needs Review tab 25 at a time", async () => {
    const trained = await admin.inject({
      method: "POST",
      url: url("/ai-settings/train"),
      payload: { scope: "firm", wait: true },
    });
    expect(trained.statusCode).toBe(200);
    expect(trained.json()).toMatchObject({ scope: "firm", generation: 1 });
    const bands = await admin.inject({
      method: "PATCH",
      url: url("/ai-settings"),
      payload: { bands: TEST_BANDS },
    });
    expect(bands.json().settings.bands).toEqual(TEST_BANDS);
    const set = await admin.inject({
      method: "PUT",
      url: url("/bank-accounts/checking/automation"),
      payload: { mode: "auto_push", startDate: "2026-01-01" },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({
      mode: "auto_push",
      startDate: "2026-01-01",
      lastUpdated: { name: "Ada Admin" },
    });
    await importLines(b, [
      ...merchantLines("2026-04-01", 4),
      ...Array.from({ length: 30 }, (_, i) => ({
        date: "2026-04-03",
        description: `ODD SHOP ${i}`,
        amount: "-9.99",
      })),
    ]);
    const first = await admin.inject(url("/transactions?tab=needs_review"));
    expect(first.statusCode).toBe(200);
    const page = first.json();
    expect(page.transactions).toHaveLength(25);
    expect(page.limit).toBe(25);
    expect(page.total).toBe(page.counts.needsReview);
    expect(page.counts.processed).toBeGreaterThan(0);
    const second = (await admin.inject(url(`/transactions?tab=needs_review&offset=25`))).json();
    expect(second.transactions.length).toBe(page.total - 25);
    const ids = new Set([...page.transactions, ...second.transactions].map((x: { id: string }) => x.id));
    expect(ids.size).toBe(page.total);
    const processed = (await admin.inject(url("/transactions?tab=processed&search=shell"))).json();
    expect(processed.transactions).toHaveLength(4);
    fuelId = processed.transactions[0].id;
    expect(processed.transactions[0]).toMatchObject({
      amount: expect.stringMatching(/^-\d+\.\d\d$/),
      prediction: { band: "high", method: "memory" },
    });
  });

  it("filters by band, account, amount, date and assignee", async () => {
    const low = (await admin.inject(url("/transactions?tab=all&band=low"))).json();
    expect(low.total).toBeGreaterThanOrEqual(30);
    const rent = (
      await admin.inject(
        url(`/transactions?tab=all&accountId=${b.account("6500")}&minAmount=100&maxAmount=5000`),
      )
    ).json();
    expect(rent.total).toBe(4);
    const day = (await admin.inject(url("/transactions?tab=all&from=2026-04-02&to=2026-04-02"))).json();
    expect(day.total).toBe(8);
    const two = day.transactions.slice(0, 2).map((x: { id: string }) => x.id);
    const assign = await admin.inject({
      method: "POST",
      url: url("/transactions/bulk"),
      payload: { action: "edit", ids: two, edit: { assigneeId: admin.userId } },
    });
    expect(assign.statusCode).toBe(200);
    const mine = (await admin.inject(url(`/transactions?tab=all&assigneeId=${admin.userId}`))).json();
    expect(mine.transactions.map((x: { id: string }) => x.id).sort()).toEqual([...two].sort());
    const all = (await admin.inject(url("/transactions?tab=all"))).json();
    const nobody = (await admin.inject(url("/transactions?tab=all&assigneeId=none"))).json();
    expect(nobody.total).toBe(all.total - 2);
    const stranger = await admin.inject({
      method: "POST",
      url: url("/transactions/bulk"),
      payload: { action: "edit", ids: two, edit: { assigneeId: "not-a-user" } },
    });
    expect(problemOf(stranger)).toMatchObject({ code: "transactions/unknown-user", field: "assigneeId" });
    const bad = await admin.inject(url("/transactions?minAmount=10&maxAmount=5"));
    expect(bad.statusCode).toBe(400);
    expect(problemOf(bad)).toMatchObject({ code: "transactions/bad-range", field: "minAmount" });
  });

  it("shows one transaction with its explanation and history; an edit reverses and re-posts", async () => {
    const detail = (await admin.inject(url(`/transactions/${fuelId}`))).json();
    expect(detail.prediction.explanation).toMatch(
      /earlier lines from “Shell” for this client went to 6100 Car and Truck/,
    );
    const edit = await admin.inject({
      method: "PATCH",
      url: url(`/transactions/${fuelId}`),
      payload: { accountId: b.account("6750"), memo: "trip" },
    });
    expect(edit.statusCode).toBe(200);
    const edited = edit.json();
    expect(edited).toMatchObject({
      coding: { accountId: b.account("6750"), memo: "trip" },
      edited: { name: "Ada Admin" },
    });
    expect(edited.entryId).not.toBe(detail.entryId);
    const original = (await admin.inject(url(`/journal-entries/${detail.entryId}`))).json();
    expect(original.status).toBe("reversed");
    const history = (await admin.inject(url(`/transactions/${fuelId}`))).json().history;
    expect(history.map((h: { action: string }) => h.action)).toEqual(["transactions.transaction.edited"]);
  });

  it("answers bad input with problem+json naming the field, changing nothing", async () => {
    const before = (await admin.inject(url(`/transactions/${fuelId}`))).json();
    const splitNotTotal = await admin.inject({
      method: "POST",
      url: url(`/transactions/${fuelId}/split`),
      payload: {
        by: "amount",
        parts: [
          { accountId: b.account("6100"), amount: "1.00" },
          { accountId: b.account("6750"), amount: "1.00" },
        ],
      },
    });
    expect(splitNotTotal.statusCode).toBe(400);
    expect(problemOf(splitNotTotal)).toMatchObject({ code: "transactions/split-not-total", field: "parts" });
    const percent = await admin.inject({
      method: "POST",
      url: url(`/transactions/${fuelId}/split`),
      payload: {
        by: "percent",
        parts: [
          { accountId: b.account("6100"), percent: "50" },
          { accountId: b.account("6750"), percent: "49" },
        ],
      },
    });
    expect(problemOf(percent)).toMatchObject({ code: "transactions/split-percent-not-100" });
    const rule = await admin.inject({
      method: "POST",
      url: url("/rules"),
      payload: {
        conditions: [{ field: "description", op: "contains", value: "shell" }],
        actions: { account: "0190b5d4-0000-7000-8000-000000000000" },
      },
    });
    expect(rule.statusCode).toBe(400);
    expect(problemOf(rule)).toMatchObject({ code: "categorize/unknown-account", field: "actions.account" });
    const malformed = await admin.inject({
      method: "PATCH",
      url: url(`/transactions/${fuelId}`),
      payload: { accountId: "not-an-id" },
    });
    expect(malformed.statusCode).toBe(400);
    expect(problemOf(malformed).field).toBe("accountId");
    const locked = await admin.inject({ method: "POST", url: url("/periods/2026-04/lock") });
    expect(locked.statusCode).toBeLessThan(300);
    const inLocked = await admin.inject({
      method: "PATCH",
      url: url(`/transactions/${fuelId}`),
      payload: { accountId: b.account("6100") },
    });
    expect(inLocked.statusCode).toBe(422);
    expect(problemOf(inLocked)).toMatchObject({ code: "ledger/period-locked" });
    await admin.inject({ method: "POST", url: url("/periods/2026-04/unlock") });
    const window = await admin.inject({
      method: "PATCH",
      url: url("/ai-settings"),
      payload: { trainingWindow: { from: "2031-01-01", to: null } },
    });
    expect(window.statusCode).toBe(200);
    const empty = await admin.inject({
      method: "POST",
      url: url("/ai-settings/train"),
      payload: { scope: "client" },
    });
    expect(empty.statusCode).toBe(400);
    expect(problemOf(empty)).toMatchObject({
      code: "categorize/empty-training-window",
      field: "trainingWindow",
    });
    await admin.inject({
      method: "PATCH",
      url: url("/ai-settings"),
      payload: { trainingWindow: { from: null, to: null } },
    });
    expect((await admin.inject(url(`/transactions/${fuelId}`))).json().entryId).toBe(before.entryId);
  });

  it("marks reviewed, in bulk too, and makes a rule from a correction that applies to the waiting ones", async () => {
    const odd = (await admin.inject(url("/transactions?tab=needs_review&search=ODD%20SHOP&limit=50"))).json()
      .transactions;
    expect(odd).toHaveLength(30);
    const edit = await admin.inject({
      method: "PATCH",
      url: url(`/transactions/${odd[0].id}`),
      payload: { accountId: b.account("6400"), payee: "Odd Shop" },
    });
    expect(edit.statusCode).toBe(200);
    const made = await admin.inject({
      method: "POST",
      url: url(`/transactions/${odd[0].id}/rule`),
      payload: { applyToExisting: true },
    });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({
      rule: { origin: "correction", name: "Odd Shop → Office Supplies" },
      applied: { applied: 29 },
    });
    const rules = (await admin.inject(url("/rules"))).json().rules;
    expect(rules.map((r: { origin: string }) => r.origin)).toEqual(["correction"]);
    const preview = await admin.inject({
      method: "POST",
      url: url("/rules/preview"),
      payload: {
        ruleId: rules[0].id,
        conditions: rules[0].conditions,
        actions: { account: b.account("6600") },
      },
    });
    // Applied to all but the corrected line, which waits for its reviewer.
    expect(preview.json()).toMatchObject({ matched: 30, applicable: 0 });
    await importLines(
      b,
      [
        { date: "2026-04-05", description: "FIRST OF ITS KIND", amount: "-12.00" },
        { date: "2026-04-05", description: "SECOND OF ITS KIND", amount: "40.00" },
      ],
      "checking",
      "odd.csv",
    );
    const waiting = (await admin.inject(url("/transactions?tab=needs_review"))).json();
    expect(waiting.total).toBe(3);
    const bulk = await admin.inject({
      method: "POST",
      url: url("/transactions/bulk"),
      payload: { action: "review", ids: waiting.transactions.map((x: { id: string }) => x.id) },
    });
    expect(bulk.statusCode, bulk.body).toBe(200);
    expect(
      bulk
        .json()
        .transactions.every(
          (x: { status: string; reviewed: { name: string } }) =>
            x.status === "processed" && x.reviewed.name === "Ada Admin",
        ),
    ).toBe(true);
    const nothing = await admin.inject({
      method: "POST",
      url: url("/transactions/bulk"),
      payload: { action: "edit", ids: [fuelId], edit: {} },
    });
    expect(problemOf(nothing)).toMatchObject({ code: "transactions/nothing-to-change", field: "edit" });
    const tb = (await admin.inject(url("/reports/trial-balance"))).json();
    for (const total of tb.totals) expect(total.debit).toBe(total.credit);
  });

  it("keeps AI settings with who changed each one, and the taxonomy and learning on view", async () => {
    const patched = await admin.inject({
      method: "PATCH",
      url: url("/ai-settings"),
      payload: { materiality: "2500", lowConfidence: "hold", bands: { high: "99", medium: "92.5" } },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().settings).toMatchObject({
      materiality: "2500.00",
      lowConfidence: "hold",
      bands: { high: "99", medium: "92.5" },
      updated: { materiality: { name: "Ada Admin" }, lowConfidence: { name: "Ada Admin" } },
    });
    const taxonomy = (await admin.inject(url("/ai-settings/taxonomy"))).json();
    expect(taxonomy.categories.length).toBeGreaterThan(50);
    const put = await admin.inject({
      method: "PUT",
      url: url(`/ai-settings/taxonomy/${b.account("6600")}`),
      payload: { category: "it.hardware" },
    });
    expect(put.json()).toMatchObject({ category: "it.hardware", source: "set" });
    const learning = (await admin.inject(url("/ai-settings/learning"))).json();
    expect(
      learning.models.some((m: { scope: string; isCurrent: boolean }) => m.scope === "firm" && m.isCurrent),
    ).toBe(true);
    const queued = await admin.inject({
      method: "POST",
      url: url("/ai-settings/train"),
      payload: { scope: "client" },
    });
    expect(queued.statusCode).toBe(202);
  });

  it("lets Client Self Service run its own books but not train the firm-wide model", async () => {
    const own = await signedIn(t, app, {
      firmId: b.firmId,
      role: "client_self_service",
      clients: [b.clientId],
      name: "Sam Self",
    });
    expect((await own.inject(url("/transactions"))).statusCode).toBe(200);
    const auto = await own.inject({
      method: "PUT",
      url: url("/bank-accounts/card/automation"),
      payload: { mode: "none", startDate: null },
    });
    expect(auto.statusCode).toBe(200);
    const firm = await own.inject({
      method: "POST",
      url: url("/ai-settings/train"),
      payload: { scope: "firm", wait: true },
    });
    expect(firm.statusCode).toBe(403);
  });
});

describe("tenancy", () => {
  it("never shows one firm's transactions, rules or settings to another (services and row-level security)", async () => {
    const stranger = await signedIn(t, app, { firmId: other.firmId, role: "partner_admin" });
    const some = (await admin.inject(url("/transactions?tab=all"))).json().transactions[0];
    const rule = (await admin.inject(url("/rules"))).json().rules[0];
    const reads = [
      "/transactions",
      `/transactions/${some.id}`,
      "/rules",
      `/rules/${rule.id}`,
      "/ai-settings",
      "/ai-settings/taxonomy",
      "/ai-settings/learning",
      "/automation",
      "/bank-accounts/checking/automation",
    ];
    for (const p of reads) {
      const res = await stranger.inject(url(p));
      expect(res.statusCode, p).toBe(404);
      expect(res.body).not.toContain("SHELL");
    }
    const writes: Array<{ method: "PATCH" | "POST" | "PUT" | "DELETE"; path: string; payload?: object }> = [
      { method: "PATCH", path: `/transactions/${some.id}`, payload: { memo: "x" } },
      { method: "POST", path: `/transactions/${some.id}/review` },
      { method: "POST", path: `/transactions/${some.id}/split`, payload: { by: "percent", parts: [] } },
      { method: "POST", path: `/transactions/${some.id}/rule`, payload: {} },
      { method: "POST", path: "/transactions/bulk", payload: { action: "review", ids: [some.id] } },
      {
        method: "POST",
        path: "/rules",
        payload: {
          conditions: [{ field: "description", op: "contains", value: "x" }],
          actions: { payee: "x" },
        },
      },
      { method: "PATCH", path: `/rules/${rule.id}`, payload: { enabled: false } },
      { method: "DELETE", path: `/rules/${rule.id}` },
      { method: "POST", path: `/rules/${rule.id}/apply` },
      {
        method: "POST",
        path: "/rules/preview",
        payload: {
          conditions: [{ field: "description", op: "contains", value: "x" }],
          actions: { payee: "x" },
        },
      },
      { method: "PATCH", path: "/ai-settings", payload: { lowConfidence: "hold" } },
      { method: "PUT", path: `/ai-settings/taxonomy/${b.account("6100")}`, payload: { category: null } },
      { method: "POST", path: "/ai-settings/train", payload: { scope: "client" } },
      {
        method: "PUT",
        path: "/bank-accounts/checking/automation",
        payload: { mode: "none", startDate: null },
      },
    ];
    for (const w of writes) {
      const res = await stranger.inject({
        method: w.method,
        url: url(w.path),
        ...(w.payload ? { payload: w.payload } : {}),
      });
      expect([400, 404], `${w.method} ${w.path}`).toContain(res.statusCode);
    }
    const theirs = await signedIn(t, app, {
      firmId: other.firmId,
      role: "client_admin",
      clients: [other.clientId],
    });
    expect((await theirs.inject(url("/transactions", other.slug))).statusCode).toBe(200);
    expect((await theirs.inject(url("/transactions"))).statusCode).toBe(404);
    // The database's own wall: as the other firm's tenant, our rows do not exist.
    const tables = [
      "transactions",
      "bank_automation",
      "categorize_rules",
      "ai_settings",
      "account_categories",
      "categorize_state",
      "categorize_memory",
      "categorize_models",
    ];
    const seen = await runAsTenant({ firmId: other.firmId, clientIds: "all" }, async () => {
      const counts: Record<string, number> = {};
      for (const table of tables) {
        const r = await sql<{
          n: bigint;
        }>`select count(*)::int8 as n from ${sql.table(table)} where firm_id = ${b.firmId}::uuid`.execute(
          t.ctx.db,
        );
        counts[table] = Number(r.rows[0]!.n);
      }
      return counts;
    });
    expect(seen).toEqual(Object.fromEntries(tables.map((x) => [x, 0])));
    const mine = await runAsTenant({ firmId: b.firmId, clientIds: [b.clientId] }, async () =>
      Number(
        (await sql<{ n: bigint }>`select count(*)::int8 as n from transactions`.execute(t.ctx.db)).rows[0]!.n,
      ),
    );
    expect(mine).toBeGreaterThan(0);
    // A client-scoped tenant of the same firm sees the firm-wide tallies and model, not another client's rows.
    const scoped = await runAsTenant(
      { firmId: b.firmId, clientIds: ["0190b5d4-0000-7000-8000-000000000000"] },
      async () => ({
        transactions: Number(
          (await sql<{ n: bigint }>`select count(*)::int8 as n from transactions`.execute(t.ctx.db)).rows[0]!
            .n,
        ),
        clientMemory: Number(
          (
            await sql<{
              n: bigint;
            }>`select count(*)::int8 as n from categorize_memory where client_id is not null`.execute(
              t.ctx.db,
            )
          ).rows[0]!.n,
        ),
        firmMemory: Number(
          (
            await sql<{
              n: bigint;
            }>`select count(*)::int8 as n from categorize_memory where client_id is null`.execute(t.ctx.db)
          ).rows[0]!.n,
        ),
        firmModels: Number(
          (
            await sql<{
              n: bigint;
            }>`select count(*)::int8 as n from categorize_models where client_id is null`.execute(t.ctx.db)
          ).rows[0]!.n,
        ),
      }),
    );
    expect(scoped).toMatchObject({ transactions: 0, clientMemory: 0 });
    expect(scoped.firmMemory).toBeGreaterThan(0);
    expect(scoped.firmModels).toBeGreaterThan(0);
  });
});
