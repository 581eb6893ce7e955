// BAI2 against the shared samples: minor units, type-code signs, continuations, control totals, bad records.
import { describe, expect, it } from "vitest";
import { parseStatementFile, parseStatementFileDetailed, StatementParseError } from "./index.ts";
import { sample, withSamples } from "../../../../test/support/statement-samples.ts";

const parse = (name: string) => parseStatementFile(sample("bai2", name), { fileName: name });
const bai2 = (...records: string[]) =>
  parseStatementFile(new TextEncoder().encode(records.join("\n")), { format: "bai2" });

function errorOf(run: () => unknown): StatementParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof StatementParseError) return error;
    throw error;
  }
  throw new Error("expected a StatementParseError");
}

withSamples.describe("BAI2 samples", () => {
  it("reads Citi's example: GBP minor units, value-dated detail, 88 continuations as description", () => {
    const file = parseStatementFileDetailed(sample("bai2", "moj-bai2__citi_example.bai2"));
    expect(file.format).toBe("bai2");
    const [s] = file.statements;
    expect(s!.account).toEqual({ id: "77777777", currency: "GBP", type: null, institution: "CITIGB00" });
    expect([s!.start, s!.end, s!.openingBalance, s!.closingBalance]).toEqual([
      "2015-07-15",
      "2015-07-15",
      "100.00",
      "100.00",
    ]);
    const [t] = s!.transactions;
    expect(t).toMatchObject({
      id: "1234567890",
      date: "2015-07-15",
      amount: "0.01",
      payee: null,
      reference: "RP12312312312312",
      line: 4,
    });
    expect(t!.description).toMatch(/^FR:FP SIP INCOMING ENDT:20150715 TRID:RP12312312312312 /);
    expect(t!.raw).toMatchObject({ typeCode: "191", amount: "001", fundsType: "V", fundsDetail: "150715," });
    // The sample's balances do not move by its one penny; the reader says so.
    expect(file.warnings).toEqual([
      "The statement (account 77777777, line 3) does not add up: the opening balance 100.00 plus its 1 transaction gives 100.01, but the closing balance is 100.00.",
    ]);
  });

  it("reads five accounts, credits 100–399 and debits 400–699, USD by default", () => {
    const file = parse("moov-bai2__sample4-continuations-newline-delimited.txt");
    expect(
      file.statements.map((s) => [
        s.account.id,
        s.account.currency,
        s.openingBalance,
        s.closingBalance,
        s.transactions.length,
      ]),
    ).toEqual([
      ["107049924", "USD", null, null, 0],
      ["107049932", "USD", null, null, 3],
      ["104108339", "USD", "1595811.94", "1593811.94", 14],
      ["260000033037", "USD", null, null, 0],
      ["280000010657", "USD", null, null, 0],
    ]);
    const main = file.statements[2]!;
    expect(main.transactions.map((t) => [t.amount, t.id])).toEqual([
      ["-2000.00", "SB2322600000214"],
      ["-555.55", "SB2322600000455"],
      ["19.12", "GI2118700002010"],
      ["-505.00", "GI2321400000090"],
      ["11.25", "GI2229300000187"],
      ["600.00", "SB2225800001203"],
      ["9.31", "SC2134800001999"],
      ["500.50", "GI2228400005800"],
      ["5.27", "SX22293073766088"],
      ["-101.00", "SC2229300000152"],
      ["3376.86", "GI2318000014342"],
      ["50.00", "SPB2321284264201"],
      ["-442.50", "SC2323300002416"],
      ["-300000.00", "GI2323300009168"],
    ]);
    expect(main.transactions[1]).toEqual({
      id: "SB2322600000455",
      date: "2023-09-06",
      amount: "-555.55",
      description:
        "ACH Debit Payment,To: TEST, Entry Description: INVOICES; 210630, SEC: CCD, Client Ref ID: 021000020000021, GS ID: SB2322600000455 CREF: 021000020000021 IDNM: 2009282 EREF: 021000020000021 CRNM: TEST DBNM: SAMPLE INC CABA: 021000021",
      payee: "TEST",
      reference: "021000020000021",
    });
    // A credit names the debtor (DBNM), a debit the creditor (CRNM).
    expect(file.statements[1]!.transactions[1]).toMatchObject({ amount: "1435.00", payee: "SAMPLE INC" });
  });

  it("checks the account trailers' control totals", () => {
    const file = parse("moov-bai2__sample4-continuations-newline-delimited.txt");
    expect(file.warnings.filter((w) => w.includes("control total"))).toEqual([
      "Account 107049932: the account trailer (line 22) gives the control total -1260161341762, but the amounts in the file add up to 7999960; the file may be incomplete.",
      "Account 104108339: the account trailer (line 110) gives the control total 6869722, but the amounts in the file add up to 666917818; the file may be incomplete.",
    ]);
  });

  it("reads a continuation written '88:' with a warning, slashes inside references, and fee/interest records", () => {
    const file = parse("moov-bai2__sample5-issue113.txt");
    expect(file.warnings).toContain(
      '1 continuation record was written "88:" instead of "88,"; read as continuations.',
    );
    const main = file.statements[2]!;
    expect(main.transactions).toHaveLength(17);
    expect(main.transactions.find((t) => t.id === "SPB2321284264201")).toMatchObject({
      amount: "50.00",
      reference: "AB/GS/DDFILEAB0001/DDBAB0001",
    });
    expect(main.transactions.find((t) => t.id === "GI2323300007089")).toMatchObject({
      amount: "37979996.24",
    });
    expect(main.transactions.slice(-2).map((t) => [t.amount, t.description])).toEqual([
      ["-4634.62", "Fees,Fees For Account: XXXXXXXX-0186"],
      ["17.64", "Interest,Interest For Account: XXXXXXXX-3074, Period: Jul 1, 2023 to Jul 31, 2023"],
    ]);
    const returned = main.transactions.find((t) => t.id === "SC2134800001999")!;
    expect(returned.description).toContain("EREF: 07370568132");
  });
});

