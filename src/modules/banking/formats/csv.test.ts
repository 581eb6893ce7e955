// CSV against the shared samples and the Schwab oracle, plus saved, corrected and mismatched column layouts.
import { describe, expect, it } from "vitest";
import {
  detectCsvMapping,
  parseCsv,
  parseStatementFile,
  parseStatementFileDetailed,
  StatementParseError,
  type CsvMapping,
} from "./index.ts";
import { readOracle, sample, withSamples } from "../../../../test/support/statement-samples.ts";

const parse = (name: string) => parseStatementFile(sample("csv", name), { fileName: name });
const bytes = (text: string) => new TextEncoder().encode(text);

function errorOf(run: () => unknown): StatementParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof StatementParseError) return error;
    throw error;
  }
  throw new Error("expected a StatementParseError");
}

withSamples.describe("CSV samples", () => {
  it("matches the Schwab oracle: withdrawal/deposit columns, $ amounts, newest first, running balance", () => {
    const file = parse("reds__schwab__schwab_XXX234_Checking_Transactions_20220203.csv");
    expect(file.format).toBe("csv");
    expect(file.warnings).toEqual([]);
    const [s] = file.statements;
    const oracle = readOracle(
      "csv",
      "reds__schwab__schwab_XXX234_Checking_Transactions_20220203.csv.expected.beancount",
    );
    const fromOracle = oracle.transactions.map((t) => [t.date, t.narration, t.postings[0]!.amount]).sort();
    const parsed = s!.transactions.map((t) => [t.date, t.description, t.amount]).sort();
    expect(parsed).toEqual(fromOracle);
    expect(s!.closingBalance).toBe(oracle.balances[0]!.amount);
    expect(s!.transactions[0]).toEqual({
      id: null,
      date: "2022-07-31",
      amount: "1.00",
      description: "Interest Paid",
      payee: null,
      reference: null,
    });
  });

  it("skips a title line before the header and reads a signed amount", () => {
    const [s] = parse("beancount-import__examples_importers_creditcard.csv").statements;
    expect(s!.transactions.map((t) => [t.date, t.amount, t.description])).toEqual([
      ["2020-01-10", "-15.5", "Amazon Order 54429302"],
      ["2020-01-15", "30", "Payment Received"],
    ]);
    expect(s!.closingBalance).toBe("-5.5");
  });

  it("splits a Mint export by account and signs amounts from the debit/credit column", () => {
    const file = parse("beancount-import__examples_mint_mint.csv");
    expect(file.statements.map((s) => [s.account.id, s.transactions.length])).toEqual([
      ["Amazon Store Card", 4],
      ["My Credit Card", 2],
      ["My Checking", 1],
    ]);
    const card = file.statements[1]!;
    expect(card.transactions).toEqual([
      {
        id: null,
        date: "2016-08-10",
        amount: "-2.45",
        description: "STARBUCKS STORE 12345",
        payee: "Starbucks",
        reference: null,
      },
      {
        id: null,
        date: "2013-11-27",
        amount: "66.88",
        description: "CR CARD PAYMENT ALEXANDRIA VA",
        payee: "Transfer from My Checking",
        reference: null,
      },
    ]);
    const mapping = detectCsvMapping(sample("csv", "beancount-import__examples_mint_mint.csv"));
    expect(mapping.sign).toBe("indicator");
    expect(mapping.columns).toMatchObject({
      date: 0,
      amount: 3,
      indicator: 4,
      description: 2,
      payee: 1,
      account: 6,
    });
  });

  it("refuses Venmo's balance summary: it has no amount column", () => {
    const error = errorOf(() => parse("beancount-import__examples_venmo_balances.csv"));
    expect(error.type).toBe("csv/no-amount-column");
  });

  it("reads GnuCash's register export: deposit/withdrawal columns, ambiguous dates flagged", () => {
    const file = parse("gnucash__csv-imp_sample1.csv");
    expect(file.statements[0]!.transactions).toEqual([
      {
        id: null,
        date: "2015-05-01",
        amount: "-1100.00",
        description: "Acme Inc.",
        payee: null,
        reference: "45",
      },
    ]);
    expect(file.warnings[0]).toContain("read as month/day/year");
  });

  it("reads ledger-autosync's Mint file", () => {
    const [s] = parse("ledger-autosync__mint.csv").statements;
    expect(s!.account.id).toBe("1234");
    expect(s!.transactions.map((t) => [t.date, t.amount, t.payee])).toEqual([
      ["2016-08-02", "-29.99", "Amazon"],
      ["2016-06-02", "123.45", "Autopay Rautopay Auto"],
    ]);
  });

  it("reads a PayPal export with spaces after commas and a trailing empty column", () => {
    const [s] = parse("ledger-autosync__paypal_alternate.csv").statements;
    expect(s!.transactions).toEqual([
      {
        id: null,
        date: "2016-12-31",
        amount: "-12.34",
        description: "Payment Sent",
        payee: "Some User",
        reference: null,
      },
      {
        id: null,
        date: "2016-12-31",
        amount: "12.34",
        description: "Add Funds from a Bank Account",
        payee: "Bank Account",
        reference: null,
      },
    ]);
    expect(s!.closingBalance).toBe("12.34");
  });

  it("splits PayPal activity by currency, takes the net amount and day/month order", () => {
    const file = parse("oca__paypal_activity_en.csv");
    expect(file.statements.map((s) => [s.account.currency, s.transactions.length, s.closingBalance])).toEqual(
      [
        ["USD", 45, "1.90"],
        ["EUR", 29, "43.34"],
        ["AUD", 2, "0.00"],
      ],
    );
    expect(file.statements[0]!.transactions[0]).toEqual({
      id: "TID1",
      date: "2015-12-29",
      amount: "79.75",
      description: "General Payment",
      payee: "PARTNER1",
      reference: null,
    });
    const partner2 = file.statements[0]!.transactions.find((t) => t.id === "TID4")!;
    expect(partner2).toMatchObject({ date: "2016-06-09", amount: "1580.68", reference: "RID1" });
  });

  it("reads the PayPal statement export", () => {
    const file = parse("oca__paypal_statement_en.csv");
    expect(file.statements.map((s) => [s.account.currency, s.transactions.length])).toEqual([
      ["EUR", 8],
      ["USD", 11],
    ]);
    expect(file.statements[0]!.transactions[0]).toMatchObject({
      id: "TID1",
      date: "2018-09-04",
      amount: "-1058.09",
      description: "General Withdrawal - Bank Account",
    });
  });

  it.each(["oca__paypal_empty_activity.csv", "oca__sheet_empty_statement_en.csv"])(
    "reads the header-only file %s as no statement, with a warning",
    (name) => {
      const file = parse(name);
      expect(file.statements).toEqual([]);
      expect(file.warnings).toEqual(["The file has no transaction rows."]);
    },
  );

  it("reads the OCA sheet with a balance column", () => {
    const [s] = parse("oca__sheet_balance.csv").statements;
    expect(s!.transactions).toEqual([
      {
        id: null,
        date: "2018-12-15",
        amount: "-33.50",
        description: "Your best supplier",
        payee: "John Doe",
        reference: null,
      },
      {
        id: null,
        date: "2018-12-15",
        amount: "1533.50",
        description: "Your payment",
        payee: "Azure Interior",
        reference: null,
      },
    ]);
    expect(s!.closingBalance).toBe("1510.00");
  });

  it("splits rows in different currencies into statements", () => {
    const file = parse("oca__sheet_multi_currency.csv");
    expect(file.statements.map((s) => [s.account.currency, s.transactions.map((t) => t.amount)])).toEqual([
      ["USD", ["-33.50"]],
      ["EUR", ["1525.00"]],
    ]);
  });

  it.each(["oca__sheet_original_currency.csv", "oca__sheet_original_currency_empty.csv"])(
    "does not take a foreign-amount currency column for the statement currency (%s)",
    (name) => {
      const file = parse(name);
      expect(file.statements).toHaveLength(1);
      expect(file.statements[0]!.account.currency).toBeNull();
      expect(file.statements[0]!.transactions.map((t) => [t.date, t.amount, t.description])).toEqual([
        ["2018-12-15", "1525.00", "Your payment"],
      ]);
    },
  );

  it("guesses the columns of a headerless file and says so", () => {
    const file = parse("oca__sheet_original_currency_no_header.csv");
    expect(file.statements[0]!.transactions).toEqual([
      {
        id: null,
        date: "2018-12-15",
        amount: "1525.00",
        description: "Azure Interior",
        payee: null,
        reference: null,
      },
    ]);
    expect(file.warnings[0]).toContain("no header row");
    expect(detectCsvMapping(sample("csv", "oca__sheet_original_currency_no_header.csv")).header).toBeNull();
  });

  it("reads the sample statement", () => {
    const [s] = parse("oca__sheet_sample_statement_en.csv").statements;
    expect(s!.transactions.map((t) => [t.amount, t.description, t.payee])).toEqual([
      ["-33.50", "Your best supplier on 12/15/2018", "John Doe"],
      ["1525.00", "Your payment on 12/15/2018", "Azure Interior"],
    ]);
  });

  it("reads Fidelity's history between blank rows and a disclaimer footer", () => {
    const file = parseStatementFileDetailed(
      sample("csv", "reds__fidelity__History_for_Account_X8YYYYYYY.csv"),
    );
    const [s] = file.statements;
    expect(s!.transactions).toHaveLength(11);
    expect(s!.transactions.map((t) => t.amount)).toEqual([
      "-10000",
      "-135.6",
      "200.99",
      "3085.92",
      "1001.1",
      "-449.24",
      "-24.98",
      "-221.39",
      "-200",
      "-2970.67",
      "2042.12",
    ]);
    expect(s!.transactions[0]).toMatchObject({
      date: "2023-01-27",
      description: "DIRECT DEBIT TREASURY DIRECTREAS DRCT (Cash)",
      line: 7,
    });
    expect(s!.transactions[0]!.raw["Amount ($)"]).toBe("-10000");
    expect(file.warnings).toHaveLength(1);
    expect(file.warnings[0]).toMatch(/^9 rows without a date or amount .* were skipped/);
    expect(file.csvMapping?.skipRecords).toBe(5);
  });
});

