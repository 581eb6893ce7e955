// Choosing a file's statements for a bank account, converting amounts without rounding, and keying
// lines — on real shared statement files and on small hand-made ones.
import { describe, expect, it } from "vitest";
import { AppError } from "../../platform/errors.ts";
import { parseStatementFileDetailed, type DetailedFile, type DetailedStatement } from "./formats/index.ts";
import { sample, withSamples } from "../../../test/support/statement-samples.ts";
import { accountMatches, prepareImport, selectStatements, type ImportTarget } from "./import-model.ts";

const target = (over: Partial<ImportTarget> = {}): ImportTarget => ({
  name: "Checking",
  currency: "USD",
  mask: null,
  accountNumber: null,
  ...over,
});

function statement(
  over: Partial<DetailedStatement> & { txns?: Array<[string, string, string, (string | null)?]> } = {},
): DetailedStatement {
  const { txns = [], ...rest } = over;
  return {
    account: { id: null, currency: null, type: null, institution: null },
    start: null,
    end: null,
    openingBalance: null,
    closingBalance: null,
    line: 1,
    source: null,
    raw: {},
    transactions: txns.map(([date, amount, description, id], i) => ({
      id: id ?? null,
      date,
      amount,
      description,
      payee: null,
      reference: null,
      line: i + 2,
      raw: { Date: date, Amount: amount, Text: description },
    })),
    ...rest,
  };
}

const file = (...statements: DetailedStatement[]): DetailedFile => ({
  format: "csv",
  statements,
  warnings: [],
  encoding: "utf-8",
  csvMapping: null,
});

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an error");
}

describe("accountMatches", () => {
  const acct = (id: string | null) => ({ id, currency: null, type: null, institution: null });
  it("matches by full number (also behind a bank code) or by the last digits", () => {
    expect(accountMatches(acct("12300 000012345678"), target({ accountNumber: "000012345678" }))).toBe("yes");
    expect(accountMatches(acct("12300 000012345678"), target({ mask: "5678" }))).toBe("yes");
    expect(accountMatches(acct("12300 000012345678"), target({ mask: "1234" }))).toBe("no");
    expect(
      accountMatches(acct("NL91 ABNA 0417 1643 00"), target({ accountNumber: "NL91ABNA0417164300" })),
    ).toBe("yes");
    expect(accountMatches(acct(null), target({ mask: "1234" }))).toBe("unknown");
    expect(accountMatches(acct("999"), target())).toBe("unknown");
  });

  it("matches a masked number (as PDF statements print it) by the digits it shows", () => {
    expect(accountMatches(acct("XXXX-4321"), target({ accountNumber: "000012344321" }))).toBe("yes");
    expect(accountMatches(acct("****4321"), target({ accountNumber: "000012344321" }))).toBe("yes");
    expect(accountMatches(acct("****4321"), target({ accountNumber: "000012349999" }))).toBe("no");
    expect(accountMatches(acct("XXXX-4321"), target({ mask: "4321" }))).toBe("yes");
  });
});

describe("selectStatements", () => {
  it("takes the statements of the account and currency and says what it skipped", () => {
    const f = file(
      statement({ account: { id: "111-5678", currency: "USD", type: null, institution: null } }),
      statement({ account: { id: "222-9999", currency: "USD", type: null, institution: null } }),
    );
    expect(selectStatements(f, target({ mask: "5678" }))).toEqual({
      positions: [0],
      warnings: ['A statement of account …9999 (USD) was skipped: it is not "Checking".'],
    });
  });

  it("refuses a file of several accounts when the bank account has no number to choose by", () => {
    const f = file(
      statement({ account: { id: "111-5678", currency: null, type: null, institution: null } }),
      statement({ account: { id: "222-9999", currency: null, type: null, institution: null } }),
    );
    const e = errorOf(() => selectStatements(f, target()));
    expect(e.code).toBe("banking/several-accounts");
    expect(e.detail).toContain("…5678, …9999");
  });

  it("refuses a file of another account or currency", () => {
    const other = file(
      statement({ account: { id: "111-5678", currency: "USD", type: null, institution: null } }),
    );
    expect(errorOf(() => selectStatements(other, target({ mask: "1234" }))).code).toBe(
      "banking/account-mismatch",
    );
    const euro = file(statement({ account: { id: null, currency: "EUR", type: null, institution: null } }));
    const e = errorOf(() => selectStatements(euro, target()));
    expect(e.code).toBe("banking/currency-mismatch");
    expect(e.status).toBe(422);
    expect(errorOf(() => selectStatements(file(), target())).code).toBe("banking/no-statements");
  });

  withSamples.it("splits a multi-currency CSV by currency", () => {
    const parsed = parseStatementFileDetailed(sample("csv", "oca__sheet_multi_currency.csv"));
    const usd = prepareImport(parsed, target());
    expect(usd.statements.every((s) => s.lines.length > 0)).toBe(true);
    expect(usd.warnings.some((w) => w.includes("(EUR) was skipped"))).toBe(true);
    const eur = prepareImport(parsed, target({ currency: "EUR" }));
    expect(eur.statements[0]!.position).not.toBe(usd.statements[0]!.position);
  });
});

