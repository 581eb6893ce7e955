// OFX 1.x/2.x and QFX against the shared samples (content checked field by field) and files built in the test.
import { describe, expect, it } from "vitest";
import { parseStatementFile, parseStatementFileDetailed, StatementParseError } from "./index.ts";
import { readOracle, sample, withSamples } from "../../../../test/support/statement-samples.ts";

const parse = (folder: string, name: string) => parseStatementFile(sample(folder, name), { fileName: name });
const detailed = (folder: string, name: string) =>
  parseStatementFileDetailed(sample(folder, name), { fileName: name });

function parseError(folder: string, name: string): StatementParseError {
  try {
    parse(folder, name);
  } catch (error) {
    if (error instanceof StatementParseError) return error;
    throw error;
  }
  throw new Error(`${name} parsed without error`);
}

const CHECKING = { id: "1452687~7", currency: "USD", type: "CHECKING", institution: "FAKE" };

withSamples.describe("OFX 1.x (SGML)", () => {
  it("reads a checking statement with an empty LEDGERBAL", () => {
    const file = parse("ofx1", "beancount-import__checking-emptyledgerbal.ofx");
    expect(file.format).toBe("ofx");
    expect(file.warnings).toEqual([]);
    const [s] = file.statements;
    expect(s!.account).toEqual(CHECKING);
    expect(s!.start).toBe("2000-01-01");
    expect(s!.end).toBe("2013-05-25");
    expect(s!.openingBalance).toBeNull();
    expect(s!.closingBalance).toBeNull();
    expect(s!.transactions).toEqual([
      {
        id: "0000486",
        date: "2011-03-31",
        amount: "0.01",
        description:
          "DIVIDEND EARNED FOR PERIOD OF 03/01/2011 THROUGH 03/31/2011 ANNUAL PERCENTAGE YIELD EARNED IS 0.05%",
        payee: "DIVIDEND EARNED FOR PERIOD OF 03",
        reference: null,
      },
      {
        id: "0000487",
        date: "2011-04-05",
        amount: "-34.51",
        description: "AUTOMATIC WITHDRAWAL, ELECTRIC BILL WEB(S )",
        payee: "AUTOMATIC WITHDRAWAL, ELECTRIC BILL",
        reference: null,
      },
      {
        id: "0000488",
        date: "2011-04-07",
        amount: "-25.00",
        description: "RETURNED CHECK FEE, CHECK # 319 FOR $45.33 ON 04/07/11",
        payee: "RETURNED CHECK FEE, CHECK # 319",
        reference: "319",
      },
    ]);
  });

  it("keeps the file's transaction order and the ledger balance", () => {
    const [s] = parse("ofx1", "ledger-autosync__checking_order.ofx").statements;
    expect(s!.transactions.map((t) => t.id)).toEqual(["0000488", "0000487", "0000486"]);
    expect(s!.closingBalance).toBe("100.99");
  });

  it("reads an empty MEMO as no memo", () => {
    const [s] = parse("ofx1", "ledger-autosync__checking-payee-match.ofx").statements;
    expect(s!.transactions).toEqual([
      {
        id: "0000489",
        date: "2011-03-31",
        amount: "-0.01",
        description: "Payment to MATCH PAYEE and so on and so forth",
        payee: "Payment to MATCH PAYEE and so on and so forth",
        reference: null,
      },
    ]);
  });

  it("reads transactions that break the indentation, and -0 as zero", () => {
    const [s] = parse("ofx1", "ledger-autosync__comments.ofx").statements;
    expect(s!.end).toBe("2016-10-27");
    expect(s!.transactions.map((t) => [t.id, t.amount, t.description])).toEqual([
      ["FITID20161027123.45ABCDE", "123.45", "AMAZON MKTPLACE PMTS AMZN.COM/BI"],
      ["FITID20161027-0.0ABCDE", "0", "XXXEXTRASTUFFXXX"],
    ]);
  });

  it("reads a Canadian OFX with a .xml name and time zones in the dates", () => {
    const file = parse("ofx1", "libofx__example-listing1.xml");
    const [s] = file.statements;
    expect(s!.account).toEqual({ id: "000000", currency: "CAD", type: "CHECKING", institution: "000000000" });
    expect(s!.start).toBe("2009-02-09");
    expect(s!.closingBalance).toBe("256.94");
    expect(s!.transactions.map((t) => [t.date, t.amount, t.description])).toEqual([
      ["2009-02-09", "-98.91", "GROCER A & Z"],
      ["2009-02-09", "308.86", "DEPOSIT    000000"],
    ]);
  });

  it("reads a file with everything on a few long lines", () => {
    const [s] = parse("ofx1", "ofxparse__bank_medium.ofx").statements;
    expect(s!.account).toEqual({
      id: "12300 000012345678",
      currency: "CAD",
      type: "CHECKING",
      institution: "160000100",
    });
    expect(s!.start).toBe("2009-04-01");
    expect(s!.end).toBe("2009-05-23");
    expect(s!.closingBalance).toBe("382.34");
    expect(s!.transactions.map((t) => [t.date, t.amount, t.payee, t.reference])).toEqual([
      ["2009-04-01", "-6.60", "MCDONALD'S #112", null],
      ["2009-04-02", "-316.67", "Joe's Bald Hairstyles", "0"],
      ["2009-04-03", "-22.00", "CONNIE'S HAIR D", null],
    ]);
    expect(s!.transactions[0]!.description).toBe("POS MERCHANDISE;MCDONALD'S #112");
  });

  it("reads two bank statements in one response", () => {
    const file = parse("ofx1", "libofx__ofx-2.1.1-sect-16.5.4.2.ofx");
    expect(
      file.statements.map((s) => [s.account.id, s.account.type, s.closingBalance, s.transactions.length]),
    ).toEqual([
      ["123456", "CHECKING", "2156.56", 1],
      ["654321", "SAVINGS", "3452.00", 0],
    ]);
    expect(file.statements[0]!.transactions[0]).toEqual({
      id: "219378",
      date: "2005-08-24",
      amount: "-80.32",
      description: "FrogKick Scuba Gear",
      payee: "FrogKick Scuba Gear",
      reference: "1044",
    });
  });

  it("keeps source lines and raw fields in the detailed form", () => {
    const file = detailed("ofx1", "ofxparse__bank_medium.ofx");
    const t = file.statements[0]!.transactions[1]!;
    expect(t.line).toBe(16);
    expect(t.raw).toEqual({
      TRNTYPE: "CHECK",
      DTPOSTED: "20090402122017.000[-5:EST]",
      TRNAMT: "-316.67",
      FITID: "0000123456782009040200004",
      CHECKNUM: "0",
      NAME: "Joe's Bald Hairstyles",
      MEMO: "MISCELLANEOUS PAYMENTS;Joe's Bald Hairstyles",
    });
    expect(file.statements[0]!.raw["AVAILBAL.BALAMT"]).toBe("682.34");
    expect(file.encoding).toBe("utf-8");
  });

  it.each([
    ["ofxparse__signon_success.ofx"],
    ["ofxparse__signon_success_no_message.ofx"],
    ["ofxparse__account_listing_aggregation.ofx"],
    ["libofx__ofx-2.1.1-sect-8.5.5.ofx"],
  ])("reads %s (sign-on or account list only) as no statement, with a warning", (name) => {
    const file = parse("ofx1", name);
    expect(file.statements).toEqual([]);
    expect(file.warnings).toEqual([
      "The file contains no bank or credit-card statement (only sign-on, account or profile information).",
    ]);
  });

  it.each([
    ["beancount-import__investment_buy_sell_income.ofx", "123456789", 20],
    ["ledger-autosync__fidelity-one-dtsettle.ofx", "01234567890", 17],
    ["ledger-autosync__fidelity.ofx", "01234567890", 17],
    ["ledger-autosync__fidelity_fee.ofx", "01234567890", 5],
    ["ledger-autosync__income.ofx", "12345678.123456-01", 1],
    ["libofx__ofx-2.1.1-sect-13.12.ofx", "999988", 2],
    ["libofx__ofx-2.1.1-sect-16.5.6.2.ofx", "1256734", 1],
    ["ofxparse__fidelity-savings.ofx", "X0000001", 4],
    ["ofxparse__fidelity.ofx", "01234567890", 17],
    ["ofxparse__investment_401k.ofx", "12345678.123456-01", 3],
    ["ofxparse__td_ameritrade.ofx", "121212121", 0],
    ["ofxparse__tiaacref.ofx", "111A1111 22B222 33C333", 1],
    ["ofxparse__vanguard.ofx", "01234567890", 1],
  ])("skips the investment statement in %s with a warning", (name, account, count) => {
    const file = parse("ofx1", name);
    expect(file.statements).toEqual([]);
    expect(file.warnings).toHaveLength(1);
    expect(file.warnings[0]).toContain(`Investment statement for account ${account}`);
    expect(file.warnings[0]).toContain(`(${count} investment transaction${count === 1 ? "" : "s"} not read)`);
  });

  it("refuses a transaction without a posting date, naming its line", () => {
    const error = parseError("ofx1", "ofxparse__fail_nice_date_missing.ofx");
    expect(error.type).toBe("ofx/missing-date");
    expect(error.line).toBe(33);
    expect(error.detail).toContain("DTPOSTED");
  });
});

