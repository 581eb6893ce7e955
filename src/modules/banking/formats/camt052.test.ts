// ISO 20022 camt.052 account reports against the shared samples.
import { expect, it } from "vitest";
import { parseStatementFileDetailed } from "./index.ts";
import { sample, withSamples } from "../../../../test/support/statement-samples.ts";
import { parse } from "./camt-test-support.ts";

withSamples.describe("camt.052 samples", () => {
  it.each([
    ["genkgo-camt__camt052.v4.xml", "Example Remittance - 4 - V1"],
    ["genkgo-camt__camt052.v6.xml", "Example Remittance - 6 - V1"],
    ["genkgo-camt__camt052.v6.Amt-zero.xml", "Example Remittance - 6 - V1"],
  ])("reads %s", (name, description) => {
    const file = parse("camt052", name);
    expect(file.format).toBe("camt052");
    const [s] = file.statements;
    expect(s!.account).toEqual({
      id: "CH2801234000123456789",
      currency: "CHF",
      type: null,
      institution: "UBS SWITZERLAND AG",
    });
    expect(s!.closingBalance).toBe("10022.15");
    expect(s!.transactions).toEqual([
      {
        id: "ACSR160614165200001",
        date: "2007-10-18",
        amount: "-200000",
        description,
        payee: "UNIFITS GmbH",
        reference: "UXC06140000015PI00001EE00001",
      },
    ]);
  });

  it("reads a v8 report whose batch gives no per-transaction detail", () => {
    const [s] = parse("camt052", "genkgo-camt__camt052.v8.xml").statements;
    expect(s!.account).toEqual({
      id: "CH2801234000123456789",
      currency: "SEK",
      type: null,
      institution: "UBSWCHZH80A",
    });
    expect(s!.transactions).toEqual([
      {
        id: "AAAASESS-FP-ACCR-01",
        date: "2007-10-18",
        amount: "-200000",
        description: "Credit",
        payee: null,
        reference: null,
      },
    ]);
  });

  it("dates an entry without dates from the report's creation time", () => {
    const file = parse("camt052", "genkgo-camt__camt052.v2.with-account-name.xml");
    expect(file.statements[0]!.transactions).toEqual([
      {
        id: null,
        date: "2007-10-18",
        amount: "-200000",
        description: "Company Name",
        payee: "Company Name",
        reference: null,
      },
    ]);
    expect(file.warnings).toEqual([
      "1 entry of the statement on line 8 has no booking or value date; the statement date 2007-10-18 was used.",
    ]);
  });

  it("reads a report with only available and proprietary balances: no ledger balances, no entries", () => {
    const file = parseStatementFileDetailed(
      sample("camt052", "subite__LT809872649478701594_CAMT_052_2024-03-11.xml"),
    );
    const [s] = file.statements;
    expect(s!.account).toEqual({
      id: "LT809872649478701594",
      currency: "EUR",
      type: "INST",
      institution: null,
    });
    expect([s!.openingBalance, s!.closingBalance, s!.transactions.length]).toEqual([null, null, 0]);
    expect(s!.raw["Bal/OPAV"]).toBe("1705464.04");
  });
});
