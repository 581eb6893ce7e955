// What the financial reports read from the ledger: the chart, the client's home currency, and for
// each date range asked, every account's movement valued at cost (see valued-store.ts).
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import type { AccountType } from "./model.ts";
import { clientScope } from "./scope.ts";
import * as store from "./store.ts";
import * as valued from "./valued-store.ts";

export interface ChartAccount {
  id: string;
  fullName: string;
  number: string | null;
  type: AccountType;
  detailType: string;
  parentId: string | null;
}

export interface ValuedSum {
  accountId: string;
  currency: string;
  /** Signed minor units of `currency` (positive is a debit). */
  amount: bigint;
}

export interface FirstValuedLine {
  currency: string;
  entryNumber: bigint;
  date: string;
  description: string;
}

export interface ValuedBooks {
  client: string;
  clientId: string;
  homeCurrency: string;
  scales: Map<string, number>;
  accounts: ChartAccount[];
  /** Date of the first posted line, null for a client with no entries. */
  firstDate: string | null;
  /** One list per range asked, in the same order. */
  sums: ValuedSum[][];
  /** For each currency other than the home currency that appears in `sums`: its first line. */
  firstOther: FirstValuedLine[];
}

export interface DimensionSums {
  /** The client's values of the dimension, active or not, by id. */
  values: Array<{ id: string; name: string; isActive: boolean }>;
  /** Movements at cost of the range, per value of the dimension (null: not set on the line). */
  sums: Array<ValuedSum & { dimensionId: string | null }>;
}

/** Movements at cost in one range, split by a dimension of the lines (class, department, …). */
export async function valuedByDimension(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  range: { from: string; to: string },
  kind: valued.DimensionKind,
): Promise<DimensionSums> {
  const s = await clientScope(ctx.db, actor, clientRef, "ledger.read");
  const [values, rows] = await Promise.all([
    store.listDimensions(ctx.db, s, kind),
    range.from > range.to ? [] : valued.valuedSumsByDimension(ctx.db, s, range.from, range.to, kind),
  ]);
  return {
    values: values.map((v) => ({ id: v.id, name: v.name, isActive: v.is_active })),
    sums: rows.map((r) => ({
      accountId: r.account_id,
      currency: r.currency,
      amount: r.amount,
      dimensionId: r.dimension_id,
    })),
  };
}

/**
 * Movements at cost for each range (inclusive dates). A client's scope is resolved once with
 * `permission` (the reports name their own), then the ranges are summed one by one.
 */
export async function valuedBooks(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  ranges: ReadonlyArray<{ from: string; to: string }>,
  permission: "ledger.read" = "ledger.read",
): Promise<ValuedBooks> {
  const s = await clientScope(ctx.db, actor, clientRef, permission);
  const [accounts, scales, firstDate] = await Promise.all([
    store.listAccounts(ctx.db, s, { includeInactive: true }),
    store.currencyScales(ctx.db, s),
    valued.firstPostedDate(ctx.db, s),
  ]);
  // Identical ranges (a balance sheet's fiscal-year starts repeat) are summed once; the others
  // at the same time (a server's pool runs them side by side).
  const unique = new Map<string, Promise<ValuedSum[]>>();
  const sumsOf = async (r: { from: string; to: string }): Promise<ValuedSum[]> => {
    if (firstDate === null || r.to < firstDate || r.from > r.to) return [];
    const rows = await valued.valuedSums(ctx.db, s, r.from, r.to);
    return rows.map((x) => ({ accountId: x.account_id, currency: x.currency, amount: x.amount }));
  };
  for (const r of ranges) {
    const key = `${r.from}/${r.to}`;
    if (!unique.has(key)) unique.set(key, sumsOf(r));
  }
  const sums = await Promise.all(ranges.map((r) => unique.get(`${r.from}/${r.to}`)!));
  const others = new Set<string>();
  for (const list of sums) for (const x of list) if (x.currency !== s.homeCurrency) others.add(x.currency);
  const lastTo = ranges.reduce((m, r) => (r.to > m ? r.to : m), "0001-01-01");
  const firstOther = (await valued.firstLinesIn(ctx.db, s, [...others].sort(), lastTo)).map((f) => ({
    currency: f.currency,
    entryNumber: f.number,
    date: f.date,
    description: f.description,
  }));
  return {
    client: s.clientSlug,
    clientId: s.clientId,
    homeCurrency: s.homeCurrency,
    scales,
    accounts: accounts.map((a) => ({
      id: a.id,
      fullName: a.full_name,
      number: a.number,
      type: a.type,
      detailType: a.detail_type,
      parentId: a.parent_id,
    })),
    firstDate,
    sums,
    firstOther,
  };
}
