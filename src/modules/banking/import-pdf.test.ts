// Importing PDF bank statements through the import service on a real database: the lines, the
// statement's period and opening and closing balances stored as for OFX or camt files, the page and
// row of each line kept as its raw fields, idempotency, the preview; and the refusals (figures that
// do not add up, a scan, another account's statement) with nothing stored.
import { describe, expect, it } from "vitest";
import {
  DEBIT_CREDIT_SAMPLE,
  scannedPdf,
  SIGNED_SAMPLE,
  statementPdf,
} from "../../../test/support/statement-pdfs.ts";
import { getBankAccount } from "./account-service.ts";
import {
  importStatementFile,
  listBankLines,
  listStatements,
  previewStatementFile,
} from "./import-service.ts";
import { account, c, errorOf, t, upload, useImportDb } from "./import-test-support.ts";

useImportDb();

describe("importing a PDF statement", () => {
  it("stores its lines, period and balances, and imports it only once", async () => {
    const checking = await account("PDF Checking", "USD", { mask: "4321" });
    const bytes = await statementPdf(SIGNED_SAMPLE);
    const summary = await importStatementFile(t.ctx, c.actor, c.slug, checking.id, upload(bytes, "jan.pdf"));
    expect(summary).toMatchObject({
      statements: 1,
      totalLines: 7,
      newLines: 7,
      duplicateLines: 0,
      file: { name: "jan.pdf", format: "pdf", size: bytes.length, alreadyImported: false },
      warnings: [],
    });
    const [statement] = await listStatements(t.ctx, c.actor, c.slug, checking.id);
    expect(statement).toMatchObject({
      start_date: "2024-01-01",
      end_date: "2024-01-31",
      opening_balance: 100000n,
      closing_balance: 139337n,
      line_count: 7,
      currency: "USD",
      file_name: "jan.pdf",
    });
    const { lines } = await listBankLines(t.ctx, c.actor, c.slug, {
      bankAccountRef: checking.id,
      limit: 10,
      offset: 0,
    });
    // Two identical checks on one day stay two lines (numbered by occurrence).
    const checks = lines.filter((l) => l.description === "CHECK 1043");
    expect(checks.map((l) => [l.date, l.amount, l.occurrence]).sort()).toEqual([
      ["2024-01-12", -12025n, 1],
      ["2024-01-12", -12025n, 2],
    ]);
    expect(lines.find((l) => l.description === "RENT JANUARY")?.fields).toMatchObject({
      page: "1",
      row: "9",
      Date: "01/05/2024",
      Amount: "-1,850.00",
      Balance: "1,645.50",
    });
    expect((await getBankAccount(t.ctx, c.actor, c.slug, checking.id)).balance).toBe(139337n);

    const again = await importStatementFile(t.ctx, c.actor, c.slug, checking.id, upload(bytes, "jan.pdf"));
    expect(again).toMatchObject({ newLines: 0, duplicateLines: 7, file: { alreadyImported: true } });
  });

  it("previews a PDF with its balances, and refuses one for another account", async () => {
    const other = await account("Other Checking", "GBP", { mask: "9999" });
    const bytes = await statementPdf(DEBIT_CREDIT_SAMPLE);
    const preview = await previewStatementFile(t.ctx, c.actor, c.slug, {
      bytes,
      fileName: "march.pdf",
      bankAccountRef: other.id,
    });
    expect(preview).toMatchObject({
      format: "pdf",
      encoding: "pdf",
      statements: [
        {
          account: "12345678",
          start: "2024-03-01",
          end: "2024-03-31",
          openingBalance: "1250.00",
          closingBalance: "2271.52",
          lines: 8,
        },
      ],
      totalLines: 8,
      blocked: { code: "banking/account-mismatch" },
    });
    const error = await errorOf(
      importStatementFile(t.ctx, c.actor, c.slug, other.id, upload(bytes, "march.pdf")),
    );
    expect(error.code).toBe("banking/account-mismatch");
    expect(await listStatements(t.ctx, c.actor, c.slug, other.id)).toEqual([]);
  });

  it("refuses a PDF whose figures do not add up, and a scan, storing nothing", async () => {
    const savings = await account("PDF Savings", "USD", { mask: "4321" });
    const tampered = await statementPdf({ ...SIGNED_SAMPLE, tamper: { line: 2, balance: "1654.50" } });
    const error = await errorOf(
      importStatementFile(t.ctx, c.actor, c.slug, savings.id, upload(tampered, "jan.pdf")),
    );
    expect(error).toMatchObject({ code: "statement/pdf/balance-mismatch", field: "file" });
    expect(error.detail).toContain("page 1, row 9");
    expect(error.detail).toContain("should be 1645.50");

    const scan = await errorOf(
      importStatementFile(t.ctx, c.actor, c.slug, savings.id, upload(await scannedPdf(), "scan.pdf")),
    );
    expect(scan.code).toBe("statement/pdf/needs-ocr");
    expect(scan.detail).toMatch(/^This PDF needs OCR/);
    expect(await listStatements(t.ctx, c.actor, c.slug, savings.id)).toEqual([]);
  });
});
