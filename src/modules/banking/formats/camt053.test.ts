// ISO 20022 camt.053 statements against every shared sample: balances, periods, versions, zips,
// real-world exports and undated entries.
import { expect, it } from "vitest";
import { parseStatementFileDetailed } from "./index.ts";
import { sample, sampleFiles, withSamples } from "../../../../test/support/statement-samples.ts";
import { parse } from "./camt-test-support.ts";

withSamples.describe("camt.053 samples", () => {
  it("reads every sample in the folder as camt.053", () => {
    for (const name of sampleFiles("camt053")) expect(parse("camt053", name).format).toBe("camt053");
  });

  it("reads the minimal v2 statement: balances signed by CdtDbtInd, period, remittance reference", () => {
    const file = parse("camt053", "genkgo-camt__camt053.v2.minimal.xml");
    const [s] = file.statements;
    expect(s!.account).toEqual({ id: "NL26VAYB8060476890", currency: "EUR", type: null, institution: null });
    expect(s!.start).toBe("2007-10-18");
    expect(s!.end).toBe("2007-10-18");
    expect(s!.openingBalance).toBe("18.15");
    expect(s!.closingBalance).toBe("-27.00");
    expect(s!.transactions).toEqual([
      {
        id: null,
        date: "2014-12-31",
        amount: "8.85",
        description: "NAME NAME",
        payee: "NAME NAME",
        reference: "4654654654654654",
      },
    ]);
    // The sample's balances do not match its one entry; the reader says so rather than hiding it.
    expect(file.warnings).toEqual([
      "The statement (account NL26VAYB8060476890, line 26) does not add up: the opening balance 18.15 plus its 1 transaction gives 27.00, but the closing balance is -27.00.",
    ]);
  });

  it.each([
    ["genkgo-camt__camt053.v2.with-party-ids.xml", null, "4654654654654654"],
    ["genkgo-camt__camt053.v3.xml", "XXXXXXXXXXXXXXXXXXXXXXEUR", "4654654654654654"],
    ["genkgo-camt__camt053.v4.xml", "AAAASESS-FP-CN_98765/01", "4654654654654654"],
    ["genkgo-camt__camt053.v8.xml", "AAAASESS-FP-CN_98765/01", "MUELL/FINP/RA12345"],
  ])("reads %s (same statement in another version)", (name, id, reference) => {
    const [s] = parse("camt053", name).statements;
    expect(s!.account.id).toBe("NL26VAYB8060476890");
    expect([s!.openingBalance, s!.closingBalance]).toEqual(["18.15", "-27.00"]);
    expect(s!.transactions).toEqual([
      { id, date: "2014-12-31", amount: "8.85", description: "NAME NAME", payee: "NAME NAME", reference },
    ]);
  });

  it("reads v3's account type and servicer", () => {
    const [s] = parse("camt053", "genkgo-camt__camt053.v3.xml").statements;
    expect(s!.account).toEqual({
      id: "NL26VAYB8060476890",
      currency: "EUR",
      type: "KBC-Business PRO-rekening",
      institution: "KREDBEBB",
    });
  });

  it("keeps three decimals as written, and picks booked balances among all balance types", () => {
    const file = parseStatementFileDetailed(
      sample("camt053", "genkgo-camt__camt053.v2.all-balance-types.xml"),
    );
    const [s] = file.statements;
    expect([s!.openingBalance, s!.closingBalance]).toEqual(["1.01", "4.04"]);
    expect(s!.transactions[0]).toMatchObject({
      amount: "8.850",
      date: "2014-12-31",
      description: "Transaction Description",
    });
    expect(Object.keys(s!.raw).filter((k) => /^Bal\/[A-Z]{4}$/.test(k))).toHaveLength(10);
  });

  it("reads an account name sample with a proprietary bank code only", () => {
    const [s] = parse("camt053", "genkgo-camt__camt053.v2.with-account-name.xml").statements;
    expect(s!.account.id).toBe("CH2801234000123456789");
    expect(s!.transactions).toEqual([
      { id: null, date: "2014-12-31", amount: "8.85", description: "544", payee: null, reference: null },
    ]);
  });

  it("reads a balance dated with DtTm and takes the currency from it", () => {
    const [s] = parse("camt053", "genkgo-camt__camt53.only-Dt-with-DtTm.xml").statements;
    expect(s!.account).toEqual({
      id: "GB33BUKB20201555555555",
      currency: "RON",
      type: null,
      institution: null,
    });
    expect(s!.openingBalance).toBe("5442.09000");
    expect(s!.closingBalance).toBeNull();
    expect(s!.transactions).toEqual([]);
  });

  it("reads OCA's SFTP statement", () => {
    const [s] = parse("camt053", "oca__sftp-camt053.xml").statements;
    expect(s!.account).toEqual({
      id: "NL12ABCD3456789012",
      currency: "EUR",
      type: null,
      institution: "NEWBNL2X",
    });
    expect([s!.start, s!.end, s!.openingBalance]).toEqual(["2024-03-01", "2024-03-03", "75000.00"]);
    expect(s!.transactions).toEqual([
      {
        id: null,
        date: "2024-03-02",
        amount: "-1200.00",
        description: "Salary payment for March",
        payee: "Employee X",
        reference: "1234567890-NEWBNL2X",
      },
    ]);
  });

  it("opens a zip of statements and names each entry", () => {
    const file = parseStatementFileDetailed(sample("camt053", "oca__test-camt053.zip"), {
      fileName: "oca__test-camt053.zip",
    });
    expect(file.format).toBe("camt053");
    expect(file.statements.map((s) => [s.source, s.start, s.transactions.length])).toEqual([
      ["test-camt053_02.xml", "2014-02-05", 3],
      ["test-camt053_03.xml", "2014-03-05", 3],
    ]);
    expect(file.statements[0]!.transactions.map((t) => [t.amount, t.payee, t.line])).toEqual([
      ["-754.25", "INSURANCE COMPANY TESTX", 50],
      ["-594.05", "Test Customer", 113],
      ["1405.31", "3rd party Media", 180],
    ]);
    expect(file.warnings.every((w) => w.startsWith("test-camt053_0"))).toBe(true);
  });

  it("reads a real-world export of 462 entries that reconciles to its closing balance", () => {
    const file = parse("camt053", "subite__Other_account_statement-2.xml");
    expect(file.warnings).toEqual([]);
    const [s] = file.statements;
    expect(s!.account).toEqual({
      id: "BE68793230773034",
      currency: "EUR",
      type: null,
      institution: "DEUTBEB4NDX",
    });
    expect([s!.start, s!.end, s!.openingBalance, s!.closingBalance]).toEqual([
      "2024-01-01",
      "2024-06-30",
      "0",
      "555.29",
    ]);
    expect(s!.transactions).toHaveLength(462);
    expect(s!.transactions[0]).toEqual({
      id: "539608",
      date: "2024-06-28",
      amount: "-258.96",
      description: "NOTPROVIDED",
      payee: "Omega Group",
      reference: "E2EFBVKBNTT69520790",
    });
    expect(s!.transactions.at(-1)).toMatchObject({
      id: "645529",
      date: "2024-02-06",
      amount: "5",
      payee: "Stellar BV",
    });
  });

  it("reads the small export, whose three entries net to zero", () => {
    const [s] = parse("camt053", "subite__Other_account_statement.xml").statements;
    expect(s!.transactions.map((t) => [t.amount, t.payee])).toEqual([
      ["-789903.41", "Sigma Solutions"],
      ["-0.99", "Nova Ltd"],
      ["789904.4", "Theta Solutions"],
    ]);
    expect([s!.openingBalance, s!.closingBalance]).toEqual(["0", "0"]);
  });

  it("dates undated entries with the statement's balance date, and says so", () => {
    const file = parse("camt053", "subite__LT625883379695428516_CAMT_053_2024-04-11.xml");
    expect(
      file.statements.map((s) => [
        s.account.id,
        s.account.type,
        s.openingBalance,
        s.closingBalance,
        s.transactions.length,
      ]),
    ).toEqual([
      ["LT625883379695428516", "ATSISK", "21463830.35", "17194650.59", 15],
      ["LT414319056143772570", "ATSSK2", "2801.55", "2801.55", 0],
    ]);
    const [s] = file.statements;
    expect(s!.transactions.every((t) => t.date === "2024-04-11")).toBe(true);
    expect(s!.transactions.slice(0, 2)).toEqual([
      {
        id: "REF000003643800",
        date: "2024-04-11",
        amount: "-388645",
        description: "ATSISK",
        payee: null,
        reference: "REF000003631558",
      },
      {
        id: "REF000003666020",
        date: "2024-04-11",
        amount: "46840",
        description: "ATSISK",
        payee: null,
        reference: "REF000003659665",
      },
    ]);
    expect(file.warnings).toEqual([
      "15 entries of the statement on line 2 have no booking or value date; the statement date 2024-04-11 was used.",
    ]);
  });
});
