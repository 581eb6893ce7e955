// Reading the Transaction Manager: a tab of transactions (25 at a time by default) with search and
// filters and the count of each tab, and one transaction with its explanation, the past lines
// behind it and its history of changes.
import type { Actor } from "../../platform/actor.ts";
import { auditTrail } from "../../platform/audit.ts";
import type { Ctx } from "../../platform/context.ts";
import { notFound, validationError } from "../../platform/errors.ts";
import { UUID } from "../../platform/ids.ts";
import { isoScale, parseDecimal } from "../../platform/money.ts";
import * as ledger from "../ledger/index.ts";
import { currentTenant } from "../../platform/tenant-scope.ts";
import type { Band } from "./model.ts";
import { clientScope } from "./scope.ts";
import { SEARCH_IDS_MAX, searchMatches, trigramSearchable } from "./search-store.ts";
import { countOf, statusCounts } from "./count-store.ts";
import * as store from "./store.ts";
import type { Tab } from "./store.ts";
import { viewOf, type TransactionView } from "./view.ts";
import { attachmentsOf } from "./attachments.ts";

export interface TransactionQuery {
  tab?: Tab | undefined;
  band?: Band | undefined;
  accountId?: string | undefined;
  bankAccountId?: string | undefined;
  /** Decimal strings; compared with the amount's size (money in and out alike). */
  minAmount?: string | undefined;
  maxAmount?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  assigneeId?: string | undefined;
  search?: string | undefined;
  /** Only lines nobody has reviewed or edited (the firm overview's "posted automatically"). */
  untouched?: boolean | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface TransactionPage {
  transactions: TransactionView[];
  /** Transactions the tab and filters select: exact, or — when `totalExact` is false — at least this many. */
  total: number;
  totalExact: boolean;
  limit: number;
  offset: number;
  counts: { needsReview: number; processed: number; excluded: number; held: number };
}

export const PAGE_SIZE = 25;
/** How far past the page a filtered list counts its matches before saying "at least". */
export const COUNT_AHEAD = 1_000;
/**
 * The same for a text search, shorter: a common term's matches are found by reading lines in page
 * order and testing their text (the trigram index cannot give them in date order), so each match
 * counted ahead costs about 1/frequency lines read — 1,000 ahead of a term on 5% of lines read
 * ~20,000 lines, 200 ahead ~5,000. Paging on still counts further (the window follows the page).
 */
export const SEARCH_COUNT_AHEAD = 200;

export async function listTransactions(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  query: TransactionQuery,
): Promise<TransactionPage> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  // Amounts are compared at the ledger's scale of the home currency, as transactions keep them
  // (read only when an amount filter is given: a plain page needs no more queries).
  const wanted = [query.minAmount, query.maxAmount].some((x) => x !== undefined && x.trim() !== "");
  const scale = wanted
    ? ((await ledger.currencyScalesFor(ctx, actor, s.clientId)).get(s.homeCurrency) ??
      isoScale(s.homeCurrency))
    : 0;
  const amount = (text: string | undefined, field: string) => {
    if (text === undefined || text.trim() === "") return undefined;
    return parseDecimal(text.replace(/^-/, ""), scale, field);
  };
  const minAmount = amount(query.minAmount, "minAmount");
  const maxAmount = amount(query.maxAmount, "maxAmount");
  if (minAmount !== undefined && maxAmount !== undefined && minAmount > maxAmount)
    throw validationError("transactions/bad-range", "the smallest amount is larger than the largest", {
      field: "minAmount",
    });
  if (query.from && query.to && query.from > query.to)
    throw validationError("transactions/bad-range", "the date range ends before it starts", {
      field: "from",
    });
  const limit = query.limit ?? PAGE_SIZE;
  const offset = query.offset ?? 0;
  const filter = {
    tab: query.tab ?? "needs_review",
    band: query.band,
    accountId: query.accountId,
    bankAccountId: query.bankAccountId,
    minAmount,
    maxAmount,
    from: query.from,
    to: query.to,
    assigneeId: query.assigneeId,
    search: query.search?.trim() || undefined,
    untouched: query.untouched,
  } satisfies Omit<store.TransactionFilter, "limit" | "offset">;
  // A tab (of one bank account or all) is counted by the kept counts; a narrower filter counts
  // its matches, but no further than COUNT_AHEAD (a search: SEARCH_COUNT_AHEAD) past this page (a
  // total of "at least" that many).
  const narrowed = store.narrowsTab(filter);
  const cap = offset + limit + (filter.search ? SEARCH_COUNT_AHEAD : COUNT_AHEAD);
  const pageOf = async (f: Omit<store.TransactionFilter, "limit" | "offset">) => {
    const [rows, counted] = await Promise.all([
      store.listRows(ctx.db, s, { ...f, limit, offset }),
      narrowed ? store.countRows(ctx.db, s, f, cap + 1) : Promise.resolve(undefined),
    ]);
    return { rows, counted };
  };
  const [counts, viaIndex] = await Promise.all([
    statusCounts(ctx.db, s),
    pageThroughSearchIndex(ctx, s, filter, cap, pageOf),
  ]);
  const { rows, counted } = viaIndex ?? (await pageOf(filter));
  const all = ["needs_review", "held", "processed", "excluded"] as const;
  const statuses = filter.tab === "all" ? all : store.TAB_STATUSES[filter.tab];
  const total = counted ?? countOf(counts, statuses, filter.bankAccountId);
  const attached = await attachmentsOf(
    ctx.db,
    s,
    rows.map((r) => r.id),
  );
  return {
    transactions: rows.map((r) => ({ ...viewOf(r), attachments: attached.get(r.id) ?? [] })),
    total: Math.min(total, narrowed ? cap : total),
    totalExact: !narrowed || total <= cap,
    limit,
    offset,
    counts: {
      needsReview: countOf(counts, ["needs_review", "held"]),
      processed: countOf(counts, ["processed"]),
      excluded: countOf(counts, ["excluded"]),
      held: countOf(counts, ["held"]),
    },
  };
}

