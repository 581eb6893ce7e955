// SQL behind the ledger reports. Balances as of a date read the monthly buckets of whole months
// and scan lines only for the part of the last month, so a trial balance never rescans history.
import { sql } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { endOfMonth, monthOf } from "../../platform/dates.ts";
import type { Scope } from "./store.ts";
import { q } from "./store.ts";

export interface RawBalance {
  account_id: string;
  currency: string;
  balance: bigint;
}

/** Balance of every account and currency at the end of `asOf` (inclusive). */
export async function balancesAsOf(
  ex: Executor,
  s: Scope,
  asOf: string,
  accountId?: string,
): Promise<RawBalance[]> {
  const wholeMonths = asOf === endOfMonth(asOf);
  // Buckets for every month before asOf's month (and asOf's month too when asOf is its last day).
  const bucketLimit = wholeMonths ? asOf : monthOf(asOf);
  const accountFilter = accountId ? sql`and account_id = ${accountId}::uuid` : sql``;
  const partial = wholeMonths
    ? sql``
    : sql`union all
      select account_id, currency, sum(amount) as balance
      from journal_lines
      where client_id = ${s.clientId}::uuid and date >= ${monthOf(asOf)}::date and date <= ${asOf}::date ${accountFilter}
      group by account_id, currency`;
  const result = await sql<RawBalance>`
    select account_id, currency, sum(balance)::int8 as balance from (
      select account_id, currency, sum(debit - credit) as balance
      from account_balances
      where client_id = ${s.clientId}::uuid and month ${wholeMonths ? sql`<=` : sql`<`} ${bucketLimit}::date ${accountFilter}
      group by account_id, currency
      ${partial}
    ) b
    group by account_id, currency`.execute(ex);
  return result.rows;
}

export interface AccountInfo {
  id: string;
  full_name: string;
  number: string | null;
  type: "asset" | "liability" | "equity" | "income" | "expense";
}

export async function accountInfo(ex: Executor, s: Scope): Promise<Map<string, AccountInfo>> {
  const rows = await q(ex)
    .selectFrom("accounts")
    .select(["id", "full_name", "number", "type"])
    .where("client_id", "=", s.clientId)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export interface DetailLine {
  entry_id: string;
  number: bigint;
  date: string;
  description: string;
  reference: string | null;
  line_no: number;
  account_id: string;
  amount: bigint;
  currency: string;
  memo: string | null;
  contact_id: string | null;
  contact_name: string | null;
}

/** Posted lines in a date range (inclusive), optionally for one account, in date and entry order. */
export async function linesInRange(
  ex: Executor,
  s: Scope,
  from: string,
  to: string,
  options: { accountId?: string; limit?: number; offset?: number } = {},
): Promise<DetailLine[]> {
  let query = q(ex)
    .selectFrom("journal_lines as l")
    .innerJoin("journal_entries as e", "e.id", "l.entry_id")
    .leftJoin("contacts as c", "c.id", "l.contact_id")
    .select([
      "l.entry_id",
      "e.number",
      "l.date",
      "e.description",
      "e.reference",
      "l.line_no",
      "l.account_id",
      "l.amount",
      "l.currency",
      "l.memo",
      "l.contact_id",
      "c.name as contact_name",
    ])
    .where("l.client_id", "=", s.clientId)
    .where("l.date", ">=", from)
    .where("l.date", "<=", to);
  if (options.accountId) query = query.where("l.account_id", "=", options.accountId);
  query = query.orderBy("l.account_id").orderBy("l.date").orderBy("e.number").orderBy("l.line_no");
  if (options.limit !== undefined) query = query.limit(options.limit);
  if (options.offset !== undefined) query = query.offset(options.offset);
  return query.execute() as Promise<DetailLine[]>;
}

export async function countLinesInRange(
  ex: Executor,
  s: Scope,
  from: string,
  to: string,
  accountId: string,
): Promise<number> {
  const row = await q(ex)
    .selectFrom("journal_lines")
    .select((eb) => eb.fn.countAll<bigint>().as("n"))
    .where("client_id", "=", s.clientId)
    .where("account_id", "=", accountId)
    .where("date", ">=", from)
    .where("date", "<=", to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
