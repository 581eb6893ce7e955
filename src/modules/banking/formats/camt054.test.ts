// ISO 20022 camt.054 notifications against the shared samples: batch splitting.
import { expect, it } from "vitest";
import { parseStatementFileDetailed } from "./index.ts";
import { sample, withSamples } from "../../../../test/support/statement-samples.ts";
import { parse } from "./camt-test-support.ts";

withSamples.describe("camt.054 samples", () => {
  it("splits a batch into its 61 transactions when their amounts add up to the entry", () => {
    const file = parseStatementFileDetailed(
      sample("camt054", "subite__LT809872649478701594_CAMT_054_2024-03-20.xml"),
    );
    expect(file.format).toBe("camt054");
    expect(file.warnings).toEqual([]);
    const [s] = file.statements;
    expect(s!.account).toEqual({
      id: "LT809872649478701594",
      currency: "EUR",
      type: null,
      institution: null,
    });
    expect(s!.transactions).toHaveLength(61);
    expect(s!.transactions.slice(0, 3).map((t) => [t.id, t.date, t.amount])).toEqual([
      ["274750", "2024-03-19", "-200"],
      ["780887", "2024-03-19", "2"],
      ["110245", "2024-03-19", "1"],
    ]);
    expect(s!.transactions.at(-1)).toMatchObject({ id: "793233", amount: "10" });
    expect(s!.transactions[0]!.raw["TxDtls/RltdAgts/CdtrAgt/FinInstnId/BICFI"]).toBe("GEBAFRG3DEH");
    expect(s!.transactions[0]!.raw["Ntry/Amt"]).toBe("190254.85");
  });

  it("keeps a batch whole when its parts do not add up to the booked amount", () => {
    const file = parse("camt054", "genkgo-camt__camt054.v8.xml");
    expect(file.statements[0]!.transactions).toEqual([
      {
        id: "ACSR160617103200001",
        date: "2007-10-18",
        amount: "-200000",
        description: "Order",
        payee: null,
        reference: null,
      },
    ]);
    expect(file.warnings).toEqual([
      "The 3 transactions inside the entry on line 63 do not add up to its booked amount -200000 SEK; the entry was kept as one transaction.",
    ]);
  });

  it("reads the v2 notification", () => {
    const file = parse("camt054", "genkgo-camt__camt054.v2.with-account-name.xml");
    expect(file.statements[0]!.account).toEqual({
      id: "CH2801234000123456789",
      currency: "SEK",
      type: null,
      institution: null,
    });
    expect(file.statements[0]!.transactions).toEqual([
      {
        id: null,
        date: "2007-10-18",
        amount: "-200000",
        description: "PMNT/ICDT/DMCT",
        payee: null,
        reference: null,
      },
    ]);
  });
});
