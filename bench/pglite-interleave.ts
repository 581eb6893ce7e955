// `npm run bench -- pglite-interleave`: how long a request waits behind background work on the
// embedded PGlite, where every query of the process goes through one session (issue 11 item 6).
//
// 1. Interleaving: a server over a fresh data folder; a 100,000-line statement (bank-import.ts's
//    generator) is imported into an AutoPush bank account of one client and its job turns the lines
//    into transactions in the background, in batches. Meanwhile a trial balance of another client
//    (2,000 posted entries) is requested over HTTP every 100 ms: latency p50/p95/max, next to the
//    same request on the idle server, and the event loop's longest stall.
// 2. Restart: a 200,000-line statement is imported with no job runner (its job waits in the queue),
//    the process closes the database, and a server starts on the folder: the time until it listens,
//    until it answers the first trial balance, and the trial balances' latency for the first 30 s of
//    the catch-up (the job is then stopped between two batches: it would finish after a restart).
//
// BENCH_INTERLEAVE_LINES and BENCH_RESTART_LINES change the sizes; BENCH_RESTART_WATCH_SECONDS the
// window. Prints one JSON object. Run alone: npx tsx bench/pglite-interleave.ts
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { loadConfig } from "../src/platform/config.ts";
import { openRuntime, type Runtime } from "../src/app/runtime.ts";
import { launch, type Launched } from "../src/app/launch.ts";
import { inTransaction } from "../src/platform/db.ts";
import { systemActor } from "../src/platform/actor.ts";
import * as access from "../src/modules/access/index.ts";
import * as banking from "../src/modules/banking/index.ts";
import * as ledger from "../src/modules/ledger/index.ts";
import * as transactions from "../src/modules/transactions/index.ts";
import { makeRng } from "../src/platform/rng.ts";
import { benchApiToken } from "./api-token.ts";
import { generateStatementCsv } from "./bank-import.ts";

const LINES = Number(process.env.BENCH_INTERLEAVE_LINES ?? 100_000);
const RESTART_LINES = Number(process.env.BENCH_RESTART_LINES ?? 200_000);
const WATCH_SECONDS = Number(process.env.BENCH_RESTART_WATCH_SECONDS ?? 30);
const OTHER_ENTRIES = 2_000;
const GAP_MS = 100;

const round = (n: number, digits = 3) => Number(n.toFixed(digits));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function stats(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    requests: sorted.length,
    p50Seconds: round(at(0.5) / 1000),
    p95Seconds: round(at(0.95) / 1000),
    maxSeconds: round((sorted[sorted.length - 1] ?? 0) / 1000),
  };
}

function configFor(dir: string) {
  return loadConfig({ CLOSEBOOK_DATA_DIR: dir, LOG_LEVEL: "silent", PORT: "0", HOST: "127.0.0.1" });
}

