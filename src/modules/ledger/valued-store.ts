// SQL behind the financial reports: what each account moved in a date range, each line counted at
// its recorded cost and the generated conversion lines left out (as `hledger -B` reports). Whole
// months come from the monthly buckets, corrected by the few lines that carry a cost or are
// conversions (index journal_lines_valued); only the days of a partial month scan lines. Split by a
// dimension, whole months come from the dimension buckets (migration 0037).
import { sql } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { addDays, endOfMonth, monthOf, nextMonth } from "../../platform/dates.ts";
import { textArrayLiteral } from "../../platform/sql-arrays.ts";
import type { Scope } from "./store.ts";

export interface ValuedRow {
  account_id: string;
  /** The currency the amount is valued in: the cost's currency when the line has a cost. */
  currency: string;
  /** Signed minor units of `currency`: positive is a debit. */
  amount: bigint;
}

/** Sums per account and valued currency of the posted lines dated from `from` to `to` (inclusive). */
export async function valuedSums(ex: Executor, s: Scope, from: string, to: string): Promise<ValuedRow[]> {
  const firstWhole = from === monthOf(from) ? from : nextMonth(from);
  const lastWholeDay = to === endOfMonth(to) ? to : addDays(monthOf(to), -1);
  const client = sql`client_id = ${s.clientId}::uuid`;
  const linesBetween = (a: string, b: string) => sql`
    select account_id, coalesce(cost_currency, currency) as currency, coalesce(cost_amount, amount) as amount
    from journal_lines
    where ${client} and date >= ${a}::date and date <= ${b}::date and not is_conversion`;
  let parts;
  if (firstWhole > lastWholeDay) {
    parts = linesBetween(from, to);
  } else {
    const edges = [];
    if (from < firstWhole) edges.push(sql`union all ${linesBetween(from, addDays(firstWhole, -1))}`);
    if (to > lastWholeDay) edges.push(sql`union all ${linesBetween(addDays(lastWholeDay, 1), to)}`);
    parts = sql`
      select account_id, currency, debit - credit as amount
      from account_balances
      where ${client} and month >= ${firstWhole}::date and month <= ${monthOf(lastWholeDay)}::date
      union all
      -- One pass over the costed and conversion lines: take the native amount out of the
      -- buckets' sum and, for a costed line, put its cost in.
      select l.account_id, v.currency, v.amount
      from journal_lines l
      cross join lateral (values
        (l.currency, -l.amount),
        (case when l.is_conversion then null else l.cost_currency end, l.cost_amount)) as v(currency, amount)
      where l.client_id = ${s.clientId}::uuid and l.date >= ${firstWhole}::date and l.date <= ${lastWholeDay}::date
        and (l.cost_currency is not null or l.is_conversion) and v.currency is not null
      ${sql.join(edges, sql` `)}`;
  }
  const result = await sql<ValuedRow>`
    select account_id, currency, sum(amount)::int8 as amount from (${parts}) p
    group by account_id, currency
    having sum(amount) <> 0`.execute(ex);
  return result.rows;
}

export const DIMENSION_COLUMNS = {
  class: "class_id",
  department: "department_id",
  location: "location_id",
  project: "project_id",
} as const;
export type DimensionKind = keyof typeof DIMENSION_COLUMNS;

type DimensionRow = ValuedRow & { dimension_id: string | null };

/**
 * Like valuedSums, split by the value of one dimension of the lines (null: not set). Whole months
 * come from the dimension buckets (migration 0037), and "not set" is each account's whole movement
 * (valuedSums, itself from buckets) less its values' buckets; only the days of a partial month at
 * either end read lines.
 */
