// `npm run bench -- overview`: the firm overview (GET /api/overview's service) over many clients.
// Builds BENCH_OVERVIEW_CLIENTS clients (default 300) with two bank accounts each and
// BENCH_OVERVIEW_LINES lines per account (default 500: bank lines and their transactions, a fifth
// waiting for review), five imports per account, in bulk SQL; then times the overview as the owner,
// as a Partner Admin (tenant, every client) and as a Partner Ops with every client on its list.
// PGlite, and PostgreSQL when DATABASE_URL is set.
import crypto from "node:crypto";
import { sql } from "kysely";
import { onThrowawayPostgres } from "./throwaway-postgres.ts";
import { openDatabase, type Database } from "../src/platform/db.ts";
import { migrate } from "../src/platform/migrate.ts";
import { fixedClock } from "../src/platform/clock.ts";
import { InProcessJobs } from "../src/platform/jobs.ts";
import { runAsTenant, runUnscoped } from "../src/platform/tenant-scope.ts";
import { systemActor, type Actor } from "../src/platform/actor.ts";
import type { Ctx } from "../src/platform/context.ts";
import * as access from "../src/modules/access/index.ts";
import { firmOverview } from "../src/modules/overview/index.ts";

const CLIENTS = Number(process.env.BENCH_OVERVIEW_CLIENTS ?? 300);
const LINES = Number(process.env.BENCH_OVERVIEW_LINES ?? 500);
const RUNS = 7;

/** Clients, a bank ledger account and two bank accounts each, lines, transactions and imports. */
async function build(ctx: Ctx): Promise<{ firmId: string; clientIds: string[] }> {
  const firm = await access.createFirm(ctx.db, { slug: "bench-overview", name: "Bench" });
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
      imported_by_name, total_lines, new_lines, duplicate_lines, created_at)
    select gen_random_uuid(), ${f}::uuid, s.client_id, s.bank_account_id, s.id, 'upload', 'bench', 'Bench',
      ${LINES / 5}::int, ${LINES / 5}::int, 0, now() - (k || ' days')::interval
    from statement_files s cross join generate_series(1, 5) k where s.firm_id = ${f}::uuid`.execute(ctx.db);
  // Lines dated back from 2026-07-01 (one a day); the newest fifth waits for review, the rest is processed.
  await sql`
    insert into bank_lines (id, firm_id, client_id, bank_account_id, statement_file_id, statement_id, import_id,
      date, amount, currency, description, fingerprint, occurrence, idem_key, fields)
    select gen_random_uuid(), ${f}::uuid, s.client_id, s.bank_account_id, s.id, s.id, s.id,
      date '2026-07-01' - g, -1000 - g, 'USD', 'LINE ' || g, md5(g::text), 1, 'fp:' || g, '{}'::jsonb
    from statement_files s cross join generate_series(0, ${LINES - 1}::int) g
    where s.firm_id = ${f}::uuid`.execute(ctx.db);
  await sql`
    insert into transactions (id, firm_id, client_id, bank_account_id, bank_line_id, bank_ledger_account_id, date,
      amount, currency, scale, description, status, status_reason)
    select gen_random_uuid(), l.firm_id, l.client_id, l.bank_account_id, l.id, b.ledger_account_id, l.date, l.amount,
      'USD', 2, l.description,
      case when l.date > date '2026-07-01' - ${Math.floor(LINES / 5)}::int then 'needs_review' else 'processed' end, 'bench'
    from bank_lines l join bank_accounts b on b.id = l.bank_account_id where l.firm_id = ${f}::uuid`.execute(
    ctx.db,
  );
  await sql`analyze`.execute(ctx.db);
  const ids = await sql<{ id: string }>`select id from clients where firm_id = ${f}::uuid`.execute(ctx.db);
  return { firmId: f, clientIds: ids.rows.map((r) => r.id) };
}

async function time(ctx: Ctx, actor: Actor, tenant: boolean): Promise<{ medianMs: number; clients: number }> {
  const once = () => firmOverview(ctx, actor);
  const run = () =>
    tenant ? runAsTenant({ firmId: actor.firmId, clientIds: actor.clients }, once) : runUnscoped(once);
  const first = await run();
  if (first.clients.length !== CLIENTS)
    throw new Error(`expected ${CLIENTS} clients, got ${first.clients.length}`);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { medianMs: Number(times[Math.floor(RUNS / 2)]!.toFixed(1)), clients: first.clients.length };
}

async function measure(database: Database): Promise<object> {
  await migrate(database);
  const ctx: Ctx = {
    db: database.db,
    clock: fixedClock("2026-07-01T12:00:00Z"),
    jobs: new InProcessJobs(database.db),
  };
  const t0 = performance.now();
  const { firmId, clientIds } = await build(ctx);
  const buildSeconds = Number(((performance.now() - t0) / 1000).toFixed(1));
  const user = (role: string, clients: Actor["clients"]): Actor => ({
    ...systemActor(firmId),
    type: "user",
    id: crypto.randomUUID(),
    role,
    clients,
  });
  return {
    clients: CLIENTS,
    bankAccounts: CLIENTS * 2,
    bankLines: CLIENTS * 2 * LINES,
    transactions: CLIENTS * 2 * LINES,
    buildSeconds,
    owner: await time(ctx, systemActor(firmId), false),
    partnerAdmin: await time(ctx, user("partner_admin", "all"), true),
    partnerOpsWithList: await time(ctx, user("partner_ops", clientIds), true),
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
  if (postgres) result.postgres = postgres;
  return result;
}