/** A firm with a busy client (AutoPush checking account) and another client with books of its own. */
async function setUp(runtime: Runtime): Promise<{ firmId: string }> {
  const { ctx } = runtime;
  const firm = await access.createFirm(ctx.db, { slug: "bench", name: "Bench Bookkeeping" });
  const actor = systemActor(firm.id);
  for (const slug of ["busy", "other"]) {
    await access.createClient(ctx.db, actor, { slug, name: `Client ${slug}` });
    await ledger.applyChartTemplate(ctx, actor, slug);
  }
  await banking.createBankAccount(ctx, actor, "busy", {
    name: "Operating Checking",
    shortName: "checking",
    kind: "bank",
    ledgerAccountId: "1010",
  });
  await transactions.setAutomation(ctx, actor, "busy", "checking", {
    mode: "auto_push",
    startDate: "2025-01-01",
  });
  const other = await access.requireClient(ctx.db, actor, "other");
  const accounts = new Map((await ledger.listAccounts(ctx, actor, "other")).map((a) => [a.number, a.id]));
  const rand = makeRng(7);
  const entries: ledger.EntryInput[] = [];
  for (let i = 0; i < OTHER_ENTRIES; i++) {
    const amount = BigInt(500 + Math.floor(rand() * 50_000));
    const expense = ["6100", "6400", "6600", "6700"][i % 4]!;
    entries.push({
      date: `2025-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
      description: `Other client entry ${i}`,
      lines: [
        { accountId: accounts.get(expense)!, amount, currency: "USD" },
        { accountId: accounts.get("1010")!, amount: -amount, currency: "USD" },
      ],
    });
  }
  await inTransaction(ctx.db, (tx) =>
    ledger.postEntries(tx, actor, { firmId: firm.id, clientId: other.id }, entries, "import"),
  );
  return { firmId: firm.id };
}

function statement(lines: number): Uint8Array {
  return new TextEncoder().encode(generateStatementCsv(lines));
}

async function importFile(runtime: Runtime, firmId: string, bytes: Uint8Array, name: string) {
  return banking.importStatementFile(runtime.ctx, systemActor(firmId), "busy", "checking", {
    bytes,
    fileName: name,
    source: "cli",
  });
}

// The client runs in a worker thread: its clock keeps time while the server's event loop is busy,
// so a request that arrives while a job holds the thread is timed from its arrival.
const CLIENT = `
const { parentPort, workerData } = require("node:worker_threads");
let stop = false;
parentPort.on("message", () => (stop = true));
(async () => {
  const latencies = [];
  while (!stop && latencies.length < workerData.count) {
    const t0 = performance.now();
    const response = await fetch(workerData.url, { headers: workerData.headers });
    await response.arrayBuffer();
    if (!response.ok) throw new Error("trial balance answered " + response.status);
    latencies.push(performance.now() - t0);
    await new Promise((resolve) => setTimeout(resolve, workerData.gapMs));
  }
  parentPort.postMessage(latencies);
})().catch((error) => parentPort.postMessage(String(error)));
`;

/**
 * Requests the other client's trial balance over HTTP, one every GAP_MS, from a worker thread,
 * `count` times or until `until` settles; the latencies in ms.
 */
async function trialBalances(
  served: Launched,
  token: string,
  options: { count?: number; until?: Promise<unknown> },
): Promise<number[]> {
  const worker = new Worker(CLIENT, {
    eval: true,
    workerData: {
      url: `${served.address}/api/clients/other/reports/trial-balance`,
      headers: { authorization: `Bearer ${token}` },
      count: options.count ?? Number.MAX_SAFE_INTEGER,
      gapMs: GAP_MS,
    },
  });
  const answer = new Promise<number[]>((resolve, reject) => {
    worker.once("message", (m: number[] | string) =>
      typeof m === "string" ? reject(new Error(m)) : resolve(m),
    );
    worker.once("error", reject);
  });
  void options.until?.then(() => worker.postMessage("stop"));
  try {
    return await answer;
  } finally {
    await worker.terminate();
  }
}

async function jobPending(runtime: Runtime): Promise<boolean> {
  return (await runtime.ctx.jobs.pending(banking.BANK_LINES_IMPORTED)).length > 0;
}

async function interleaving(): Promise<object> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cb-bench-interleave-"));
  const runtime = await openRuntime(configFor(dir), { command: "bench" });
  try {
    const { firmId } = await setUp(runtime);
    const bytes = statement(LINES);
    const served = await launch(runtime, { say: () => undefined });
    try {
      const token = await benchApiToken(runtime, firmId);
      const idle = await trialBalances(served, token, { count: 20 });

      const t0 = performance.now();
      const summary = await importFile(runtime, firmId, bytes, "interleave.csv");
      const imported = performance.now();
      // The job was queued by the import and is being worked: measure until it is done.
      const loop = monitorEventLoopDelay({ resolution: 10 });
      loop.enable();
      const finished = (async () => {
        while (await jobPending(runtime)) await sleep(500);
      })();
      const during = await trialBalances(served, token, { until: finished });
      await finished;
      loop.disable();
      const jobSeconds = (performance.now() - imported) / 1000;
      return {
        lines: summary.newLines,
        batchLines: transactions.INGEST_BATCH,
        importSeconds: round((imported - t0) / 1000, 2),
        jobSeconds: round(jobSeconds, 2),
        jobLinesPerSecond: Math.round(summary.newLines / jobSeconds),
        trialBalanceIdle: stats(idle),
        trialBalanceDuringJob: stats(during),
        eventLoopLongestStallSeconds: round(loop.max / 1e9),
        goalMaxSeconds: 1,
      };
    } finally {
      await served.stop();
    }
  } finally {
    await runtime.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function restart(): Promise<object> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cb-bench-restart-"));
  try {
    // Before the restart: the statement is in, its job waits in the queue (no runner).
    let firmId: string;
    let lines: number;
    let token: string;
    {
      const runtime = await openRuntime(configFor(dir), { command: "bench" });
      try {
        ({ firmId } = await setUp(runtime));
        token = await benchApiToken(runtime, firmId);
        lines = (await importFile(runtime, firmId, statement(RESTART_LINES), "restart.csv")).newLines;
      } finally {
        await runtime.close();
      }
    }
    const t0 = performance.now();
    const runtime = await openRuntime(configFor(dir), { command: "bench" });
    const opened = performance.now();
    try {
      const served = await launch(runtime, { say: () => undefined });
      const listening = performance.now();
      try {
        const first = performance.now();
        const during = await trialBalances(served, token, { until: sleep(WATCH_SECONDS * 1000) });
        const stillQueued = await jobPending(runtime);
        return {
          queuedLines: lines,
          openAndMigrateSeconds: round((opened - t0) / 1000, 2),
          timeToListenSeconds: round((listening - t0) / 1000, 2),
          firstTrialBalanceAnsweredSeconds: round((first - t0 + (during[0] ?? 0)) / 1000, 2),
          watchedSeconds: WATCH_SECONDS,
          trialBalanceDuringCatchUp: stats(during),
          jobStillWorkingAfterWindow: stillQueued,
        };
      } finally {
        // Stops the job between two batches; it would go on after the next start.
        await served.stop();
      }
    } finally {
      await runtime.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<object> {
  return {
    database: "pglite",
    note: "wall-clock figures; the machine may be shared with other work",
    interleaving: await interleaving(),
    restart: await restart(),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(await run(), null, 2)}\n`);
}
