// The task lists: My work across every client the actor reaches (by default its own open tasks),
// a client's tasks, and any filter of them (status, due range or state, client, assignee, type,
// project, title search), a page at a time by due date.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import * as access from "../access/index.ts";
import { dueRangeOf, OPEN_STATUSES, type TaskStatus, type TaskType } from "./model.ts";
import { viewerOf, workScope } from "./scope.ts";
import * as store from "./task-store.ts";
import { taskView, type TaskView } from "./task-view.ts";

export const PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
/** How far past the page's end the total is counted (beyond it, a lower bound: "1,050+"). */
export const COUNT_AHEAD = 1_000;

export interface TaskQuery {
  /** "me" (default), "any", "client" (the client as a whole), "none" (unassigned) or a user id. */
  assignee?: string | undefined;
  /** Default: the open ones (to do, in progress). */
  status?: TaskStatus[] | undefined;
  client?: string | undefined;
  project?: string | undefined;
  type?: TaskType[] | undefined;
  dueFrom?: string | undefined;
  dueTo?: string | undefined;
  due?: "overdue" | "upcoming" | undefined;
  q?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export interface TaskPage {
  tasks: TaskView[];
  /** How many match; a lower bound when `totalExact` is false. */
  total: number;
  totalExact: boolean;
  page: number;
  pageSize: number;
}

function assigneeFilter(actor: Actor, a: string | undefined): store.TaskFilter["assignee"] {
  switch (a ?? "me") {
    case "me":
      return { kind: "user", userId: actor.id };
    case "any":
      return { kind: "any" };
    case "client":
      return { kind: "client" };
    case "none":
      return { kind: "none" };
    default:
      return { kind: "user", userId: a! };
  }
}

/** The clients of a page's tasks only (a firm's 200 clients cost more to read than the page). */
function clientsOf(ctx: Ctx, actor: Actor, rows: ReadonlyArray<{ client_id: string }>) {
  const ids = [...new Set(rows.map((r) => r.client_id))];
  // The actor's own access still applies: its clients narrowed to the page's.
  const clients = actor.clients === "all" ? ids : ids.filter((id) => actor.clients.includes(id));
  return access.listClients(ctx.db, { ...actor, clients });
}

export async function listTasks(ctx: Ctx, actor: Actor, query: TaskQuery): Promise<TaskPage> {
  const v = viewerOf(actor);
  const today = ctx.clock.today();
  const clientId = query.client ? (await workScope(ctx.db, actor, query.client)).clientId : undefined;
  const pageSize = Math.min(query.pageSize ?? PAGE_SIZE, MAX_PAGE_SIZE);
  const page = Math.max(1, query.page ?? 1);
  const range: { from?: string | undefined; to?: string | undefined } = query.due
    ? dueRangeOf(query.due, today)
    : {};
  // The narrower of an explicit range and the due state's.
  const dueFrom = [query.dueFrom, range.from]
    .filter((d): d is string => Boolean(d))
    .sort()
    .at(-1);
  const dueTo = [query.dueTo, range.to].filter((d): d is string => Boolean(d)).sort()[0];
  // Overdue and upcoming are states of open tasks.
  const statuses = query.due
    ? (query.status ?? OPEN_STATUSES).filter((s) => OPEN_STATUSES.includes(s))
    : (query.status ?? OPEN_STATUSES);
  // A token acts for no person: its "me" is nobody's work, so it asks for everyone's. A client
  // user's work is also what is asked of its client as a whole (its view holds nothing else).
  const mine = actor.type !== "user" || v.onlyFor !== null ? "any" : "me";
  const assignee = assigneeFilter(actor, !query.assignee || query.assignee === "me" ? mine : query.assignee);
  const { rows, total, totalExact } =
    statuses.length === 0
      ? { rows: [], total: 0, totalExact: true }
      : await store.listTasks(
          ctx.db,
          v,
          {
            assignee,
            statuses,
            clientId,
            projectId: query.project,
            types: query.type,
            dueFrom,
            dueTo,
            search: query.q?.trim() || undefined,
            limit: pageSize,
            offset: (page - 1) * pageSize,
          },
          page * pageSize + COUNT_AHEAD,
        );
  const [clients, counts] = await Promise.all([
    rows.length ? clientsOf(ctx, actor, rows) : Promise.resolve([]),
    store.checklistCounts(
      ctx.db,
      rows.map((r) => r.id),
    ),
  ]);
  const byId = new Map(clients.map((c) => [c.id, c]));
  return {
    tasks: rows.map((r) => taskView(r, byId.get(r.client_id), counts.get(r.id), today)),
    total,
    totalExact,
    page,
    pageSize,
  };
}
