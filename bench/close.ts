// `npm run bench -- close`: the Close Tracker board for BENCH_CLOSE_CLIENTS clients (default 500)
// × 12 months with live blockers. Builds the clients in bulk SQL, each with two bank accounts
// (never reconciled: every month blocks), BENCH_CLOSE_LINES transactions per account over the year
// (a fifth in Needs Review), a draft journal entry per client and month, a close row per client
// and month, a prepaid schedule none of whose months is generated, and the seven basic services
// on (their required information missing); then times the board as a Partner Admin under row-level security. Goal: ≤ 300 ms on
// PostgreSQL. PGlite, and PostgreSQL when DATABASE_URL is set.
import crypto from "node:crypto";
import { sql } from "kysely";
import { onThrowawayPostgres } from "./throwaway-postgres.ts";
import { openDatabase, type Database } from "../src/platform/db.ts";
import { migrate } from "../src/platform/migrate.ts";
import { fixedClock } from "../src/platform/clock.ts";
import { InProcessJobs } from "../src/platform/jobs.ts";
import { runAsTenant } from "../src/platform/tenant-scope.ts";
import { systemActor, type Actor } from "../src/platform/actor.ts";
import type { Ctx } from "../src/platform/context.ts";
import * as access from "../src/modules/access/index.ts";
import { closeBoard } from "../src/modules/close/index.ts";
import * as services from "../src/modules/services/index.ts";
import { closeCtx } from "../src/app/close-blockers.ts";

const CLIENTS = Number(process.env.BENCH_CLOSE_CLIENTS ?? 500);
const LINES = Number(process.env.BENCH_CLOSE_LINES ?? 240);
const RUNS = 7;

async function build(ctx: Ctx): Promise<string> {
  const firm = await access.createFirm(ctx.db, { slug: "bench-close", name: "Bench" });
  const f = firm.id;
  await sql`
    insert into clients (id, firm_id, slug, name)
    select gen_random_uuid(), ${f}::uuid, 'client-' || g, 'Client ' || lpad(g::text, 4, '0')
    from generate_series(1, ${CLIENTS}::int) g`.execute(ctx.db);
  await sql`
    insert into accounts (id, firm_id, client_id, number, name, full_name, type, detail_type, normal_balance)
    select gen_random_uuid(), ${f}::uuid, c.id, n::text, 'Bank ' || n, 'Bank ' || n, 'asset', 'bank', 'debit'
    from clients c cross join (values (1010), (1020)) v(n) where c.firm_id = ${f}::uuid`.execute(ctx.db);
  await sql`
    insert into bank_accounts (id, firm_id, client_id, short_name, name, kind, currency, ledger_account_id)
    select gen_random_uuid(), ${f}::uuid, a.client_id, 'acct-' || a.number, 'Account ' || a.number, 'bank', 'USD', a.id
    from accounts a where a.firm_id = ${f}::uuid`.execute(ctx.db);
  await sql`
    insert into statement_files (id, firm_id, client_id, bank_account_id, sha256, name, format, size, bytes, uploaded_by, source)
    select gen_random_uuid(), ${f}::uuid, b.client_id, b.id, md5(b.id::text) || md5(b.client_id::text), 'bench.csv', 'csv', 0, ''::bytea, 'bench', 'upload'
    from bank_accounts b where b.firm_id = ${f}::uuid`.execute(ctx.db);
  await sql`
    insert into bank_imports (id, firm_id, client_id, bank_account_id, statement_file_id, source, imported_by,
      imported_by_name, total_lines, new_lines, duplicate_lines)
    select s.id, ${f}::uuid, s.client_id, s.bank_account_id, s.id, 'upload', 'bench', 'Bench', ${LINES}::int, ${LINES}::int, 0
    from statement_files s where s.firm_id = ${f}::uuid`.execute(ctx.db);
  // Lines spread over 2025-07 … 2026-06 (one every 1.5 days); every fifth waits for review.
  await sql`
    insert into bank_lines (id, firm_id, client_id, bank_account_id, statement_file_id, statement_id, import_id,
      date, amount, currency, description, fingerprint, occurrence, idem_key, fields)
    select gen_random_uuid(), ${f}::uuid, s.client_id, s.bank_account_id, s.id, s.id, s.id,
      date '2026-06-30' - (g * 365 / ${LINES}::int), -1000 - g, 'USD', 'LINE ' || g, md5(g::text), 1, 'fp:' || g, '{}'::jsonb
    from statement_files s cross join generate_series(0, ${LINES - 1}::int) g
    where s.firm_id = ${f}::uuid`.execute(ctx.db);
  await sql`
    insert into transactions (id, firm_id, client_id, bank_account_id, bank_line_id, bank_ledger_account_id, date,
      amount, currency, scale, description, status, status_reason)
    select gen_random_uuid(), l.firm_id, l.client_id, l.bank_account_id, l.id, b.ledger_account_id, l.date, l.amount,
      'USD', 2, l.description, case when l.amount % 5 = 0 then 'needs_review' else 'processed' end, 'bench'
    from bank_lines l join bank_accounts b on b.id = l.bank_account_id where l.firm_id = ${f}::uuid`.execute(
    ctx.db,
  );
  await sql`
    insert into journal_entries (id, firm_id, client_id, number, date, description, status, source, created_by, draft_lines)
    select gen_random_uuid(), ${f}::uuid, c.id, m, (date '2025-07-15' + (m - 1) * interval '1 month')::date,
      'Accrual draft', 'draft', 'manual', 'bench', '[]'::jsonb
    from clients c cross join generate_series(1, 12) m where c.firm_id = ${f}::uuid`.execute(ctx.db);
  await sql`
    insert into close_periods (firm_id, client_id, month, status, updated_at)
    select ${f}::uuid, c.id, (date '2025-07-01' + (m - 1) * interval '1 month')::date,
      (array['not_started', 'in_progress', 'ready_for_review'])[1 + m % 3], now()
    from clients c cross join generate_series(1, 12) m where c.firm_id = ${f}::uuid`.execute(ctx.db);
  // A year's prepaid insurance per client (JE Automation): no month of it generated, so each month
  // also counts its schedule entry not run. Its accounts are the client's two bank ledger accounts,
  // enough for what the board reads (what is due, not the entries' lines).
  await sql`
    insert into journal_sources (id, firm_id, client_id, kind, name, terms, accounts, created_by, created_at, updated_at)
    select gen_random_uuid(), ${f}::uuid, c.id, 'prepaid', 'Insurance',
      jsonb_build_object('total', '1200000', 'startMonth', '2025-07', 'months', 12, 'amounts', null),
      jsonb_build_object(
        'expense', (select id from accounts where client_id = c.id and number = '1010'),
        'prepaid', (select id from accounts where client_id = c.id and number = '1020')),
      'bench', now(), now()
    from clients c where c.firm_id = ${f}::uuid`.execute(ctx.db);
  await sql`analyze`.execute(ctx.db);
  return f;
}

