// `closebook reconcile` end to end: the real command on a temp data dir (embedded database). The
// JSON it prints is a contract outside checks rely on, so its exact shape is asserted here; then
// --complete refused at a difference (exit 2, saying how much) and done at zero, and a second run
// of the same statement importing nothing and showing the completed reconciliation.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../platform/config.ts";
import { openRuntime } from "../../app/runtime.ts";
import { systemActor } from "../../platform/actor.ts";
import * as access from "../../modules/access/index.ts";
import * as banking from "../../modules/banking/index.ts";
import * as ledger from "../../modules/ledger/index.ts";
import { MARCH, ofxStatement } from "../../../test/support/reconcile-statements.ts";

const ROOT = path.resolve(fileURLToPath(new URL(".", import.meta.url)), "../../..");
let dataDir: string;
let statement: string;

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

async function inProcess(
  fn: (ctx: Parameters<typeof ledger.postEntry>[0], actor: ReturnType<typeof systemActor>) => Promise<void>,
) {
  const runtime = await openRuntime(loadConfig({ CLOSEBOOK_DATA_DIR: dataDir, LOG_LEVEL: "silent" }));
  try {
    const firm = await access.defaultFirm(runtime.ctx.db, undefined);
    await fn(runtime.ctx, systemActor(firm.id));
  } finally {
    await runtime.close();
  }
}

const entry = (
  date: string,
  description: string,
  cents: bigint,
  reference: string | null,
  other: string,
) => ({
  date,
  description,
  reference,
  lines: [
    { accountId: "1010", amount: cents, currency: "USD" },
    { accountId: other, amount: -cents, currency: "USD" },
  ],
});

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "closebook-cli-reconcile-"));
  statement = path.join(dataDir, "march.ofx");
  fs.writeFileSync(statement, ofxStatement(MARCH));
  const runtime = await openRuntime(loadConfig({ CLOSEBOOK_DATA_DIR: dataDir, LOG_LEVEL: "silent" }));
  try {
    const firm = await access.createFirm(runtime.ctx.db, { slug: "cli-firm", name: "CLI Firm" });
    const actor = systemActor(firm.id);
    await access.createClient(runtime.ctx.db, actor, { slug: "acme", name: "Acme" });
    await ledger.applyChartTemplate(runtime.ctx, actor, "acme");
    await banking.createBankAccount(runtime.ctx, actor, "acme", {
      name: "Operating Checking",
      shortName: "checking",
      kind: "bank",
      ledgerAccountId: "1010",
    });
    const accounts = await ledger.listAccounts(runtime.ctx, actor, "acme");
    const id = (n: string) => accounts.find((a) => a.number === n)!.id;
    for (const e of [
      entry("2026-03-02", "Shell fuel", -4_500n, null, "6100"),
      entry("2026-03-04", "Invoice 31 Cactus Design", 125_000n, "INV31", "4000"),
      entry("2026-03-08", "Rent share", -40_000n, "1042", "6500"),
      entry("2026-03-16", "Comcast cable", -12_999n, null, "6700"),
      entry("2026-03-28", "Landscaping", -7_500n, "1043", "6500"),
    ])
      await ledger.postEntry(runtime.ctx, actor, "acme", {
        ...e,
        lines: e.lines.map((l) => ({ ...l, accountId: id(l.accountId) })),
      });
  } finally {
    await runtime.close();
  }
}, 120_000);
afterAll(() => {
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const statementLine = {
  externalId: expect.any(String),
  date: expect.any(String),
  amount: expect.any(String),
  description: expect.any(String),
};
const ledgerLine = {
  entryId: expect.any(String),
  reference: expect.toBeOneOf([expect.any(String), null]),
  date: expect.any(String),
  amount: expect.any(String),
  description: expect.any(String),
};

describe("closebook reconcile", { timeout: 240_000 }, () => {
  it("imports the statement, matches its period and prints the contract's JSON", () => {
    const r = closebook(
      "reconcile",
      "--client",
      "acme",
      "--bank-account",
      "checking",
      "--statement",
      statement,
    );
    // (stderr may say the CLI is being compiled, on a first run)
    expect(r.stderr).not.toContain("error");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual([
      "period",
      "opening",
      "closing",
      "clearedBalance",
      "difference",
      "matches",
      "unmatched",
    ]);
    expect(out).toMatchObject({
      period: { from: "2026-03-01", to: "2026-03-31" },
      opening: "2356.99",
      closing: "3000.00",
    });
    const matches = out.matches as Array<Record<string, unknown>>;
    for (const m of matches) {
      expect(Object.keys(m)).toEqual(["class", "score", "reasons", "statement", "ledger"]);
      expect(["confident", "possible"]).toContain(m.class);
      expect(typeof m.score).toBe("number");
      for (const l of m.statement as object[]) expect(l).toStrictEqual(statementLine);
      for (const l of m.ledger as object[]) expect(l).toStrictEqual(ledgerLine);
    }
    const check = matches.find(
      (m) => (m.statement as Array<{ externalId: string }>)[0]!.externalId === "F3",
    )!;
    expect(check.ledger).toEqual([
      expect.objectContaining({ reference: "1042", amount: "-400.00", date: "2026-03-08" }),
    ]);
    const unmatched = out.unmatched as { statement: object[]; ledger: object[] };
    expect(unmatched.statement).toStrictEqual([
      { externalId: "F5", date: "2026-03-20", amount: "-32.00", description: "STAPLES STORE" },
    ]);
    expect(unmatched.ledger).toStrictEqual([
      expect.objectContaining({ reference: "1043", amount: "-75.00", date: "2026-03-28" }),
    ]);
    expect(Object.keys(unmatched.ledger[0]!)).toEqual([
      "entryId",
      "reference",
      "date",
      "amount",
      "description",
    ]);
  });

  it("--complete at a difference exits 2 saying by how much; at zero it completes", async () => {
    const refused = closebook(
      "reconcile",
      "--client",
      "acme",
      "--bank-account",
      "checking",
      "--statement",
      statement,
      "--complete",
    );
    expect(refused.status).toBe(2);
    // Every printed match counts as cleared; the Staples charge is missing from the books.
    const shown = JSON.parse(refused.stdout) as { difference: string; clearedBalance: string };
    expect(shown).toMatchObject({ difference: "-32.00", clearedBalance: "3032.00" });
    expect(refused.stderr).toBe(
      "error: not completed: the difference is -32.00 USD (closing 3000.00 − cleared balance 3032.00); it must be zero\n",
    );
    await inProcess(async (ctx, actor) => {
      const accounts = await ledger.listAccounts(ctx, actor, "acme");
      const id = (n: string) => accounts.find((a) => a.number === n)!.id;
      await ledger.postEntry(ctx, actor, "acme", {
        date: "2026-03-20",
        description: "STAPLES STORE",
        lines: [
          { accountId: id("1010"), amount: -3_200n, currency: "USD" },
          { accountId: id("6400"), amount: 3_200n, currency: "USD" },
        ],
      });
    });
    const done = closebook(
      "reconcile",
      "--client",
      "acme",
      "--bank-account",
      "checking",
      "--statement",
      statement,
      "--complete",
      "--format",
      "text",
    );
    expect(done.stderr).not.toContain("error");
    expect(done.status).toBe(0);
    expect(done.stdout).toContain("(completed)");
    expect(done.stdout).toContain("difference 0.00 USD");
    const again = closebook(
      "reconcile",
      "--client",
      "acme",
      "--bank-account",
      "checking",
      "--statement",
      statement,
      "--complete",
    );
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ difference: "0.00", clearedBalance: "3000.00" });
  });
});
