// QIF against the shared samples: date styles, splits, opening balances, !Account blocks, refused records.
import { describe, expect, it } from "vitest";
import { parseStatementFile, parseStatementFileDetailed, StatementParseError } from "./index.ts";
import { sample, withSamples } from "../../../../test/support/statement-samples.ts";

const parse = (name: string) => parseStatementFile(sample("qif", name), { fileName: name });
const qif = (text: string) => parseStatementFile(new TextEncoder().encode(text), { format: "qif" });

withSamples.describe("QIF samples", () => {
  it("reads a CBB export with splits and dates out of order", () => {
    const file = parse("gnucash__cbb-export.qif");
    expect(file.format).toBe("qif");
    expect(file.warnings).toEqual([]);
    const [s] = file.statements;
    expect(s!.account).toEqual({ id: null, currency: null, type: "Bank", institution: null });
    expect(s!.transactions).toHaveLength(9);
    expect(s!.transactions[0]).toEqual({
      id: null,
      date: "1997-10-11",
      amount: "-6.19",
      description: "Phone Bill - September",
      payee: "AT&T/063",
      reference: "277",
    });
    expect(s!.transactions.map((t) => [t.date, t.amount])).toEqual([
      ["1997-10-11", "-6.19"],
      ["1997-10-11", "-98.05"],
      ["1997-07-12", "-513.43"],
      ["1997-09-20", "-40.00"],
      ["1997-09-30", "-13.99"],
      ["1997-11-24", "-15.00"],
      ["1997-10-27", "-10.00"],
      ["1997-06-23", "-4.35"],
      ["1997-09-29", "193.42"],
    ]);
  });

  it("keeps the splits of a transaction in its raw fields", () => {
    const file = parseStatementFileDetailed(sample("qif", "gnucash__cbb-export.qif"));
    const split = file.statements[0]!.transactions[1]!;
    expect(split.line).toBe(9);
    expect(split.raw).toMatchObject({
      L: "Textbooks",
      "split.1.S": "Textbooks",
      "split.1.E": "Fall 1997 - Huntley",
      "split.1.$": "-53.30",
      "split.2.S": "Household",
      "split.2.E": "Wal-Mart",
      "split.2.$": "-44.75",
    });
  });

  it("reads a windows-1252 file, takes the opening balance out of the transactions", () => {
    const file = parse("gnucash__Money95invst_fr.qif");
    const [s] = file.statements;
    expect(s!.openingBalance).toBe("145608.32");
    expect(s!.start).toBe("1995-01-01");
    expect(s!.transactions).toHaveLength(9);
    expect(s!.transactions[7]).toEqual({
      id: null,
      date: "1995-11-12",
      amount: "-4500.00",
      description: "Pour équilibrage",
      payee: null,
      reference: null,
    });
    expect(s!.transactions.at(-1)!.amount).toBe("3500.00");
  });

  it("reads three-digit years and ignores text glued to the date, with a warning", () => {
    const file = parse("gnucash__web.qif");
    const [s] = file.statements;
    expect(s!.transactions.map((t) => [t.date, t.amount])).toEqual([
      ["1999-03-25", "-99.99"],
      ["1999-03-24", "-99.99"],
      ["1999-03-22", "-99.99"],
      ["1999-03-21", "-99.99"],
      ["1999-03-20", "-99.99"],
      ["1999-03-19", "99.99"],
      ["1999-03-18", "-99.99"],
    ]);
    expect(s!.transactions[1]).toMatchObject({
      payee: "Point of Sale Transaction",
      description: "TGI FRIDAYS #1859      SCOTTSDALE   AZUS",
    });
    expect(file.warnings).toEqual(["7 dates have extra text after the date, which was ignored."]);
  });

  it("works out month/day order from the whole file", () => {
    const [s] = parse("oca__test_qif.qif").statements;
    expect(s!.transactions.map((t) => [t.date, t.amount, t.payee])).toEqual([
      ["2013-08-12", "-1000.00", "Delta PC"],
      ["2013-08-15", "-75.46", "Walts Drugs"],
      ["2013-03-03", "-379.00", "Epic Technologies"],
      ["2013-03-04", "-20.28", "YOUR LOCAL SUPERMARKET"],
      ["2013-03-03", "-421.35", "SPRINGFIELD WATER UTILITY"],
    ]);
  });

  it("skips an investment register with a warning", () => {
    const file = parse("gnucash__swipe.qif");
    expect(file.statements).toEqual([]);
    expect(file.warnings).toEqual([
      "Investment register (line 1) skipped: Closebook reads bank and card statements only (11 investment transactions not read).",
    ]);
  });
});

describe("QIF built in the test", () => {
  it("reads !Account blocks as separate statements", () => {
    const file = qif(
      [
        "!Account",
        "NChecking",
        "TBank",
        "$1,200.00",
        "^",
        "!Type:Bank",
        "D1/ 2'98",
        "T-10.00",
        "PShop",
        "^",
        "D1/ 3'98",
        "T5.00",
        "PRefund",
        "^",
        "!Account",
        "NVisa",
        "TCCard",
        "^",
        "!Type:CCard",
        "D12/31'05",
        "T-1.50",
        "MFee",
        "^",
      ].join("\r\n"),
    );
    expect(
      file.statements.map((s) => [
        s.account.id,
        s.account.type,
        s.closingBalance,
        s.transactions.map((t) => t.date),
      ]),
    ).toEqual([
      ["Checking", "Bank", "1200.00", ["1998-01-02", "1998-01-03"]],
      ["Visa", "CCard", null, ["2005-12-31"]],
    ]);
    expect(file.warnings).toEqual([]);
  });

  it("reads day/month order and decimal commas when the file shows them", () => {
    const file = qif("!Type:Bank\nD25.12.2020\nT-1.234,50\nPA\n^\nD01.02.2021\nT10,00\nPB\n^\n");
    expect(file.statements[0]!.transactions.map((t) => [t.date, t.amount])).toEqual([
      ["2020-12-25", "-1234.50"],
      ["2021-02-01", "10.00"],
    ]);
  });

  it("warns when the day/month order cannot be told", () => {
    const file = qif("!Type:Bank\nD01/02/2021\nT1\n^\n");
    expect(file.statements[0]!.transactions[0]!.date).toBe("2021-01-02");
    expect(file.warnings[0]).toContain("read as month/day/year");
  });

  it("reads a last record without its closing caret, and ignores lists it does not need", () => {
    const file = qif("!Type:Cat\nNGroceries\nE\n^\n!Type:Bank\nD1/2/2021\nT3\n");
    expect(file.statements[0]!.transactions).toHaveLength(1);
  });

  it.each([
    ["!Type:Bank\nT1\n^\n", "qif/missing-date", 2],
    ["!Type:Bank\nD1/2/2021\nPX\n^\n", "qif/missing-amount", 2],
    ["!Type:Bank\nD1/2/2021\nTabc\n^\n", "qif/invalid-amount", 2],
    ["!Type:Bank\nD2/30/2021\nT1\n^\n", "qif/invalid-date", 2],
    ["!Type:Bank\nDyesterday\nT1\n^\n", "qif/invalid-date", 2],
    ["D1/2/2021\nT1\n^\n", "qif/no-header", 1],
    ["!Type:Cat\nNFood\n^\n", "qif/no-register", null],
  ])("refuses %j with %s", (text, type, line) => {
    let error: unknown;
    try {
      qif(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StatementParseError);
    expect(error).toMatchObject({ type, line });
  });
});