describe("CSV mapping", () => {
  const european =
    "Buchungstag;Verwendungszweck;Betrag;Saldo\n01.02.2021;Miete Februar;-1.250,00;3.750,00\n03.02.2021;Gehalt;2.500,00;6.250,00\n";

  it("detects semicolons, day/month/year dates and decimal commas", () => {
    const mapping = detectCsvMapping(bytes(european));
    expect(mapping).toMatchObject({
      delimiter: ";",
      dateOrder: "DMY",
      decimalSeparator: ",",
      sign: "signed",
      skipRecords: 0,
    });
    const file = parseCsv(bytes(european), mapping);
    expect(file.statements[0]!.transactions.map((t) => [t.date, t.amount, t.description])).toEqual([
      ["2021-02-01", "-1250.00", "Miete Februar"],
      ["2021-02-03", "2500.00", "Gehalt"],
    ]);
    expect(file.statements[0]!.closingBalance).toBe("6250.00");
  });

  it("reuses a saved mapping on the next month's file, even when the title lines change", () => {
    const january = "Account 123\nDate,Details,Amount\n2021-01-05,Coffee,-3.50\n";
    const february = "Account 123\nExported 2021-03-01\nDate,Details,Amount\n2021-02-05,Tea,-2.50\n";
    const mapping = JSON.parse(JSON.stringify(detectCsvMapping(bytes(january)))) as CsvMapping;
    expect(parseCsv(bytes(february), mapping).statements[0]!.transactions).toEqual([
      { id: null, date: "2021-02-05", amount: "-2.50", description: "Tea", payee: null, reference: null },
    ]);
  });

  it("applies a corrected mapping: inverted card amounts, day/month order", () => {
    const text = "Date,Description,Amount\n05/01/2021,Shop,12.00\n06/01/2021,Payment,-50.00\n";
    const mapping = {
      ...detectCsvMapping(bytes(text)),
      sign: "inverted" as const,
      dateOrder: "DMY" as const,
    };
    expect(parseCsv(bytes(text), mapping).statements[0]!.transactions.map((t) => [t.date, t.amount])).toEqual(
      [
        ["2021-01-05", "-12.00"],
        ["2021-01-06", "50.00"],
      ],
    );
  });

  it("refuses a saved mapping whose header is not in the file", () => {
    const mapping = detectCsvMapping(bytes("Date,Details,Amount\n2021-01-05,Coffee,-3.50\n"));
    const error = errorOf(() => parseCsv(bytes("When,What,How much\n2021-01-05,Coffee,-3.50\n"), mapping));
    expect(error.type).toBe("csv/mapping-mismatch");
  });

  it("refuses a damaged saved mapping", () => {
    const mapping = detectCsvMapping(bytes("Date,Details,Amount\n2021-01-05,Coffee,-3.50\n"));
    const broken = { ...mapping, columns: { ...mapping.columns, date: -1 } };
    expect(errorOf(() => parseCsv(bytes("Date,Details,Amount\n"), broken)).type).toBe("csv/invalid-mapping");
    const wrongSign = { ...mapping, sign: "sideways" } as unknown as CsvMapping;
    expect(errorOf(() => parseCsv(bytes("Date,Details,Amount\n"), wrongSign)).type).toBe(
      "csv/invalid-mapping",
    );
  });

  it("reads quoted fields with delimiters, quotes and line breaks, and reports lines", () => {
    const text =
      'Date,Description,Amount\n2021-01-05,"Dinner, ""The Inn""\nTable 4",-80.00\n2021-01-06,Lunch,-10.00\n';
    const file = parseStatementFileDetailed(bytes(text), { format: "csv" });
    expect(file.statements[0]!.transactions.map((t) => [t.line, t.description, t.amount])).toEqual([
      [2, 'Dinner, "The Inn"\nTable 4', "-80.00"],
      [4, "Lunch", "-10.00"],
    ]);
  });

  it("reads tab-separated files and debit/credit columns written with signs", () => {
    const text = "Date\tPayee\tDebit\tCredit\n2021-01-05\tGym\t-30.00\t\n2021-01-06\tRefund\t\t5.00\n";
    expect(
      parseCsv(bytes(text)).statements[0]!.transactions.map((t) => [t.amount, t.payee, t.description]),
    ).toEqual([
      ["-30.00", "Gym", "Gym"],
      ["5.00", "Refund", "Refund"],
    ]);
  });

  it.each([
    ["Date,Description,Amount\n2021-01-05,Coffee,abc\n", "csv/invalid-amount", 2],
    ["Date,Description,Amount\n2021-01-05,Coffee,1\n2021-13-45,Tea,-2\n", "csv/mixed-date-formats", null],
    ["Date,Description,Amount\n2021-01-05,Coffee,1\nsoon,Tea,-2\n", "csv/invalid-date", 3],
    ['Date,Description,Amount\n2021-01-05,"Coffee,1\n', "csv/unclosed-quote", 2],
    ["Name,Description,Amount\nA,Coffee,1\n", "csv/no-date-column", 1],
  ])("refuses %j with %s", (text, type, line) => {
    const error = errorOf(() => parseStatementFile(bytes(text), { format: "csv" }));
    expect(error.type).toBe(type);
    expect(error.line).toBe(line);
  });

  it("skips a row with a date but no amount, with a warning naming its line", () => {
    const file = parseStatementFile(
      bytes("Date,Description,Amount\n2021-01-05,Pending,\n2021-01-06,Tea,-2\n"),
      { format: "csv" },
    );
    expect(file.statements[0]!.transactions).toHaveLength(1);
    expect(file.warnings).toEqual(["1 row has a date but no amount and was skipped (line 2)."]);
  });
});
