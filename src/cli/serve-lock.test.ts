// The CLI and a server on one embedded data folder (issue 11): the server holds the folder's lock;
// `closebook import` and `closebook reconcile` run meanwhile go through the server (the import's
// lines become transactions, the statement's period is matched); a second server and `closebook
// migrate` are refused, naming the process; the import lines whose job was lost before the server
// started are picked up at its start. Nothing says Aborted().
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { loadConfig } from "../platform/config.ts";
import { openRuntime } from "../app/runtime.ts";
import { registerWork } from "../app/work.ts";
import { systemActor } from "../platform/actor.ts";
import * as access from "../modules/access/index.ts";
import * as banking from "../modules/banking/index.ts";
import * as ledger from "../modules/ledger/index.ts";
import * as transactions from "../modules/transactions/index.ts";
import { csvOf } from "../../test/support/bank-fixtures.ts";
import { LOCK_FILE } from "../platform/data-dir-lock.ts";
import { MARCH, ofxStatement } from "../../test/support/reconcile-statements.ts";

const ROOT = path.resolve(fileURLToPath(new URL(".", import.meta.url)), "../..");
let dataDir: string;
let server: ChildProcess | undefined;
let serverOut = "";

function env(): NodeJS.ProcessEnv {
  // Always the embedded database in the temp folder, also when the suite runs on PostgreSQL.
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return { ...rest, CLOSEBOOK_DATA_DIR: dataDir, LOG_LEVEL: "silent", PORT: "0" };
}

