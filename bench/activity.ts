// `npm run bench -- activity`: the Activity Hub (GET /api/activity's service) over BENCH_ACTIVITY_EVENTS
// audit events (default 5,000,000) of a firm of BENCH_ACTIVITY_CLIENTS clients (default 200) and 50
// people, made in bulk SQL (set-based, in batches of a million): a mix of feed actions and actions
// the feed leaves out (views, downloads), spread over three years, a tenth of them firm-level
// (sign-ins and security events). Timed under row-level security as a Partner Admin (first page,
// a client and kind, a person, a date range, a page far back by cursor, unread) and as a client
// user (its first page), and the navigation's unread count for both. PostgreSQL when DATABASE_URL
// is set, else PGlite. Prints p50 and p95 of RUNS calls each.
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
import * as activity from "../src/modules/activity/index.ts";

const EVENTS = Number(process.env.BENCH_ACTIVITY_EVENTS ?? 5_000_000);
const CLIENTS = Number(process.env.BENCH_ACTIVITY_CLIENTS ?? 200);
const RUNS = Number(process.env.BENCH_ACTIVITY_RUNS ?? 60);
const PEOPLE = 50;
const BATCH = 1_000_000;

// Client events: feed actions and a few the feed leaves out, in a realistic mix (repeats weigh).
const CLIENT_ACTIONS = [
  "transactions.auto_posted",
  "transactions.pushed",
  "transactions.pushed",
  "ledger.entry.posted",
  "ledger.entry.posted",
  "comms.comment.created",
  "comms.comment.created",
  "work.task.created",
  "work.task.updated",
  "work.task.updated",
  "documents.document.uploaded",
  "documents.document.viewed",
  "documents.document.downloaded",
  "banking.statement.imported",
  "reconcile.reconciliation.completed",
  "ledger.period.locked",
  "transactions.transaction.reviewed",
  "categorize.rule.applied",
];
const FIRM_ACTIONS = [
  "identity.signed_in",
  "identity.signed_in",
  "identity.signed_out",
  "identity.sign_in.failed",
];

async function build(ctx: Ctx): Promise<{ firmId: string; clientIds: string[]; people: string[] }> {
  const firm = await access.createFirm(ctx.db, { slug: "bench-activity", name: "Bench" });
  const f = firm.id;
  await sql`
    insert into clients (id, firm_id, slug, name)
    select gen_random_uuid(), ${f}::uuid, 'client-' || g, 'Client ' || lpad(g::text, 4, '0')
    from generate_series(1, ${CLIENTS}::int) g`.execute(ctx.db);
  const clientIds = (
    await sql<{ id: string }>`select id from clients where firm_id = ${f}::uuid order by slug`.execute(ctx.db)
  ).rows.map((r) => r.id);
  const people = Array.from({ length: PEOPLE }, () => crypto.randomUUID());
  await sql`
    insert into users (id, firm_id, email, name, status)
    select p, ${f}::uuid, 'person-' || i || '@bench.test', 'Person ' || i, 'active'
    from unnest(${`{${people.join(",")}}`}::uuid[]) with ordinality as u(p, i)`.execute(ctx.db);
  const clients = `{${clientIds.join(",")}}`;
  const peopleArray = `{${people.join(",")}}`;
  const start = Date.parse("2023-06-15T00:00:00Z");
  const stepMs = (3 * 365 * 86_400_000) / EVENTS;
  for (let from = 1; from <= EVENTS; from += BATCH) {
    const to = Math.min(EVENTS, from + BATCH - 1);
    // One in ten firm-level; the rest one client's. Comments half shared with the client; tasks a
    // third assigned to the client. Times increase with g, as the trail's ids do.
    await sql`
      insert into audit_events (firm_id, client_id, actor_type, actor_id, action, subject_type, subject_id, after, occurred_at)
      select ${f}::uuid,
        case when g % 10 = 0 then null else (${clients}::uuid[])[(1 + (g * 7919) % ${CLIENTS}::int)::int] end,
        case when g % 13 = 0 then 'system' else 'user' end,
        case when g % 13 = 0 then 'system' else ((${peopleArray}::uuid[])[(1 + (g * 31) % ${PEOPLE}::int)::int])::text end,
        case when g % 10 = 0 then (${`{${FIRM_ACTIONS.join(",")}}`}::text[])[(1 + (g / 10) % ${FIRM_ACTIONS.length}::int)::int]
             else (${`{${CLIENT_ACTIONS.join(",")}}`}::text[])[(1 + (g * 17) % ${CLIENT_ACTIONS.length}::int)::int] end,
        'journal_entry', gen_random_uuid()::text,
        jsonb_build_object('reference', 'JE-' || g, 'entries', 1 + g % 40, 'visibility',
          case when g % 2 = 0 then 'client' else 'firm' end, 'name', 'file-' || g || '.pdf',
          'title', 'Task ' || g, 'assignee_kind', case when g % 3 = 0 then 'client' else 'user' end,
          'month', '2026-05'),
        to_timestamp((${start}::float8 + g * ${stepMs}::float8) / 1000)
      from generate_series(${from}::bigint, ${to}::bigint) g`.execute(ctx.db);
    process.stderr.write(
      `activity bench: ${to.toLocaleString("en")} of ${EVENTS.toLocaleString("en")} events\n`,
    );
  }
  // The steady state autovacuum keeps: statistics and the visibility map.
  await sql`vacuum analyze audit_events`.execute(ctx.db);
  return { firmId: f, clientIds, people };
}

