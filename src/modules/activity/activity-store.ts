// SQL of the Activity Hub: one page of the audit trail, newest first, as a viewer may see it, and
// each person's read marker. The feed is the one reader of the whole trail (other modules read
// their own subjects' histories through platform/audit.ts's auditTrail).
import { sql } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { withTables } from "../../platform/tables.ts";
import type { ActivityTables } from "./tables.ts";
import type { FeedEvent, Viewer } from "./activity-model.ts";

const q = (ex: Executor) => withTables<ActivityTables>(ex);

export interface PageFilter {
  /** The audit actions shown (already narrowed to what the viewer may see and asked for). */
  actions: readonly string[];
  clientId?: string | undefined;
  actorId?: string | undefined;
  from?: Date | undefined;
  /** Exclusive. */
  to?: Date | undefined;
  /** Only events after this id (the person's read marker) and not their own. */
  unreadAfter?: bigint | undefined;
  /** Only events older than this id (the cursor). */
  before?: bigint | undefined;
  limit: number;
}

export type FeedRow = FeedEvent;

/** How far beyond a date range its id bounds are taken (see feedPage): longer than any transaction. */
const ID_SLACK_MS = 86_400_000;
const MAX_ID = sql.raw("9223372036854775807::bigint");

/**
 * The events a viewer sees under a filter, unordered and unlimited; null when it can see none.
 * The page and the unread count both read through it, so they cannot disagree on who sees what.
 */
function feedEvents(ex: Executor, v: Viewer, f: Omit<PageFilter, "limit">) {
  if (f.actions.length === 0) return null;
  let query = q(ex)
    .selectFrom("audit_events")
    .where("firm_id", "=", v.firmId)
    .where("action", "in", [...f.actions]);
  if (f.clientId) query = query.where("client_id", "=", f.clientId);
  else if (v.clients !== "all") {
    if (v.clients.length === 0) return null;
    query = query.where("client_id", "in", [...v.clients]);
  }
  if (v.side === "client") {
    // Comments only when shared with the client; tasks only when given to the client or to them
    // (created/updated rows carry the task, a reassignment its new assignee).
    query = query.where((eb) =>
      eb.or([
        eb.and([eb("action", "not like", "comms.%"), eb("action", "not like", "work.%")]),
        eb.and([eb("action", "like", "comms.%"), sql<boolean>`"after"->>'visibility' = 'client'`]),
        eb.and([
          eb("action", "like", "work.%"),
          sql<boolean>`(coalesce("after"->>'assignee_kind', "after"->'assignee'->>'kind') = 'client'
            or coalesce("after"->>'assignee_user_id', "after"->'assignee'->>'userId') = ${v.userId})`,
        ]),
      ]),
    );
  }
  if (f.actorId) query = query.where("actor_id", "=", f.actorId);
  // A date range is also turned into a range of ids, so the newest-first walk by id starts at the
  // range's end and stops at its start instead of walking back from the newest event (the trail's
  // time index finds each bound in one step). The times stay the exact filter; the ids only narrow
  // the walk, and must never cut off an event of the range. They do not: occurred_at is the
  // writing transaction's start and the id is drawn at its insert, later, so ids follow times up
  // to the length of a transaction. Bounds taken ID_SLACK beyond the range hold for any
  // transaction shorter than that (any real one). Each bound is a subquery that always gives a
  // row (the coalesce inside it): under row-level security only a comparison with no possibly
  // leaky function in it may be an index condition, and coalesce around it counts as one.
  if (f.from) {
    const edge = new Date(f.from.getTime() - ID_SLACK_MS);
    query = query.where("occurred_at", ">=", f.from).where(
      "id",
      ">",
      sql<bigint>`(select coalesce(max(b.id), 0) from (select e.id from audit_events e
        where e.firm_id = ${v.firmId} and e.occurred_at < ${edge}
        order by e.occurred_at desc limit 1) b)`,
    );
  }
  if (f.to) {
    const edge = new Date(f.to.getTime() + ID_SLACK_MS);
    query = query.where("occurred_at", "<", f.to).where(
      "id",
      "<",
      sql<bigint>`(select coalesce(max(b.id), ${MAX_ID}) from (select e.id from audit_events e
        where e.firm_id = ${v.firmId} and e.occurred_at >= ${edge}
        order by e.occurred_at limit 1) b)`,
    );
  }
  if (f.unreadAfter !== undefined)
    query = query
      .where("id", ">", f.unreadAfter)
      .where((eb) => eb.or([eb("actor_id", "is", null), eb("actor_id", "<>", v.userId)]));
  if (f.before !== undefined) query = query.where("id", "<", f.before);
  return query;
}

export async function feedPage(ex: Executor, v: Viewer, f: PageFilter): Promise<FeedRow[]> {
  const events = feedEvents(ex, v, f);
  if (!events) return [];
  const rows = await events
    .select([
      "id",
      "client_id",
      "actor_type",
      "actor_id",
      "action",
      "subject_type",
      "subject_id",
      "before",
      "after",
      "occurred_at",
    ])
    .orderBy("id", "desc")
    .limit(f.limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    clientId: r.client_id,
    actorType: r.actor_type,
    actorId: r.actor_id,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    before: r.before,
    after: r.after,
    occurredAt: r.occurred_at,
  }));
}

/**
 * How many events the filter finds, counting no further than `cap` (newest first, so the walk
 * stops after `cap` of them however far back the filter reaches).
 */
export async function countFeed(
  ex: Executor,
  v: Viewer,
  f: Omit<PageFilter, "limit">,
  cap: number,
): Promise<number> {
  const events = feedEvents(ex, v, f);
  if (!events) return 0;
  const row = await q(ex)
    .selectFrom(events.select("id").orderBy("id", "desc").limit(cap).as("e"))
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The newest event id of the firm (what "mark all as seen" moves the marker to). */
export async function newestId(ex: Executor, firmId: string): Promise<bigint> {
  const row = await q(ex)
    .selectFrom("audit_events")
    .select("id")
    .where("firm_id", "=", firmId)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? 0n;
}

export async function seenMark(ex: Executor, firmId: string, userId: string): Promise<bigint> {
  const row = await q(ex)
    .selectFrom("activity_seen")
    .select("seen_id")
    .where("firm_id", "=", firmId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row ? BigInt(row.seen_id) : 0n;
}

/** Moves the marker forward to `upTo` (never back) and returns where it stands. */
export async function moveSeenMark(
  ex: Executor,
  firmId: string,
  userId: string,
  upTo: bigint,
  now: Date,
): Promise<bigint> {
  const row = await q(ex)
    .insertInto("activity_seen")
    .values({ firm_id: firmId, user_id: userId, seen_id: upTo, seen_at: now })
    .onConflict((oc) =>
      oc.columns(["firm_id", "user_id"]).doUpdateSet({
        seen_id: sql`greatest(activity_seen.seen_id, excluded.seen_id)`,
        seen_at: sql`excluded.seen_at`,
      }),
    )
    .returning("seen_id")
    .executeTakeFirstOrThrow();
  return BigInt(row.seen_id);
}
