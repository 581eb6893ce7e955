// Test helpers only: a firm with two bookkeeping clients on AutoPush, a rule that codes their
// COMCAST lines (so those lines are processed by automation, with no trained model needed), and a
// third client in another firm; the clock is the test's to move.
import { sql } from "kysely";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { testClock, type TestClock } from "../../../test/support/clock.ts";
import * as categorize from "../categorize/index.ts";
import * as transactions from "../transactions/index.ts";
import { bookkeepingClient, importLines, type BooksFixture } from "../../../test/support/books.ts";
import type { CsvLine } from "../../../test/support/bank-fixtures.ts";

export interface OverviewWorld {
  t: TestDb;
  clock: TestClock;
  alpha: BooksFixture;
  beta: BooksFixture;
  /** Another firm's client. */
  gamma: BooksFixture;
}

/** A client on AutoPush whose COMCAST lines a rule codes to 6700 (processed at once). */
async function autoClient(t: TestDb, slug: string, firm: string): Promise<BooksFixture> {
  const c = await bookkeepingClient(t.ctx, slug, firm);
  for (const account of ["checking", "card"])
    await transactions.setAutomation(t.ctx, c.actor, slug, account, { mode: "auto_push", startDate: null });
  await categorize.createRule(t.ctx, c.actor, slug, {
    match: "all",
    conditions: [{ field: "description", op: "contains", value: "COMCAST" }],
    actions: { account: c.account("6700") },
  });
  return c;
}

export async function overviewWorld(now = "2026-07-01T09:00:00Z"): Promise<OverviewWorld> {
  const clock = testClock(now);
  const t = await testDb({ clock });
  const alpha = await autoClient(t, "alpha", "firm-overview");
  const beta = await autoClient(t, "beta", "firm-overview");
  const gamma = await autoClient(t, "gamma", "firm-elsewhere");
  return { t, clock, alpha, beta, gamma };
}

export const comcast = (date: string, n = 1): CsvLine[] =>
  Array.from({ length: n }, (_, i) => ({
    date,
    amount: "-129.99",
    description: `COMCAST CABLE #${date}-${i}`,
  }));
export const unknown = (date: string, n = 1): CsvLine[] =>
  Array.from({ length: n }, (_, i) => ({ date, amount: "-42.00", description: `NEW VENDOR ${date}-${i}` }));

export { importLines };

/** Backdates when a bank account was added (rows get the database's now(), not the test clock). */
export async function addedOn(t: TestDb, bankAccountId: string, at: string): Promise<void> {
  await sql`update bank_accounts set created_at = ${at}::timestamptz where id = ${bankAccountId}::uuid`.execute(
    t.ctx.db,
  );
}

/** Backdates a connection's last change. */
export async function connectionChangedOn(t: TestDb, connectionId: string, at: string): Promise<void> {
  await sql`update connections set updated_at = ${at}::timestamptz where id = ${connectionId}::uuid`.execute(
    t.ctx.db,
  );
}
