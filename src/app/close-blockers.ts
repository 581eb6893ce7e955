// The Close Tracker's blockers, wired here because the close module may not read other modules:
// each source asks one module (through its index) about a client's months — lines still in Needs
// Review, bank accounts not reconciled through the month's end, open tasks of the month's close
// project, draft journal entries, the month's report package, recurring entries and schedule
// entries due that month and not generated, the required information of the client's services still
// missing, the close checklist's items not signed off — and says where it is fixed. The same
// questions, asked for every client and month at once, give the board its counts (all but the
// package, which closing makes).
import type { Actor } from "../platform/actor.ts";
import type { Ctx } from "../platform/context.ts";
import { endOfMonth } from "../platform/dates.ts";
import * as banking from "../modules/banking/index.ts";
import * as close from "../modules/close/index.ts";
import type { Blocker, BlockerKind, BlockerSource, BlockerSources } from "../modules/close/index.ts";
import * as journals from "../modules/journals/index.ts";
import * as ledger from "../modules/ledger/index.ts";
import * as reconcile from "../modules/reconcile/index.ts";
import * as reports from "../modules/reports/index.ts";
import * as services from "../modules/services/index.ts";
import * as transactions from "../modules/transactions/index.ts";
import * as work from "../modules/work/index.ts";

const WIRED: readonly BlockerKind[] = [
  "needs_review",
  "unreconciled_accounts",
  "open_close_tasks",
  "draft_entries",
  "report_package",
];
// The board's totals: every kind but the package (closing makes it, so it blocks no open month).
const BOARD_KINDS: ReadonlySet<BlockerKind> = new Set(WIRED.filter((k) => k !== "report_package"));

type Client = { id: string; slug: string };
/** Per client id, per month, per kind: the count and, for bank accounts, which ones. */
type Figures = Map<string, Map<string, Map<BlockerKind, { count: number; names: string[] }>>>;

function put(f: Figures, clientId: string, month: string, kind: BlockerKind, count: number, name?: string) {
  let byMonth = f.get(clientId);
  if (!byMonth) f.set(clientId, (byMonth = new Map()));
  let byKind = byMonth.get(month);
  if (!byKind) byMonth.set(month, (byKind = new Map()));
  const cur = byKind.get(kind) ?? { count: 0, names: [] };
  cur.count += count;
  if (name) cur.names.push(name);
  byKind.set(kind, cur);
}

