// `npm run bench -- work`: My work (GET /api/tasks's service: one page of 50 by due date and the
// total) with BENCH_WORK_MINE open tasks (default 10,000) assigned to one user across
// BENCH_WORK_CLIENTS clients (default 200), among as many open tasks of colleagues and twice as
// many closed ones, in bulk SQL. Timed as a Partner Admin (every client) and as a Partner Ops with
// every client on its list, both under row-level security, for the default view and a few filters.
// PGlite, and PostgreSQL when DATABASE_URL is set. Prints p50 and p95 of RUNS calls each.
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
import * as work from "../src/modules/work/index.ts";

const CLIENTS = Number(process.env.BENCH_WORK_CLIENTS ?? 200);
const MINE = Number(process.env.BENCH_WORK_MINE ?? 10_000);
const RUNS = Number(process.env.BENCH_WORK_RUNS ?? 60);

async function build(ctx: Ctx, me: string): Promise<{ firmId: string; clientIds: string[] }> {
  const firm = await access.createFirm(ctx.db, { slug: "bench-work", name: "Bench" });
  const f = firm.id;
  await sql`
    insert into clients (id, firm_id, slug, name)
    select gen_random_uuid(), ${f}::uuid, 'client-' || g, 'Client ' || lpad(g::text, 4, '0')
    from generate_series(1, ${CLIENTS}::int) g`.execute(ctx.db);
  const ids = (
    await sql<{ id: string }>`select id from clients where firm_id = ${f}::uuid order by slug`.execute(ctx.db)
  ).rows.map((r) => r.id);
  // Mine (open), colleagues' (open, same number), and closed ones (twice as many); due dates over
  // four months around today, one in ten undated; a checklist of three items on every fifth of mine.
  const insert = (count: number, assignee: string | null, status: string, offset: number) => sql`
    insert into tasks (id, firm_id, client_id, type, title, status, priority, due_date, assignee_kind,
      assignee_user_id, created_by, created_by_name, closed_at)
    select gen_random_uuid(), ${f}::uuid, (${`{${ids.join(",")}}`}::uuid[])[1 + (g % ${CLIENTS}::int)], 'custom',
      'Task ' || (g + ${offset}::int), ${status}, 'normal',
      case when g % 10 = 0 then null else date '2026-06-15' + ((g % 120) - 60) end,
      ${assignee === null ? "none" : "user"}, ${assignee}::uuid, 'bench', 'Bench',
      ${status === "done" ? sql`now()` : sql`null`}
    from generate_series(1, ${count}::int) g`;
  await insert(MINE, me, "to_do", 0).execute(ctx.db);
  await insert(MINE, crypto.randomUUID(), "in_progress", MINE).execute(ctx.db);
  await insert(MINE * 2, me, "done", MINE * 2).execute(ctx.db);
  await sql`
    insert into task_checklist_items (id, firm_id, client_id, task_id, position, text)
    select gen_random_uuid(), t.firm_id, t.client_id, t.id, k, 'Item ' || k
    from (select * from tasks where firm_id = ${f}::uuid and assignee_user_id = ${me}::uuid and status = 'to_do'
          and title like '%5') t cross join generate_series(1, 3) k`.execute(ctx.db);
  // The steady state autovacuum keeps: statistics and the visibility map (index-only counts).
  await sql`vacuum analyze`.execute(ctx.db);
  return { firmId: f, clientIds: ids };
}

function percentile(sorted: number[], p: number): number {
  return Number(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!.toFixed(1));
}

async function time(
  ctx: Ctx,
  actor: Actor,
  query: work.TaskQuery,
): Promise<{ p50Ms: number; p95Ms: number; total: string }> {
  const once = () =>
    runAsTenant({ firmId: actor.firmId, clientIds: actor.clients }, () => work.listTasks(ctx, actor, query));
  const first = await once();
  for (let i = 0; i < 3; i++) await once(); // warm: plans cached, pages in memory
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await once();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    total: `${first.total}${first.totalExact ? "" : "+"}`,
  };
}

async function measure(database: Database): Promise<object> {
  await migrate(database);
  const ctx: Ctx = {
    db: database.db,
    clock: fixedClock("2026-06-15T12:00:00Z"),
    jobs: new InProcessJobs(database.db),
  };
  const me = crypto.randomUUID();
  const t0 = performance.now();
  const { firmId, clientIds } = await build(ctx, me);
  const buildSeconds = Number(((performance.now() - t0) / 1000).toFixed(1));
  const user = (role: string, clients: Actor["clients"]): Actor => ({
    ...systemActor(firmId),
    type: "user",
    id: me,
    role,
    clients,
  });
  const admin = user("partner_admin", "all");
  const ops = user("partner_ops", clientIds);
  return {
    clients: CLIENTS,
    openTasksMine: MINE,
    tasksInAll: MINE * 4,
    buildSeconds,
    myWork: {
      partnerAdmin: await time(ctx, admin, {}),
      partnerOpsWithList: await time(ctx, ops, {}),
    },
    filtered: {
      overdue: await time(ctx, admin, { due: "overdue" }),
      oneClient: await time(ctx, admin, { client: clientIds[7]! }),
      titleSearch: await time(ctx, admin, { q: "task 12" }),
      everyonesOpen: await time(ctx, admin, { assignee: "any" }),
      page50: await time(ctx, admin, { page: 50 }),
    },
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
