// Importing statement files on a real database: what is stored, idempotency (same file, overlapping
// statements, identical coffees), immutability, the audit event and the job, saved CSV layouts, and
// refused files that leave nothing behind.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { AppError } from "../../platform/errors.ts";
import { sample, sampleFiles } from "./formats/test-data.ts";
import { parseStatementFileDetailed, StatementParseError } from "./formats/index.ts";
import { createBankAccount, getBankAccount } from "./account-service.ts";
import {
  importStatementFile,
  listBankLines,
  listImports,
  listStatements,
  previewStatementFile,
  BANK_LINES_IMPORTED,
  statementFile,
} from "./import-service.ts";
import { keyLines } from "./fingerprint.ts";
import { bankClient, csvOf, newLedgerBankAccount, rowCounts, type BankFixture } from "./test-fixtures.ts";

let t: TestDb;
let c: BankFixture;

beforeAll(async () => {
  t = await testDb();
  c = await bankClient(t.ctx);
});
afterAll(async () => {
  await t?.close();
});

const upload = (bytes: Uint8Array, fileName: string) => ({ bytes, fileName, source: "upload" as const });

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

async function account(
  name: string,
  currency = "USD",
  extra: { mask?: string; institutionName?: string } = {},
) {
  const ledgerAccountId = await newLedgerBankAccount(t.ctx, c, name);
  return createBankAccount(t.ctx, c.actor, c.slug, {
    name,
    kind: "bank",
    ledgerAccountId,
    currency,
    ...extra,
  });
}

