// The journal corpus (journal-corpus/: includes with globs, amounts without a commodity at a price,
// dates without a year, transactions that change no balance, ledger-style prices and costs), each
// imported from its file and compared with `hledger bal --infer-equity` on the same file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { systemActor, type Actor } from "../../platform/actor.ts";
import * as access from "../access/index.ts";
import * as ledger from "./index.ts";
import { readJournalFile } from "./journal-files.ts";
import { differencesFromHledger, importedRows } from "./journal-oracle-support.ts";
import { decFromString, decToString, normalizeDec } from "./journal-text/decimal.ts";
import { parseJournal } from "./journal-text/parse.ts";
import { hledgerAvailable, hledgerBalance } from "./journal-text/testkit.ts";

const CORPUS = fileURLToPath(new URL("./journal-corpus/", import.meta.url));
const at = (name: string) => path.join(CORPUS, name);

/** Each journal with what an import of it must post and skip (checked with or without hledger). */
const CASES = [
  { file: "includes/main.journal", entries: 7, skippedZero: 0 },
  { file: "no-commodity-cost.journal", entries: 3, skippedZero: 0 },
  { file: "short-dates.journal", entries: 4, skippedZero: 0 },
  { file: "zero-transactions.journal", entries: 2, skippedZero: 3 },
  { file: "ledger-prices.ledger", entries: 4, skippedZero: 0 },
] as const;

let t: TestDb;
let actor: Actor;

beforeAll(async () => {
  t = await testDb();
  actor = systemActor((await access.createFirm(t.ctx.db, { slug: "corpus", name: "Corpus" })).id);
});
afterAll(async () => t?.close());

describe("the journal corpus", () => {
  it.each(CASES.map((c, i) => [c.file, c, i] as const))(
    "%s imports with the trial balance hledger bal --infer-equity shows",
    async (_name, c, i) => {
      const slug = `corpus-${i}`;
      const result = await ledger.importJournalFile(t.ctx, actor, slug, at(c.file), { createClient: true });
      expect(result).toMatchObject({ entries: c.entries, skippedZero: c.skippedZero, skippedDuplicates: 0 });
      const rows = await importedRows(t.ctx, actor, slug);
      for (const totals of (await ledger.trialBalance(t.ctx, actor, slug, "9999-12-31")).totals)
        expect(totals.debit).toBe(totals.credit);
      if (!hledgerAvailable()) return;
      const source = readJournalFile(at(c.file));
      const journal = parseJournal(source.text, { ...source, rules: "skip", currentYear: 2026 });
      expect(
        differencesFromHledger(rows, at(c.file), journal.conversionAccount, journal.commodities),
      ).toEqual([]);
    },
  );

  it.each(CASES.map((c, i) => [c.file, i] as const))(
    "%s: the client's export reads back in hledger with the original's balances",
    async (file, i) => {
      if (!hledgerAvailable()) return;
      const exported = await ledger.exportClientJournal(t.ctx, actor, `corpus-${i}`);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cb-corpus-export-"));
      fs.writeFileSync(path.join(dir, "export.journal"), exported);
      // Same values (hledger may show a conversion with other decimals: 1102.5000 and 1102.50).
      const sorted = (rows: ReturnType<typeof hledgerBalance>) =>
        rows
          .map((r) => {
            const d = normalizeDec(decFromString(r.number)!);
            return { ...r, number: decToString(d.quantity, d.scale) };
          })
          .filter((r) => r.number !== "0")
          .sort((a, b) => (a.account + a.commodity < b.account + b.commodity ? -1 : 1));
      expect(sorted(hledgerBalance(path.join(dir, "export.journal"), ["--infer-equity"]))).toEqual(
        sorted(hledgerBalance(at(file), ["--infer-equity"])),
      );
    },
  );

  it("names the conversion account of amounts without a commodity as hledger does", async () => {
    const rows = await importedRows(t.ctx, actor, "corpus-1");
    expect(rows.filter((r) => r.account.startsWith("equity:conversion:-$"))).toEqual([
      { account: "equity:conversion:-$:", commodity: "", quantity: 1n, scale: 0 },
      { account: "equity:conversion:-$:$", commodity: "$", quantity: -1300n, scale: 2 },
    ]);
  });

  it("reads the included files' transactions, not the dot file the glob leaves out", async () => {
    const rows = await importedRows(t.ctx, actor, "corpus-0");
    const value = (account: string) => {
      const r = normalizeDec(rows.find((row) => row.account === account)!);
      return decToString(r.quantity, r.scale);
    };
    expect(value("expenses:supplies")).toBe("186.4");
    expect(value("assets:bank:checking")).toBe("25290.75");
  });

  it("dates without a year take the Y directive's, else the clock's year", async () => {
    const entries = await ledger.listEntries(t.ctx, actor, "corpus-2", { limit: 100, offset: 0 });
    expect(entries.map((e) => e.date).sort()).toEqual([
      "2023-12-20",
      "2024-01-02",
      "2024-02-29",
      "2026-01-05",
    ]);
  });

  it("refuses an include cycle, naming the chain of files", async () => {
    await expect(
      ledger.importJournalFile(t.ctx, actor, "corpus-cycle", at("cycle/first.journal"), {
        createClient: true,
      }),
    ).rejects.toMatchObject({
      code: "journal/include-cycle",
      line: 1,
      detail: expect.stringContaining("first.journal → second.journal → first.journal"),
    });
    expect(await access.clientExists(t.ctx.db, actor, "corpus-cycle")).toBe(false);
  });
});
