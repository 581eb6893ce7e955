// `closebook import` and `closebook bank-accounts` end to end: the real command on a temp data dir
// (embedded database), importing a statement twice, a refused file (exit 2), a wrong account (exit 1).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadConfig } from "../../platform/config.ts";
import { openRuntime } from "../../app/runtime.ts";
import { systemActor } from "../../platform/actor.ts";
import * as access from "../../modules/access/index.ts";
import * as ledger from "../../modules/ledger/index.ts";
import { samplePath, withSamples } from "../../../test/support/statement-samples.ts";
import { fixturePath } from "../../../test/support/statement-fixtures.ts";

const ROOT = path.resolve(fileURLToPath(new URL(".", import.meta.url)), "../../..");
let dataDir: string;

function closebook(...args: string[]) {
  // Always the embedded database in the temp dir, also when the suite runs on PostgreSQL.
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const r = spawnSync("./bin/closebook", args, {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...env, CLOSEBOOK_DATA_DIR: dataDir, LOG_LEVEL: "silent" },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "closebook-cli-import-"));
  // The firm, a client and its chart, made in-process on the same embedded database first.
  const runtime = await openRuntime(loadConfig({ CLOSEBOOK_DATA_DIR: dataDir, LOG_LEVEL: "silent" }));
  try {
    const firm = await access.createFirm(runtime.ctx.db, { slug: "cli-firm", name: "CLI Firm" });
    const actor = systemActor(firm.id);
    await access.createClient(runtime.ctx.db, actor, { slug: "acme", name: "Acme" });
    await ledger.applyChartTemplate(runtime.ctx, actor, "acme");
  } finally {
    await runtime.close();
  }
}, 120_000);
afterAll(() => {
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

// Each test runs the real command several times, each opening the embedded database (~0.5 s on a
// quiet machine, 10–20 s when a test run loads both cores): the default minute is too short then.
withSamples.describe("closebook import", { timeout: 240_000 }, () => {
  it("adds a bank account, imports a statement, and importing it again adds nothing", () => {
    const add = closebook(
      "bank-accounts",
      "add",
      "--client",
      "acme",
      "--name",
      "Operating Checking",
      "--ledger-account",
      "1010",
      "--short-name",
      "checking",
      "--currency",
      "EUR",
      "--institution",
      "ING",
    );
    expect(add.stderr).toBe("");
    expect(add.status).toBe(0);
    expect(add.stdout).toMatch(
      /^added checking \([0-9a-f-]{36}\): Operating Checking, bank, EUR → Cash and Bank:Operating Checking\n$/,
    );

    const file = samplePath("mt940", "oca__test-ing.940");
    const first = closebook("import", file, "--client", "acme", "--bank-account", "checking");
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(
      /^oca__test-ing\.940 \(mt940\) → acme\/checking: 8 new, 0 duplicates skipped, 0 warnings \(8 lines in 1 statement, \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d\) in [\d.]+ s\n$/,
    );
    const again = closebook("import", file, "--client", "acme", "--bank-account", "checking");
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(": 0 new, 8 duplicates skipped, 0 warnings");

    const list = closebook("bank-accounts", "--client", "acme");
    expect(list.status).toBe(0);
    const [header, row] = list.stdout.trim().split("\n");
    expect(header).toMatch(/^SHORT NAME\s+NAME\s+KIND\s+CUR\s+LEDGER\s+BALANCE\s+LINES\s+LAST LINE\s+ID$/);
    expect(row).toMatch(
      /^checking\s+Operating Checking\s+bank\s+EUR\s+1010\s+564\.35\s+8\s+\d{4}-\d\d-\d\d\s+[0-9a-f-]{36}$/,
    );
    // The id works as well as the short name.
    const id = row!.trim().split(/\s+/).at(-1)!;
    expect(closebook("import", file, "--client", "acme", "--bank-account", id).stdout).toContain(
      "0 new, 8 duplicates skipped",
    );
  });

  it("prints why a file is refused and exits with 2, writing nothing", () => {
    const broken = closebook(
      "import",
      samplePath("ofx_malformed", "libofx__heap-buffer-overflow-2.ofx"),
      "--client",
      "acme",
      "--bank-account",
      "checking",
    );
    expect(broken.status).toBe(2);
    expect(broken.stdout).toBe("");
    expect(broken.stderr).toBe(
      "error: libofx__heap-buffer-overflow-2.ofx was not imported: The file ends in the middle of a tag. (line 3) [ofx/truncated]\n",
    );
    const otherCurrency = closebook(
      "import",
      samplePath("ofx1", "ofxparse__bank_medium.ofx"),
      "--client",
      "acme",
      "--bank-account",
      "checking",
    );
    expect(otherCurrency.status).toBe(2);
    expect(otherCurrency.stderr).toContain("[banking/currency-mismatch]");
    expect(closebook("bank-accounts", "--client", "acme").stdout).toMatch(/\s8\s/);
  });

  it("exits with 1 for an unknown bank account, client or missing option", () => {
    const file = samplePath("mt940", "oca__test-ing.940");
    const account = closebook("import", file, "--client", "acme", "--bank-account", "savings");
    expect(account.status).toBe(1);
    expect(account.stderr).toBe('error: no bank account "savings" (bankAccount)\n');
    expect(closebook("import", file, "--client", "nope", "--bank-account", "checking").status).toBe(1);
    const usage = closebook("import", file, "--client", "acme");
    expect(usage.status).toBe(1);
    expect(usage.stderr).toContain("--bank-account is required");
    expect(closebook("import", "--help").stdout).toContain("usage: closebook import FILE");
    // Nothing is connected: the poll of drop folders has nothing to say.
    expect(closebook("bank-accounts", "poll")).toMatchObject({ status: 0, stdout: "" });
  });

  it("imports a PDF statement, and refuses one whose figures do not add up, saying where", () => {
    const pdf = closebook(
      "import",
      fixturePath("pdf-withdrawals-deposits.pdf"),
      "--client",
      "acme",
      "--bank-account",
      "checking",
    );
    expect(pdf.stderr).toBe("");
    expect(pdf.status).toBe(0);
    expect(pdf.stdout).toMatch(
      /^pdf-withdrawals-deposits\.pdf \(pdf\) → acme\/checking: 9 new, 0 duplicates skipped, 0 warnings \(9 lines in 1 statement, 2023-12-18 to 2024-01-14\) in [\d.]+ s\n$/,
    );
    const refused = closebook(
      "import",
      fixturePath("refused-pdf-tampered-balance.pdf"),
      "--client",
      "acme",
      "--bank-account",
      "checking",
    );
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(
      /^error: refused-pdf-tampered-balance\.pdf was not imported: The figures do not add up at page 2, row 5 .*\[pdf\/balance-mismatch\]\n$/,
    );
  });
});