describe("importing a statement file", () => {
  it("stores raw lines with their source, parsed fields, minor units and the statement's balances", async () => {
    const cad = await account("CAD Checking", "CAD", { mask: "5678" });
    const bytes = sample("ofx1", "ofxparse__bank_medium.ofx");
    const summary = await importStatementFile(
      t.ctx,
      c.actor,
      c.slug,
      cad.shortName,
      upload(bytes, "bank_medium.ofx"),
    );
    expect(summary).toMatchObject({
      statements: 1,
      totalLines: 3,
      newLines: 3,
      duplicateLines: 0,
      file: { name: "bank_medium.ofx", format: "ofx", size: bytes.length, alreadyImported: false },
      period: { from: "2009-04-01", to: "2009-04-03" },
    });
    const { lines, total } = await listBankLines(t.ctx, c.actor, c.slug, {
      bankAccountRef: cad.id,
      limit: 10,
      offset: 0,
    });
    expect(total).toBe(3);
    const first = lines.find((l) => l.bank_transaction_id === "0000123456782009040100001")!;
    expect(first).toMatchObject({
      date: "2009-04-01",
      amount: -660n,
      currency: "CAD",
      payee: "MCDONALD'S #112",
      occurrence: 1,
      idem_key: "id:0000123456782009040100001#1",
    });
    expect(first.source_line).toBeGreaterThan(1);
    expect(first.fields).toMatchObject({ TRNAMT: "-6.60", FITID: "0000123456782009040100001" });
    const [statement] = await listStatements(t.ctx, c.actor, c.slug, cad.id);
    expect(statement).toMatchObject({
      closing_balance: 38234n,
      start_date: "2009-04-01",
      end_date: "2009-05-23",
      line_count: 3,
      currency: "CAD",
      file_name: "bank_medium.ofx",
    });
    // The file is kept exactly as received.
    const file = await statementFile(t.ctx, c.actor, c.slug, summary.file.id);
    expect(Buffer.from(file.bytes).equals(Buffer.from(bytes))).toBe(true);
    // The balance shown is the statement's closing balance.
    expect((await getBankAccount(t.ctx, c.actor, c.slug, cad.id)).balance).toBe(38234n);
  });

  it("writes one audit event with the counts and queues one job for the Transaction Manager", async () => {
    const a = await account("Audit Checking");
    const summary = await importStatementFile(
      t.ctx,
      c.actor,
      c.slug,
      a.id,
      upload(csvOf([{ date: "2026-02-01", amount: "-4.50", description: "Coffee" }]), "a.csv"),
    );
    const events = await sql<{ action: string; after: Record<string, unknown> }>`
      select action, after from audit_events where subject_id = ${a.id} and action like 'banking.statement.%'`.execute(
      t.ctx.db,
    );
    expect(events.rows).toHaveLength(1);
    expect(events.rows[0]!.after).toMatchObject({
      importId: summary.importId,
      totalLines: 1,
      newLines: 1,
      duplicateLines: 0,
      source: "upload",
    });
    const jobs = await sql<{
      data: Record<string, unknown>;
    }>`select data from job_queue where name = ${BANK_LINES_IMPORTED} and data->>'importId' = ${summary.importId}`.execute(
      t.ctx.db,
    );
    expect(jobs.rows.map((r) => r.data)).toEqual([
      {
        firmId: c.firmId,
        clientId: c.clientId,
        bankAccountId: a.id,
        importId: summary.importId,
        newLines: 1,
      },
    ]);
    // The lines the job names are found by its import id.
    expect(
      (await listBankLines(t.ctx, c.actor, c.slug, { importId: summary.importId, limit: 10, offset: 0 }))
        .total,
    ).toBe(1);
  });

  it("adds nothing when the same file is imported again, and says so", async () => {
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

  it("keys lines by the bank's id per bank account: the same file into two accounts is two sets of lines", async () => {
    const a = await account("Id Checking A");
    const b = await account("Id Checking B");
    const bytes = sample("ofx2", "libofx__ofx_spec201_stmtrs_example.xml");
    expect((await importStatementFile(t.ctx, c.actor, c.slug, a.id, upload(bytes, "x.ofx"))).newLines).toBe(
      2,
    );
    expect((await importStatementFile(t.ctx, c.actor, c.slug, b.id, upload(bytes, "x.ofx"))).newLines).toBe(
      2,
    );
  });

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

  it("refuses to change or delete a raw line, a statement or a file", async () => {
    const a = await account("Immutable Checking");
    await importStatementFile(
      t.ctx,
      c.actor,
      c.slug,
      a.id,
      upload(csvOf([{ date: "2026-01-05", amount: "10.00", description: "Deposit" }]), "i.csv"),
    );
    for (const statement of [
      sql`update bank_lines set amount = 1 where bank_account_id = ${a.id}`,
      sql`delete from bank_lines where bank_account_id = ${a.id}`,
      sql`update statements set closing_balance = 1 where bank_account_id = ${a.id}`,
      sql`delete from statement_files where bank_account_id = ${a.id}`,
      sql`delete from bank_imports where bank_account_id = ${a.id}`,
    ]) {
      await expect(statement.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    }
  });

  it("imports a multi-statement file's statements of the account only, with a warning for the rest", async () => {
    const usd = await account("PayPal USD");
    const s = await importStatementFile(
      t.ctx,
      c.actor,
      c.slug,
      usd.id,
      upload(sample("csv", "oca__paypal_activity_en.csv"), "paypal.csv"),
    );
    expect(s).toMatchObject({ statements: 1, newLines: 45 });
    expect(s.warnings.filter((w) => /skipped/.test(w))).toHaveLength(2);
  });
});

describe("saved CSV column layouts", () => {
  it("remembers the detected layout, reuses it, and detects again (with a warning) when a file's header differs", async () => {
    const a = await account("Mapped Checking");
    const first = await importStatementFile(
      t.ctx,
      c.actor,
      c.slug,
      a.id,
      upload(sample("csv", "reds__schwab__schwab_XXX234_Checking_Transactions_20220203.csv"), "schwab.csv"),
    );
    expect(first.mappingSaved).toBe(true);
    const saved = (await getBankAccount(t.ctx, c.actor, c.slug, a.id)).csvMapping!;
    expect(saved.header).toContain("Withdrawal");
    const other = await importStatementFile(
      t.ctx,
      c.actor,
      c.slug,
      a.id,
      upload(csvOf([{ date: "2026-04-01", amount: "-1.00", description: "Fee" }]), "plain.csv"),
    );
    expect(other.warnings.some((w) => /saved for this bank account does not fit/.test(w))).toBe(true);
    expect(other.mappingSaved).toBe(false);
    expect((await getBankAccount(t.ctx, c.actor, c.slug, a.id)).csvMapping).toEqual(saved);
  });

  it("uses and saves a layout given by the person (money out written positive: never guessed)", async () => {
    const a = await account("Given Layout");
    const bytes = new TextEncoder().encode(
      "When;What;Value\n05.01.2026;Card fee;2,50\n06.01.2026;Refund;-1,00\n",
    );
    const guessed = await previewStatementFile(t.ctx, c.actor, c.slug, {
      bytes,
      fileName: "odd.csv",
      bankAccountRef: a.id,
    });
    expect(guessed.csv).toMatchObject({ mappingSource: "detected" });
    expect(guessed.csv!.rows).toContainEqual(["05.01.2026", "Card fee", "2,50"]);
    expect(guessed.lines.map((l) => l.amount)).toEqual(["2.50", "-1.00"]);
    const mapping = {
      version: 1 as const,
      delimiter: ";" as const,
      header: ["When", "What", "Value"],
      skipRecords: 0,
      columns: {
        date: 0,
        amount: 2,
        debit: null,
        credit: null,
        indicator: null,
        description: 1,
        payee: null,
        reference: null,
        id: null,
        balance: null,
        currency: null,
        account: null,
      },
      dateOrder: "DMY" as const,
      decimalSeparator: "," as const,
      sign: "inverted" as const,
    };
    const preview = await previewStatementFile(t.ctx, c.actor, c.slug, {
      bytes,
      fileName: "odd.csv",
      bankAccountRef: a.id,
      csvMapping: mapping,
    });
    expect(preview.lines.map((l) => [l.date, l.amount, l.description])).toEqual([
      ["2026-01-05", "-2.50", "Card fee"],
      ["2026-01-06", "1.00", "Refund"],
    ]);
    expect(preview.csv).toMatchObject({ mappingSource: "given", columns: ["When", "What", "Value"] });
    const summary = await importStatementFile(t.ctx, c.actor, c.slug, a.id, {
      ...upload(bytes, "odd.csv"),
      csvMapping: mapping,
    });
    expect(summary).toMatchObject({ newLines: 2, mappingSaved: true });
    // The next file of this bank needs no mapping.
    const next = new TextEncoder().encode("When;What;Value\n07.01.2026;Card fee;2,50\n");
    expect(
      (await importStatementFile(t.ctx, c.actor, c.slug, a.id, upload(next, "odd-2.csv"))).newLines,
    ).toBe(1);
  });
});

describe("CSV layouts remembered per bank", () => {
  it("reads a new account's first CSV with the layout saved for another account at the same bank", async () => {
    const layout = {
      version: 1 as const,
      delimiter: ";" as const,
      header: ["When", "What", "Value"],
      skipRecords: 0,
      columns: {
        date: 0,
        amount: 2,
        debit: null,
        credit: null,
        indicator: null,
        description: 1,
        payee: null,
        reference: null,
        id: null,
        balance: null,
        currency: null,
        account: null,
      },
      dateOrder: "DMY" as const,
      decimalSeparator: "," as const,
      sign: "inverted" as const,
    };
    const file = (day: string) => new TextEncoder().encode(`When;What;Value\n${day}.01.2026;Card fee;2,50\n`);
    const first = await account("Layout Card One", "USD", { institutionName: "Layout Bank" });
    await importStatementFile(t.ctx, c.actor, c.slug, first.id, {
      ...upload(file("05"), "one.csv"),
      csvMapping: layout,
    });
    const second = await account("Layout Card Two", "USD", { institutionName: "layout bank" });
    const preview = await previewStatementFile(t.ctx, c.actor, c.slug, {
      bytes: file("06"),
      fileName: "two.csv",
      bankAccountRef: second.id,
    });
    expect(preview.csv?.mappingSource).toBe("bank");
    expect(preview.lines[0]).toMatchObject({ date: "2026-01-06", amount: "-2.50" });
    const summary = await importStatementFile(
      t.ctx,
      c.actor,
      c.slug,
      second.id,
      upload(file("06"), "two.csv"),
    );
    expect(summary.mappingSaved).toBe(true);
    expect((await getBankAccount(t.ctx, c.actor, c.slug, second.id)).csvMapping).toEqual(layout);
    // An account at another bank does not inherit it: its columns are detected (and money out is not guessed positive).
    const elsewhere = await account("Elsewhere Card", "USD", { institutionName: "Other Bank" });
    const detected = await previewStatementFile(t.ctx, c.actor, c.slug, {
      bytes: file("07"),
      fileName: "three.csv",
      bankAccountRef: elsewhere.id,
    });
    expect(detected.csv?.mappingSource).toBe("detected");
    expect(detected.lines[0]!.amount).toBe("2.50");
  });
});

describe("preview", () => {
  it("shows the format, the first lines and whether the file was imported before, writing nothing", async () => {
    const a = await account("Preview Checking", "EUR");
    const bytes = sample("camt053", "subite__Other_account_statement-2.xml");
    const before = await rowCounts(t.ctx.db);
    const preview = await previewStatementFile(t.ctx, c.actor, c.slug, {
      bytes,
      fileName: "camt.xml",
      bankAccountRef: a.id,
    });
    expect(preview).toMatchObject({
      format: "camt053",
      totalLines: 462,
      alreadyImported: null,
      blocked: null,
      csv: null,
    });
    expect(preview.lines).toHaveLength(20);
    expect(await rowCounts(t.ctx.db)).toEqual(before);
    await importStatementFile(t.ctx, c.actor, c.slug, a.id, upload(bytes, "camt.xml"));
    expect(
      (
        await previewStatementFile(t.ctx, c.actor, c.slug, {
          bytes,
          fileName: "camt.xml",
          bankAccountRef: a.id,
        })
      ).alreadyImported,
    ).not.toBeNull();
  });

  it("answers a CSV it cannot read with the parser's error and the file's grid, to fix the columns", async () => {
    const e = await errorOf(
      previewStatementFile(t.ctx, c.actor, c.slug, {
        bytes: sample("csv", "beancount-import__examples_venmo_balances.csv"),
        fileName: "venmo.csv",
      }),
    );
    expect(e.code).toBe("statement/csv/no-amount-column");
    const grid = e.extra?.csv as { columns: string[]; rows: string[][] };
    expect(grid.columns.length).toBeGreaterThan(2);
    expect(grid.rows.length).toBeGreaterThan(0);
  });

  it("says why an import into the chosen account would be refused", async () => {
    const preview = await previewStatementFile(t.ctx, c.actor, c.slug, {
      bytes: sample("camt053", "oca__sftp-camt053.xml"),
      fileName: "x.xml",
      bankAccountRef: "checking",
    });
    expect(preview.blocked).toMatchObject({ code: "banking/currency-mismatch" });
  });
});

describe("refused files change nothing", () => {
  const broken = [
    ["ofx_malformed", "libofx__failing-ofx-file1.xml", "unknown-format", null],
    ["ofx_malformed", "libofx__heap-buffer-overflow-2.ofx", "ofx/truncated", 3],
    ["ofx_malformed", "oca__test_ofx_wrong.ofx", "ofx/missing-date", 42],
    ["ofx1", "ofxparse__fail_nice_date_missing.ofx", "ofx/missing-date", 33],
    ["csv", "beancount-import__examples_venmo_balances.csv", "csv/no-amount-column", null],
    ["mt940", "mt940__betterplace_empty_86.sta", "mt940/no-statement", null],
    ["mt940", "mt940__self-provided_empty_non_swift.sta", "mt940/no-statement", null],
  ] as const;

  it.each(broken)("%s/%s is refused with the parser's type and line", async (folder, name, type, line) => {
    const before = await rowCounts(t.ctx.db);
    const e = await errorOf(
      importStatementFile(t.ctx, c.actor, c.slug, "checking", upload(sample(folder, name), name)),
    );
    expect(e.code).toBe(`statement/${type}`);
    expect(e.status).toBe(400);
    expect(e.line).toBe(line ?? undefined);
    expect(e.extra?.parserType).toBe(type);
    expect(await rowCounts(t.ctx.db)).toEqual(before);
  });

  it("refuses every shared sample the parser refuses, writing nothing", async () => {
    const refused: string[] = [];
    for (const folder of [
      "ofx1",
      "ofx2",
      "ofx_malformed",
      "qfx",
      "qif",
      "csv",
      "mt940",
      "bai2",
      "camt052",
      "camt053",
      "camt054",
    ]) {
      for (const name of sampleFiles(folder)) {
        try {
          parseStatementFileDetailed(sample(folder, name), { fileName: name });
        } catch (error) {
          if (!(error instanceof StatementParseError)) throw error;
          const before = await rowCounts(t.ctx.db);
          const e = await errorOf(
            importStatementFile(t.ctx, c.actor, c.slug, "checking", upload(sample(folder, name), name)),
          );
          expect(e.code).toBe(`statement/${error.type}`);
          expect(await rowCounts(t.ctx.db)).toEqual(before);
          refused.push(name);
        }
      }
    }
    expect(refused.length).toBeGreaterThanOrEqual(7);
  });

  it("refuses an amount more precise than the currency, naming the line, and writes nothing", async () => {
    const before = await rowCounts(t.ctx.db);
    const bytes = csvOf([
      { date: "2026-01-02", amount: "-1.00", description: "ok" },
      { date: "2026-01-03", amount: "-1.005", description: "too precise" },
    ]);
    const e = await errorOf(importStatementFile(t.ctx, c.actor, c.slug, "checking", upload(bytes, "p.csv")));
    expect(e).toMatchObject({ code: "banking/amount-too-precise", line: 3 });
    expect(await rowCounts(t.ctx.db)).toEqual(before);
  });

  it("refuses files with no statement, of another account or currency, and unknown bank accounts", async () => {
    const before = await rowCounts(t.ctx.db);
    expect(
      (
        await errorOf(
          importStatementFile(
            t.ctx,
            c.actor,
            c.slug,
            "checking",
            upload(sample("ofx1", "ofxparse__vanguard.ofx"), "v.ofx"),
          ),
        )
      ).code,
    ).toBe("banking/no-statements");
    expect(
      (
        await errorOf(
          importStatementFile(
            t.ctx,
            c.actor,
            c.slug,
            "checking",
            upload(sample("mt940", "oca__test-ing.940"), "ing.940"),
          ),
        )
      ).code,
    ).toBe("banking/currency-mismatch");
    const e = await errorOf(
      importStatementFile(
        t.ctx,
        c.actor,
        c.slug,
        "no-such-account",
        upload(sample("mt940", "oca__test-ing.940"), "ing.940"),
      ),
    );
    expect(e).toMatchObject({ code: "banking/bank-account-not-found", status: 404 });
    expect(
      (
        await errorOf(
          importStatementFile(
            t.ctx,
            c.actor,
            c.slug,
            "00000000-0000-7000-8000-000000000000",
            upload(csvOf([]), "e.csv"),
          ),
        )
      ).status,
    ).toBe(404);
    expect(await rowCounts(t.ctx.db)).toEqual(before);
  });

  it("refuses a file of another account when the bank account has its last digits", async () => {
    const masked = await account("Masked Checking", "CAD", { mask: "1234" });
    const e = await errorOf(
      importStatementFile(
        t.ctx,
        c.actor,
        c.slug,
        masked.id,
        upload(sample("ofx1", "ofxparse__bank_medium.ofx"), "m.ofx"),
      ),
    );
    expect(e.code).toBe("banking/account-mismatch");
    expect(e.detail).toContain("…5678");
  });

  it("never lets an actor of another firm import into or read this client", async () => {
    const other = await bankClient(t.ctx, "other-co", "firm-b");
    const e = await errorOf(
      importStatementFile(
        t.ctx,
        other.actor,
        c.slug,
        "checking",
        upload(csvOf([{ date: "2026-01-02", amount: "1.00", description: "x" }]), "x.csv"),
      ),
    );
    expect(e.status).toBe(404);
    expect((await errorOf(listBankLines(t.ctx, other.actor, c.slug, { limit: 10, offset: 0 }))).status).toBe(
      404,
    );
  });
});