/**
 * Every client on the seven basic services from the first month, so the board also works out each
 * cell's required information: switched on through the service for one client (which stores the
 * firm's catalogue), then copied to the others in SQL.
 */
async function withBasicServices(ctx: Ctx, actor: Actor, firmId: string): Promise<void> {
  const basic = services.DEFAULT_CATALOGUE.filter((d) => d.tier === "basic").map((d) => ({
    code: d.code,
    from: "2025-07",
  }));
  await runAsTenant({ firmId, clientIds: "all" }, () =>
    services.putClientScope(ctx, actor, "client-1", { services: basic }),
  );
  await sql`
    insert into client_services (firm_id, client_id, service_id, from_month, changed_by, changed_at)
    select c.firm_id, c.id, s.service_id, s.from_month, s.changed_by, s.changed_at
    from clients c cross join client_services s
    where c.firm_id = ${firmId}::uuid and c.slug <> 'client-1'
      and s.client_id = (select id from clients where firm_id = ${firmId}::uuid and slug = 'client-1')`.execute(
    ctx.db,
  );
}

async function measure(database: Database): Promise<object> {
  await migrate(database);
  const ctx: Ctx = {
    db: database.db,
    clock: fixedClock("2026-07-01T12:00:00Z"),
    jobs: new InProcessJobs(database.db),
  };
  const t0 = performance.now();
  const firmId = await build(ctx);
  const actor: Actor = {
    ...systemActor(firmId),
    type: "user",
    id: crypto.randomUUID(),
    role: "partner_admin",
  };
  await withBasicServices(ctx, actor, firmId);
  const buildSeconds = Number(((performance.now() - t0) / 1000).toFixed(1));
  const cctx = closeCtx(ctx);
  const run = () =>
    runAsTenant({ firmId, clientIds: "all" }, () =>
      closeBoard(cctx, actor, { from: "2025-07", to: "2026-06" }),
    );
  const first = await run();
  const cell = first.rows[0]?.months[0];
  if (first.rows.length !== CLIENTS || !cell?.blockers) throw new Error("the board is not what was built");
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    await run();
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  return {
    clients: CLIENTS,
    months: 12,
    cells: CLIENTS * 12,
    transactions: CLIENTS * 2 * LINES,
    buildSeconds,
    boardMedianMs: Number(times[Math.floor(RUNS / 2)]!.toFixed(1)),
    exampleCellBlockers: cell.blockers,
    basicServicesPerClient: 7,
  };
}

export async function run(): Promise<object> {
  const result: Record<string, object> = {};
  const embedded = await openDatabase({ dataDir: "memory://" });
  try {
    result.pglite = await measure(embedded);
  } finally {
    await embedded.close();
  }
  const postgres = await onThrowawayPostgres(measure);
  if (postgres) result.postgres = { ...postgres, goalMs: 300 };
  return result;
}
