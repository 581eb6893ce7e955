// `npm run bench -- ledger`: hledger's benchmark shape (100,000 transactions over 1,000 accounts)
// imported into a fresh embedded database, then the trial balance served over HTTP by a running
// server, a balance-sheet style roll-up, one account's GL detail, the CLI end to end, and — where
// installed — `ledger bal` and `hledger bal` on the same file (BENCH_LEDGER_TOOLS=0 skips them).
// BENCH_TXNS changes the size; DATABASE_URL adds the import rate into PostgreSQL (a throwaway
// database).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import pg from "pg";
import { generateBenchmarkJournal } from "../src/modules/ledger/journal-text/index.ts";
import { loadConfig } from "../src/platform/config.ts";
import { openRuntime } from "../src/app/runtime.ts";
import { createServer } from "../src/app/server.ts";
import { systemActor } from "../src/platform/actor.ts";
import * as access from "../src/modules/access/index.ts";
import * as ledger from "../src/modules/ledger/index.ts";
import { benchApiToken } from "./api-token.ts";

const TXNS = Number(process.env.BENCH_TXNS ?? 100_000);
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 1_000);
const ROOT = path.resolve(import.meta.dirname, "..");

function timeCommand(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = 900_000,
): { seconds: number; ok: boolean; stdout: string } | null {
  const which = spawnSync("sh", ["-c", `command -v ${cmd}`]);
  if (which.status !== 0) return null;
  const started = performance.now();
  const r = spawnSync(cmd, args, { env, encoding: "utf8", timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024 });
  return { seconds: (performance.now() - started) / 1000, ok: r.status === 0, stdout: r.stdout ?? "" };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timed<T>(n: number, fn: () => Promise<T>): Promise<{ medianMs: number; minMs: number }> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return { medianMs: Number(median(times).toFixed(2)), minMs: Number(Math.min(...times).toFixed(2)) };
}

export async function run(): Promise<object> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cb-bench-ledger-"));
  const file = path.join(dir, "bench.journal");
  fs.writeFileSync(file, generateBenchmarkJournal(TXNS, ACCOUNTS));
  const fileMiB = Number((fs.statSync(file).size / 1048576).toFixed(1));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CLOSEBOOK_DATA_DIR: path.join(dir, "data"),
    LOG_LEVEL: "silent",
  };
  delete env.DATABASE_URL;

  // 1. Import in a child process: its peak memory is the import's own. The database is created
  // (initdb, migrations) by another child first, as an installation's database exists before any
  // import; that step's own peak is reported apart.
  const prepare = spawnSync(
    process.execPath,
    ["--import", "tsx", path.join(ROOT, "bench/ledger-import-child.ts"), "--prepare"],
    { env, encoding: "utf8" },
  );
  if (prepare.status !== 0) throw new Error(`creating the database failed: ${prepare.stderr}`);
  const createDatabase = JSON.parse(prepare.stdout) as object;
  const child = spawnSync(
    process.execPath,
    ["--import", "tsx", path.join(ROOT, "bench/ledger-import-child.ts"), file, "bench"],
    { env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  if (child.status !== 0) throw new Error(`import failed: ${child.stderr}`);
  const importPglite = JSON.parse(child.stdout) as object;

  // 2. A running server over the imported data: trial balance over HTTP, roll-up, GL detail.
  const saved = { ...process.env };
  Object.assign(process.env, env);
  delete process.env.DATABASE_URL;
  const runtime = await openRuntime(loadConfig());
  process.env = saved;
  const app = await createServer(runtime);
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  const firm = await access.defaultFirm(runtime.ctx.db);
  const actor = systemActor(firm.id);
  const headers = { authorization: `Bearer ${await benchApiToken(runtime, firm.id)}` };
  const asOf = "9999-12-31";
  await fetch(`${address}/api/clients/bench/reports/trial-balance?asOf=${asOf}`, { headers }); // warm up
  // Served: from the request to the last byte of the answer. The client's own JSON.parse of the
  // ~2 MB answer runs on the same thread as the server here, so it is timed apart.
  const fetchTb = async () => {
    const res = await fetch(`${address}/api/clients/bench/reports/trial-balance?asOf=${asOf}`, { headers });
    if (!res.ok) throw new Error(`trial balance answered ${res.status}`);
    return res;
  };
  const tbServed = await timed(20, async () => (await fetchTb()).arrayBuffer());
  const tbParsed = await timed(20, async () => (await fetchTb()).json());
  const tbHttp = { ...tbServed, withClientParse: tbParsed };
  const tbRows = (await ledger.trialBalance(runtime.ctx, actor, "bench", asOf)).rows.length;
  const midYear = await timed(10, () => ledger.trialBalance(runtime.ctx, actor, "bench", "2100-06-15"));
  const rollup = await timed(10, () => ledger.rollupByType(runtime.ctx, actor, "bench", asOf));
  const accounts = await ledger.listAccounts(runtime.ctx, actor, "bench");
  const busiest = accounts.find((a) => a.full_name === "1") ?? accounts[0]!;
  let glLines = 0;
  const gl = await timed(5, async () => {
    const r = await ledger.generalLedger(runtime.ctx, actor, "bench", {
      from: "1900-01-01",
      to: asOf,
      accountId: busiest.id,
    });
    glLines = r.accounts.reduce((n, a) => n + a.lines.length, 0);
  });
  await app.close();
  await runtime.close();

  // 3. The CLI end to end (process start, database open, query, print).
  const cli = timeCommand(
    path.join(ROOT, "bin/closebook"),
    ["report", "trial-balance", "--client", "bench", "--as-of", asOf],
    env,
  );

  // 4. The plain-text tools re-reading the file.
  const tools = process.env.BENCH_LEDGER_TOOLS !== "0";
  const ledgerBal = tools ? timeCommand("ledger", ["-f", file, "bal"]) : null;
  const hledgerBal = tools ? timeCommand("hledger", ["-f", file, "bal"]) : null;

  // 5. PostgreSQL, when a server is configured.
  let importPostgres: object | null = null;
  if (process.env.DATABASE_URL) {
    const name = `cb_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    const r = spawnSync(
      process.execPath,
      ["--import", "tsx", path.join(ROOT, "bench/ledger-import-child.ts"), file, "bench"],
      { env: { ...env, DATABASE_URL: url.toString() }, encoding: "utf8" },
    );
    importPostgres = r.status === 0 ? (JSON.parse(r.stdout) as object) : { error: r.stderr.slice(0, 500) };
    await admin.query(`drop database ${name} with (force)`);
    await admin.end();
  }
  fs.rmSync(dir, { recursive: true, force: true });

  return {
    shape: { transactions: TXNS, accounts: ACCOUNTS, fileMiB },
    createDatabasePglite: createDatabase,
    importPglite,
    importPostgres,
    trialBalanceHttp: { ...tbHttp, rows: tbRows },
    trialBalanceMidYear: midYear,
    rollupByType: rollup,
    generalLedgerOneAccount: { ...gl, lines: glLines },
    cliTrialBalanceSeconds: cli ? Number(cli.seconds.toFixed(2)) : null,
    ledgerBalSeconds: ledgerBal ? Number(ledgerBal.seconds.toFixed(2)) : null,
    hledgerBalSeconds: hledgerBal ? Number(hledgerBal.seconds.toFixed(2)) : null,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`${JSON.stringify(await run(), null, 2)}\n`);
}
