// The Transaction Manager's list at scale, checked against plain counting: the kept tab counts
// (transaction_counts) through imports, reviews, edits, bulk actions and folding; totals of
// filtered lists counted no further than 1,000 past the page and said to be "at least"; and the
// amount filter (an amount's size, money in and out) written as ranges the indexes can serve.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import {
  bookkeepingClient,
  importLines,
  learnHistory,
  merchantLines,
  type BooksFixture,
} from "../../../test/support/books.ts";
import {
  bulkEdit,
  editTransaction,
  listTransactions,
  reviewTransactions,
  setAutomation,
  COUNT_AHEAD,
  SEARCH_COUNT_AHEAD,
} from "./index.ts";

let t: TestDb;
let b: BooksFixture;

beforeAll(async () => {
  t = await testDb();
  b = await bookkeepingClient(t.ctx);
  await learnHistory(b, "2026-02-28");
  await setAutomation(t.ctx, b.actor, b.slug, "checking", { mode: "auto_push", startDate: "2026-01-01" });
  await setAutomation(t.ctx, b.actor, b.slug, "card", { mode: "manual_push", startDate: null });
  await importLines(b, merchantLines("2026-04-01", 3), "checking", "april.csv");
  await importLines(b, merchantLines("2026-04-01", 2, { seed: 9 }), "card", "card.csv");
});
afterAll(async () => {
  await t?.close();
});

/** Counts by status and bank account, counted from the rows themselves. */
async function counted(): Promise<Record<string, number>> {
  const r = await sql<{ bank_account_id: string; status: string; n: string }>`
    select bank_account_id, status, count(*)::text as n from transactions
    where client_id = ${b.clientId}::uuid group by 1, 2`.execute(t.ctx.db);
  return Object.fromEntries(r.rows.map((x) => [`${x.bank_account_id}:${x.status}`, Number(x.n)]));
}

async function expectCountsRight(): Promise<void> {
  const rows = await counted();
  const sum = (statuses: string[], bank?: string) =>
    Object.entries(rows)
      .filter(([k]) => statuses.includes(k.split(":")[1]!) && (!bank || k.startsWith(`${bank}:`)))
      .reduce((n, [, v]) => n + v, 0);
  const page = await listTransactions(t.ctx, b.actor, b.slug, { limit: 1 });
  expect(page.counts).toEqual({
    needsReview: sum(["needs_review", "held"]),
    processed: sum(["processed"]),
    excluded: sum(["excluded"]),
    held: sum(["held"]),
  });
  expect(page.total).toBe(sum(["needs_review", "held"]));
  expect(page.totalExact).toBe(true);
  for (const tab of ["processed", "all"] as const) {
    const statuses = tab === "all" ? ["needs_review", "held", "processed", "excluded"] : [tab];
    for (const bank of [undefined, b.card.id]) {
      const p = await listTransactions(t.ctx, b.actor, b.slug, { tab, bankAccountId: bank, limit: 1 });
      expect(p.total, `${tab} ${bank ?? "every bank account"}`).toBe(sum(statuses, bank));
    }
  }
}

describe("the Transaction Manager's tab counts", () => {
  it("are kept right through imports, reviews, edits and bulk actions", async () => {
    const before = await listTransactions(t.ctx, b.actor, b.slug, { tab: "all", limit: 500 });
    expect(before.counts.processed).toBeGreaterThan(0);
    expect(before.counts.needsReview).toBeGreaterThan(0);
    await expectCountsRight();

    const waiting = (await listTransactions(t.ctx, b.actor, b.slug, { limit: 6 })).transactions;
    expect(waiting).toHaveLength(6);
    await reviewTransactions(t.ctx, b.actor, b.slug, [waiting[0]!.id]);
    await expectCountsRight();
    await editTransaction(t.ctx, b.actor, b.slug, waiting[1]!.id, { memo: "no status change" });
    await expectCountsRight();
    await reviewTransactions(t.ctx, b.actor, b.slug, [waiting[2]!.id, waiting[3]!.id]);
    await expectCountsRight();
    await bulkEdit(t.ctx, b.actor, b.slug, [waiting[4]!.id, waiting[5]!.id], {
      accountId: b.account("6400"),
    });
    await expectCountsRight();
    const after = await listTransactions(t.ctx, b.actor, b.slug, { limit: 1 });
    expect(after.counts.needsReview).toBeLessThanOrEqual(before.counts.needsReview - 3);
    expect(after.counts.processed).toBeGreaterThanOrEqual(before.counts.processed + 3);
  });

  it("stay right when a client's many changes are folded into one row per bank account and status", async () => {
    const rowsOf = async () =>
      Number(
        (
          await sql<{ n: string }>`select count(*)::text as n from transaction_counts
            where client_id = ${b.clientId}::uuid`.execute(t.ctx.db)
        ).rows[0]!.n,
      );
    const [one] = (await listTransactions(t.ctx, b.actor, b.slug, { limit: 1 })).transactions;
    // Each status change is a statement adding two rows of changes (one status −1, the other +1).
    for (let i = 0; i < 40; i++)
      await sql`update transactions set status = ${i % 2 ? one!.status : "excluded"}
        where id = ${one!.id}::uuid`.execute(t.ctx.db);
    expect(await rowsOf()).toBeGreaterThan(64);
    await expectCountsRight(); // reading folds
    expect(await rowsOf()).toBeLessThanOrEqual(8);
    await expectCountsRight();
  });
});

