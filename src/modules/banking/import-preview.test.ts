// Previewing a statement file: format, first lines and earlier imports without writing anything, a CSV
// it cannot read answered with its grid, and why an import into the chosen account would be refused.
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { TEXT_LIMITS } from "../../platform/text-limits.ts";
import { fixture } from "../../../test/support/statement-fixtures.ts";
import { sample, withSamples } from "../../../test/support/statement-samples.ts";
import { importStatementFile, previewStatementFile } from "./import-service.ts";
import { rowCounts } from "../../../test/support/bank-fixtures.ts";
import { account, c, errorOf, t, upload, useImportDb } from "./import-test-support.ts";

useImportDb();

describe("preview", () => {
  withSamples.it(
    "shows the format, the first lines and whether the file was imported before, writing nothing",
    async () => {
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
    },
  );

  withSamples.it(
    "answers a CSV it cannot read with the parser's error and the file's grid, to fix the columns",
    async () => {
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
    },
  );

  withSamples.it("says why an import into the chosen account would be refused", async () => {
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

  it("shows a description cut to the limit, with the line and field, and imports only the cut text", async () => {
    const a = await account("Preview Monster", "USD");
    // A cell far beyond the limit, generated here (a real case carried 40 MB; the formats test has that size).
    const monster = "VALLEY-DAIRY-".repeat(200_000);
    const bytes = new TextEncoder().encode(
      `Date,Description,Amount\n2024-03-01,Beans,-120.00\n2024-03-02,"${monster}",-45.10\n`,
    );
    const preview = await previewStatementFile(t.ctx, c.actor, c.slug, {
      bytes,
      fileName: "monster.csv",
      bankAccountRef: a.id,
    });
    expect(preview.lines[1]!.description).toHaveLength(TEXT_LIMITS.description);
    expect(preview.warnings).toContain(
      `Line 3: the description is ${monster.length.toLocaleString("en-US")} characters long, more than the 1,000 Closebook keeps; it was cut to its first 1,000 characters.`,
    );
    await importStatementFile(t.ctx, c.actor, c.slug, a.id, upload(bytes, "monster.csv"));
    const stored = await sql<{ longest: number; fields: number }>`
      select max(length(description))::int as longest, max(length(fields::text))::int as fields
      from bank_lines where bank_account_id = ${a.id}`.execute(t.ctx.db);
    expect(stored.rows[0]!.longest).toBe(TEXT_LIMITS.description);
    expect(stored.rows[0]!.fields).toBeLessThan(3 * TEXT_LIMITS.memo);
  });
});
