// Refused statement files change nothing: parser errors with their type and line, amounts too precise
// for the currency, files of another account or currency, unknown bank accounts, and other firms.
import { describe, expect, it } from "vitest";
import { sample, sampleFiles, withSamples } from "../../../test/support/statement-samples.ts";
import { parseStatementFileDetailed, StatementParseError } from "./formats/index.ts";
import { importStatementFile, listBankLines } from "./import-service.ts";
import { bankClient, csvOf, rowCounts } from "../../../test/support/bank-fixtures.ts";
import { account, c, errorOf, t, upload, useImportDb } from "./import-test-support.ts";

useImportDb();

describe("refused files change nothing", () => {
  const broken = [
    ["ofx_malformed", "libofx__failing-ofx-file1.xml", "unknown-format", null],
    ["ofx_malformed", "libofx__heap-buffer-overflow-2.ofx", "ofx/truncated", 3],
    ["ofx_malformed", "oca__test_ofx_wrong.ofx", "ofx/missing-date", 42],
    ["ofx1", "ofxparse__fail_nice_date_missing.ofx", "ofx/missing-date", 33],
    ["csv", "beancount-import__examples_venmo_balances.csv", "csv/no-amount-column", null],
    ["mt940", "mt940__betterplace_empty_86.sta", "mt940/no-statement", null],
    ["mt940", "mt940__self-provided_empty_non_swift.sta", "mt940/no-statement", null],
  ] as const;

  withSamples.each(broken)(
    "%s/%s is refused with the parser's type and line",
    async (folder, name, type, line) => {
      const before = await rowCounts(t.ctx.db);
      const e = await errorOf(
        importStatementFile(t.ctx, c.actor, c.slug, "checking", upload(sample(folder, name), name)),
      );
      expect(e.code).toBe(`statement/${type}`);
      expect(e.status).toBe(400);
      expect(e.line).toBe(line ?? undefined);
      expect(e.extra?.parserType).toBe(type);
      expect(await rowCounts(t.ctx.db)).toEqual(before);
    },
  );

  withSamples.it("refuses every shared sample the parser refuses, writing nothing", async () => {
    const refused: string[] = [];
    for (const folder of [
      "ofx1",
      "ofx2",
      "ofx_malformed",
      "qfx",
      "qif",
      "csv",
      "mt940",
      "bai2",
      "camt052",
      "camt053",
      "camt054",
    ]) {
      for (const name of sampleFiles(folder)) {
        try {
          parseStatementFileDetailed(sample(folder, name), { fileName: name });
        } catch (error) {
          if (!(error instanceof StatementParseError)) throw error;
          const before = await rowCounts(t.ctx.db);
          const e = await errorOf(
            importStatementFile(t.ctx, c.actor, c.slug, "checking", upload(sample(folder, name), name)),
          );
          expect(e.code).toBe(`statement/${error.type}`);
          expect(await rowCounts(t.ctx.db)).toEqual(before);
          refused.push(name);
        }
      }
    }
    expect(refused.length).toBeGreaterThanOrEqual(7);
  });

  it("refuses an amount more precise than the currency, naming the line, and writes nothing", async () => {
    const before = await rowCounts(t.ctx.db);
    const bytes = csvOf([
      { date: "2026-01-02", amount: "-1.00", description: "ok" },
      { date: "2026-01-03", amount: "-1.005", description: "too precise" },
    ]);
    const e = await errorOf(importStatementFile(t.ctx, c.actor, c.slug, "checking", upload(bytes, "p.csv")));
    expect(e).toMatchObject({ code: "banking/amount-too-precise", line: 3 });
    expect(await rowCounts(t.ctx.db)).toEqual(before);
  });

  withSamples.it(
    "refuses files with no statement, of another account or currency, and unknown bank accounts",
    async () => {
      const before = await rowCounts(t.ctx.db);
      expect(
        (
          await errorOf(
            importStatementFile(
              t.ctx,
              c.actor,
              c.slug,
              "checking",
              upload(sample("ofx1", "ofxparse__vanguard.ofx"), "v.ofx"),
            ),
          )
        ).code,
      ).toBe("banking/no-statements");
      expect(
        (
          await errorOf(
            importStatementFile(
              t.ctx,
              c.actor,
              c.slug,
              "checking",
              upload(sample("mt940", "oca__test-ing.940"), "ing.940"),
            ),
          )
        ).code,
      ).toBe("banking/currency-mismatch");
      const e = await errorOf(
        importStatementFile(
          t.ctx,
          c.actor,
          c.slug,
          "no-such-account",
          upload(sample("mt940", "oca__test-ing.940"), "ing.940"),
        ),
      );
      expect(e).toMatchObject({ code: "banking/bank-account-not-found", status: 404 });
      expect(
        (
          await errorOf(
            importStatementFile(
              t.ctx,
              c.actor,
              c.slug,
              "00000000-0000-7000-8000-000000000000",
              upload(csvOf([]), "e.csv"),
            ),
          )
        ).status,
      ).toBe(404);
      expect(await rowCounts(t.ctx.db)).toEqual(before);
    },
  );

  withSamples.it("refuses a file of another account when the bank account has its last digits", async () => {
    const masked = await account("Masked Checking", "CAD", { mask: "1234" });
    const e = await errorOf(
      importStatementFile(
        t.ctx,
        c.actor,
        c.slug,
        masked.id,
        upload(sample("ofx1", "ofxparse__bank_medium.ofx"), "m.ofx"),
      ),
    );
    expect(e.code).toBe("banking/account-mismatch");
    expect(e.detail).toContain("…5678");
  });

  it("never lets an actor of another firm import into or read this client", async () => {
    const other = await bankClient(t.ctx, "other-co", "firm-b");
    const e = await errorOf(
      importStatementFile(
        t.ctx,
        other.actor,
        c.slug,
        "checking",
        upload(csvOf([{ date: "2026-01-02", amount: "1.00", description: "x" }]), "x.csv"),
      ),
    );
    expect(e.status).toBe(404);
    expect((await errorOf(listBankLines(t.ctx, other.actor, c.slug, { limit: 10, offset: 0 }))).status).toBe(
      404,
    );
  });
});
