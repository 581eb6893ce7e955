// The Close Tracker board: every client the actor sees × the months asked for, each cell with its
// status, people, due dates and blocker count. Built from a few set queries whatever the number of
// clients (the month rows, settings, cadence history, holidays, and the blocker counts the app
// wires in bulk), so 500 clients × 12 months is one page, not 6,000 questions.
import type { Actor } from "../../platform/actor.ts";
import { validationError } from "../../platform/errors.ts";
import * as access from "../access/index.ts";
import type { CloseCtx } from "./close-ctx.ts";
import { today } from "./month-service.ts";
import { CLOSE_PERMISSIONS } from "./scope.ts";
import * as store from "./store.ts";
import type { CloseStatus } from "./tables.ts";
import { timingBook } from "./timing-service.ts";
import { isMonth, isOverdue, monthsBetween, type Cadence } from "./timing-model.ts";

/** The most months a board shows at once. */
export const MAX_BOARD_MONTHS = 24;

export interface BoardQuery {
  from: string;
  to: string;
  /** A user id: months this person prepares or reviews. */
  assignee?: string | undefined;
  status?: CloseStatus | undefined;
  overdue?: boolean | undefined;
  cadence?: Cadence | undefined;
}

export interface BoardCell {
  month: string;
  status: CloseStatus;
  preparerId: string | null;
  reviewerId: string | null;
  dueDate: string;
  informationDueDate: string;
  overdue: boolean;
  /** Blockers counted live (null when no bulk count is wired). */
  blockers: number | null;
}

export interface BoardRow {
  client: string;
  clientName: string;
  cadence: Cadence;
  closeMode: "hard" | "soft";
  months: BoardCell[];
}

export interface Board {
  from: string;
  to: string;
  months: string[];
  rows: BoardRow[];
}

function checkRange(q: BoardQuery): string[] {
  for (const field of ["from", "to"] as const)
    if (!isMonth(q[field]))
      throw validationError("close/invalid-month", `"${q[field]}" is not a month (expected YYYY-MM)`, {
        field,
      });
  if (q.from > q.to) throw validationError("close/invalid-range", "from is after to", { field: "to" });
  const months = monthsBetween(q.from, q.to);
  if (months.length > MAX_BOARD_MONTHS)
    throw validationError("close/range-too-long", `a board shows at most ${MAX_BOARD_MONTHS} months`, {
      field: "to",
    });
  return months;
}

export async function closeBoard(cctx: CloseCtx, actor: Actor, query: BoardQuery): Promise<Board> {
  access.requirePermission(actor, CLOSE_PERMISSIONS.view);
  const months = checkRange(query);
  const clients = (await access.listClients(cctx.db, actor, "active")).map((c) => ({
    id: c.id,
    slug: c.slug,
    name: c.name,
  }));
  const day = today(cctx);
  const ids = clients.map((c) => c.id);
  const [book, rows, counts] = await Promise.all([
    timingBook(cctx.db, actor.firmId, clients),
    store.periodsOf(cctx.db, actor.firmId, ids, `${query.from}-01`, `${query.to}-01`),
    cctx.blockers.counts?.(cctx, actor, clients, months),
  ]);
  const byCell = new Map(rows.map((r) => [`${r.client_id}:${r.month.slice(0, 7)}`, r]));
  const out: BoardRow[] = [];
  for (const c of clients) {
    const settings = book.settings(c.id);
    // The cadence in force this month (a change waits for the next one).
    const cadence = book.cadence(c.id, day.slice(0, 7)).cadence;
    const cells: BoardCell[] = [];
    for (const month of months) {
      const r = byCell.get(`${c.id}:${month}`);
      const t = book.timing(c.id, month, r?.information_received_on ?? null);
      const status = r?.status ?? "not_started";
      const cell: BoardCell = {
        month,
        status,
        preparerId: r ? r.preparer_id : settings.preparerId,
        reviewerId: r ? r.reviewer_id : settings.reviewerId,
        dueDate: t.dueDate,
        informationDueDate: t.informationDueDate,
        overdue: isOverdue(t.dueDate, day, status === "closed"),
        blockers: counts ? (counts.get(c.id)?.get(month) ?? 0) : null,
      };
      if (query.status && cell.status !== query.status) continue;
      if (query.overdue !== undefined && cell.overdue !== query.overdue) continue;
      if (query.assignee && cell.preparerId !== query.assignee && cell.reviewerId !== query.assignee)
        continue;
      cells.push(cell);
    }
    if (query.cadence && cadence !== query.cadence) continue;
    if (!cells.length && (query.status || query.overdue !== undefined || query.assignee)) continue;
    out.push({
      client: c.slug,
      clientName: c.name,
      cadence,
      closeMode: settings.closeMode,
      months: cells,
    });
  }
  return { from: query.from, to: query.to, months, rows: out };
}