function closebook(...args: string[]) {
  const r = spawnSync("./bin/closebook", args, { cwd: ROOT, encoding: "utf8", timeout: 120_000, env: env() });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const config = () => loadConfig({ CLOSEBOOK_DATA_DIR: dataDir, LOG_LEVEL: "silent" });

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "closebook-serve-lock-"));
  const runtime = await openRuntime(config());
  try {
    const firm = await access.createFirm(runtime.ctx.db, { slug: "lock-firm", name: "Lock Firm" });
    const actor = systemActor(firm.id);
    await access.createClient(runtime.ctx.db, actor, { slug: "acme", name: "Acme" });
    await ledger.applyChartTemplate(runtime.ctx, actor, "acme");
    await banking.createBankAccount(runtime.ctx, actor, "acme", {
      name: "Operating Checking",
      kind: "bank",
      ledgerAccountId: "1010",
      shortName: "checking",
    });
    // Lines whose job is lost before any server runs.
    await banking.importStatementFile(runtime.ctx, actor, "acme", "checking", {
      bytes: csvOf([
        { date: "2026-03-02", description: "LOST JOB ONE", amount: "-10.00" },
        { date: "2026-03-03", description: "LOST JOB TWO", amount: "25.00" },
      ]),
      fileName: "lost.csv",
      source: "upload",
    });
    await sql`delete from job_queue where name = ${banking.BANK_LINES_IMPORTED}`.execute(runtime.ctx.db);
  } finally {
    await runtime.close();
  }
  server = spawn(process.execPath, ["bin/closebook", "serve", "--no-web-build"], { cwd: ROOT, env: env() });
  server.stdout!.on("data", (chunk: Buffer) => (serverOut += chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => (serverOut += chunk.toString()));
  const deadline = Date.now() + 150_000;
  while (!/listening on/.test(serverOut)) {
    if (Date.now() > deadline || server.exitCode !== null)
      throw new Error(`the server did not start:\n${serverOut}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}, 300_000);

afterAll(async () => {
  if (server && server.exitCode === null) server.kill("SIGKILL");
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("a server holding the data folder", () => {
  it("writes a lock naming itself, with its URL and a local token only this user can read", () => {
    const file = path.join(dataDir, LOCK_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const holder = JSON.parse(fs.readFileSync(file, "utf8"));
    expect(holder).toMatchObject({ pid: server!.pid, command: "serve" });
    expect(holder.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(holder.token).toMatch(/^[\w-]{40,}$/);
  });

  it("refuses a second server and closebook migrate, naming the process and what to do", () => {
    for (const command of ["serve", "migrate"]) {
      const r = closebook(command);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(
        `is in use by closebook serve (process ${server!.pid}, serving http://127.0.0.1:`,
      );
      expect(r.stderr).toContain(`kill ${server!.pid}`);
    }
  }, 120_000);

  it("runs closebook reconcile in the server: the statement is imported there and its period matched", () => {
    const ofx = path.join(dataDir, "march.ofx");
    fs.writeFileSync(ofx, ofxStatement(MARCH));
    const args = ["reconcile", "--client", "acme", "--bank-account", "checking", "--statement", ofx];
    const r = closebook(...args, "--format", "json");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.period).toEqual({ from: "2026-03-01", to: "2026-03-31" });
    expect(out.closing).toBe("3000.00");
    expect(out.unmatched.statement.map((l: { externalId: string }) => l.externalId)).toEqual(
      expect.arrayContaining(MARCH.lines.map((l) => l.fitid)),
    );
    // The books have none of it yet: --complete is refused with exit 2, saying by how much.
    const complete = closebook(...args, "--complete");
    expect(complete.status).toBe(2);
    expect(complete.stderr).toContain(`difference is ${out.difference}`);
  }, 120_000);

  it("runs closebook import in the server; the lines become transactions and the lost ones are found", async () => {
    const csv = path.join(dataDir, "small.csv");
    fs.writeFileSync(
      csv,
      csvOf([
        { date: "2026-03-04", description: "CLI COFFEE", amount: "-12.50" },
        { date: "2026-03-05", description: "CLI DEPOSIT", amount: "100.00" },
        { date: "2026-03-06", description: "CLI SUPPLIES", amount: "-45.10" },
      ]),
    );
    const first = closebook("import", csv, "--client", "acme", "--bank-account", "checking");
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("acme/checking: 3 new, 0 duplicates skipped");
    // The server sees what the CLI wrote: importing again adds nothing.
    const again = closebook("import", csv, "--client", "acme", "--bank-account", "checking");
    expect(again.stdout).toContain("0 new, 3 duplicates skipped");
    const tb = closebook("report", "trial-balance", "--client", "acme", "--format", "csv");
    expect(tb.status).toBe(0);

    await new Promise((r) => setTimeout(r, 3000));
    server!.kill("SIGTERM");
    await new Promise((r) => (server!.exitCode !== null ? r(undefined) : server!.once("exit", r)));
    expect(serverOut).toContain("queued again 1 import(s)");
    expect(`${serverOut}${first.stderr}${again.stderr}${tb.stderr}`).not.toMatch(/Aborted/);
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);

    const runtime = await openRuntime(config());
    try {
      const db = runtime.ctx.db;
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from bank_lines`.execute(db);
      expect(rows[0]!.n).toBe(5 + MARCH.lines.length);
      // Nothing orphaned: a line without its transaction yet still has its job queued.
      const queued = await sql<{ id: string }>`select data->>'importId' as id from job_queue
        where name = ${banking.BANK_LINES_IMPORTED} and state = 'queued'`.execute(db);
      const waiting = new Set(queued.rows.map((r) => r.id));
      for (const o of await transactions.orphanedImports(db)) expect(waiting.has(o.importId)).toBe(true);
      await registerWork(runtime.ctx);
      await runtime.ctx.jobs.drain();
      expect(await transactions.orphanedImports(db)).toEqual([]);
      const firm = await access.defaultFirm(db, "lock-firm");
      const page = await transactions.listTransactions(runtime.ctx, systemActor(firm.id), "acme", {
        tab: "all",
        limit: 50,
      });
      expect(
        page.transactions
          .map((t) => t.description)
          .filter((d) => /^(CLI|LOST)/.test(d))
          .sort(),
      ).toEqual(["CLI COFFEE", "CLI DEPOSIT", "CLI SUPPLIES", "LOST JOB ONE", "LOST JOB TWO"].sort());
    } finally {
      await runtime.close();
    }
  }, 300_000);
});
