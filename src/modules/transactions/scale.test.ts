// Amounts crossing from the bank into the ledger keep their value whatever decimals the ledger
// keeps its currency at (issue 11 item 9): a client whose journal import keeps USD at 4 decimals
// gets a −12.50 bank line posted as −12.5000 (−125000 minor units), not −0.1250, and the
// Transaction Manager shows the same figure the ledger holds — through the API too, where the
// currencies route states the scale and splits are typed and posted with it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { testServer } from "../../../test/support/server.ts";
import type { App } from "../../platform/http.ts";
import * as ledger from "../ledger/index.ts";
import { listTransactions } from "./index.ts";
import { transactionOut } from "./schemas.ts";
import { clientAtScale, importLines, type BooksFixture } from "../../../test/support/books.ts";

let t: TestDb;
let b: BooksFixture;
let app: App;

beforeAll(async () => {
  t = await testDb();
  b = await clientAtScale(t.ctx, "four-places", "USD", 4);
  app = await testServer(t);
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

const url = (path: string) => `/api/clients/${b.slug}${path}`;

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

  it("is shown through the API with the ledger's decimals, which the currencies route states", async () => {
    const currencies = await app.inject({ url: url("/currencies") });
    expect(currencies.statusCode).toBe(200);
    expect(currencies.json()).toEqual({ homeCurrency: "USD", currencies: [{ code: "USD", scale: 4 }] });
    const page = (
      await app.inject({ url: url("/transactions?tab=all&minAmount=12.5&maxAmount=12.5000") })
    ).json();
    expect(page.transactions).toHaveLength(1);
    expect(page.transactions[0]).toMatchObject({ amount: "-12.5000", currency: "USD", scale: 4 });
  });

  it("splits by amounts with the ledger's decimals and posts them exactly", async () => {
    const [tx] = (await listTransactions(t.ctx, b.actor, b.slug, { tab: "all" })).transactions;
    const res = await app.inject({
      method: "POST",
      url: url(`/transactions/${tx!.id}/split`),
      payload: {
        by: "amount",
        parts: [
          { accountId: b.account("6990"), amount: "4.1667" },
          { accountId: b.account("6990"), amount: "8.3333" },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().coding.split.map((p: { amount: string }) => p.amount)).toEqual(["-4.1667", "-8.3333"]);
    const entry = await ledger.getEntry(t.ctx, b.actor, b.slug, res.json().entryId);
    expect(entry.lines.map((l) => l.amount).sort()).toEqual([-125_000n, 41_667n, 83_333n].sort());
    const tooFine = await app.inject({
      method: "POST",
      url: url(`/transactions/${tx!.id}/split`),
      payload: {
        by: "amount",
        parts: [
          { accountId: b.account("6990"), amount: "4.16667" },
          { accountId: b.account("6990"), amount: "8.33333" },
        ],
      },
    });
    expect(tooFine.statusCode).toBe(400);
    expect(tooFine.json()).toMatchObject({ field: "parts[0].amount" });
  });
});
