// `npm run bench -- transactions-list` (also part of `transactions`): the Transaction Manager's list
// at scale — 1,000,000 transactions (BENCH_TX_ROWS) of one client over three bank accounts and four
// years, seeded by SQL (not through the import path), then the list calls the portal makes, timed
// as a signed-in user's requests run (row-level security on): p50/p95 per query on PGlite and, when
// DATABASE_URL is set, on a throwaway PostgreSQL database. Goals: p95 ≤ 150 ms (PGlite), ≤ 50 ms
// (PostgreSQL). BENCH_TX_RUNS sets the timed runs per query (after two warm-ups;
// a query still running after a minute stops at five).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { onThrowawayPostgres } from "./throwaway-postgres.ts";
import { openDatabase, type Database } from "../src/platform/db.ts";
import { migrate } from "../src/platform/migrate.ts";
import { systemClock } from "../src/platform/clock.ts";
import { InProcessJobs } from "../src/platform/jobs.ts";
import { runAsTenant } from "../src/platform/tenant-scope.ts";
import { systemActor } from "../src/platform/actor.ts";
import type { Ctx } from "../src/platform/context.ts";
import * as access from "../src/modules/access/index.ts";
import * as banking from "../src/modules/banking/index.ts";
import * as ledger from "../src/modules/ledger/index.ts";
import * as transactions from "../src/modules/transactions/index.ts";

const ROWS = Number(process.env.BENCH_TX_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_TX_RUNS ?? 30);
const BATCH = 100_000;
const BUDGET_MS = 60_000;
const SLUG = "bench-client";

const MERCHANTS = [
  "POS DEBIT SHELL OIL",
  "CHEVRON STATION",
  "STAPLES STORE",
  "OFFICE DEPOT",
  "COMCAST CABLE",
  "VERIZON WIRELESS",
  "ADOBE CREATIVE CLOUD",
  "GITHUB INC",
  "HARBORVIEW PROPERTY RENT",
  "CITY POWER LIGHT",
  "CHIPOTLE ONLINE",
  "STARBUCKS STORE",
  "USPS POSTAGE",
  "UPS STORE",
  "DELTA AIR LINES",
  "MARRIOTT HOTELS",
  "GUSTO PAYROLL",
  "STATE FARM INSURANCE",
  "GOOGLE ADS",
  "HOME DEPOT",
];
const EXPENSES = ["6100", "6400", "6700", "6600", "6500", "6800", "6350", "6450", "6750", "6910"];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ms = (x: number) => Number(x.toFixed(1));

/**
 * One client, three bank accounts, ROWS transactions over 2022–2025 (oldest first): 80% processed
 * and posted, 14% needing review, 3% held, 3% excluded; one merchant of twenty per line.
 */
async function seed(ctx: Ctx): Promise<{ firmId: string; clientId: string; bankAccounts: string[] }> {
  const firm = await access.defaultFirm(ctx.db);
  const actor = systemActor(firm.id);
  const client = await access.createClient(ctx.db, actor, { slug: SLUG, name: "Bench Client" });
  await ledger.applyChartTemplate(ctx, actor, SLUG);
  const accounts = new Map((await ledger.listAccounts(ctx, actor, SLUG)).map((a) => [a.number, a.id]));
  const bankAccounts: string[] = [];
  for (const [name, shortName, ledgerAccountId] of [
    ["Operating Checking", "checking", "1010"],
    ["Savings", "savings", "1020"],
    ["Company Card", "card", "2100"],
  ] as const) {
    if (!accounts.has(ledgerAccountId)) throw new Error(`the chart has no account ${ledgerAccountId}`);
    const kind = shortName === "card" ? "credit_card" : "bank";
    const bank = await banking.createBankAccount(ctx, actor, SLUG, {
      name,
      shortName,
      kind,
      ledgerAccountId,
    });
    bankAccounts.push(bank.id);
  }
  const ledgerIds = ["1010", "1020", "2100"].map((n) => accounts.get(n)!);
  const expenseIds = EXPENSES.map((n) => accounts.get(n)!);
  for (let start = 0; start < ROWS; start += BATCH) {
    const end = Math.min(ROWS, start + BATCH);
    await sql`
      insert into transactions (id, firm_id, client_id, bank_account_id, bank_line_id, bank_ledger_account_id, date,
        amount, currency, scale, description, status, status_reason, method, model_version, confidence, band, explanation,
        reason, predicted_account_id, predicted_payee, account_id, payee, entry_id, posted_at)
      select gen_random_uuid(), ${firm.id}::uuid, ${client.id}::uuid, (${bankAccounts}::uuid[])[1 + g.i % 3],
        gen_random_uuid(), (${ledgerIds}::uuid[])[1 + g.i % 3],
        date '2022-01-01' + (g.i::int8 * 1460 / ${ROWS})::int,
        case when g.i % 9 = 0 then 1 else -1 end * (100 + (g.i::int8 * 7919) % 250000),
        'USD', 2, m.name || ' #' || (100000 + g.i), s.status,
        case s.status when 'processed' then 'high confidence' when 'held' then 'material amount'
          when 'excluded' then 'excluded by a person' else 'low confidence' end,
        'memory', 'bench-1', s.confidence, s.band, 'Coded like 12 past lines of this payee',
        jsonb_build_object('memory', jsonb_build_object('votes', 12, 'examples', '[]'::jsonb)),
        e.id, initcap(m.name), e.id, case when s.status = 'processed' then initcap(m.name) end,
        case when s.status = 'processed' then gen_random_uuid() end,
        case when s.status = 'processed' then now() end
      from generate_series(${start}::int, ${end - 1}::int) as g(i)
      cross join lateral (select (${MERCHANTS}::text[])[1 + (g.i * 7) % ${MERCHANTS.length}] as name) m
      cross join lateral (select (${expenseIds}::uuid[])[1 + (g.i * 7) % ${expenseIds.length}] as id) e
      cross join lateral (
        select case when g.i % 100 < 80 then 'processed' when g.i % 100 < 94 then 'needs_review'
                    when g.i % 100 < 97 then 'held' else 'excluded' end as status,
               case when g.i % 100 < 80 then 0.97 else 0.55 end as confidence,
               case when g.i % 100 < 80 then 'high' else 'medium' end as band
      ) s`.execute(ctx.db);
  }
  // A maintained database has statistics; PGlite has no autovacuum, so both are analyzed here.
  await sql`vacuum analyze transactions`.execute(ctx.db);
  return { firmId: firm.id, clientId: client.id, bankAccounts };
}

