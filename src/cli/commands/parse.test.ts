// `closebook parse` run as a person runs it (bin/closebook): JSON out and exit 0, or one JSON error line and exit 2.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseStatementFile, readStatementFile } from "../../modules/banking/formats/index.ts";
import { fixture, fixturePath } from "../../../test/support/statement-fixtures.ts";
import { sample, samplePath, withSamples } from "../../../test/support/statement-samples.ts";

const ROOT = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../..");

function closebook(...args: string[]) {
  const result = spawnSync("./bin/closebook", ["parse", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

function expectError(run: ReturnType<typeof closebook>, type: string, line: number | null) {
  expect(run.status).toBe(2);
  expect(run.signal).toBeNull();
  expect(run.stdout).toBe("");
  const lines = run.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  const parsed = JSON.parse(lines[0] as string) as {
    error: { type: string; detail: string; line: number | null };
  };
  expect(Object.keys(parsed)).toEqual(["error"]);
  expect(Object.keys(parsed.error)).toEqual(["type", "detail", "line"]);
  expect(parsed.error.type).toBe(type);
  expect(parsed.error.line).toBe(line);
  expect(parsed.error.detail.length).toBeGreaterThan(5);
}

describe("closebook parse", () => {
  withSamples.it("prints a good file as normalized JSON and exits 0", () => {
    const run = closebook(samplePath("camt053", "oca__sftp-camt053.xml"));
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout);
    expect(printed).toEqual(parseStatementFile(sample("camt053", "oca__sftp-camt053.xml")));
    expect(printed.format).toBe("camt053");
    expect(printed.statements[0].transactions[0]).toEqual({
      id: null,
      date: "2024-03-02",
      amount: "-1200.00",
      description: "Salary payment for March",
      payee: "Employee X",
      reference: "1234567890-NEWBNL2X",
    });
  });

  withSamples.it("reads the format it is given", () => {
    const run = closebook(
      samplePath("mt940", "mt940__self-provided_empty_non_swift.sta"),
      "--format",
      "mt940",
    );
    expectError(run, "mt940/no-statement", null);
    const ok = closebook("--format", "qif", samplePath("qif", "oca__test_qif.qif"));
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).statements[0].transactions).toHaveLength(5);
  });

  withSamples.it("writes one JSON error line and exits 2 for a malformed file", () => {
    expectError(closebook(samplePath("ofx_malformed", "oca__test_ofx_wrong.ofx")), "ofx/missing-date", 42);
  });

  withSamples.it("exits 2 for a missing file, an unknown format and bad usage", () => {
    expectError(closebook(resolve(ROOT, "no/such/statement.ofx")), "file-not-found", null);
    expectError(
      closebook(samplePath("ofx_malformed", "libofx__failing-ofx-file1.xml")),
      "unknown-format",
      null,
    );
    expectError(closebook("--format", "xlsx", samplePath("qif", "oca__test_qif.qif")), "usage", null);
    expectError(closebook(), "usage", null);
  });

  it("reads the files banks write that were once refused, and refuses a broken one in its own format", () => {
    for (const name of ["csv-summary-rows.csv", "mt940-one-damaged.sta", "ofx1-unclosed-aggregates.ofx"]) {
      const run = closebook(fixturePath(name));
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual(parseStatementFile(fixture(name), { fileName: name }));
    }
    expectError(closebook(fixturePath("refused-bai2-no-header.csv")), "bai2/invalid-amount", 3);
  });

  it("prints a PDF statement, and refuses one whose figures do not add up, saying where", async () => {
    const name = "pdf-withdrawals-deposits.pdf";
    const run = closebook(fixturePath(name));
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout);
    expect(printed).toEqual(await readStatementFile(fixture(name), { fileName: name }));
    expect(printed.format).toBe("pdf");
    expect(printed.statements[0]).toMatchObject({
      account: { id: "****7788" },
      start: "2023-12-15",
      end: "2024-01-14",
      openingBalance: "15230.10",
    });
    const refused = closebook(fixturePath("refused-pdf-tampered-balance.pdf"));
    expectError(refused, "pdf/balance-mismatch", null);
    expect(JSON.parse(refused.stderr).error.detail).toContain("page 2, row 5");
  });
});
