// `npm run bench -- cli`: how fast `closebook` commands start (compiled JavaScript in dist/cli), apart
// from the embedded database's own open time, and `closebook report trial-balance` end to end over
// hledger's benchmark journal (100,000 transactions; BENCH_TXNS changes it) next to `ledger bal` and
// `hledger bal` on the same file in the same run. Wall-clock medians; peak memory where
// /usr/bin/time is installed. The reference `node -e 0` says what Node itself costs on this machine.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { generateBenchmarkJournal } from "../src/modules/ledger/journal-text/index.ts";

const TXNS = Number(process.env.BENCH_TXNS ?? 100_000);
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 1_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ROOT = path.resolve(import.meta.dirname, "..");
const CLOSEBOOK = path.join(ROOT, "bin/closebook");
const TIME = fs.existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

interface Run {
  seconds: number;
  /** User + system CPU time: steadier than wall time when other work shares the cores. */
  cpuSeconds: number | null;
  maxRssMiB: number | null;
  status: number | null;
  stdout: string;
  stderr: string;
}

function exists(cmd: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;
}

/** Runs a command once: wall time, and its peak memory through /usr/bin/time when available. */
function runOnce(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 900_000): Run {
  const [file, argv] = TIME ? [TIME, ["-f", "%M %U %S", cmd, ...args]] : [cmd, args];
  const started = performance.now();
  const r = spawnSync(file, argv, {
    env,
    encoding: "utf8",
    timeout: timeoutMs,
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  let stderr = r.stderr ?? "";
  let maxRssMiB: number | null = null;
  let cpuSeconds: number | null = null;
  if (TIME) {
    const lines = stderr.trimEnd().split("\n");
    const [rss, user, system] = lines.pop()!.split(" ").map(Number);
    maxRssMiB = Math.round(rss! / 1024);
    cpuSeconds = user! + system!;
    stderr = lines.join("\n");
  }
  return { seconds, cpuSeconds, maxRssMiB, status: r.status, stdout: r.stdout ?? "", stderr };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** `runs` runs: median and best wall time, median peak memory; fails loudly on a failed run. */
function measure(cmd: string, args: string[], env: NodeJS.ProcessEnv, runs = RUNS) {
  const all: Run[] = [];
  for (let i = 0; i < runs; i++) {
    const r = runOnce(cmd, args, env);
    if (r.status !== 0)
      throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}): ${r.stderr.slice(0, 2000)}`);
    all.push(r);
  }
  const rss = all.map((r) => r.maxRssMiB).filter((m): m is number => m !== null);
  const cpu = all.map((r) => r.cpuSeconds).filter((m): m is number => m !== null);
  return {
    medianSeconds: round(median(all.map((r) => r.seconds))),
    medianCpuSeconds: cpu.length ? round(median(cpu)) : null,
    bestSeconds: round(Math.min(...all.map((r) => r.seconds))),
    maxRssMiB: rss.length ? median(rss) : null,
    runs,
    last: all.at(-1)!,
  };
}

const round = (n: number) => Number(n.toFixed(3));

/**
 * PGlite alone opening (and closing) the data folder, timed inside a Node process around the same
 * openDatabase() the commands call (loading PGlite's JavaScript and wasm included).
 */
function pgliteOpen(pgdata: string, runs = RUNS) {
  const script = `
    const { openDatabase } = await import(${JSON.stringify(path.join(ROOT, "src/platform/db.ts"))});
    const t0 = performance.now();
    const database = await openDatabase({ dataDir: ${JSON.stringify(pgdata)} });
    const t1 = performance.now();
    await database.close();
    const cpu = process.cpuUsage();
    process.stdout.write(JSON.stringify({ openMs: t1 - t0, closeMs: performance.now() - t1, cpuMs: (cpu.user + cpu.system) / 1000 }));`;
  const times: { openMs: number; closeMs: number; cpuMs: number; processSeconds: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const r = runOnce(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script],
      process.env,
    );
    if (r.status !== 0) throw new Error(`opening PGlite failed: ${r.stderr}`);
    times.push({
      ...(JSON.parse(r.stdout) as { openMs: number; closeMs: number; cpuMs: number }),
      processSeconds: r.seconds,
    });
  }
  return {
    openSeconds: round(median(times.map((t) => t.openMs)) / 1000),
    closeSeconds: round(median(times.map((t) => t.closeMs)) / 1000),
    processSeconds: round(median(times.map((t) => t.processSeconds))),
    // CPU of the whole child (tsx loading the source included): an upper bound for the open.
    childCpuSeconds: round(median(times.map((t) => t.cpuMs)) / 1000),
  };
}

export async function run(): Promise<object> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cb-bench-cli-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CLOSEBOOK_DATA_DIR: path.join(dir, "data"),
    LOG_LEVEL: "silent",
  };
  delete env.DATABASE_URL;
  delete env.CLOSEBOOK_FROM_SOURCES;
  try {
    // The build is made (or found fresh) first: its time is an install's, not a start's.
    const build = runOnce(CLOSEBOOK, ["--help"], env);
    const load = os.loadavg().map((l) => Number(l.toFixed(2)));
    const node = measure(process.execPath, ["-e", "0"], env);
    const help = measure(CLOSEBOOK, ["--help"], env);
    const create = runOnce(CLOSEBOOK, ["migrate"], env);
    if (create.status !== 0) throw new Error(`creating the database failed: ${create.stderr}`);
    const migrate = measure(CLOSEBOOK, ["migrate"], env);
    if (!migrate.last.stdout.includes("up to date"))
      throw new Error(`migrate had work to do: ${migrate.last.stdout}`);
    const pglite = pgliteOpen(path.join(dir, "data", "pglite"));
    note("start-up", { node, help, migrate, pglite });
    const startup = {
      nodeItself: strip(node),
      help: strip(help),
      migrateNothingToDo: strip(migrate),
      pgliteOpen: pglite,
      // What the command adds to Node and PGlite: loading its code, checking the migrations, exiting.
      migrateOwnSeconds: round(migrate.medianSeconds - pglite.openSeconds - pglite.closeSeconds),
      // The same on CPU time, less Node's own start: steadier on a shared machine.
      migrateOwnCpuSeconds:
        migrate.medianCpuSeconds === null || node.medianCpuSeconds === null
          ? null
          : round(migrate.medianCpuSeconds - pglite.childCpuSeconds),
      helpOwnCpuSeconds:
        help.medianCpuSeconds === null || node.medianCpuSeconds === null
          ? null
          : round(help.medianCpuSeconds - node.medianCpuSeconds),
      goalSeconds: 0.4,
    };

    const file = path.join(dir, "bench.journal");
    fs.writeFileSync(file, generateBenchmarkJournal(TXNS, ACCOUNTS));
    const imported = runOnce(CLOSEBOOK, ["ledger", "import", file, "--client", "bench"], env);
    if (imported.status !== 0) throw new Error(`ledger import failed: ${imported.stderr}`);
    const tbArgs = [
      "report",
      "trial-balance",
      "--client",
      "bench",
      "--as-of",
      "9999-12-31",
      "--format",
      "text",
    ];
    const trialBalance = measure(CLOSEBOOK, tbArgs, env, 3);
    note("trial balance", trialBalance);
    // ledger takes minutes on this file: once is enough to compare.
    const ledgerBal = exists("ledger") ? measure("ledger", ["-f", file, "bal"], env, 1) : null;
    note("ledger bal", ledgerBal);
    const hledgerBal = exists("hledger") ? measure("hledger", ["-f", file, "bal"], env, 1) : null;
    return {
      loadAverage: load,
      buildSeconds: round(build.seconds),
      startup,
      journal: {
        transactions: TXNS,
        accounts: ACCOUNTS,
        fileMiB: Number((fs.statSync(file).size / 1048576).toFixed(1)),
        importSeconds: round(imported.seconds),
        importMaxRssMiB: imported.maxRssMiB,
      },
      trialBalance: {
        closebook: strip(trialBalance),
        ledgerBal: ledgerBal && strip(ledgerBal),
        hledgerBal: hledgerBal && strip(hledgerBal),
        fasterThanLedger: ledgerBal ? trialBalance.medianSeconds < ledgerBal.medianSeconds : null,
      },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Figures as they come, on stderr: a long run can be read before it ends. */
function note(what: string, figures: unknown): void {
  process.stderr.write(
    `cli bench: ${what}: ${JSON.stringify(figures, (k, v) => (k === "last" ? undefined : v))}\n`,
  );
}

function strip(m: ReturnType<typeof measure>) {
  const { last: _last, ...rest } = m;
  return rest;
}
