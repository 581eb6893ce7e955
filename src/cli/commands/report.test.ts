// `closebook report profit-loss|balance-sheet|cash-flow` end to end: the real command on a temp data
// dir (embedded database) after `closebook ledger import` of a small journal — the JSON contract,
// CSV to a file, XLSX and PDF files, a commodity with no cost reported apart with a warning, and bad input (exit 2).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(fileURLToPath(new URL(".", import.meta.url)), "../../..");
let dataDir: string;

const JOURNAL = `
2026-01-02 Opening
    assets:bank:checking     $5,000.00
    equity:opening

2026-01-15 Design work
    assets:receivable        $1,200.00
    income:services

2026-01-20 Hosting
    expenses:hosting            $90.50
    liabilities:card

2026-02-03 Client pays
    assets:bank:checking     $1,200.00
    assets:receivable

2026-02-28 Time logged
    (time:logged)              12.5h

2026-03-10 Card paid, and a loss month
    liabilities:card            $90.50
    expenses:travel            $400.00
    assets:bank:checking
`;

function closebook(...args: string[]) {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const r = spawnSync("./bin/closebook", args, {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...env, CLOSEBOOK_DATA_DIR: dataDir, LOG_LEVEL: "silent" },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "closebook-cli-report-"));
  fs.writeFileSync(path.join(dataDir, "books.journal"), JOURNAL);
  const imported = closebook("ledger", "import", path.join(dataDir, "books.journal"), "--client", "studio");
  expect(imported.stdout).toMatch(/home currency \$/);
  expect(imported.status).toBe(0);
}, 240_000);
afterAll(() => {
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("closebook report", () => {
  it("prints the profit and loss by month as the JSON contract", () => {
    const r = closebook(
      "report",
      "profit-loss",
      "--client",
      "studio",
      "--from",
      "2026-01-01",
      "--to",
      "2026-03-31",
      "--by",
      "month",
    );
    expect(r.status).toBe(0);
    const pl = JSON.parse(r.stdout);
    expect(pl).toMatchObject({
      client: "studio",
      currency: "$",
      basis: "accrual",
      columns: [
        { label: "Jan 2026", from: "2026-01-01", to: "2026-01-31" },
        { label: "Feb 2026", from: "2026-02-01", to: "2026-02-28" },
        { label: "Mar 2026", from: "2026-03-01", to: "2026-03-31" },
        { label: "Total", from: "2026-01-01", to: "2026-03-31" },
      ],
      netIncome: ["1109.50", "0.00", "-400.00", "709.50"],
    });
    expect(pl.sections.map((s: { type: string }) => s.type)).toEqual([
      "income",
      "cost_of_goods_sold",
      "expenses",
      "other_income",
      "other_expenses",
    ]);
    expect(pl.sections[0].rows).toEqual([
      { account: "income", number: null, depth: 0, amounts: ["1200.00", "0.00", "0.00", "1200.00"] },
      { account: "income:services", number: null, depth: 1, amounts: ["1200.00", "0.00", "0.00", "1200.00"] },
    ]);
    expect(pl.sections[2].totals).toEqual(["90.50", "0.00", "400.00", "490.50"]);
    // The hours have no cost in dollars: apart, with a warning naming the entry.
    expect(r.stderr).toMatch(/warning: amounts in h have no recorded cost in \$.*2026-02-28, "Time logged"/);
  });

  it("balances the balance sheet at each month end and writes CSV to a file", () => {
    const r = closebook(
      "report",
      "balance-sheet",
      "--client",
      "studio",
      "--as-of",
      "2026-03-31",
      "--by",
      "month",
      "--from",
      "2026-01-01",
    );
    expect(r.status).toBe(0);
    const bs = JSON.parse(r.stdout);
    expect(bs.columns.map((c: { asOf: string }) => c.asOf)).toEqual([
      "2026-01-31",
      "2026-02-28",
      "2026-03-31",
    ]);
    expect(bs.totals).toEqual({
      assets: ["6200.00", "6200.00", "5709.50"],
      liabilities: ["90.50", "90.50", "0.00"],
      equity: ["6109.50", "6109.50", "5709.50"],
    });
    const out = path.join(dataDir, "cash.csv");
    const cf = closebook(
      "report",
      "cash-flow",
      "--client",
      "studio",
      "--from",
      "2026-03-01",
      "--to",
      "2026-03-31",
      "--format",
      "csv",
      "--output",
      out,
    );
    expect(cf.status).toBe(0);
    expect(cf.stdout).toBe("");
    const csv = fs.readFileSync(out, "utf8");
    expect(csv).toMatch(/^section,account,number,Mar 2026\n/);
    expect(csv).toMatch(
      /\n,Net change in cash,,-490\.50\n,Cash at start of period,,6200\.00\n,Cash at end of period,,5709\.50\n$/,
    );
  });

  it("writes the profit and loss as XLSX (net income a formula with the JSON's figures) and PDF", async () => {
    const args = [
      "report",
      "profit-loss",
      "--client",
      "studio",
      "--from",
      "2026-01-01",
      "--to",
      "2026-03-31",
    ];
    const pl = JSON.parse(closebook(...args, "--by", "month").stdout);
    const xlsx = path.join(dataDir, "pl.xlsx");
    const written = closebook(...args, "--by", "month", "--format", "xlsx", "--output", xlsx);
    expect(written.status).toBe(0);
    expect(written.stdout).toBe("");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet("Profit and loss")!;
    let net = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === "Net income") net = n;
    });
    const figures = ["B", "C", "D", "E"].map((col) => {
      const v = ws.getCell(`${col}${net}`).value as { formula: string; result?: number };
      expect(v.formula).toBeTruthy();
      return (v.result ?? 0).toFixed(2);
    });
    expect(figures).toEqual(pl.netIncome);
    const pdf = path.join(dataDir, "pl.pdf");
    expect(closebook(...args, "--format", "pdf", "--output", pdf).status).toBe(0);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("refuses bad input with exit status 2 and says why", () => {
    const backwards = closebook(
      "report",
      "profit-loss",
      "--client",
      "studio",
      "--from",
      "2026-03-01",
      "--to",
      "2026-01-31",
    );
    expect(backwards.status).toBe(2);
    expect(backwards.stderr).toMatch(/starts \(2026-03-01\) after it ends \(2026-01-31\)/);
    const badDate = closebook("report", "balance-sheet", "--client", "studio", "--as-of", "2026-02-30");
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toMatch(/"2026-02-30" is not a valid date/);
    const pdf = closebook(
      "report",
      "profit-loss",
      "--client",
      "studio",
      "--from",
      "2026-01-01",
      "--to",
      "2026-01-31",
      "--format",
      "pdf",
    );
    expect(pdf.status).toBe(2);
    expect(pdf.stderr).toMatch(/--format pdf writes a file: give it with --output FILE/);
    const by = closebook(
      "report",
      "cash-flow",
      "--client",
      "studio",
      "--from",
      "2026-01-01",
      "--to",
      "2026-01-31",
      "--by",
      "week",
    );
    expect(by.status).toBe(2);
  });

  it("gives an empty report for a period before the first entry", () => {
    const r = closebook(
      "report",
      "profit-loss",
      "--client",
      "studio",
      "--from",
      "2020-01-01",
      "--to",
      "2020-12-31",
    );
    expect(r.status).toBe(0);
    const pl = JSON.parse(r.stdout);
    expect(pl.netIncome).toEqual(["0.00"]);
    expect(pl.sections.every((s: { rows: unknown[] }) => s.rows.length === 0)).toBe(true);
  });
});