describe("BAI2 built in the test", () => {
  const header = ["01,SENDER,RECEIVER,240501,0800,1,,,2/", "02,RECEIVER,BANKID,1,240430,,EUR,2/"];

  it("uses the currency's decimals (JPY has none) and the group's currency", () => {
    const file = bai2(
      ...header.slice(0, 1),
      "02,RECEIVER,BANKID,1,240430,,JPY,2/",
      "03,123,,010,150000,,,015,140000,,,/",
      "16,475,10000,0,REF1,CUST1,Check paid",
      "49,300000,3/",
      "98,300000,1,5/",
      "99,300000,1,7/",
    );
    const [s] = file.statements;
    expect(s!.account).toEqual({ id: "123", currency: "JPY", type: null, institution: "BANKID" });
    expect([s!.openingBalance, s!.closingBalance]).toEqual(["150000", "140000"]);
    expect(s!.transactions).toEqual([
      {
        id: "REF1",
        date: "2024-04-30",
        amount: "-10000",
        description: "Check paid",
        payee: null,
        reference: "CUST1",
      },
    ]);
    expect(file.warnings).toEqual([]);
  });

  it("reads S and D funds types before the references", () => {
    const file = bai2(
      ...header,
      "03,9,,010,0,,,/",
      "16,195,500,S,100,200,200,R1,C1,Wire in",
      "16,699,250,D,2,0,100,1,150,R2,,Fee",
      "49,750,4/",
    );
    expect(file.statements[0]!.transactions.map((t) => [t.amount, t.id, t.reference, t.description])).toEqual(
      [
        ["5.00", "R1", "C1", "Wire in"],
        ["-2.50", "R2", null, "Fee"],
      ],
    );
  });

  it("skips records that are neither credits nor debits, with a warning", () => {
    const file = bai2(...header, "03,9,,010,0,,,/", "16,890,,,R3,,Information only", "49,0,3/");
    expect(file.statements[0]!.transactions).toEqual([]);
    expect(file.warnings).toEqual([
      "Line 4: transaction type code 890 is not a credit (100–399) or debit (400–699); the record was skipped.",
    ]);
  });

  it.each([
    [[...header, "03,9,,010,0,,,/", "XX,garbage"], "bai2/unknown-record", 4],
    [[header[0]!, "02,R,B,1,241340,,EUR,2/"], "bai2/invalid-date", 2],
    [[...header, "16,195,500,0,R,C,text"], "bai2/missing-account", 3],
    [[header[0]!, "03,9,,010,0,,,/"], "bai2/missing-group", 2],
    [[...header, "03,9,,010,0,,,/", "16,195,5x0,0,R,C,text"], "bai2/invalid-amount", 4],
    [["88,orphan"], "bai2/orphan-continuation", 1],
    [[...header], "bai2/no-account", null],
  ])("refuses %j with %s", (records, type, line) => {
    const error = errorOf(() => bai2(...records));
    expect(error.type).toBe(type);
    expect(error.line).toBe(line);
  });
});
