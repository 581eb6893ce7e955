// Previewing a statement file: format, first lines and earlier imports without writing anything, a CSV
// it cannot read answered with its grid, and why an import into the chosen account would be refused.
import { describe, expect, it } from "vitest";
import { fixture } from "./formats/fixture-data.ts";
import { sample } from "./formats/test-data.ts";
import { importStatementFile, previewStatementFile } from "./import-service.ts";
import { rowCounts } from "./test-fixtures.ts";
import { account, c, errorOf, t, upload, useImportDb } from "./import-test-support.ts";

useImportDb();

describe("preview", () => {
  it("shows the format, the first lines and whether the file was imported before, writing nothing", async () => {
    const a = await account("Preview Checking", "EUR");
    const bytes = sample("camt053", "subite__Other_account_statement-2.xml");
    const before = await rowCounts(t.ctx.db);
    const preview = await previewStatementFile(t.ctx, c.actor, c.slug, {
      bytes,
      fileName: "camt.xml",
      bankAccountRef: a.id,
    });
    expect(preview).toMatchObject({
      format: "camt053",
      totalLines: 462,
      alreadyImported: null,
      blocked: null,
      csv: null,
    });
    expect(preview.lines).toHaveLength(20);
    expect(await rowCounts(t.ctx.db)).toEqual(before);
    await importStatementFile(t.ctx, c.actor, c.slug, a.id, upload(bytes, "camt.xml"));
    expect(
      (
        await previewStatementFile(t.ctx, c.actor, c.slug, {
          bytes,
          fileName: "camt.xml",
          bankAccountRef: a.id,
        })
      ).alreadyImported,
    ).not.toBeNull();
  });

  it("answers a CSV it cannot read with the parser's error and the file's grid, to fix the columns", async () => {
    const e = await errorOf(
      previewStatementFile(t.ctx, c.actor, c.slug, {
        bytes: sample("csv", "beancount-import__examples_venmo_balances.csv"),
        fileName: "venmo.csv",
      }),
    );
    expect(e.code).toBe("statement/csv/no-amount-column");
    const grid = e.extra?.csv as { columns: string[]; rows: string[][] };
    expect(grid.columns.length).toBeGreaterThan(2);
    expect(grid.rows.length).toBeGreaterThan(0);
  });

  it("says why an import into the chosen account would be refused", async () => {
    const preview = await previewStatementFile(t.ctx, c.actor, c.slug, {
      bytes: sample("camt053", "oca__sftp-camt053.xml"),
      fileName: "x.xml",
      bankAccountRef: "checking",
    });
    expect(preview.blocked).toMatchObject({ code: "banking/currency-mismatch" });
  });

  it("shows what the parser skipped or inferred, so the person importing sees it before deciding", async () => {
    const a = await account("Preview Warnings", "USD");
    const summary = await previewStatementFile(t.ctx, c.actor, c.slug, {
      bytes: fixture("csv-summary-rows.csv"),
      fileName: "march.csv",
      bankAccountRef: a.id,
    });
    expect(summary.totalLines).toBe(6);
    expect(summary.warnings).toContain(
      "5 balance or total rows were skipped, not read as transactions (lines 7, 14, 15, 16, 17).",
    );
    const damaged = await previewStatementFile(t.ctx, c.actor, c.slug, {
      bytes: fixture("mt940-one-damaged.sta"),
      fileName: "march.sta",
    });
    expect(damaged.totalLines).toBe(2);
    expect(damaged.warnings.some((w) => w.startsWith("The statement starting on line 11"))).toBe(true);
  });
});
