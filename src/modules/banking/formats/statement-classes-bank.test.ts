// Bank formats as real banks send them: camt.052/053/054 version 1 and prefixed namespaces, a camt.053 with
// no statement (refused, never "0 statements"), BAI2 with a bank's own record types, BAI2 without its file
// header (still BAI2, never CSV), and an MT940 file with one damaged message among good ones.
import { describe, expect, it } from "vitest";
import { fixture } from "../../../../test/support/statement-fixtures.ts";
import { detectFormat, parseStatementFile, StatementParseError } from "./index.ts";

const parse = (name: string) => parseStatementFile(fixture(name), { fileName: name });

function refusal(name: string): StatementParseError {
  try {
    parse(name);
  } catch (error) {
    if (error instanceof StatementParseError) return error;
    throw error;
  }
  throw new Error(`${name} was not refused`);
}

describe("camt, version 1 and older namespaces", () => {
  it("reads a camt.052.001.01 report (message element BkToCstmrAcctRptV01)", () => {
    const file = parse("camt052-v01.xml");
    expect(file.format).toBe("camt052");
    expect(file.warnings).toEqual([]);
    const [s] = file.statements;
    expect([s!.account.id, s!.account.currency, s!.openingBalance, s!.closingBalance]).toEqual([
      "DE89370400440532013000",
      "EUR",
      "8420.10",
      "9857.35",
    ]);
    expect(s!.transactions.map((t) => [t.date, t.amount, t.payee, t.reference])).toEqual([
      ["2024-03-12", "1950.00", "Hotel am See KG", "RE-2024-031"],
      ["2024-03-12", "-512.75", "Milchhof Sued eG", null],
    ]);
  });

  it("reads a camt.053.001.01 statement written with a namespace prefix and plain balance codes", () => {
    const file = parse("camt053-v01-prefixed.xml");
    expect(file.format).toBe("camt053");
    expect(file.warnings).toEqual([]);
    const [s] = file.statements;
    expect([s!.openingBalance, s!.closingBalance, s!.transactions[0]!.amount]).toEqual([
      "15230.40",
      "14102.15",
      "-1128.25",
    ]);
    expect(s!.transactions[0]!.description).toBe("Belastung Miete Februar Ladenlokal");
  });

  it("reads a camt.054.001.01 notification", () => {
    const file = parse("camt054-v01.xml");
    expect(file.format).toBe("camt054");
    expect(file.statements[0]!.transactions.map((t) => [t.amount, t.payee])).toEqual([
      ["640.00", "Brasserie du Port SARL"],
    ]);
  });

  it.each([
    ["refused-camt053-no-statement.xml", 3],
    ["refused-camt053-wrong-structure.xml", 3],
  ])("refuses %s (no statement block where one belongs) instead of reading 0 statements", (name, line) => {
    const error = refusal(name);
    expect(error.type).toBe("camt/no-statement");
    expect(error.line).toBe(line);
    expect(error.detail).toContain("<Stmt>");
  });
});

describe("BAI2", () => {
  it("skips record types outside the standard with a warning, keeping their continuations out of the lines", () => {
    const file = parse("bai2-custom-records.bai");
    expect(file.format).toBe("bai2");
    expect(file.warnings).toEqual([
      "2 records of a type outside the BAI2 standard (17, 50) were skipped (lines 7, 10).",
    ]);
    const [s] = file.statements;
    expect(s!.transactions.map((t) => [t.amount, t.description])).toEqual([
      ["-512.45", "CHECK 1031 VALLEY DAIRY CO-OP"],
      ["1950.00", "CATERING ORDER 0311 DBNM: HARBOR DENTAL GROUP"],
      ["-1969.00", "ADP PAYROLL"],
    ]);
    expect(s!.closingBalance).toBe("11968.55");
  });

  it("is BAI2 without its file header, whatever the file is called, and is refused as BAI2", () => {
    expect(detectFormat(fixture("refused-bai2-no-header.csv"), "refused-bai2-no-header.csv")).toBe("bai2");
    const error = refusal("refused-bai2-no-header.csv");
    expect(error.type).toBe("bai2/invalid-amount");
    expect(error.line).toBe(3);
  });

  it("still takes a plain CSV that happens to start with a number for CSV", () => {
    const csv = "01,2024-01-05,Coffee,-4.50\n02,2024-01-06,Tea,-2.00\n";
    expect(detectFormat(new TextEncoder().encode(csv))).toBe("csv");
  });
});

describe("MT940 with one damaged message", () => {
  it("keeps the good statements and names the damaged one", () => {
    const file = parse("mt940-one-damaged.sta");
    expect(file.format).toBe("mt940");
    expect(file.statements.map((s) => s.closingBalance)).toEqual(["10370.10", "9445.16"]);
    expect(file.warnings).toEqual([
      "The statement starting on line 11 (account 37040044/0532013000, number 69/1) is damaged and was not read: " +
        "The statement line :61:2403110311D cannot be read (line 15). The file's other statements were read.",
    ]);
  });

  it("still refuses a file whose only statement is damaged", () => {
    const text = ":20:X\n:25:123\n:28C:1/1\n:60F:C240101EUR1,00\n:61:2401\n:62F:C240101EUR1,00\n-\n";
    expect(() => parseStatementFile(new TextEncoder().encode(text))).toThrow(StatementParseError);
  });
});

describe("OFX 1.x (SGML) with aggregates left open", () => {
  it("closes them where the markup implies, as OFX readers do, and says so", () => {
    const file = parse("ofx1-unclosed-aggregates.ofx");
    expect(file.format).toBe("ofx");
    const [s] = file.statements;
    expect(s!.account.id).toBe("7712004821");
    expect(s!.transactions.map((t) => [t.id, t.amount, t.payee])).toEqual([
      ["20240301-0001", "-412.80", "VALLEY DAIRY CO-OP"],
      ["20240304-0002", "1880.25", "SQUARE DEPOSIT"],
      ["20240305-0003", "-3250.00", "HIGHLAND GREEN COFFEE"],
    ]);
    // The ledger balance after the open transaction list still belongs to the statement.
    expect(s!.closingBalance).toBe("10667.45");
    expect(file.warnings).toHaveLength(1);
    expect(file.warnings[0]).toMatch(
      /^6 elements are never closed \(<SIGNONMSGSRSV1> on line 12, <BANKACCTFROM> on line 34/,
    );
  });

  it("still refuses a file cut short inside a transaction, naming its line", () => {
    const error = refusal("refused-ofx1-cut-short.ofx");
    expect(error.type).toBe("ofx/unclosed-aggregate");
    expect(error.line).toBe(47);
  });
});
