// `closebook eval categorize`: argument errors, column errors, and the one-JSON-object report.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SHARED_DATA, withSharedData } from "../../../test/support/shared-data.ts";
import { main } from "../main.ts";
import { parseAmount } from "./eval.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const HOUSEHOLD_FILE = "categorization/kaggle_daily_household_transactions.csv";
const HOUSEHOLD = join(SHARED_DATA, HOUSEHOLD_FILE);

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation(
    (chunk: string | Uint8Array) => (out.push(String(chunk)), true),
  );
  vi.spyOn(process.stderr, "write").mockImplementation(
    (chunk: string | Uint8Array) => (err.push(String(chunk)), true),
  );
  return { out, err };
}

afterEach(() => vi.restoreAllMocks());

/** A small synthetic file: two shops, one client, a month of lines. */
function syntheticCsv(): string {
  const dir = mkdtempSync(join(tmpdir(), "closebook-eval-"));
  const rows = ["when,what,how much,account,who"];
  for (let day = 1; day <= 28; day++) {
    for (const [shop, account, amount] of [
      ["SHELL OIL #12", "Fuel", "40.10"],
      ["STAPLES 0042", "Office", "23.00"],
      ["STARBUCKS 9", "Meals", "5.75"],
    ] as const) {
      rows.push(`${String(day).padStart(2, "0")}/02/2024,${shop},${amount},${account},acme`);
    }
  }
  const path = join(dir, "lines.csv");
  writeFileSync(path, `${rows.join("\n")}\n`);
  return path;
}

describe("eval categorize", () => {
  it("rejects missing options with a usage message and exit code 1", async () => {
    const { err } = capture();
    expect(await main(["eval", "categorize", "--data", "x.csv"])).toBe(1);
    expect(err.join("")).toMatch(/missing --text/);
    expect(err.join("")).toMatch(/usage: closebook eval categorize/);
  });

  it("rejects unknown evaluations, options and bad split dates", async () => {
    const { err } = capture();
    expect(await main(["eval", "nonsense"])).toBe(1);
    expect(await main(["eval", "categorize", "--bogus", "1"])).toBe(1);
    expect(
      await main([
        "eval",
        "categorize",
        "--data",
        "a",
        "--text",
        "b",
        "--label",
        "c",
        "--amount",
        "d",
        "--date",
        "e",
        "--split-date",
        "15/01/2015",
      ]),
    ).toBe(1);
    const text = err.join("");
    expect(text).toMatch(/unknown evaluation "nonsense"/);
    expect(text).toMatch(/unknown option --bogus/);
    expect(text).toMatch(/--split-date must be a date/);
  });

  it("names missing columns and the ones the file has", async () => {
    const { err, out } = capture();
    const file = syntheticCsv();
    const code = await main([
      "eval",
      "categorize",
      "--data",
      file,
      "--text",
      "what",
      "--label",
      "category",
      "--amount",
      "how much",
      "--date",
      "when",
      "--split-date",
      "2024-02-20",
    ]);
    expect(code).toBe(1);
    expect(err.join("")).toMatch(
      /column "category" not in .* \(it has: when, what, how much, account, who\)/,
    );
    expect(out.join("")).toBe("");
  });

  it("says when a file cannot be read", async () => {
    const { err } = capture();
    expect(
      await main([
        "eval",
        "categorize",
        "--data",
        "/nonexistent.csv",
        "--text",
        "a",
        "--label",
        "b",
        "--amount",
        "c",
        "--date",
        "d",
        "--split-date",
        "2024-01-01",
      ]),
    ).toBe(1);
    expect(err.join("")).toMatch(/cannot read \/nonexistent\.csv: ENOENT/);
  });

  it("prints one JSON object with frozen and online metrics (as the real command)", () => {
    const file = syntheticCsv();
    const result = spawnSync(
      process.execPath,
      [
        resolve(ROOT, "bin/closebook"),
        "eval",
        "categorize",
        "--data",
        file,
        "--text",
        "what",
        "--label",
        "account",
        "--amount",
        "how much",
        "--date",
        "when",
        "--client",
        "who",
        "--split-date",
        "2024-02-20",
      ],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0]!);
    expect(Object.keys(report)).toEqual([
      "n_train",
      "n_test",
      "frozen",
      "online",
      "train_seconds",
      "predict_per_second",
    ]);
    expect(report.n_train).toBe(57);
    expect(report.n_test).toBe(27);
    for (const mode of [report.frozen, report.online]) {
      expect(Object.keys(mode)).toEqual([
        "accuracy",
        "macro_f1",
        "coverage_high",
        "precision_high",
        "coverage_medium",
        "precision_medium",
        "ece",
        "by_method",
      ]);
      expect(mode.accuracy).toBe(1);
    }
    expect(result.stderr).toMatch(/eval: training on 57 lines/);
  });

  it("trains and predicts on the project's own small firm: three clients coding the same shops each their way", async () => {
    // test/fixtures/categorization/small-firm.csv: five synthetic months, store numbers and order
    // codes varying from line to line, and about one line in 25 miscoded, as real books have.
    const { out } = capture();
    const code = await main([
      "eval",
      "categorize",
      "--data",
      resolve(ROOT, "test/fixtures/categorization/small-firm.csv"),
      "--text",
      "description",
      "--label",
      "account",
      "--amount",
      "amount",
      "--date",
      "date",
      "--client",
      "client",
      "--split-date",
      "2024-04-15",
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(out.join(""));
    expect([report.n_train, report.n_test]).toEqual([322, 132]);
    // Measured 0.97 (the misses are the miscoded lines); each client's own accounts, never another's.
    expect(report.frozen.accuracy).toBeGreaterThan(0.93);
    expect(report.online.accuracy).toBeGreaterThan(0.93);
    expect(report.frozen.by_method.memory.n).toBeGreaterThan(100);
  });

  withSharedData(HOUSEHOLD_FILE).it(
    "runs on the household money log (dd-mm-yyyy hh:mm dates, one client)",
    async () => {
      const { out } = capture();
      const code = await main([
        "eval",
        "categorize",
        "--data",
        HOUSEHOLD,
        "--text",
        "Note",
        "--label",
        "Category",
        "--amount",
        "Amount",
        "--date",
        "Date",
        "--bank-account",
        "Mode",
        "--split-date",
        "2018-01-15",
      ]);
      expect(code).toBe(0);
      const report = JSON.parse(out.join(""));
      expect(report.n_train + report.n_test).toBe(2461);
      expect(report.n_test).toBeGreaterThan(500);
      // Measured 0.73 frozen; notes are free text typed by the household.
      expect(report.frozen.accuracy).toBeGreaterThan(0.65);
    },
  );

  it("reads amounts in the usual spellings", () => {
    expect(parseAmount("1,234.50", 1)).toBe(123450n);
    expect(parseAmount("(12.00)", 1)).toBe(-1200n);
    expect(parseAmount("£-3.5", 1)).toBe(-350n);
    expect(parseAmount("12-", 1)).toBe(-1200n);
    expect(parseAmount("0.125", 1)).toBe(13n);
    expect(parseAmount("", 1)).toBe(0n);
    expect(() => parseAmount("abc", 7)).toThrow(/row 7/);
  });
});
