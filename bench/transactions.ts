// `npm run bench -- transactions`: 10,000 bank lines of a statement imported into an AutoPush bank
// account of a client whose categorizer is trained on a year of books, on the embedded PGlite — the
// time from the start of the import to every line predicted and posted (or held), split into the
// import (parse, store raw lines) and the Transaction Manager's job (one prediction pass in memory,
// one postEntries call, one bulk insert). BENCH_LINES changes the size. Prints one JSON object.
// Run alone: npx tsx bench/transactions.ts
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { loadConfig } from "../src/platform/config.ts";
import { openRuntime } from "../src/app/runtime.ts";
import { registerWork } from "../src/app/work.ts";
import { inTransaction } from "../src/platform/db.ts";
import { addDays } from "../src/platform/dates.ts";
import { systemActor } from "../src/platform/actor.ts";
import * as access from "../src/modules/access/index.ts";
import * as banking from "../src/modules/banking/index.ts";
import * as categorize from "../src/modules/categorize/index.ts";
import * as ledger from "../src/modules/ledger/index.ts";
import * as transactions from "../src/modules/transactions/index.ts";
import { makeRng } from "../src/platform/rng.ts";

const LINES = Number(process.env.BENCH_LINES ?? 10_000);

/** Merchants of the benchmark client: description stem and default-chart account. */
const MERCHANTS: ReadonlyArray<[string, string]> = [
  ["POS DEBIT SHELL OIL", "6100"],
  ["CHEVRON STATION", "6100"],
  ["STAPLES STORE", "6400"],
  ["OFFICE DEPOT", "6400"],
  ["COMCAST CABLE", "6700"],
  ["VERIZON WIRELESS", "6700"],
  ["ADOBE CREATIVE CLOUD", "6600"],
  ["GITHUB INC", "6600"],
  ["HARBORVIEW PROPERTY RENT", "6500"],
  ["CITY POWER LIGHT", "6800"],
  ["CHIPOTLE ONLINE", "6350"],
  ["STARBUCKS STORE", "6350"],
  ["USPS POSTAGE", "6450"],
  ["UPS STORE", "6450"],
  ["DELTA AIR LINES", "6750"],
  ["MARRIOTT HOTELS", "6750"],
  ["GUSTO PAYROLL", "6910"],
  ["STATE FARM INSURANCE", "6250"],
  ["GOOGLE ADS", "6000"],
  ["HOME DEPOT", "6550"],
];

const seconds = (ms: number) => Math.round(ms / 10) / 100;

export async function run(): Promise<object> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cb-bench-tx-"));
  const runtime = await openRuntime(loadConfig({ CLOSEBOOK_DATA_DIR: dir, LOG_LEVEL: "silent" }));
  const { ctx } = runtime;
  try {
    await registerWork(ctx);
    const firm = await access.createFirm(ctx.db, { slug: "bench", name: "Bench Bookkeeping" });
    const actor = systemActor(firm.id);
    const client = await access.createClient(ctx.db, actor, { slug: "bench-client", name: "Bench Client" });
    await ledger.applyChartTemplate(ctx, actor, client.slug);
    const accounts = new Map(
      (await ledger.listAccounts(ctx, actor, client.slug)).map((a) => [a.number, a.id]),
    );
    const bank = await banking.createBankAccount(ctx, actor, client.slug, {
      name: "Operating Checking",
      shortName: "checking",
      kind: "bank",
      ledgerAccountId: "1010",
    });

    // A year of books: 250 payments per merchant and some one-off vendors (not timed).
    const rand = makeRng(3);
    const history: ledger.EntryInput[] = [];
    const today = ctx.clock.today();
    for (let i = 0; i < 250; i++) {
      for (const [text, account] of MERCHANTS) {
        const amount = BigInt(500 + Math.floor(rand() * 30_000));
        history.push({
          date: addDays(today, -400 + Math.floor((i * 360) / 250)),
          description: `${text} #${1000 + Math.floor(rand() * 9000)}`,
          lines: [
            { accountId: accounts.get(account)!, amount, currency: "USD" },
            { accountId: accounts.get("1010")!, amount: -amount, currency: "USD" },
          ],
        });
      }
      const amount = BigInt(500 + Math.floor(rand() * 30_000));
      history.push({
        date: addDays(today, -400 + Math.floor((i * 360) / 250)),
        description: `ONE OFF VENDOR ${i}`,
        lines: [
          { accountId: accounts.get(["6400", "6600", "6550", "6150"][i % 4]!)!, amount, currency: "USD" },
          { accountId: accounts.get("1010")!, amount: -amount, currency: "USD" },
        ],
      });
    }
    await inTransaction(ctx.db, (tx) =>
      ledger.postEntries(tx, actor, { firmId: firm.id, clientId: client.id }, history, "import"),
    );
    const trainStart = performance.now();
    const trained = await categorize.trainFirm(ctx, actor, transactions.trainingHistory);
    const trainMs = performance.now() - trainStart;
    await transactions.setAutomation(ctx, actor, client.slug, "checking", {
      mode: "auto_push",
      startDate: addDays(today, -30),
    });

    // 10,000 new lines over the last month: known merchants and, one in ten, someone new.
    const rows: string[] = ["Date,Description,Amount"];
    for (let i = 0; i < LINES; i++) {
      const date = addDays(today, -29 + Math.floor((i * 29) / LINES));
      const known = rand() < 0.9;
      const text = known
        ? MERCHANTS[Math.floor(rand() * MERCHANTS.length)]![0]
        : `NEW VENDOR ${Math.floor(rand() * 5000)}`;
      const cents = 500 + Math.floor(rand() * 30_000);
      rows.push(`${date},${text} #${10000 + i},-${(cents / 100).toFixed(2)}`);
    }
    const bytes = new TextEncoder().encode(`${rows.join("\n")}\n`);

    // Timed: import → job → every line predicted and posted.
    const started = performance.now();
    const summary = await banking.importStatementFile(ctx, actor, client.slug, "checking", {
      bytes,
      fileName: "bench.csv",
      source: "cli",
    });
    const imported = performance.now();
    await ctx.jobs.drain();
    const done = performance.now();

    const counts = await sql<{ status: string; posted: bigint; n: bigint }>`
      select status, count(entry_id)::int8 as posted, count(*)::int8 as n from transactions
      where bank_account_id = ${bank.id}::uuid group by status order by status`.execute(ctx.db);
    const byStatus = Object.fromEntries(
      counts.rows.map((r) => [r.status, { lines: Number(r.n), posted: Number(r.posted) }]),
    );
    const tb = await ledger.trialBalance(ctx, actor, client.slug);
    return {
      database: runtime.database.kind,
      lines: LINES,
      new_lines: summary.newLines,
      history_lines: trained.lines,
      train_seconds: seconds(trainMs),
      import_seconds: seconds(imported - started),
      predict_and_post_seconds: seconds(done - imported),
      import_to_all_posted_seconds: seconds(done - started),
      lines_per_second: Math.round(LINES / ((done - started) / 1000)),
      goal_seconds: 10,
      transactions: byStatus,
      trial_balance_balanced: tb.totals.every((t) => t.debit === t.credit),
    };
  } finally {
    await runtime.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(await run(), null, 2)}\n`);
}
