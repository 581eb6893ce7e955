// CAMT built in the test: batch splitting with credits and debits, statement versions, broken entries,
// truncated files, unknown messages, DTD subsets and zips.
import { describe, expect, it } from "vitest";
import { zipSync } from "fflate";
import { parseStatementFile, parseStatementFileDetailed, StatementParseError } from "./index.ts";

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