withSamples.describe("OFX 2.x (XML)", () => {
  it("reads a bank and a credit-card statement", () => {
    const file = parse("ofx2", "libofx__ofx-2.1.1-sect-16.5.3.2.ofx");
    expect(file.warnings).toEqual([]);
    const [bank, card] = file.statements;
    expect(bank!.account).toEqual({
      id: "123456",
      currency: "USD",
      type: "CHECKING",
      institution: "000000123",
    });
    expect(bank!.transactions).toEqual([
      {
        id: "219378",
        date: "2005-08-24",
        amount: "-80",
        description: "FrogKick Scuba Gear",
        payee: "FrogKick Scuba Gear",
        reference: null,
      },
    ]);
    expect(card!.account).toEqual({
      id: "123412341234",
      currency: "USD",
      type: "CREDITCARD",
      institution: null,
    });
    expect(card!.closingBalance).toBe("-562.00");
    expect(card!.transactions.map((t) => [t.date, t.amount, t.description])).toEqual([
      ["2005-08-11", "-23.00", "Interest Charge"],
      ["2005-08-11", "350.00", "Payment - Thank You"],
    ]);
  });

  it("reads a headerless spec example with XML comments", () => {
    const [s] = parse("ofx2", "libofx__ofx_spec201_stmtrs_example.xml").statements;
    expect(s!.account).toEqual({ id: "999988", currency: "USD", type: "CHECKING", institution: "NCH" });
    expect(s!.start).toBe("1999-10-01");
    expect(s!.end).toBe("1999-10-28");
    expect(s!.closingBalance).toBe("200.29");
    expect(s!.transactions.map((t) => [t.id, t.date, t.amount, t.description, t.reference])).toEqual([
      ["00002", "1999-10-04", "-200.00", "CHECK", "1000"],
      ["00003", "1999-10-20", "-300.00", "ATM", null],
    ]);
  });

  it("reads an XML-headed file that still leaves leaf tags unclosed", () => {
    const [s] = parse("ofx2", "ofxparse__anzcc.ofx").statements;
    expect(s!.account).toEqual({
      id: "1234123412341234",
      currency: "AUD",
      type: "CREDITCARD",
      institution: null,
    });
    expect(s!.closingBalance).toBe("-123.45");
    expect(s!.transactions).toEqual([
      {
        id: "201705080001",
        date: "2017-05-08",
        amount: "-5.50",
        description: "SOME MEMO",
        payee: null,
        reference: null,
      },
    ]);
  });

  it("reads statements without transactions", () => {
    const file = parse("ofx2", "ofxparse__multiple_accounts.ofx");
    expect(
      file.statements.map((s) => [
        s.account.id,
        s.account.type,
        s.account.institution,
        s.closingBalance,
        s.transactions.length,
      ]),
    ).toEqual([
      ["9100", "CHECKING", "blah", "111", 0],
      ["9200", "SAVINGS", "blah", "222", 0],
    ]);
  });

  it("reads decimal commas", () => {
    const [s] = parse("ofx2", "ofxtools__stmtrs_euro.ofx").statements;
    expect(s!.closingBalance).toBe("200.29");
    expect(s!.transactions.map((t) => t.amount)).toEqual(["-200.00", "-300.00"]);
  });

  it("skips investment statements and profile responses", () => {
    const ira = parse("ofx2", "beancount-import__fidelity-ira.ofx");
    expect(ira.statements).toEqual([]);
    expect(ira.warnings[0]).toContain("Investment statement for account 313379972");
    expect(ira.warnings[0]).toContain("(10 investment transactions not read)");
    const profile = parse("ofx2", "ofxtools__profrs.ofx");
    expect(profile.statements).toEqual([]);
    expect(profile.warnings).toHaveLength(1);
  });
});

