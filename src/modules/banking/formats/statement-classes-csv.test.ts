// CSV exports as banks write them: summary and metadata rows around the table, separate money-out and
// money-in columns whose sign is read off the file, and headers in six languages with the decimal comma.
import { describe, expect, it } from "vitest";
import { sumAmounts } from "./amount.ts";
import { fixture } from "../../../../test/support/statement-fixtures.ts";
import { parseStatementFile, type ParsedStatement } from "./index.ts";

const parse = (name: string) => parseStatementFile(fixture(name), { fileName: name });

function only(name: string): { statement: ParsedStatement; warnings: string[] } {
  const file = parse(name);
  expect(file.format).toBe("csv");
  expect(file.statements).toHaveLength(1);
  return { statement: file.statements[0]!, warnings: file.warnings };
}

const total = (s: ParsedStatement) => sumAmounts(s.transactions.map((t) => t.amount));

describe("CSV summary and metadata rows", () => {
  it("skips balances, totals, account lines, blank rows and a repeated header, and says which", () => {
    const { statement, warnings } = only("csv-summary-rows.csv");
    expect(statement.transactions.map((t) => [t.date, t.amount, t.description])).toEqual([
      ["2024-03-01", "-412.80", "VALLEY DAIRY CO-OP"],
      ["2024-03-04", "1880.25", "SQUARE DEPOSIT 0304"],
      ["2024-03-05", "-3250.00", "HIGHLAND GREEN COFFEE IMPORTERS"],
      ["2024-03-15", "-5120.33", "ADP PAYROLL 031524"],
      // A transfer whose text starts with "Balance" is a transaction, not a balance row.
      ["2024-03-29", "2000.00", "BALANCE TRANSFER FROM SAVINGS"],
      ["2024-04-01", "-2400.00", "HARBOR PROPERTY MGMT RENT"],
    ]);
    // The totals the bank printed are not counted: March's lines add up to its own "Transactions Total".
    expect(sumAmounts(statement.transactions.slice(0, 4).map((t) => t.amount))).toBe("-6902.88");
    expect(statement.closingBalance).toBe("5147.12");
    expect(warnings).toContain(
      "5 balance or total rows were skipped, not read as transactions (lines 7, 14, 15, 16, 17).",
    );
    expect(warnings.some((w) => w.includes("skipped (lines 19, 21)"))).toBe(true);
  });

  it("still refuses a row with money but an unreadable date, naming the line", () => {
    const text = "Date,Description,Amount\n2024-01-05,Coffee,-4.50\nyesterday,Tea,-2.00\n";
    expect(() => parseStatementFile(new TextEncoder().encode(text))).toThrow(/line 3/);
  });
});

describe("CSV with money-out and money-in columns", () => {
  it("reads positive money-out amounts as money out and a negative one there as a refund", () => {
    const { statement, warnings } = only("csv-debit-credit.csv");
    expect(statement.transactions.map((t) => [t.date, t.amount])).toEqual([
      ["2024-02-28", "-85.40"],
      ["2024-02-27", "6.20"],
      ["2024-02-26", "1450.00"],
      ["2024-02-23", "-42.17"],
      ["2024-02-22", "-1100.00"],
      ["2024-02-21", "975.73"],
    ]);
    // The account opened at zero: the statement's sum is the bank's own closing balance.
    expect(total(statement)).toBe(statement.closingBalance);
    expect(statement.transactions[1]!.description).toBe("CAFE NERO REFUND");
    expect(warnings.some((w) => w.includes("read as money the other way (line 3)"))).toBe(true);
  });

  it("reads a money-out column written negative the same way", () => {
    const text =
      "Date,Details,Money out,Money in,Balance\n" +
      "2024-01-02,Rent,-900.00,,100.00\n2024-01-03,Sales,,250.00,350.00\n" +
      "2024-01-04,Fees,-5.00,,345.00\n2024-01-05,Refund,15.00,,360.00\n";
    const [s] = parseStatementFile(new TextEncoder().encode(text)).statements;
    expect(s!.transactions.map((t) => t.amount)).toEqual(["-900.00", "250.00", "-5.00", "15.00"]);
  });
});

describe("CSV headers in other languages, with the decimal comma", () => {
  // Each file's running balance is the bank's: the first row's balance less its amount, plus every
  // amount, is the balance after the latest row.
  const cases: Array<[string, number, string, [string, string, string]]> = [
    ["csv-es.csv", 5, "-4552.27", ["2024-01-31", "1250.00", "TRANSFERENCIA RECIBIDA CAFETERIA SOL"]],
    ["csv-de.csv", 4, "68.41", ["2024-01-30", "-1850.00", "Miete Februar Laden Hauptstr. 5"]],
    ["csv-fr.csv", 5, "678.27", ["2024-02-05", "-123.45", "PRLV SEPA EDF CLIENTS PARTICULIERS"]],
    ["csv-nl.csv", 3, "-877.45", ["2024-01-31", "-23.45", "Pasvolgnr: 003 31-01-2024 17:42"]],
    ["csv-pt.csv", 4, "233.98", ["2024-01-02", "1500.00", "TRF DE PASTELARIA AVENIDA LDA"]],
    ["csv-it.csv", 4, "1326.93", ["2024-01-03", "2750.00", "BONIFICO A VOSTRO FAVORE DA BAR CENTRALE SRL"]],
  ];
  it.each(cases)("%s: %i lines adding up to %s", (name, count, sum, first) => {
    const { statement, warnings } = only(name);
    // The French file's refund sits in the money-out column ("AVOIR", line 5), which is said.
    expect(warnings).toEqual(name === "csv-fr.csv" ? [expect.stringContaining("(line 5)")] : []);
    expect(statement.transactions).toHaveLength(count);
    expect(total(statement)).toBe(sum);
    const t = statement.transactions[0]!;
    expect([t.date, t.amount, t.description]).toEqual(first);
  });

  it("reads the account, currency, counterparty and balance columns where the bank gives them", () => {
    const de = only("csv-de.csv").statement;
    expect([de.account.id, de.account.currency, de.transactions[0]!.payee]).toEqual([
      "DE44500105175407324931",
      "EUR",
      "Immobilien Krause GmbH",
    ]);
    const nl = only("csv-nl.csv").statement;
    expect([nl.account.id, nl.closingBalance, nl.transactions[1]!.payee]).toEqual([
      "NL20INGB0001234567",
      "2210.55",
      "Koffiebranderij De Boon BV",
    ]);
    expect(only("csv-it.csv").statement.account.currency).toBe("EUR");
    expect(only("csv-es.csv").statement.closingBalance).toBe("14102.55");
    expect(only("csv-fr.csv").statement.closingBalance).toBe("4312.74");
    expect(only("csv-pt.csv").statement.closingBalance).toBe("7154.08");
  });
});