/**
 * A page of a search read through the trigram index (search-store.ts), or undefined when the index
 * cannot answer it: no search, a term without three letters or digits in a row, a session without
 * a tenant (the owner's jobs and commands, which the search function refuses), or a common term
 * whose newest matches do not fill this page and count. The function narrows by the tab, the bank
 * account, the dates and the amount itself; the other filters apply to the ids it finds. Those ids
 * answer the page and its count when they are every match, or when enough of them pass the other
 * filters to fill the page and the count's cap (every match left out is older than all of them).
 * A first look asks for just that many; a second, when they were too few, for SEARCH_IDS_MAX.
 */
async function pageThroughSearchIndex<P extends { counted: number | undefined }>(
  ctx: Ctx,
  s: store.Scope,
  filter: Omit<store.TransactionFilter, "limit" | "offset">,
  cap: number,
  pageOf: (f: Omit<store.TransactionFilter, "limit" | "offset">) => Promise<P>,
): Promise<P | undefined> {
  const term = filter.search;
  if (!term || !trigramSearchable(term) || !currentTenant()) return undefined;
  const narrow = {
    statuses: filter.tab === "all" ? undefined : store.TAB_STATUSES[filter.tab],
    bankAccountId: filter.bankAccountId,
    from: filter.from,
    to: filter.to,
    minAmount: filter.minAmount,
    maxAmount: filter.maxAmount,
  };
  for (const wanted of cap + 1 < SEARCH_IDS_MAX ? [cap + 1, SEARCH_IDS_MAX] : [cap + 1]) {
    if (wanted > SEARCH_IDS_MAX) return undefined;
    const found = await searchMatches(ctx.db, s, term, wanted, narrow);
    const page = await pageOf({ ...filter, searchIds: found.ids });
    if (found.complete || (page.counted ?? 0) > cap) return page;
  }
  return undefined;
}

export interface TransactionDetail extends TransactionView {
  /** Past transactions memory cited for this prediction. */
  similar: Array<{
    id: string;
    date: string;
    description: string;
    /** Minor units at `scale`. */
    amount: bigint;
    scale: number;
    accountId: string | null;
  }>;
  /** Changes to this transaction, oldest first. */
  history: Array<{ action: string; by: string | null; at: Date; after: unknown }>;
}

export async function getTransaction(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  id: string,
): Promise<TransactionDetail> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  const row = UUID.test(id) ? await store.transactionById(ctx.db, s, id) : undefined;
  if (!row) throw notFound("transactions/not-found", `no transaction ${id}`);
  const examples = (
    (row.reason as { memory?: { examples?: string[] } } | null)?.memory?.examples ?? []
  ).filter((x) => UUID.test(x));
  const [similar, history, attached] = await Promise.all([
    store.transactionsByIds(ctx.db, s, examples),
    auditTrail(ctx.db, {
      firmId: s.firmId,
      clientId: s.clientId,
      subjectType: "transaction",
      subjectId: row.id,
    }),
    attachmentsOf(ctx.db, s, [row.id]),
  ]);
  return {
    ...viewOf(row),
    attachments: attached.get(row.id) ?? [],
    similar: similar.map((r) => ({
      id: r.id,
      date: r.date,
      description: r.description,
      amount: r.amount,
      scale: r.scale,
      accountId: r.account_id,
    })),
    history: history.map((h) => ({ action: h.action, by: h.actorId, at: h.occurredAt, after: h.after })),
  };
}