async function measure(database: Database): Promise<object> {
  await migrate(database);
  const ctx: Ctx = { db: database.db, clock: systemClock, jobs: new InProcessJobs(database.db) };
  const t0 = performance.now();
  const { firmId, clientId, bankAccounts } = await seed(ctx);
  const seedSeconds = Number(((performance.now() - t0) / 1000).toFixed(1));
  const actor = systemActor(firmId);
  const list = (query: transactions.TransactionQuery) =>
    runAsTenant({ firmId, clientIds: [clientId] }, () =>
      transactions.listTransactions(ctx, actor, SLUG, query),
    );
  const queries: Record<string, transactions.TransactionQuery> = {
    firstPageNeedsReview: {},
    firstPageProcessed: { tab: "processed" },
    firstPageAll: { tab: "all" },
    tabCountsLimit1: { limit: 1 },
    page41Processed: { tab: "processed", offset: 1000 },
    filteredBankDateSearchAmount: {
      tab: "all",
      bankAccountId: bankAccounts[0],
      from: "2024-01-01",
      to: "2024-03-31",
      search: "staples",
      minAmount: "100.00",
      maxAmount: "2000.00",
    },
    filteredBankAndDates: {
      tab: "processed",
      bankAccountId: bankAccounts[1],
      from: "2025-06-01",
      to: "2025-06-30",
    },
    searchCommonAllTime: { tab: "all", search: "starbucks" },
    searchRareAllTime: { tab: "all", search: `#${100000 + Math.floor(ROWS / 3)}` },
    amountRangeAllTime: { tab: "all", minAmount: "1234.00", maxAmount: "1240.00" },
  };
  const results: Record<string, object> = {};
  for (const [name, query] of Object.entries(queries)) {
    const times: number[] = [];
    let page: transactions.TransactionPage | undefined;
    const began = performance.now();
    for (let i = 0; i < RUNS + 2; i++) {
      const started = performance.now();
      page = await list(query);
      if (i >= 2) times.push(performance.now() - started);
      // A query far off its goal gets a few runs, not a quarter of an hour.
      if (times.length >= 5 && performance.now() - began > BUDGET_MS) break;
    }
    times.sort((a, b) => a - b);
    results[name] = {
      runs: times.length,
      p50Ms: ms(percentile(times, 50)),
      p95Ms: ms(percentile(times, 95)),
      rows: page!.transactions.length,
      total: page!.total,
    };
  }
  const counts = (await list({ limit: 1 })).counts;
  return { kind: database.kind, rows: ROWS, seedSeconds, runsPerQuery: RUNS, counts, queries: results };
}

export async function run(): Promise<object> {
  const result: Record<string, object> = { loadAverage: os.loadavg().map((x) => Number(x.toFixed(2))) };
  if (process.env.BENCH_TX_ENGINES !== "postgres") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cb-bench-txlist-"));
    const embedded = await openDatabase({ dataDir: dir });
    try {
      result.pglite = await measure(embedded);
    } finally {
      await embedded.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  if (process.env.BENCH_TX_ENGINES !== "pglite") {
    const postgres = await onThrowawayPostgres(measure);
    if (postgres) result.postgres = postgres;
  }
  result.loadAverageAfter = os.loadavg().map((x) => Number(x.toFixed(2)));
  return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(await run(), null, 2)}\n`);
}
