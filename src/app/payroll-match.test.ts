// A payroll entry's net pay and its bank line: a line imported after the entry is posted is linked
// to it ("payroll entry", processed, no posting of its own), a line imported before is linked when
// the entry is posted, either way the bank account's ledger shows the net pay once; a linked line
// cannot be recoded, a line of another amount or too far from the pay date stays unmatched, and
// reversing the payroll entry sends its line back to Needs Review.
import { readFileSync } from "node:fs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../test/support/db.ts";
import { bookkeepingClient, importLines, type BooksFixture } from "../../test/support/books.ts";
import { testServer } from "../../test/support/server.ts";
import type { App } from "../platform/http.ts";
import { AppError } from "../platform/errors.ts";
import * as transactions from "../modules/transactions/index.ts";

let t: TestDb;
let b: BooksFixture;
let app: App;
const url = (path: string) => `/api/clients/${b.slug}/journals/payroll${path}`;
const post = (path: string, payload?: object) =>
  app.inject({ method: "POST", url: url(path), ...(payload ? { payload } : {}) });
interface Entry {
  id: string;
  payDate: string;
  state: string;
  entryId: string;
  matchedTransactionId: string | null;
}
const txns = async () =>
  (await transactions.listTransactions(t.ctx, b.actor, b.slug, { tab: "all", limit: 100 })).transactions;
const byDescription = async (text: string) => (await txns()).find((x) => x.description.startsWith(text))!;
/** Journal lines on the checking account (1010) of this amount, from posted or reversed entries. */
const checkingLines = async (amount: bigint) =>
  Number(
    (
      await sql<{ n: bigint }>`
        select count(*)::int8 as n from journal_lines l join journal_entries e on e.id = l.entry_id
        where l.account_id = ${b.account("1010")} and l.amount = ${amount} and e.status <> 'draft'`.execute(
        t.ctx.db,
      )
    ).rows[0]!.n,
  );
/** The sum of the checking account's lines of this size either way (postings, reversals). */
const checkingSum = async (size: bigint) =>
  (
    await sql<{ s: bigint }>`
      select coalesce(sum(l.amount), 0)::int8 as s from journal_lines l join journal_entries e on e.id = l.entry_id
      where l.account_id = ${b.account("1010")} and abs(l.amount) = ${size} and e.status <> 'draft'`.execute(
      t.ctx.db,
    )
  ).rows[0]!.s;
async function postEntry(id: string): Promise<Entry> {
  expect((await post(`/entries/${id}/approve`)).statusCode).toBe(200);
  return (await post(`/entries/${id}/post`)).json();
}

beforeAll(async () => {
  t = await testDb();
  b = await bookkeepingClient(t.ctx, "payroll-match", "firm-payroll-match");
  app = await testServer(t);
  const presets = (await app.inject({ url: url("/presets") })).json().items as Array<{
    provider: string;
    columns: object;
  }>;
  const saved = await app.inject({
    method: "PUT",
    url: url("/mappings/gusto"),
    payload: {
      columns: presets.find((p) => p.provider === "gusto")!.columns,
      accounts: {
        wages: b.account("6910"),
        employerTaxes: b.account("6920"),
        benefits: b.account("6930"),
        reimbursements: b.account("6750"),
        liabilities: b.account("2210"),
        bank: b.account("1010"),
      },
    },
  });
  expect(saved.statusCode).toBe(200);
  const text = readFileSync(
    new URL("../../test/fixtures/payroll/gusto-payroll-journal.csv", import.meta.url),
  ).toString();
  expect((await post("/import", { provider: "gusto", fileName: "gusto.csv", text })).statusCode).toBe(201);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe("payroll net pay and the bank line", () => {
  let first: Entry;

  it("links a bank line imported after the entry was posted, instead of predicting it", async () => {
    const entries = (await app.inject({ url: url("/entries") })).json().items as Entry[];
    first = await postEntry(entries.find((e) => e.payDate === "2026-03-13")!.id);
    expect(first).toMatchObject({ state: "posted", matchedTransactionId: null });
    await importLines(b, [
      { date: "2026-03-12", amount: "-6133.00", description: "GUSTO NET PAY 0312" },
      { date: "2026-03-12", amount: "-6133.01", description: "GUSTO TAX 0312" },
      { date: "2026-03-02", amount: "-6329.15", description: "EARLY TRANSFER" },
    ]);
    const line = await byDescription("GUSTO NET PAY");
    expect(line).toMatchObject({
      status: "processed",
      statusReason: "payroll entry",
      linkedEntry: "payroll",
      entryId: first.entryId,
    });
    expect(line.prediction.method).toBeNull();
    expect(await byDescription("GUSTO TAX")).toMatchObject({ status: "needs_review", linkedEntry: null });
    expect(await byDescription("EARLY TRANSFER")).toMatchObject({ linkedEntry: null });
    const after = (await app.inject({ url: url("/entries") })).json().items as Entry[];
    expect(after.find((e) => e.id === first.id)!.matchedTransactionId).toBe(line.id);
    expect(await checkingLines(-613_300n)).toBe(1);
  });

  it("refuses to recode a linked line", async () => {
    const line = await byDescription("GUSTO NET PAY");
    const refused = await transactions
      .editTransaction(t.ctx, b.actor, b.slug, line.id, { accountId: b.account("6910") })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("transactions/linked-entry");
  });

  it("links a line imported before the entry when the entry is posted", async () => {
    await importLines(
      b,
      [{ date: "2026-03-26", amount: "-6329.15", description: "GUSTO NET PAY 0326" }],
      "checking",
      "late.csv",
    );
    const line = await byDescription("GUSTO NET PAY 0326");
    expect(line).toMatchObject({ status: "needs_review", linkedEntry: null });
    // The preparer codes and posts it by hand before the payroll entry is posted.
    await transactions.editTransaction(t.ctx, b.actor, b.slug, line.id, { accountId: b.account("6910") });
    const [own] = await transactions.reviewTransactions(t.ctx, b.actor, b.slug, [line.id]);
    expect(own!.entryId).not.toBeNull();
    const entries = (await app.inject({ url: url("/entries") })).json().items as Entry[];
    const second = await postEntry(entries.find((e) => e.payDate === "2026-03-27")!.id);
    expect(second.matchedTransactionId).toBe(line.id);
    expect(await byDescription("GUSTO NET PAY 0326")).toMatchObject({
      status: "processed",
      statusReason: "payroll entry",
      entryId: second.entryId,
    });
    expect(await byDescription("EARLY TRANSFER")).toMatchObject({ linkedEntry: null });
    // Its own posting was reversed: the checking account shows the net pay once.
    expect(await checkingSum(632_915n)).toBe(-632_915n);
  });

  it("sends the line back to Needs Review when the payroll entry is reversed", async () => {
    expect((await post(`/entries/${first.id}/reverse`, {})).json()).toMatchObject({
      state: "reversed",
      matchedTransactionId: null,
    });
    expect(await byDescription("GUSTO NET PAY 0312")).toMatchObject({
      status: "needs_review",
      statusReason: "payroll entry reversed",
      entryId: null,
      linkedEntry: null,
    });
    const audit = await sql<{ action: string }>`
      select action from audit_events where action in ('transactions.transaction.linked', 'transactions.transaction.unlinked', 'journals.payroll.matched') order by id`.execute(
      t.ctx.db,
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      "journals.payroll.matched",
      "transactions.transaction.linked",
      "journals.payroll.matched",
      "transactions.transaction.unlinked",
    ]);
  });
});
