// Import idempotency on a real database: the same file again, overlapping statements and genuine
// identical lines, lines keyed by the bank's id per bank account, and re-dated lines.
import { describe, expect, it } from "vitest";
import { sample, withSamples } from "../../../test/support/statement-samples.ts";
import { importStatementFile, listBankLines, listImports, listStatements } from "./import-service.ts";
import { keyLines } from "./fingerprint.ts";
import { csvOf, rowCounts } from "../../../test/support/bank-fixtures.ts";
import { account, c, t, upload, useImportDb } from "./import-test-support.ts";

useImportDb();

describe("importing a statement file", () => {
  withSamples.it("adds nothing when the same file is imported again, and says so", async () => {
    const a = await account("Repeat Checking", "EUR");
    const bytes = sample("mt940", "oca__test-ing.940");
    const first = await importStatementFile(t.ctx, c.actor, c.slug, a.id, upload(bytes, "ing.940"));
    expect(first.newLines).toBe(8);
    const jobsBefore = (await rowCounts(t.ctx.db)).job_queue;
    const again = await importStatementFile(t.ctx, c.actor, c.slug, a.id, upload(bytes, "ing-copy.940"));
    expect(again).toMatchObject({
      newLines: 0,
      duplicateLines: 8,
      totalLines: 8,
      file: { id: first.file.id, alreadyImported: true },
    });
    expect(
      (await listBankLines(t.ctx, c.actor, c.slug, { bankAccountRef: a.id, limit: 100, offset: 0 })).total,
    ).toBe(8);
    expect(await listStatements(t.ctx, c.actor, c.slug, a.id)).toHaveLength(1);
    expect(
      (await listImports(t.ctx, c.actor, c.slug, { bankAccountRef: a.id, limit: 10 })).map((i) => [
        i.new_lines,
        i.duplicate_lines,
      ]),
    ).toEqual([
      [0, 8],
      [8, 0],
    ]);
    // Nothing new: no job for the Transaction Manager.
    expect((await rowCounts(t.ctx.db)).job_queue).toBe(jobsBefore);
  });

  it("keeps two genuine identical coffees; an overlapping statement adds only what is new", async () => {
    const a = await account("Coffee Checking");
    const coffee = { date: "2026-03-02", amount: "-4.50", description: "Blue Bottle Coffee" };
    const bagel = { date: "2026-03-01", amount: "-3.00", description: "Bagel" };
    const first = await importStatementFile(
      t.ctx,
      c.actor,
      c.slug,
      a.id,
      upload(csvOf([bagel, coffee, coffee]), "march-1.csv"),
    );
    expect(first.newLines).toBe(3);
    // A later statement overlapping the first, with both coffees again: nothing new.
    const later = await importStatementFile(
      t.ctx,
      c.actor,
      c.slug,
      a.id,
      upload(
        csvOf([
          coffee,
          { ...coffee, description: "BLUE  BOTTLE COFFEE" },
          { date: "2026-03-03", amount: "-9.99", description: "Lunch" },
        ]),
        "march-2.csv",
      ),
    );
    expect(later).toMatchObject({ newLines: 1, duplicateLines: 2 });
    // One holding three coffees that day adds one.
    const third = await importStatementFile(
      t.ctx,
      c.actor,
      c.slug,
      a.id,
      upload(csvOf([coffee, coffee, coffee]), "march-3.csv"),
    );
    expect(third).toMatchObject({ newLines: 1, duplicateLines: 2 });
    const { lines } = await listBankLines(t.ctx, c.actor, c.slug, {
      bankAccountRef: a.id,
      search: "bottle",
      limit: 10,
      offset: 0,
    });
    expect(lines.map((l) => l.occurrence).sort()).toEqual([1, 2, 3]);
    expect(new Set(lines.map((l) => l.fingerprint)).size).toBe(1);
    // The stored key is the model's (fingerprint.ts keyLines), composed the same way by the database.
    const keyed = keyLines(
      [1, 2, 3].map(() => ({
        date: "2026-03-02",
        amount: -450n,
        description: "Blue Bottle Coffee",
        bankTransactionId: null,
      })),
    );
    expect(lines.map((l) => l.idem_key).sort()).toEqual(keyed.map((k) => k.key).sort());
    expect(new Set(lines.map((l) => l.id)).size).toBe(3);
  });

  withSamples.it(
    "keys lines by the bank's id per bank account: the same file into two accounts is two sets of lines",
    async () => {
      const a = await account("Id Checking A");
      const b = await account("Id Checking B");
      const bytes = sample("ofx2", "libofx__ofx_spec201_stmtrs_example.xml");
      expect((await importStatementFile(t.ctx, c.actor, c.slug, a.id, upload(bytes, "x.ofx"))).newLines).toBe(
        2,
      );
      expect((await importStatementFile(t.ctx, c.actor, c.slug, b.id, upload(bytes, "x.ofx"))).newLines).toBe(
        2,
      );
    },
  );

  it("recognizes a line by the bank's id even when the bank re-dated it (pending → posted)", async () => {
    const a = await account("Redated Checking");
    const file = (rows: string) =>
      new TextEncoder().encode(`Date,Description,Amount,Transaction ID\n${rows}`);
    const first = await importStatementFile(
      t.ctx,
      c.actor,
      c.slug,
      a.id,
      upload(file("2026-01-02,Coffee,-4.50,T-1\n2026-01-03,Bagel,-3.00,T-2\n"), "pending.csv"),
    );
    expect(first.newLines).toBe(2);
    // T-1 now posted on the 9th: outside the days of the lines the account has, so only the key catches it.
    const later = await importStatementFile(
      t.ctx,
      c.actor,
      c.slug,
      a.id,
      upload(file("2026-01-09,COFFEE SHOP,-4.50,T-1\n2026-01-09,Lunch,-12.00,T-3\n"), "posted.csv"),
    );
    expect(later).toMatchObject({ newLines: 1, duplicateLines: 1 });
    const { lines } = await listBankLines(t.ctx, c.actor, c.slug, {
      bankAccountRef: a.id,
      limit: 10,
      offset: 0,
    });
    expect(lines.map((l) => l.bank_transaction_id).sort()).toEqual(["T-1", "T-2", "T-3"]);
    // The line keeps the date it first came with: raw lines are never changed.
    expect(lines.find((l) => l.bank_transaction_id === "T-1")!.date).toBe("2026-01-02");
  });
});