export async function valuedSumsByDimension(
  ex: Executor,
  s: Scope,
  from: string,
  to: string,
  kind: DimensionKind,
): Promise<DimensionRow[]> {
  const firstWhole = from === monthOf(from) ? from : nextMonth(from);
  const lastWholeDay = to === endOfMonth(to) ? to : addDays(monthOf(to), -1);
  if (firstWhole > lastWholeDay) return valuedSumsByDimensionScan(ex, s, from, to, kind);
  const edges: Array<Promise<DimensionRow[]>> = [];
  if (from < firstWhole) edges.push(valuedSumsByDimensionScan(ex, s, from, addDays(firstWhole, -1), kind));
  if (to > lastWholeDay) edges.push(valuedSumsByDimensionScan(ex, s, addDays(lastWholeDay, 1), to, kind));
  const [set, whole, ...edgeRows] = await Promise.all([
    sql<DimensionRow>`
      select dimension_id, account_id, currency, sum(amount)::int8 as amount
      from dimension_balances
      where client_id = ${s.clientId}::uuid and kind = ${kind}
        and month >= ${firstWhole}::date and month <= ${monthOf(lastWholeDay)}::date
      group by dimension_id, account_id, currency`
      .execute(ex)
      .then((r) => r.rows),
    valuedSums(ex, s, firstWhole, lastWholeDay),
    ...edges,
  ]);
  const sums = new Map<string, DimensionRow>();
  const add = (r: DimensionRow, sign: bigint) => {
    const key = `${r.account_id}\u0000${r.dimension_id ?? ""}\u0000${r.currency}`;
    const known = sums.get(key);
    if (known) known.amount += sign * BigInt(r.amount);
    else sums.set(key, { ...r, amount: sign * BigInt(r.amount) });
  };
  for (const r of whole) add({ ...r, dimension_id: null }, 1n);
  for (const r of set) {
    add(r, 1n);
    add({ ...r, dimension_id: null }, -1n);
  }
  for (const rows of edgeRows) for (const r of rows) add(r, 1n);
  return [...sums.values()].filter((r) => r.amount !== 0n);
}

/** valuedSumsByDimension by reading every line of the range (for partial months, and as the oracle). */
export async function valuedSumsByDimensionScan(
  ex: Executor,
  s: Scope,
  from: string,
  to: string,
  kind: DimensionKind,
): Promise<DimensionRow[]> {
  const column = sql.ref(DIMENSION_COLUMNS[kind]);
  const result = await sql<DimensionRow>`
    select account_id, ${column} as dimension_id, coalesce(cost_currency, currency) as currency,
      sum(coalesce(cost_amount, amount))::int8 as amount
    from journal_lines
    where client_id = ${s.clientId}::uuid and date >= ${from}::date and date <= ${to}::date and not is_conversion
    group by account_id, ${column}, coalesce(cost_currency, currency)
    having sum(coalesce(cost_amount, amount)) <> 0`.execute(ex);
  return result.rows;
}

export interface FirstLine {
  currency: string;
  number: bigint;
  date: string;
  description: string;
}

/** The first posted line (by date, then entry number) valued in each of `currencies`, up to `to`. */
export async function firstLinesIn(
  ex: Executor,
  s: Scope,
  currencies: readonly string[],
  to: string,
): Promise<FirstLine[]> {
  if (currencies.length === 0) return [];
  const result = await sql<FirstLine>`
    select distinct on (coalesce(l.cost_currency, l.currency))
      coalesce(l.cost_currency, l.currency) as currency, e.number, l.date, e.description
    from journal_lines l join journal_entries e on e.id = l.entry_id
    where l.client_id = ${s.clientId}::uuid and not l.is_conversion and l.date <= ${to}::date
      and coalesce(l.cost_currency, l.currency) = any(${textArrayLiteral(currencies)}::text[])
    order by coalesce(l.cost_currency, l.currency), l.date, e.number`.execute(ex);
  return result.rows;
}

/** The date of the client's first posted entry, or null when it has none. */
export async function firstPostedDate(ex: Executor, s: Scope): Promise<string | null> {
  // journal_entries_client_date reads this in date order; drafts (rare) are passed over.
  const result = await sql<{ date: string | null }>`
    select min(date) as date from journal_entries
    where client_id = ${s.clientId}::uuid and status = 'posted'`.execute(ex);
  return result.rows[0]?.date ?? null;
}
