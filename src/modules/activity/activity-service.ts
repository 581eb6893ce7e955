// Use cases of the Activity Hub: a page of the firm's feed as the actor may see it (filters,
// cursor, unread) with each item's sentence and link, and moving the actor's read marker.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { forbidden, validationError } from "../../platform/errors.ts";
import * as access from "../access/index.ts";
import * as identity from "../identity/index.ts";
import {
  decodeCursor,
  encodeCursor,
  kindOf,
  sees,
  visibleActions,
  type ActivityKind,
  type Viewer,
} from "./activity-model.ts";
import * as store from "./activity-store.ts";
import { describe } from "./sentence-model.ts";

export interface ActivityQuery {
  client?: string | undefined;
  kind?: ActivityKind[] | undefined;
  person?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  unread?: boolean | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

export interface ActivityItem {
  id: string;
  kind: ActivityKind;
  action: string;
  at: string;
  client: { id: string; slug: string; name: string } | null;
  actor: { id: string | null; name: string };
  sentence: string;
  link: string | null;
  unread: boolean;
}

export interface ActivityPage {
  items: ActivityItem[];
  /** Pass back as `cursor` for the next (older) page; null at the end. */
  nextCursor: string | null;
  /** The id up to which the caller has marked the feed seen. */
  seenUpTo: string;
}

export function viewerOf(actor: Actor): Viewer {
  access.requirePermission(actor, "client.read");
  const side = access.sideOf(actor.role);
  return {
    firmId: actor.firmId,
    userId: actor.id,
    side,
    admin: side === "partner" && actor.role === "partner_admin",
    clients: actor.clients,
  };
}

const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000);

export async function listActivity(ctx: Ctx, actor: Actor, query: ActivityQuery): Promise<ActivityPage> {
  const v = viewerOf(actor);
  const client = query.client
    ? await access.clientScopeFor(ctx.db, actor, query.client, "client.read")
    : undefined;
  const before = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (before === null)
    throw validationError("activity/bad-cursor", "the cursor is not one this feed gave out", {
      field: "cursor",
    });
  if (query.from && query.to && query.from > query.to)
    throw validationError("activity/bad-range", "from is after to", { field: "from" });
  const limit = query.limit ?? 50;
  // The read marker, the page and then the names it mentions: independent queries go side by
  // side (on PostgreSQL each takes its own pooled connection), the marker first only when
  // "unread" filters by it.
  const seenQuery = actor.type === "user" ? store.seenMark(ctx.db, v.firmId, v.userId) : Promise.resolve(0n);
  const seen = query.unread ? await seenQuery : 0n;
  const rowsQuery = store.feedPage(ctx.db, v, {
    actions: visibleActions(v, query.kind ?? []),
    clientId: client?.clientId,
    actorId: query.person,
    from: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
    to: query.to ? dayAfter(query.to) : undefined,
    unreadAfter: query.unread ? seen : undefined,
    before,
    limit: limit + 1,
  });
  const [mark, rows] = await Promise.all([seenQuery, rowsQuery]);
  const page = rows.slice(0, limit);
  const names = await namesFor(ctx, actor, page);
  const items = page
    .filter((e) => sees(v, e))
    .map((e): ActivityItem => {
      const text = describe(e, names);
      const c = e.clientId ? names.client(e.clientId) : undefined;
      return {
        id: String(e.id),
        kind: kindOf(e.action)!,
        action: e.action,
        at: e.occurredAt.toISOString(),
        client: c && e.clientId ? { id: e.clientId, ...c } : null,
        actor: { id: e.actorId, name: text.actorName },
        sentence: text.sentence,
        link: text.link,
        unread: e.id > mark && e.actorId !== v.userId,
      };
    });
  return {
    items,
    nextCursor: rows.length > limit ? encodeCursor(page.at(-1)!.id) : null,
    seenUpTo: String(mark),
  };
}

/** The people and clients a page names, each looked up once. */
async function namesFor(ctx: Ctx, actor: Actor, page: store.FeedRow[]) {
  const ids = new Set<string>();
  for (const e of page) {
    if (e.actorId && e.actorType === "user") ids.add(e.actorId);
    if (e.subjectType === "user" && e.subjectId) ids.add(e.subjectId);
  }
  const uuid = /^[0-9a-f-]{36}$/i;
  const clientIds = new Set(page.flatMap((e) => (e.clientId ? [e.clientId] : [])));
  const [people, reachable] = await Promise.all([
    identity.users.firmUsers(
      ctx.db,
      actor.firmId,
      [...ids].filter((i) => uuid.test(i)),
    ),
    clientIds.size === 0 ? [] : access.listClients(ctx.db, actor),
  ]);
  const person = new Map(people.map((u) => [u.id, u.name || u.email]));
  const clients = new Map(
    reachable.filter((c) => clientIds.has(c.id)).map((c) => [c.id, { slug: c.slug, name: c.name }]),
  );
  return { person: (id: string) => person.get(id), client: (id: string) => clients.get(id) };
}

/** The unread count stops here; the portal shows "99+" beyond it. */
export const UNREAD_CAP = 99;

export interface UnreadCount {
  /** Events after the read marker, not the reader's own, that the reader may see; at most UNREAD_CAP. */
  unread: number;
  /** True when there are more than UNREAD_CAP. */
  capped: boolean;
}

/**
 * The navigation's badge: what "Unread only" would list on the whole feed, counted (the same
 * query, so the same walls of firm, client and role), and only up to the cap so it stays cheap
 * however long the reader has been away.
 */
export async function unreadCount(ctx: Ctx, actor: Actor): Promise<UnreadCount> {
  const v = viewerOf(actor);
  if (actor.type !== "user")
    throw forbidden("activity/people-only", "only a signed-in person has a read marker");
  const seen = await store.seenMark(ctx.db, v.firmId, v.userId);
  const n = await store.countFeed(
    ctx.db,
    v,
    { actions: visibleActions(v, []), unreadAfter: seen },
    UNREAD_CAP + 1,
  );
  return { unread: Math.min(n, UNREAD_CAP), capped: n > UNREAD_CAP };
}

/** Moves the actor's read marker up to an item (default: everything so far); never back. */
export async function markSeen(ctx: Ctx, actor: Actor, input: { upTo?: string | undefined }) {
  viewerOf(actor);
  if (actor.type !== "user")
    throw forbidden("activity/people-only", "only a signed-in person has a read marker");
  const newest = await store.newestId(ctx.db, actor.firmId);
  const wanted = input.upTo === undefined ? newest : BigInt(input.upTo);
  const mark = await store.moveSeenMark(
    ctx.db,
    actor.firmId,
    actor.id,
    wanted < newest ? wanted : newest,
    ctx.clock.now(),
  );
  return { seenUpTo: String(mark) };
}