withSamples.describe("QFX", () => {
  it("is OFX named .qfx; E*TRADE's investment statement is skipped, matching the oracle's four transactions", () => {
    const file = parse("qfx", "reds__etrade__etrade_09092023.QFX");
    expect(file.format).toBe("qfx");
    expect(file.statements).toEqual([]);
    const oracle = readOracle("qfx", "reds__etrade__etrade_09092023.QFX.expected.beancount");
    expect(oracle.transactions).toHaveLength(4);
    expect(file.warnings).toEqual([
      `Investment statement for account 555555555 (line 36) skipped: Closebook reads bank and card statements only (${oracle.transactions.length} investment transactions not read).`,
    ]);
  });

  it.each(["reds__libtransactionbuilder__no_seclist.qfx", "reds__libtransactionbuilder__with_ticker.qfx"])(
    "skips the 401(k) statement in %s",
    (name) => {
      const file = parse("qfx", name);
      expect(file.format).toBe("qfx");
      expect(file.statements).toEqual([]);
      expect(file.warnings[0]).toContain("account 444555");
      expect(file.warnings[0]).toContain("(1 investment transaction not read)");
    },
  );
});

describe("OFX built in the test", () => {
  const ofx = (body: string) =>
    new TextEncoder().encode(
      `OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR\n<BANKACCTFROM><ACCTID>1</BANKACCTFROM>\n<BANKTRANLIST>\n${body}</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`,
    );

  it("refuses an impossible posting date with its line", () => {
    const error = (() => {
      try {
        parseStatementFile(ofx("<STMTTRN>\n<DTPOSTED>20120231\n<TRNAMT>1\n</STMTTRN>\n"));
      } catch (e) {
        return e as StatementParseError;
      }
      throw new Error("no error");
    })();
    expect(error).toBeInstanceOf(StatementParseError);
    expect(error.type).toBe("ofx/invalid-date");
    expect(error.line).toBe(9);
  });

  it("refuses a missing or non-numeric amount", () => {
    expect(() => parseStatementFile(ofx("<STMTTRN>\n<DTPOSTED>20120201\n</STMTTRN>\n"))).toThrowError(
      expect.objectContaining({ type: "ofx/missing-amount", line: 8 }),
    );
    expect(() =>
      parseStatementFile(ofx("<STMTTRN>\n<DTPOSTED>20120201\n<TRNAMT>ten\n</STMTTRN>\n")),
    ).toThrowError(expect.objectContaining({ type: "ofx/invalid-amount", line: 10 }));
  });

  it("keeps huge amounts exact", () => {
    const file = parseStatementFile(
      ofx("<STMTTRN>\n<DTPOSTED>20120201\n<TRNAMT>-123456789012345678901.23\n</STMTTRN>\n"),
    );
    expect(file.statements[0]!.transactions[0]!.amount).toBe("-123456789012345678901.23");
  });
});