/** Every blocking figure of these clients' months, a handful of set queries in all. */
async function figures(
  ctx: Ctx,
  actor: Actor,
  clients: readonly Client[],
  months: readonly string[],
  kinds: ReadonlySet<BlockerKind> = new Set(WIRED),
): Promise<Figures> {
  const ids = clients.map((c) => c.id);
  const range = { from: months[0]!, to: months[months.length - 1]! };
  const none = Promise.resolve([]);
  const [review, drafts, tasks, accounts, through, packages] = await Promise.all([
    kinds.has("needs_review") ? transactions.needsReviewByMonth(ctx.db, actor, ids, range) : none,
    kinds.has("draft_entries") ? ledger.draftEntriesByMonth(ctx.db, actor, ids, range) : none,
    kinds.has("open_close_tasks") ? work.openProjectTasksByMonth(ctx.db, actor, ids, months) : none,
    kinds.has("unreconciled_accounts") ? banking.activeBankAccounts(ctx.db, actor, ids) : none,
    kinds.has("unreconciled_accounts") ? reconcile.reconciledThrough(ctx.db, actor, ids) : none,
    kinds.has("report_package") ? reports.latestPackagesByMonth(ctx.db, actor, ids, range) : none,
  ]);
  const f: Figures = new Map();
  for (const r of review) put(f, r.clientId, r.month, "needs_review", r.count);
  for (const r of drafts) put(f, r.clientId, r.month, "draft_entries", r.count);
  for (const r of tasks) put(f, r.clientId, r.month, "open_close_tasks", r.count);
  const reconciled = new Map(through.map((t) => [t.bankAccountId, t.through]));
  for (const a of accounts)
    for (const m of months)
      if ((reconciled.get(a.id) ?? "") < endOfMonth(`${m}-01`))
        put(f, a.clientId, m, "unreconciled_accounts", 1, a.name);
  const done = new Set(packages.filter((p) => p.status === "done").map((p) => `${p.clientId}:${p.month}`));
  if (kinds.has("report_package"))
    for (const c of clients)
      for (const m of months) if (!done.has(`${c.id}:${m}`)) put(f, c.id, m, "report_package", 1);
  return f;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What a person reads about each kind, and the portal page where it is fixed. */
function blockerOf(kind: BlockerKind, slug: string, month: string, count: number, names: string[]): Blocker {
  const c = `/c/${slug}`;
  switch (kind) {
    case "needs_review":
      return {
        kind,
        count,
        detail: `${plural(count, "bank line")} of ${month} still in Needs Review`,
        link: `${c}/transactions`,
      };
    case "unreconciled_accounts":
      return {
        kind,
        count,
        detail: `${plural(count, "bank account")} not reconciled through ${endOfMonth(`${month}-01`)}: ${names.join(", ")}`,
        link: `${c}/reconcile`,
      };
    case "open_close_tasks":
      return {
        kind,
        count,
        detail: `${plural(count, "task")} of the ${month} close project still open`,
        link: `${c}/work`,
      };
    case "draft_entries":
      return {
        kind,
        count,
        detail: `${plural(count, "draft journal entry", "draft journal entries")} dated in ${month}`,
        link: `${c}/ledger/entries`,
      };
    case "schedules_not_run":
      return {
        kind,
        count,
        detail: `${plural(count, "recurring or schedule entry", "recurring or schedule entries")} due in ${month} not generated (or held)`,
        link: `${c}/journals`,
      };
    case "report_package":
      return {
        kind,
        count,
        detail: `the ${month} report package is not generated`,
        link: `${c}/reports/package`,
      };
    case "information_missing":
      return {
        kind,
        count,
        detail: `${plural(count, "required information item")} of ${month} not received: ${names.join(", ")}`,
        link: `${c}/close/${month}`,
      };
    case "checklist_unsigned":
      return {
        kind,
        count,
        detail: `${plural(count, "close checklist item")} of ${month} not signed off by ${names.join(" and ")}`,
        link: `${c}/close/${month}`,
      };
    default:
      return { kind, count, detail: kind, link: c };
  }
}

/** JE Automation's entries due in the month and not generated, or held (one client's month). */
const schedulesNotRun: BlockerSource = async (ctx, _actor, scope, month) => {
  const { schedulesNotRun: count } = await journals.monthEndState(ctx, scope, month);
  return blockerOf("schedules_not_run", scope.clientSlug, month, count, []);
};

/** The required information of the client's services not received for the month. */
const informationMissing: BlockerSource = async (ctx, actor, scope, month) => {
  const missing =
    (await services.gapsByClientMonth(ctx.db, actor, [scope.clientId], [month]))
      .get(scope.clientId)
      ?.get(month)?.missing ?? [];
  return blockerOf("information_missing", scope.clientSlug, month, missing.length, missing);
};

/** The close checklist's items without the preparer's or the reviewer's sign-off. */
const checklistUnsigned: BlockerSource = async (ctx, actor, scope, month) => {
  const view = await services.getMonthChecklist(ctx, actor, scope.clientSlug, month);
  const { prepared, reviewed, total } = view.signed;
  const who = [...(prepared < total ? ["the preparer"] : []), ...(reviewed < total ? ["the reviewer"] : [])];
  return blockerOf("checklist_unsigned", scope.clientSlug, month, total - reviewed, who);
};

export const closeBlockerSources: BlockerSources = {
  sources: [
    ...WIRED.map((kind): BlockerSource => async (ctx, actor, scope, month) => {
      const f = await figures(
        ctx,
        actor,
        [{ id: scope.clientId, slug: scope.clientSlug }],
        [month],
        new Set([kind]),
      );
      const got = f.get(scope.clientId)?.get(month)?.get(kind) ?? { count: 0, names: [] };
      return blockerOf(kind, scope.clientSlug, month, got.count, got.names);
    }),
    schedulesNotRun,
    informationMissing,
    checklistUnsigned,
  ],
  counts: async (ctx, actor, clients, months) => {
    const ids = clients.map((c) => c.id);
    const [f, gaps, notRun] = await Promise.all([
      figures(ctx, actor, clients, months, BOARD_KINDS),
      services.gapsByClientMonth(ctx.db, actor, ids, months),
      journals.schedulesNotRunByClientMonth(ctx, actor.firmId, ids, months),
    ]);
    for (const [clientId, byMonth] of notRun)
      for (const [m, count] of byMonth) put(f, clientId, m, "schedules_not_run", count);
    for (const [clientId, byMonth] of gaps)
      for (const [m, g] of byMonth) {
        if (g.missing.length) put(f, clientId, m, "information_missing", g.missing.length);
        if (g.unsigned) put(f, clientId, m, "checklist_unsigned", g.unsigned);
      }
    const out = new Map<string, Map<string, number>>();
    for (const [clientId, byMonth] of f) {
      const row = new Map<string, number>();
      for (const [m, byKind] of byMonth) {
        let n = 0;
        for (const v of byKind.values()) n += v.count;
        row.set(m, n);
      }
      out.set(clientId, row);
    }
    return out;
  },
};

/** The close module's context as the app runs it. */
export function closeCtx(ctx: Ctx, notify?: close.CloseCtx["notify"]): close.CloseCtx {
  return { ...ctx, blockers: closeBlockerSources, notify };
}