function percentile(sorted: number[], p: number): number {
  return Number(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!.toFixed(1));
}

async function time(
  ctx: Ctx,
  actor: Actor,
  query: activity.ActivityQuery,
): Promise<{ p50Ms: number; p95Ms: number; items: number }> {
  const r = await timeCall(actor, () => activity.listActivity(ctx, actor, query));
  return { p50Ms: r.p50Ms, p95Ms: r.p95Ms, items: r.first.items.length };
}

async function timeCall<T>(
  actor: Actor,
  call: () => Promise<T>,
): Promise<{ p50Ms: number; p95Ms: number; first: T }> {
  const once = () => runAsTenant({ firmId: actor.firmId, clientIds: actor.clients }, call);
  const first = await once();
  for (let i = 0; i < 3; i++) await once(); // warm: plans cached, pages in memory
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await once();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), first };
}

/** The navigation's badge: the unread count (capped at 99). */
async function timeUnread(ctx: Ctx, actor: Actor): Promise<{ p50Ms: number; p95Ms: number; unread: string }> {
  const r = await timeCall(actor, () => activity.unreadCount(ctx, actor));
  return { p50Ms: r.p50Ms, p95Ms: r.p95Ms, unread: `${r.first.unread}${r.first.capped ? "+" : ""}` };
}

async function measure(database: Database): Promise<object> {
  await migrate(database);
  const ctx: Ctx = {
    db: database.db,
    clock: fixedClock("2026-06-15T12:00:00Z"),
    jobs: new InProcessJobs(database.db),
  };
  const t0 = performance.now();
  const { firmId, clientIds, people } = await build(ctx);
  const buildSeconds = Number(((performance.now() - t0) / 1000).toFixed(1));
  const user = (id: string, role: string, clients: Actor["clients"]): Actor => ({
    ...systemActor(firmId),
    type: "user",
    id,
    role,
    clients,
  });
  const admin = user(people[0]!, "partner_admin", "all");
  const clientUser = user(crypto.randomUUID(), "client_admin", [clientIds[7]!]);
  // A cursor twenty pages back, and a read marker a little behind the newest event.
  let cursor: string | undefined;
  for (let i = 0; i < 20; i++)
    cursor =
      (await runAsTenant({ firmId, clientIds: "all" }, () => activity.listActivity(ctx, admin, { cursor })))
        .nextCursor ?? undefined;
  await sql`insert into activity_seen (firm_id, user_id, seen_id, seen_at)
    select ${firmId}::uuid, ${admin.id}::uuid, max(id) - 5000, now() from audit_events`.execute(ctx.db);
  return {
    events: EVENTS,
    clients: CLIENTS,
    buildSeconds,
    firstPage: {
      partnerAdmin: await time(ctx, admin, {}),
      clientUser: await time(ctx, clientUser, {}),
    },
    filtered: {
      clientAndKind: await time(ctx, admin, { client: clientIds[7]!, kind: ["posting"] }),
      kindFirmWide: await time(ctx, admin, { kind: ["reconciliation"] }),
      person: await time(ctx, admin, { person: people[3]! }),
      lastMonth: await time(ctx, admin, { from: "2026-05-01", to: "2026-05-31" }),
      unread: await time(ctx, admin, { unread: true }),
      twentyPagesBack: await time(ctx, admin, { cursor }),
    },
    unreadCount: {
      partnerAdmin: await timeUnread(ctx, admin),
      clientUser: await timeUnread(ctx, clientUser),
    },
  };
}

export async function run(): Promise<object> {
  if (process.env.DATABASE_URL) return { postgres: await onThrowawayPostgres(measure) };
  const embedded = await openDatabase({ dataDir: "memory://" });
  try {
    return { pglite: await measure(embedded) };
  } finally {
    await embedded.close();
  }
}
