// Amounts crossing from the bank into the ledger keep their value whatever decimals the ledger
// keeps its currency at (issue 11 item 9): a client whose journal import keeps USD at 4 decimals
// gets a −12.50 bank line posted as −12.5000 (−125000 minor units), not −0.1250, and the
// Transaction Manager shows the same figure the ledger holds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import * as ledger from "../ledger/index.ts";
import { listTransactions } from "./index.ts";
import { transactionOut } from "./schemas.ts";
import { clientAtScale, importLines, type BooksFixture } from "./test-fixtures.ts";

let t: TestDb;
let b: BooksFixture;

beforeAll(async () => {
  t = await testDb();
  b = await clientAtScale(t.ctx, "four-places", "USD", 4);
});
afterAll(async () => {
  await t?.close();
});

describe("a bank line posted into a ledger that keeps USD at 4 decimals", () => {
  it("lands as -12.5000 in the ledger and the Transaction Manager shows the same", async () => {
    await importLines(b, [{ date: "2026-03-02", description: "COFFEE BEANS", amount: "-12.50" }]);
    const [tx] = (await listTransactions(t.ctx, b.actor, b.slug, { tab: "all" })).transactions;
    expect(tx?.entryId).toBeTruthy();
    const entry = await ledger.getEntry(t.ctx, b.actor, b.slug, tx!.entryId!);
    const bankLine = entry.lines.find((l) => l.accountId === b.account("1010"))!;
    expect(bankLine.amount).toBe(-125_000n);
    const scales = await ledger.currencyScalesFor(t.ctx, b.actor, b.slug);
    expect(scales.get("USD")).toBe(4);
    expect(transactionOut(tx!).amount).toBe("-12.5000");
  });
});