describe("a filtered list", () => {
  it("counts its matches no further than 1,000 past the page (a search: 200), and says when there are more", async () => {
    // 1,200 more lines of one card payee (plain rows: the count is what is checked here).
    await sql`
      insert into transactions (id, firm_id, client_id, bank_account_id, bank_line_id, bank_ledger_account_id, date,
        amount, currency, scale, description, status, status_reason)
      select gen_random_uuid(), ${b.firmId}::uuid, ${b.clientId}::uuid, ${b.card.id}::uuid, gen_random_uuid(),
        gen_random_uuid(), date '2025-01-01' + (g.i % 300), (case when g.i % 2 = 0 then 1 else -1 end) * (1000 + g.i), 'USD', 2, 'BULK PAYEE ' || g.i,
        'needs_review', 'low confidence'
      from generate_series(1, 1200) as g(i)`.execute(t.ctx.db);
    await expectCountsRight();

    const dated = await listTransactions(t.ctx, b.actor, b.slug, {
      tab: "all",
      from: "2025-01-01",
      to: "2025-12-31",
    });
    expect(dated.transactions).toHaveLength(25);
    expect({ total: dated.total, exact: dated.totalExact }).toEqual({
      total: 25 + COUNT_AHEAD,
      exact: false,
    });
    const first = await listTransactions(t.ctx, b.actor, b.slug, { tab: "all", search: "bulk payee" });
    expect(first.transactions).toHaveLength(25);
    expect({ total: first.total, exact: first.totalExact }).toEqual({
      total: 25 + SEARCH_COUNT_AHEAD,
      exact: false,
    });
    // The window follows the page: from the 201st match on it counts to 425, and near the end, all.
    const further = await listTransactions(t.ctx, b.actor, b.slug, {
      tab: "all",
      search: "bulk payee",
      offset: 200,
    });
    expect({ total: further.total, exact: further.totalExact }).toEqual({ total: 425, exact: false });
    const later = await listTransactions(t.ctx, b.actor, b.slug, {
      tab: "all",
      search: "bulk payee",
      offset: 1000,
    });
    expect(later.total).toBe(1200);
    expect(later.totalExact).toBe(true);
    const narrow = await listTransactions(t.ctx, b.actor, b.slug, {
      tab: "needs_review",
      search: "BULK payee 11",
      from: "2025-01-01",
      to: "2025-12-31",
    });
    // 11, 110–119 and 1100–1199.
    expect(narrow.total).toBe(111);
    expect(narrow.totalExact).toBe(true);
    expect(narrow.transactions.every((x) => x.description.startsWith("BULK PAYEE 11"))).toBe(true);
  });

  it("selects amounts by their size, money in and out alike, as abs() would", async () => {
    // The bulk lines of January 2025 (about 120, money in and out, 10.01 to 22.00).
    const range = { tab: "all", from: "2025-01-01", to: "2025-01-31", limit: 500 } as const;
    const all = (await listTransactions(t.ctx, b.actor, b.slug, range)).transactions;
    expect(all.some((x) => x.amount < 0n)).toBe(true);
    expect(all.some((x) => x.amount > 0n)).toBe(true);
    const cents = (x: string) => Math.round(Math.abs(Number(x)) * 100);
    const size = (x: bigint) => Math.abs(Number(x));
    for (const [min, max] of [
      ["12.00", "15.00"],
      ["-20.50", undefined],
      [undefined, "10.50"],
      ["0", "0.01"],
    ] as const) {
      const got = await listTransactions(t.ctx, b.actor, b.slug, {
        ...range,
        minAmount: min,
        maxAmount: max,
      });
      const lo = min === undefined ? 0 : cents(min);
      const hi = max === undefined ? Infinity : cents(max);
      const want = all.filter((x) => size(x.amount) >= lo && size(x.amount) <= hi).map((x) => x.id);
      expect(
        got.transactions.map((x) => x.id),
        `${min}…${max}`,
      ).toEqual(want);
      expect(got.total).toBe(want.length);
      expect(got.totalExact).toBe(true);
    }
  });
});
