// The Transaction Manager's search through the trigram index (migration 0029, search-store.ts):
// a signed-in user's search (a tenant in the session: the index path) finds exactly what checking
// every line's text finds (the owner's path), pages and totals alike; the search function never
// hands out another client's or firm's transactions, and refuses a session without a tenant.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { runAsTenant, type TenantScope } from "../../platform/tenant-scope.ts";
import { bookkeepingClient, type BooksFixture } from "../../../test/support/books.ts";
import { listTransactions, type TransactionQuery } from "./index.ts";
import { searchMatches } from "./search-store.ts";

let t: TestDb;
/** Two clients of one firm and one of another firm, with the same texts in each. */
let a1: BooksFixture;
let a2: BooksFixture;
let b1: BooksFixture;

/** Texts a bookkeeper searches: payees, check numbers, odd characters, mixed case, accents. */
const TEXTS: ReadonlyArray<[description: string, payee: string | null, bankPayee: string | null]> = [
  ["STARBUCKS STORE #4711", "Starbucks", null],
  ["CHECK 100234", null, null],
  ["CHECK 100235", null, "Harborview Property"],
  ["ACH DEBIT GUSTO PAYROLL", "Gusto", "GUSTO INC"],
  ["100% JUICE_BAR LTD", "Juice Bar", null],
  ["O'BRIEN & SONS PLUMBING", null, "O'Brien"],
  ["Café Ünïcode Straße", "Café Ü", null],
  ["POS DEBIT SHELL OIL 5543", "Shell", null],
  ["TRANSFER TO SAVINGS", null, null],
  ["back\\slash store", null, null],
];

async function seed(c: BooksFixture): Promise<void> {
  // Each text on several dates and statuses, and 1,200 lines of one payee (a common term: more
  // matches than the first page's count reaches), half of them in Needs Review.
  await sql`
    insert into transactions (id, firm_id, client_id, bank_account_id, bank_line_id, bank_ledger_account_id, date,
      amount, currency, scale, description, payee, bank_payee, status, status_reason)
    select gen_random_uuid(), ${c.firmId}::uuid, ${c.clientId}::uuid,
      case when g.i % 2 = 0 then ${c.checking.id}::uuid else ${c.card.id}::uuid end, gen_random_uuid(),
      gen_random_uuid(), date '2025-01-01' + (g.i * 7 % 400), -(1000 + g.i), 'USD', 2, x.d, x.p, x.bp,
      case when g.i % 3 = 0 then 'processed' else 'needs_review' end, 'low confidence'
    from unnest(${TEXTS.map((x) => x[0])}::text[], ${TEXTS.map((x) => x[1])}::text[],
                ${TEXTS.map((x) => x[2])}::text[]) as x(d, p, bp)
    cross join generate_series(1, 6) as g(i)`.execute(t.ctx.db);
  await sql`
    insert into transactions (id, firm_id, client_id, bank_account_id, bank_line_id, bank_ledger_account_id, date,
      amount, currency, scale, description, status, status_reason)
    select gen_random_uuid(), ${c.firmId}::uuid, ${c.clientId}::uuid, ${c.card.id}::uuid, gen_random_uuid(),
      gen_random_uuid(), date '2025-01-01' + (g.i % 300), -(1000 + g.i), 'USD', 2, 'BULK PAYEE ' || g.i,
      case when g.i % 2 = 0 then 'processed' else 'needs_review' end, 'low confidence'
    from generate_series(1, 1200) as g(i)`.execute(t.ctx.db);
}

beforeAll(async () => {
  t = await testDb();
  a1 = await bookkeepingClient(t.ctx, "search-a1", "firm-search-a");
  a2 = await bookkeepingClient(t.ctx, "search-a2", "firm-search-a");
  b1 = await bookkeepingClient(t.ctx, "search-b1", "firm-search-b");
  for (const c of [a1, a2, b1]) await seed(c);
});
afterAll(async () => {
  await t?.close();
});

const tenantOf = (c: BooksFixture): TenantScope => ({ firmId: c.firmId, clientIds: [c.clientId] });

/** The client each transaction belongs to, read as the owner. */
async function clientsOf(ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const r = await sql<{ client_id: string }>`
    select distinct client_id from transactions where id = any(${[...ids]}::uuid[])`.execute(t.ctx.db);
  return new Set(r.rows.map((x) => x.client_id));
}

const refused = { code: "42501" };

/** A list call as a signed-in user of a1 makes it: a tenant in the session, the index path. */
const asUser = (query: TransactionQuery) =>
  runAsTenant(tenantOf(a1), () => listTransactions(t.ctx, a1.actor, a1.slug, query));

