// `npm run bench -- bank-import`: the import rate of raw bank lines (lines/s) for a generated
// 100,000-line statement — a CSV without bank ids (every line keyed by fingerprint and occurrence,
// with identical lines on purpose) — into a fresh embedded PGlite and, when DATABASE_URL is set, a
// throwaway PostgreSQL database. Parsing is timed apart from storing; the second import of the same
// file (every line a duplicate) is timed too. BENCH_BANK_LINES changes the size.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { loadConfig } from "../src/platform/config.ts";
import { openRuntime, type Runtime } from "../src/app/runtime.ts";
import { systemActor } from "../src/platform/actor.ts";
import * as access from "../src/modules/access/index.ts";
import * as ledger from "../src/modules/ledger/index.ts";
import * as banking from "../src/modules/banking/index.ts";
import { parseStatementFileDetailed } from "../src/modules/banking/formats/index.ts";

const LINES = Number(process.env.BENCH_BANK_LINES ?? 100_000);

const MERCHANTS = [
  "BLUE BOTTLE COFFEE",
  "AMAZON MKTPLACE PMTS",
  "SHELL OIL",
  "UBER TRIP",
  "WHOLE FOODS MARKET",
  "ADOBE CREATIVE CLOUD",
  "PAYROLL GUSTO",
  "STRIPE TRANSFER",
  "AWS EMEA",
  "STAPLES",
];

/** A year of card and bank activity as a bank CSV export: Date, Description, Amount, with repeats. */
export function generateStatementCsv(lines: number, seed = 1): string {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) & 0x7fffffff);
  const out = ["Date,Description,Amount"];
  const start = Date.UTC(2025, 0, 1);
  let previous = "";
  for (let i = 0; i < lines; i++) {
    const day = new Date(start + Math.floor((i / lines) * 365) * 86_400_000).toISOString().slice(0, 10);
    // Every 50th line repeats the one before it (same day, text and amount): both must be kept.
    if (i % 50 === 49 && previous.startsWith(day)) {
      out.push(previous);
      continue;
    }
    const merchant = MERCHANTS[next() % MERCHANTS.length]!;
    const cents = next() % 100_000;
    const amount = `${merchant.startsWith("PAYROLL") || merchant.startsWith("STRIPE") ? "" : "-"}${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
    previous = `${day},${merchant} ${next() % 1000},${amount}`;
    out.push(previous);
  }
  return `${out.join("\n")}\n`;
}

interface Figures {
  lines: number;
  parseSeconds: number;
  importSeconds: number;
  importCpuSeconds: number;
  linesPerSecond: number;
  reimportSeconds: number;
  reimportLinesPerSecond: number;
  newLines: number;
  identicalLinesKept: boolean;
  duplicatesOnReimport: number;
}

async function measure(runtime: Runtime, bytes: Uint8Array): Promise<Figures> {
  const firm = await access.createFirm(runtime.ctx.db, {
    slug: `bench-${crypto.randomBytes(3).toString("hex")}`,
    name: "Bench",
  });
  const actor = systemActor(firm.id);
  await access.createClient(runtime.ctx.db, actor, { slug: "bench", name: "Bench" });
  await ledger.applyChartTemplate(runtime.ctx, actor, "bench");
  await banking.createBankAccount(runtime.ctx, actor, "bench", {
    name: "Checking",
    shortName: "checking",
    kind: "bank",
    ledgerAccountId: "1010",
  });
  const t0 = performance.now();
  const parsed = parseStatementFileDetailed(bytes, { fileName: "bench.csv" });
  const parseSeconds = (performance.now() - t0) / 1000;
  const total = parsed.statements.reduce((n, s) => n + s.transactions.length, 0);
  const t1 = performance.now();
  const cpu = process.cpuUsage();
  const first = await banking.importStatementFile(runtime.ctx, actor, "bench", "checking", {
    bytes,
    fileName: "bench.csv",
    source: "cli",
  });
  const importSeconds = (performance.now() - t1) / 1000;
  const used = process.cpuUsage(cpu);
  const t2 = performance.now();
  const again = await banking.importStatementFile(runtime.ctx, actor, "bench", "checking", {
    bytes,
    fileName: "bench.csv",
    source: "cli",
  });
  const reimportSeconds = (performance.now() - t2) / 1000;
  return {
    lines: total,
    parseSeconds: round(parseSeconds),
    importSeconds: round(importSeconds),
    // This process's CPU time for the import (PGlite runs inside it): on a busy machine the wall
    // time above includes waiting for a core; this does not.
    importCpuSeconds: round((used.user + used.system) / 1e6),
    linesPerSecond: Math.round(total / importSeconds),
    reimportSeconds: round(reimportSeconds),
    reimportLinesPerSecond: Math.round(total / reimportSeconds),
    newLines: first.newLines,
    identicalLinesKept: first.newLines === total,
    duplicatesOnReimport: again.duplicateLines,
  };
}

const round = (n: number) => Number(n.toFixed(2));

export async function run(): Promise<object> {
  const csv = generateStatementCsv(LINES);
  const bytes = new TextEncoder().encode(csv);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cb-bench-bank-"));
  const results: Record<string, unknown> = {
    file: { lines: LINES, format: "csv", mebibytes: round(bytes.length / 1048576) },
    goalLinesPerSecond: 20_000,
  };
  try {
    const runtime = await openRuntime({ ...loadConfig({ CLOSEBOOK_DATA_DIR: dir, LOG_LEVEL: "silent" }) });
    try {
      results.pglite = await measure(runtime, bytes);
    } finally {
      await runtime.close();
    }
    const url = process.env.DATABASE_URL;
    if (url) results.postgres = await onPostgres(url, dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

/**
 * The PostgreSQL figures, measured in a child process on a throwaway database: the child prints
 * its figures and exits, and only then is the database dropped (a pool still holding a connection
 * at that moment would otherwise take this process down with it).
 */
async function onPostgres(url: string, dir: string): Promise<unknown> {
  const name = `cb_bench_bank_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    const child = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url)], {
      env: { ...process.env, BENCH_BANK_CHILD: "1", DATABASE_URL: dbUrl.toString(), CLOSEBOOK_DATA_DIR: dir },
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
      timeout: 900_000,
    });
    const line = child.stdout.split("\n").find((l) => l.startsWith("{"));
    if (!line) throw new Error(`the PostgreSQL measurement failed: ${child.stderr.slice(-2000)}`);
    return JSON.parse(line) as unknown;
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

if (process.env.BENCH_BANK_CHILD) {
  const runtime = await openRuntime(
    loadConfig({
      DATABASE_URL: process.env.DATABASE_URL,
      CLOSEBOOK_DATA_DIR: process.env.CLOSEBOOK_DATA_DIR,
      LOG_LEVEL: "silent",
    }),
  );
  const figures = await measure(runtime, new TextEncoder().encode(generateStatementCsv(LINES)));
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  process.exit(0);
}
