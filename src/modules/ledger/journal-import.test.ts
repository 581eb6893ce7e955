// Journal import against a real database: the same journal imported twice is not doubled
// (fingerprints per transaction and occurrence), --allow-duplicates forces it, a refused import
// into a new client leaves no client behind, and transactions whose amounts are all zero are
// skipped with a warning (refused when strict).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { systemActor, type Actor } from "../../platform/actor.ts";
import * as access from "../access/index.ts";
import * as ledger from "./index.ts";
import { importedRows } from "./journal-oracle-support.ts";

let t: TestDb;
let actor: Actor;

beforeAll(async () => {
  t = await testDb();
  actor = systemActor((await access.createFirm(t.ctx.db, { slug: "imports", name: "Imports" })).id);
});
afterAll(async () => t?.close());

/** A month of a café's books: twelve transactions, two of them identical coffees on one day. */
function cafeJournal(extraCoffees = 0): string {
  const lines = ["2024-01-01 Opening\n    assets:bank    $5,000.00\n    equity:opening\n"];
  for (let d = 2; d <= 11; d++)
    lines.push(
      `2024-01-${String(d).padStart(2, "0")} Sales\n    assets:bank    $${d}00.00\n    income:sales\n`,
    );
  for (let k = 0; k < 1 + extraCoffees; k++)
    lines.push("2024-01-15 Coffee\n    expenses:meals    $4.50\n    assets:bank\n");
  return lines.join("\n");
}

async function entryCount(slug: string): Promise<number> {
  return (await ledger.listEntries(t.ctx, actor, slug, { limit: 1000, offset: 0 })).length;
}

describe("importing a journal again", () => {
  it("skips the transactions already imported instead of doubling them", async () => {
    const text = cafeJournal(1); // 10 sales, opening, and the same coffee twice: 13 transactions
    const first = await ledger.importJournal(t.ctx, actor, "cafe", text, { createClient: true });
    expect(first).toMatchObject({ entries: 13, skippedDuplicates: 0, clientCreated: true });
    const balances = await importedRows(t.ctx, actor, "cafe");

    const again = await ledger.importJournal(t.ctx, actor, "cafe", text, { createClient: true });
    expect(again).toMatchObject({ entries: 0, skippedDuplicates: 13, clientCreated: false });
    expect(await entryCount("cafe")).toBe(13);
    expect(await importedRows(t.ctx, actor, "cafe")).toEqual(balances);
  });

  it("keeps identical genuine transactions apart by occurrence: a third coffee is new", async () => {
    const result = await ledger.importJournal(t.ctx, actor, "cafe", cafeJournal(2));
    expect(result).toMatchObject({ entries: 1, skippedDuplicates: 13 });
    expect(await entryCount("cafe")).toBe(14);
  });

  it("recognises a transaction whatever its layout, comments or implied amounts", async () => {
    const rewritten =
      "; the same opening, spelled differently\n2024/1/1 Opening  ; with a comment\n" +
      "    assets:bank        $5000\n    equity:opening    $-5,000.00\n";
    const result = await ledger.importJournal(t.ctx, actor, "cafe", rewritten);
    expect(result).toMatchObject({ entries: 0, skippedDuplicates: 1 });
  });

  it("imports them again with allowDuplicates, and a later plain import still skips", async () => {
    const text = cafeJournal(0);
    await ledger.importJournal(t.ctx, actor, "twice", text, { createClient: true });
    const forced = await ledger.importJournal(t.ctx, actor, "twice", text, { allowDuplicates: true });
    expect(forced).toMatchObject({ entries: 12, skippedDuplicates: 0 });
    expect(await entryCount("twice")).toBe(24);
    const plain = await ledger.importJournal(t.ctx, actor, "twice", text);
    expect(plain).toMatchObject({ entries: 0, skippedDuplicates: 12 });
  });
});

describe("a refused import into a new client", () => {
  it("leaves no client behind when the ledger refuses the journal", async () => {
    // Parses, but 13 decimals is more than a currency keeps: refused inside the transaction.
    const text = "2024-01-01 x\n    assets:cash    0.0000000000001 BTC\n    income\n";
    await expect(
      ledger.importJournal(t.ctx, actor, "never-made", text, { createClient: true }),
    ).rejects.toMatchObject({ code: "ledger/too-many-decimals" });
    expect(await access.clientExists(t.ctx.db, actor, "never-made")).toBe(false);
  });

  it("leaves no client behind when the journal does not parse", async () => {
    await expect(
      ledger.importJournal(t.ctx, actor, "never-parsed", "2024-01-01 x\n    a    $1\n    b    $2\n", {
        createClient: true,
      }),
    ).rejects.toMatchObject({ code: "journal/unbalanced", line: 1 });
    expect(await access.clientExists(t.ctx.db, actor, "never-parsed")).toBe(false);
  });
});

describe("transactions whose amounts are all zero", () => {
  const text =
    "2024-02-01 real\n    assets:cash    $10\n    income\n\n" +
    "2024-02-02 nothing\n    expenses:supplies    -0\n    expenses:office\n\n" +
    "2024-02-03 a note\n";

  it("are skipped with a warning naming their line (hledger reads them; they change no balance)", async () => {
    const result = await ledger.importJournal(t.ctx, actor, "zeros", text, {
      createClient: true,
      fileName: "z.journal",
    });
    expect(result).toMatchObject({ entries: 1, skippedZero: 2 });
    expect(result.warnings).toEqual([
      expect.stringMatching(/^z\.journal:5: skipped: every amount of this transaction is zero/),
      expect.stringMatching(/^z\.journal:9: skipped/),
    ]);
    expect(await entryCount("zeros")).toBe(1);
  });

  it("are refused with their line when the import is strict", async () => {
    await expect(
      ledger.importJournal(t.ctx, actor, "zeros-strict", text, {
        createClient: true,
        strict: true,
        fileName: "z.journal",
      }),
    ).rejects.toMatchObject({ code: "ledger/all-zero-entry", line: 5 });
    expect(await access.clientExists(t.ctx.db, actor, "zeros-strict")).toBe(false);
  });
});

describe("the home currency of a client an import creates", () => {
  it("is the journal's most used commodity, unless the import names one; an existing client keeps its own", async () => {
    const text =
      "2024-02-01 Rent\n    expenses:rent    EUR 900.00\n    assets:bank\n\n" +
      "2024-02-02 Card\n    expenses:software    $20.00\n    liabilities:card\n\n" +
      "2024-02-03 Food\n    expenses:food    EUR 30.00\n    assets:bank\n";
    const euros = await ledger.importJournal(t.ctx, actor, "euro-books", text, { createClient: true });
    expect(euros).toMatchObject({ clientCreated: true, homeCurrency: "EUR" });
    const named = await ledger.importJournal(t.ctx, actor, "dollar-books", text, {
      createClient: true,
      currency: "$",
    });
    expect(named.homeCurrency).toBe("$");
    const again = await ledger.importJournal(t.ctx, actor, "euro-books", text, {
      createClient: true,
      currency: "$",
      allowDuplicates: true,
    });
    expect(again).toMatchObject({ clientCreated: false, homeCurrency: "EUR" });
  });
});
