// The public entry points: exact output keys, the detailed form, zips, the internal-error guard, CSV mappings.
import { describe, expect, it } from "vitest";
import { zipSync } from "fflate";
import {
  detectCsvMapping,
  parseCsv,
  parseStatementFile,
  parseStatementFileDetailed,
  StatementParseError,
  toParsedFile,
} from "./index.ts";
import { sample, withSamples } from "../../../../test/support/statement-samples.ts";

const text = (s: string) => new TextEncoder().encode(s);

function errorOf(run: () => unknown): StatementParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof StatementParseError) return error;
    throw error;
  }
  throw new Error("expected a StatementParseError");
}

describe("parseStatementFile", () => {
  withSamples.it("returns exactly the normalized keys, nothing from the detailed form", () => {
    const file = parseStatementFile(sample("ofx2", "libofx__ofx-2.1.1-sect-16.5.3.2.ofx"));
    expect(Object.keys(file)).toEqual(["format", "statements", "warnings"]);
    const s = file.statements[0]!;
    expect(Object.keys(s)).toEqual([
      "account",
      "start",
      "end",
      "openingBalance",
      "closingBalance",
      "transactions",
    ]);
    expect(Object.keys(s.account)).toEqual(["id", "currency", "type", "institution"]);
    expect(Object.keys(s.transactions[0]!)).toEqual([
      "id",
      "date",
      "amount",
      "description",
      "payee",
      "reference",
    ]);
    expect(JSON.parse(JSON.stringify(file))).toEqual(file);
  });

  withSamples.it(
    "keeps lines, raw fields and the encoding in the detailed form, and drops them in toParsedFile",
    () => {
      const detailed = parseStatementFileDetailed(sample("qif", "gnucash__Money95invst_fr.qif"));
      expect(detailed.encoding).toBe("windows-1252");
      expect(detailed.statements[0]!.transactions[0]!.line).toBe(8);
      expect(detailed.statements[0]!.transactions[0]!.raw.T).toBe("2,500.00");
      expect(toParsedFile(detailed)).toEqual(
        parseStatementFile(sample("qif", "gnucash__Money95invst_fr.qif")),
      );
    },
  );

  it("reads UTF-16 files with a byte-order mark", () => {
    const csv = "Date,Description,Amount\n2024-01-02,Café,-4.20\n";
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...[...csv].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
    ]);
    const file = parseStatementFileDetailed(utf16);
    expect(file.encoding).toBe("utf-16le");
    expect(file.statements[0]!.transactions[0]).toMatchObject({ description: "Café", amount: "-4.20" });
  });

  it("turns an unexpected failure into a typed internal error instead of letting it escape", () => {
    const error = errorOf(() => parseStatementFile(null as unknown as Uint8Array));
    expect(error.type).toBe("internal/unreadable");
    expect(error.line).toBeNull();
  });

  it("refuses empty files", () => {
    expect(errorOf(() => parseStatementFile(new Uint8Array()))).toMatchObject({
      type: "empty-file",
      line: null,
    });
    expect(errorOf(() => parseStatementFile(text("\n \n"), { format: "csv" }))).toMatchObject({
      type: "empty-file",
    });
  });

  withSamples.it("serializes errors as { type, detail, line }", () => {
    const error = errorOf(() => parseStatementFile(sample("ofx_malformed", "oca__test_ofx_wrong.ofx")));
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      type: "ofx/missing-date",
      detail: "The transaction starting on line 42 has no posting date (DTPOSTED).",
      line: 42,
    });
  });
});

describe("zip files", () => {
  const mt940 = text(
    ":20:A\n:25:ACC-1\n:60F:C240101EUR10,00\n:61:240102D1,00NTRFNONREF\n:86:Fee\n:62F:C240102EUR9,00\n-\n",
  );
  const qif = text("!Type:Bank\nD1/2/2024\nT-1.00\nPX\n^\n");

  it("concatenates the statements of every entry and prefixes warnings with the entry name", () => {
    const file = parseStatementFileDetailed(zipSync({ "jan.sta": mt940, "feb.sta": mt940 }));
    expect(file.format).toBe("mt940");
    expect(file.statements.map((s) => [s.source, s.closingBalance])).toEqual([
      ["jan.sta", "9.00"],
      ["feb.sta", "9.00"],
    ]);
  });

  it("reports mixed formats, opens a zip inside a zip once, and refuses deeper nesting", () => {
    const mixed = parseStatementFile(zipSync({ "a.sta": mt940, "b.qif": qif }));
    expect(mixed.format).toBe("mt940");
    expect(mixed.statements).toHaveLength(2);
    expect(mixed.warnings[0]).toBe("The zip mixes formats (mt940, qif); the file is reported as mt940.");
    const inner = zipSync({ "a.sta": mt940 });
    expect(parseStatementFile(zipSync({ "inner.zip": inner })).statements).toHaveLength(1);
    expect(
      errorOf(() => parseStatementFile(zipSync({ "outer.zip": zipSync({ "inner.zip": inner }) }))).type,
    ).toBe("zip/nested");
  });

  it("refuses damaged, empty and statement-free zips", () => {
    const good = zipSync({ "a.sta": mt940 });
    expect(errorOf(() => parseStatementFile(good.subarray(0, 30))).type).toBe("zip/corrupt");
    expect(errorOf(() => parseStatementFile(zipSync({})))).toMatchObject({ type: "zip/empty" });
    expect(errorOf(() => parseStatementFile(zipSync({ "notes.txt": text("hello") }))).type).toBe(
      "zip/no-statements",
    );
  });
});

withSamples.describe("CSV entry points", () => {
  it("detects a mapping, which serializes and reads the file back the same way", () => {
    const bytes = sample("csv", "reds__schwab__schwab_XXX234_Checking_Transactions_20220203.csv");
    const mapping = detectCsvMapping(bytes);
    expect(mapping).toEqual({
      version: 1,
      delimiter: ",",
      header: [
        "Date",
        "Status",
        "Type",
        "CheckNumber",
        "Description",
        "Withdrawal",
        "Deposit",
        "RunningBalance",
      ],
      skipRecords: 0,
      columns: {
        date: 0,
        amount: null,
        debit: 5,
        credit: 6,
        indicator: null,
        description: 4,
        payee: null,
        reference: 3,
        id: null,
        balance: 7,
        currency: null,
        account: null,
      },
      dateOrder: "MDY",
      decimalSeparator: ".",
      sign: "debit-credit",
    });
    const saved = JSON.parse(JSON.stringify(mapping));
    expect(parseCsv(bytes, saved)).toEqual(parseCsv(bytes));
    expect(parseStatementFileDetailed(bytes).csvMapping).toEqual(mapping);
  });

  it("reports CSV problems as typed errors from detectCsvMapping too", () => {
    expect(
      errorOf(() => detectCsvMapping(sample("csv", "beancount-import__examples_venmo_balances.csv"))).type,
    ).toBe("csv/no-amount-column");
    expect(errorOf(() => detectCsvMapping(new Uint8Array())).type).toBe("empty-file");
  });
});
