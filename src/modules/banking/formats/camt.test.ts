// ISO 20022 camt.052/053/054 against every shared sample, batch splitting, zips and broken XML.
import { describe, expect, it } from "vitest";
import { zipSync } from "fflate";
import { parseStatementFile, parseStatementFileDetailed, StatementParseError } from "./index.ts";
import { sample, sampleFiles } from "./test-data.ts";

const parse = (folder: string, name: string) => parseStatementFile(sample(folder, name), { fileName: name });
const camt = (body: string, version = "camt.053.001.02") =>
  new TextEncoder().encode(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:${version}">\n<BkToCstmrStmt>\n<Stmt>\n<Acct><Id><IBAN>DE00123</IBAN></Id><Ccy>EUR</Ccy></Acct>\n${body}</Stmt>\n</BkToCstmrStmt>\n</Document>\n`,
  );

function errorOf(run: () => unknown): StatementParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof StatementParseError) return error;
    throw error;
  }
  throw new Error("expected a StatementParseError");
}

describe("camt.053 samples", () => {
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

describe("camt.052 samples", () => {
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

describe("camt.054 samples", () => {
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

describe("CAMT built in the test", () => {
  const entry = (inner: string) =>
    `<Ntry><Amt Ccy="EUR">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2024-05-02</Dt></BookgDt>${inner}</Ntry>\n`;
  const tx = (amount: string, indicator: string, name: string) =>
    `<TxDtls><Refs><EndToEndId>E-${name}</EndToEndId></Refs><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>${indicator}</CdtDbtInd><RltdPties><Dbtr><Nm>${name}</Nm></Dbtr><Cdtr><Nm>Us</Nm></Cdtr></RltdPties><RmtInf><Ustrd>Invoice ${name}</Ustrd></RmtInf></TxDtls>`;

  it("splits a batch whose parts, credits and debits, add up", () => {
    const file = parseStatementFile(
      camt(entry(`<NtryDtls>${tx("120.00", "CRDT", "A")}${tx("20.00", "DBIT", "B")}</NtryDtls>`)),
    );
    expect(file.statements[0]!.transactions).toEqual([
      {
        id: null,
        date: "2024-05-02",
        amount: "120.00",
        description: "Invoice A",
        payee: "A",
        reference: "E-A",
      },
      {
        id: null,
        date: "2024-05-02",
        amount: "-20.00",
        description: "Invoice B",
        payee: "Us",
        reference: "E-B",
      },
    ]);
  });

  it("reads a statement version it was told about (camt.053.001.13) and reports a mislabelled format", () => {
    const bytes = camt(entry(""), "camt.053.001.13");
    expect(parseStatementFile(bytes).statements[0]!.transactions[0]!.amount).toBe("100.00");
    const forced = parseStatementFile(bytes, { format: "camt052" });
    expect(forced.format).toBe("camt053");
    expect(forced.warnings[0]).toBe("The file is a camt.053 message, not camt.052; it was read as camt.053.");
  });

  it.each([
    [entry("").replace("<CdtDbtInd>CRDT</CdtDbtInd>", ""), "camt/missing-direction", 6],
    [entry("").replace("100.00", "1O0.00"), "camt/invalid-amount", 6],
    [entry("").replace("2024-05-02", "2024-02-30"), "camt/invalid-date", 6],
    [entry("").replace("</Ntry>", ""), "xml/mismatched-tag", 7],
    [entry("").replace("</Ntry>\n", ""), "xml/mismatched-tag", 6],
  ])("refuses a broken entry (%#) with %s", (body, type, line) => {
    const error = errorOf(() => parseStatementFile(camt(body)));
    expect(error.type).toBe(type);
    expect(error.line).toBe(line);
  });

  it("refuses a truncated file and an unknown ISO 20022 message", () => {
    const whole = camt(entry(""));
    const cut = whole.subarray(0, whole.length - "</BkToCstmrStmt>\n</Document>\n".length);
    expect(errorOf(() => parseStatementFile(cut, { format: "camt053" }))).toMatchObject({
      type: "xml/unclosed-element",
      line: 3,
    });
    expect(
      errorOf(() => parseStatementFile(whole.subarray(0, whole.length - 5), { format: "camt053" })).type,
    ).toBe("xml/truncated");
    const pain = new TextEncoder().encode(
      '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"><CstmrCdtTrfInitn/></Document>',
    );
    expect(errorOf(() => parseStatementFile(pain, { format: "camt053" })).type).toBe("camt/unknown-message");
  });

  it("refuses internal DTD subsets instead of expanding entities", () => {
    const bomb = new TextEncoder().encode(
      '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><Document><BkToCstmrStmt/></Document>',
    );
    expect(errorOf(() => parseStatementFile(bomb, { format: "camt053" })).type).toBe(
      "xml/doctype-not-supported",
    );
  });

  it("zips: skips files that are not statements, prefixes errors with the entry name", () => {
    const good = camt(entry(""));
    const zipped = zipSync({
      "readme.txt": new TextEncoder().encode("hello"),
      "a.xml": good,
      "folder/": new Uint8Array(),
    });
    const file = parseStatementFileDetailed(zipped);
    expect(file.statements.map((s) => s.source)).toEqual(["a.xml"]);
    expect(file.warnings).toEqual(["readme.txt: not a statement file; skipped."]);
    const broken = zipSync({ "b.xml": good.subarray(0, 200) });
    const error = errorOf(() => parseStatementFile(broken));
    expect(error.detail.startsWith("b.xml: ")).toBe(true);
  });
});