describe("searching through the index", () => {
  it("finds what checking every line's text finds: pages, totals and whether they are exact", async () => {
    const queries: TransactionQuery[] = [
      { tab: "all", search: "starbucks" },
      { tab: "all", search: "bucks sto" },
      { tab: "all", search: "100234" },
      { tab: "all", search: "check 1002" },
      { tab: "all", search: "harborview" },
      { tab: "needs_review", search: "gusto" },
      { tab: "all", search: "100%" },
      { tab: "all", search: "juice_bar" },
      { tab: "all", search: "o'brien" },
      { tab: "all", search: "café ü" },
      { tab: "all", search: "STRASSE" },
      { tab: "all", search: "straße" },
      { tab: "all", search: "\\slash" },
      { tab: "all", search: "no such text" },
      { tab: "processed", search: "shell", bankAccountId: undefined, from: "2025-02-01", to: "2025-12-31" },
      // The common term: the newest matches answer the All tab; the Needs Review tab holds too few
      // of them and checks the text of each line instead.
      { tab: "all", search: "bulk payee" },
      { tab: "needs_review", search: "bulk payee" },
      { tab: "all", search: "bulk payee", offset: 200 },
      { tab: "processed", search: "BULK PAYEE 11", from: "2025-01-01", to: "2025-06-30" },
      { tab: "all", search: "bulk payee", offset: 11_000 },
      // Filters the ids are filtered by again, and a second, longer look when the first was too short.
      { tab: "all", search: "bulk payee", minAmount: "21.00" },
      { tab: "all", search: "bulk payee", minAmount: "-10.50", maxAmount: "12.00" },
      { tab: "all", search: "check", maxAmount: "10.03" },
      { tab: "needs_review", search: "bulk payee", minAmount: "20.00", from: "2025-03-01", to: "2025-08-31" },
      { tab: "all", search: "check", bankAccountId: a1.checking.id },
      { tab: "needs_review", search: "payee 1", bankAccountId: a1.card.id, from: "2025-02-01" },
    ];
    for (const query of queries) {
      const owner = await listTransactions(t.ctx, a1.actor, a1.slug, query);
      const user = await asUser(query);
      const label = JSON.stringify(query);
      expect(
        user.transactions.map((x) => x.id),
        label,
      ).toEqual(owner.transactions.map((x) => x.id));
      expect({ total: user.total, exact: user.totalExact }, label).toEqual({
        total: owner.total,
        exact: owner.totalExact,
      });
    }
    const some = await asUser({ tab: "all", search: "bucks sto" });
    expect(some.total).toBe(6);
    // The newest 226 matches fill the All tab's page and count; Needs Review has 600 of them,
    // counted to the end from the 401st on.
    const bulkAll = await asUser({ tab: "all", search: "bulk payee" });
    expect({ total: bulkAll.total, exact: bulkAll.totalExact }).toEqual({ total: 225, exact: false });
    const bulk = await asUser({ tab: "needs_review", search: "bulk payee" });
    expect(bulk.transactions).toHaveLength(25);
    expect({ total: bulk.total, exact: bulk.totalExact }).toEqual({ total: 225, exact: false });
    const bulkEnd = await asUser({ tab: "needs_review", search: "bulk payee", offset: 400 });
    expect({ total: bulkEnd.total, exact: bulkEnd.totalExact }).toEqual({ total: 600, exact: true });
  });

  it("hands back the newest matches of the client, and says whether they are all", async () => {
    const few = await runAsTenant(tenantOf(a1), () => searchMatches(t.ctx.db, a1, "Starbucks", 100));
    expect(few.ids).toHaveLength(6);
    expect(few.complete).toBe(true);
    const many = await runAsTenant(tenantOf(a1), () => searchMatches(t.ctx.db, a1, "bulk payee", 100));
    expect(many.ids).toHaveLength(100);
    expect(many.complete).toBe(false);
    const newest = await listTransactions(t.ctx, a1.actor, a1.slug, {
      tab: "all",
      search: "bulk payee",
      limit: 100,
    });
    expect(many.ids).toEqual(newest.transactions.map((x) => x.id));
  });
});

describe("the search function's tenant wall", () => {
  it("never returns another client's or another firm's transactions", async () => {
    // The same texts in all three clients: a user of one client sees only that client's.
    for (const search of ["starbucks", "bulk payee", "100234"]) {
      const page = await runAsTenant(tenantOf(a1), () =>
        listTransactions(t.ctx, a1.actor, a1.slug, { tab: "all", search }),
      );
      expect(page.transactions.length).toBeGreaterThan(0);
      expect(await clientsOf(page.transactions.map((x) => x.id))).toEqual(new Set([a1.clientId]));
    }
    const firmWide = await runAsTenant({ firmId: a1.firmId, clientIds: "all" }, () =>
      searchMatches(t.ctx.db, a2, "starbucks", 100),
    );
    expect(await clientsOf(firmWide.ids)).toEqual(new Set([a2.clientId]));
    // A session of firm A that may see all its clients, asking for firm B's client: nothing.
    const otherFirm = await runAsTenant({ firmId: a1.firmId, clientIds: "all" }, () =>
      searchMatches(t.ctx.db, b1, "starbucks", 100),
    );
    expect(otherFirm.ids).toEqual([]);
  });

  it("refuses a client the session may not see", async () => {
    await expect(
      runAsTenant(tenantOf(a1), () => searchMatches(t.ctx.db, a2, "starbucks", 100)),
    ).rejects.toMatchObject(refused);
    await expect(
      runAsTenant(tenantOf(a1), () => searchMatches(t.ctx.db, b1, "starbucks", 100)),
    ).rejects.toMatchObject(refused);
  });

  it("refuses a session without a tenant: the owner's, and the app role's without settings", async () => {
    await expect(searchMatches(t.ctx.db, a1, "starbucks", 100)).rejects.toMatchObject(refused);
    await expect(
      t.ctx.db.transaction().execute(async (tx) => {
        await sql`set local role closebook_app`.execute(tx);
        return searchMatches(tx, a1, "starbucks", 100);
      }),
    ).rejects.toMatchObject(refused);
  });
});
