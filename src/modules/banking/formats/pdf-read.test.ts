// PDF statements end to end: PDFs generated with pdfkit from a description of their lines (so the
// truth is known) read back through pdfjs and the layout reader, in three layouts banks print; and
// the PDFs that must be refused — a tampered figure (with its page and row), a scan, a password, a
// damaged file — each with its own reason, never another kind of error.
import { zipSync } from "fflate";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixture } from "../../../../test/support/statement-fixtures.ts";
import {
  balancesOf,
  DEBIT_CREDIT_SAMPLE,
  scannedPdf,
  SIGNED_SAMPLE,
  statementPdf,
  WITHDRAWALS_SAMPLE,
  type PdfStatementSpec,
} from "../../../../test/support/statement-pdfs.ts";
import {
  detectFormat,
  parseStatementFile,
  readStatementFile,
  StatementParseError,
  type ParsedStatement,
} from "./index.ts";

async function refusal(bytes: Uint8Array, options = {}): Promise<StatementParseError> {
  try {
    await readStatementFile(bytes, options);
  } catch (error) {
    if (error instanceof StatementParseError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

/** What the statement must read as: the description's lines, dates and amounts, and its balances. */
function truth(spec: PdfStatementSpec, account: string): ParsedStatement {
  return {
    account: { id: account, currency: null, type: null, institution: spec.bank },
    start: spec.start,
    end: spec.end,
    openingBalance: spec.opening,
    closingBalance: balancesOf(spec).closing,
    transactions: spec.lines.map((l) => ({
      id: null,
      date: l.date,
      amount: l.amount,
      description: l.description.join(" "),
      payee: null,
      reference: null,
    })),
  };
}

describe("PDF statements", () => {
  it.each([
    ["(a) one signed Amount column, MM/DD/YYYY", SIGNED_SAMPLE, "XXXX-4321"],
    ["(b) Withdrawals/Deposits, yearless dates over a new year, 3 pages", WITHDRAWALS_SAMPLE, "****7788"],
    ["(c) Debit/Credit, DD/MM/YYYY, CR/DR balances, a totals row", DEBIT_CREDIT_SAMPLE, "12345678"],
  ])("reads layout %s exactly", async (_name, spec, account) => {
    const bytes = await statementPdf(spec);
    expect(detectFormat(bytes)).toBe("pdf");
    const file = await readStatementFile(bytes, { fileName: "statement.pdf" });
    expect(file.format).toBe("pdf");
    expect(file.warnings).toEqual([]);
    expect(file.statements).toEqual([truth(spec, account)]);
  });

  it("reads the committed fixture (test/fixtures/build-statement-pdfs.ts) as its description says", async () => {
    const file = await readStatementFile(fixture("pdf-withdrawals-deposits.pdf"));
    expect(file.statements).toEqual([truth(WITHDRAWALS_SAMPLE, "****7788")]);
  });

  it("reads a PDF from another writer (Chromium printing an HTML table whose cells wrap and centre)", async () => {
    const file = await readStatementFile(fixture("pdf-chromium-wrapped-cells.pdf"));
    expect(file.warnings).toEqual([]);
    const [s] = file.statements;
    expect(s).toMatchObject({
      account: { id: "****5521", institution: "Maple Leaf Credit Union" },
      start: "2024-02-01",
      end: "2024-02-29",
      openingBalance: "2000.00",
      closingBalance: "3510.84",
    });
    expect(s?.transactions.map((t) => [t.date, t.amount, t.description])).toEqual([
      ["2024-02-03", "-54.21", "POS PURCHASE GROCERY MART #4411 TORONTO ON"],
      ["2024-02-09", "1820.00", "PAYROLL DEPOSIT NORTHWIND LTD"],
      ["2024-02-15", "-250.00", "E-TRANSFER SENT J. TREMBLAY"],
      ["2024-02-29", "-4.95", "SERVICE CHARGE"],
    ]);
  });

  it("reads a long statement over many pages", async () => {
    const lines = Array.from({ length: 120 }, (_, i) => ({
      date: `2024-05-${String((i % 28) + 1).padStart(2, "0")}`,
      description: [`CARD PURCHASE ${i}`, `STORE ${i % 7}`],
      amount: i % 5 === 0 ? `${1000 + i}.10` : `-${(i * 37) % 500}.${String(i % 100).padStart(2, "0")}`,
    })).sort((a, b) => a.date.localeCompare(b.date));
    const spec: PdfStatementSpec = {
      ...WITHDRAWALS_SAMPLE,
      start: "2024-05-01",
      end: "2024-05-31",
      linesPerPage: 20,
      lines,
    };
    const [s] = (await readStatementFile(await statementPdf(spec))).statements;
    expect(s).toEqual(truth(spec, "****7788"));
  });

  it("refuses a statement with one tampered running balance, naming the page and row", async () => {
    const error = await refusal(
      await statementPdf({ ...SIGNED_SAMPLE, tamper: { line: 2, balance: "1654.50" } }),
    );
    expect(error.type).toBe("pdf/balance-mismatch");
    // Rows from the top of page 1: bank, account, period, two balances, the heading, then the lines.
    expect(error.detail).toBe(
      'The figures do not add up at page 1, row 9 (01/05/2024 "RENT JANUARY"): the running balance should be ' +
        "1645.50 (the balance before it, 3495.50, plus the amount -1850.00), but the statement shows 1654.50.",
    );
    const later = await refusal(
      await statementPdf({ ...WITHDRAWALS_SAMPLE, tamper: { line: 5, balance: "13000.00" } }),
    );
    expect(later.type).toBe("pdf/balance-mismatch");
    expect(later.detail).toContain("at page 2, row 5 (Jan 05");
    expect(later.detail).toContain("but the statement shows 13000.00");
  });

  it("refuses a scan: this PDF needs OCR", async () => {
    const error = await refusal(await scannedPdf());
    expect(error.type).toBe("pdf/needs-ocr");
    expect(error.detail).toMatch(/^This PDF needs OCR: it has no readable text/);
  });

  it("refuses a password-protected PDF and a damaged one, saying which", async () => {
    expect((await refusal(await statementPdf({ ...SIGNED_SAMPLE, password: "s3cret" }))).type).toBe(
      "pdf/password-protected",
    );
    const junk = new TextEncoder().encode("%PDF-1.7\n" + "this is not a PDF body ".repeat(40));
    const damaged = await refusal(junk);
    expect(damaged.type).toBe("pdf/corrupt");
    expect(damaged.detail).toMatch(/^The PDF is damaged or not a PDF: .+\. Download the statement again\.$/);
  });

  it("refuses to read another file as a PDF, and the synchronous reader points to the asynchronous one", async () => {
    const csv = new TextEncoder().encode("Date,Amount\n2024-01-01,1.00\n");
    expect((await refusal(csv, { format: "pdf" })).type).toBe("pdf/not-pdf");
    const pdf = await statementPdf(SIGNED_SAMPLE);
    expect(() => parseStatementFile(pdf)).toThrow(/readStatementFile/);
  });

  it("reads the PDFs in a zip, one statement each", async () => {
    const zip = zipSync({
      "2024-01.pdf": await statementPdf(SIGNED_SAMPLE),
      "2024-03.pdf": await statementPdf(DEBIT_CREDIT_SAMPLE),
      "readme.txt": new TextEncoder().encode("statements"),
    });
    const file = await readStatementFile(zip);
    expect(file.format).toBe("pdf");
    expect(file.statements.map((s) => s.account.id)).toEqual(["XXXX-4321", "12345678"]);
    expect(file.warnings).toEqual(["readme.txt: not a statement file; skipped."]);
    const locked = zipSync({ "a.pdf": await statementPdf({ ...SIGNED_SAMPLE, password: "x" }) });
    expect((await refusal(locked)).detail).toMatch(/^a\.pdf: The PDF is protected by a password/);
  });

  it("reads a mutated PDF or refuses it with a StatementParseError, never anything else", async () => {
    const seed = await statementPdf(SIGNED_SAMPLE);
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: seed.length - 1 }),
        fc.nat({ max: 255 }),
        fc.integer({ min: 1, max: 64 }),
        fc.boolean(),
        async (at, byte, span, cut) => {
          const mutated = cut ? seed.slice(0, Math.max(at, 5)) : seed.slice();
          if (!cut) for (let i = at; i < Math.min(at + span, mutated.length); i++) mutated[i] = byte;
          try {
            const file = await readStatementFile(mutated);
            for (const t of file.statements.flatMap((s) => s.transactions))
              expect(t.amount).toMatch(/^-?\d+\.\d{2}$/);
          } catch (error) {
            expect(error).toBeInstanceOf(StatementParseError);
          }
        },
      ),
      { numRuns: 40, seed: 13 },
    );
  }, 60_000);
});