describe("prepareImport", () => {
  withSamples.it(
    "converts amounts and balances to minor units at the account currency's ISO scale and keys every line",
    () => {
      const parsed = parseStatementFileDetailed(sample("ofx1", "ofxparse__bank_medium.ofx"));
      const prepared = prepareImport(parsed, target({ currency: "CAD" }));
      const s = prepared.statements[0]!;
      expect(s.closingBalance).toBe(38234n);
      expect(s.lines[0]).toMatchObject({
        date: "2009-04-01",
        amount: -660n,
        bankTransactionId: "0000123456782009040100001",
        occurrence: 1,
      });
      expect(s.lines[0]!.key).toBe("id:0000123456782009040100001#1");
      expect(s.lines[0]!.fields.TRNAMT).toBe("-6.60");
      expect(prepared.totalLines).toBe(s.lines.length);
      expect(s.firstLineDate! <= s.lastLineDate!).toBe(true);
    },
  );

  it("numbers identical lines without bank ids within each statement", () => {
    const f = file(
      statement({
        txns: [
          ["2026-03-02", "-4.50", "Coffee"],
          ["2026-03-02", "-4.50", "Coffee"],
          ["2026-03-02", "-4.50", "coffee "],
        ],
      }),
    );
    const lines = prepareImport(f, target()).statements[0]!.lines;
    expect(lines.map((l) => l.occurrence)).toEqual([1, 2, 3]);
    expect(lines.map((l) => l.sourceLine)).toEqual([2, 3, 4]);
  });

  it("refuses an amount with more decimals than the currency allows, naming its line", () => {
    const f = file(
      statement({
        txns: [
          ["2026-03-02", "-4.50", "Coffee"],
          ["2026-03-02", "-4.505", "Tea"],
        ],
      }),
    );
    const e = errorOf(() => prepareImport(f, target()));
    expect(e.code).toBe("banking/amount-too-precise");
    expect(e.line).toBe(3);
    expect(e.detail).toContain('"-4.505"');
    // Yen have no minor unit: 100.5 JPY is refused, 100 JPY is 100.
    expect(
      errorOf(() =>
        prepareImport(file(statement({ txns: [["2026-03-02", "100.5", "x"]] })), target({ currency: "JPY" })),
      ).code,
    ).toBe("banking/amount-too-precise");
    expect(
      prepareImport(file(statement({ txns: [["2026-03-02", "100.00", "x"]] })), target({ currency: "JPY" }))
        .statements[0]!.lines[0]!.amount,
    ).toBe(100n);
    // Three-decimal dinars keep their fils.
    expect(
      prepareImport(file(statement({ txns: [["2026-03-02", "-1.255", "x"]] })), target({ currency: "KWD" }))
        .statements[0]!.lines[0]!.amount,
    ).toBe(-1255n);
  });

  it("refuses an amount beyond 64-bit minor units, naming its line (it was a database error)", () => {
    const e = errorOf(() =>
      prepareImport(
        file(
          statement({
            txns: [
              ["2026-03-02", "-4.50", "Coffee"],
              ["2026-03-02", "92233720368547758.08", "Big"],
            ],
          }),
        ),
        target(),
      ),
    );
    expect(e.code).toBe("banking/amount-too-large");
    expect(e.line).toBe(3);
    expect(e.detail).toContain("92233720368547758.07");
    const largest = file(statement({ txns: [["2026-03-02", "92233720368547758.07", "Largest"]] }));
    expect(prepareImport(largest, target()).statements[0]!.lines[0]!.amount).toBe(2n ** 63n - 1n);
  });

  it("refuses a balance too precise for the currency", () => {
    const e = errorOf(() => prepareImport(file(statement({ closingBalance: "10.001" })), target()));
    expect(e.code).toBe("banking/amount-too-precise");
    expect(e.field).toBe("closingBalance");
  });
});
