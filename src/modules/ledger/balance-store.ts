// SQL that adds posted amounts to the monthly balance buckets, in bulk through unnest.
import { sql } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { arrayLiteral, textArrayLiteral } from "../../platform/sql-arrays.ts";
import type { BalanceDelta } from "./model.ts";
import { bumpLedgerVersion, type Scope } from "./store.ts";
import { BATCH } from "./bulk-batch.ts";

/**
 * Adds posted amounts to the monthly balance buckets (and marks cached reports stale). Buckets the
 * client already has are updated; the rest are inserted with a plain insert, in key order, so the
 * primary key index is filled from left to right — for a large import nearly every bucket is new,
 * and `on conflict do update` would probe the index for each one before inserting it. This is safe
 * because every writer of account_balances comes through here and bumps the client's ledger
 * version first: that row stays locked until the transaction ends, so no other transaction can add
 * a bucket of this client between the read of the existing ones and the insert.
 */
export async function addToBalances(ex: Executor, s: Scope, deltas: readonly BalanceDelta[]): Promise<void> {
  await bumpLedgerVersion(ex, s);
  if (deltas.length === 0) return;
  const existing = await existingBuckets(ex, s, deltas);
  let fresh: BalanceDelta[] = [];
  const known: BalanceDelta[] = [];
  if (existing.size === 0) fresh = [...deltas];
  else for (const d of deltas) (existing.has(bucketKey(d)) ? known : fresh).push(d);
  fresh.sort(compareBuckets);
  for (let i = 0; i < known.length; i += BATCH) {
    const batch = known.slice(i, i + BATCH);
    await sql`
      update account_balances b set debit = b.debit + u.debit, credit = b.credit + u.credit
      from unnest(${arrayLiteral(batch.map((d) => d.accountId))}::uuid[], ${textArrayLiteral(batch.map((d) => d.currency))}::text[],
        ${arrayLiteral(batch.map((d) => d.month))}::date[], ${arrayLiteral(batch.map((d) => d.debit.toString()))}::int8[],
        ${arrayLiteral(batch.map((d) => d.credit.toString()))}::int8[]) as u(account_id, currency, month, debit, credit)
      where b.client_id = ${s.clientId}::uuid and b.account_id = u.account_id and b.currency = u.currency and b.month = u.month`.execute(
      ex,
    );
  }
  for (let i = 0; i < fresh.length; i += BATCH) {
    const batch = fresh.slice(i, i + BATCH);
    // Accounts once per batch, named by position in the rows (as the lines do).
    const accounts = new Map<string, number>();
    const position = batch.map((d) => {
      let a = accounts.get(d.accountId);
      if (a === undefined) accounts.set(d.accountId, (a = accounts.size + 1));
      return a;
    });
    await sql`
      insert into account_balances (firm_id, client_id, account_id, currency, month, debit, credit)
      select ${s.firmId}::uuid, ${s.clientId}::uuid, b.accounts[u.a], u.currency, u.month, u.debit, u.credit
      from (select ${arrayLiteral([...accounts.keys()])}::uuid[] as accounts) as b,
        unnest(${arrayLiteral(position)}::int4[], ${textArrayLiteral(batch.map((d) => d.currency))}::text[],
          ${arrayLiteral(batch.map((d) => d.month))}::date[], ${arrayLiteral(batch.map((d) => d.debit.toString()))}::int8[],
          ${arrayLiteral(batch.map((d) => d.credit.toString()))}::int8[]) as u(a, currency, month, debit, credit)`.execute(
      ex,
    );
  }
}

const bucketKey = (d: { accountId: string; currency: string; month: string }) =>
  `${d.accountId}\u0000${d.currency}\u0000${d.month}`;

/** Key order of the primary key (uuids compare like their lower-case text); a locality hint only. */
function compareBuckets(a: BalanceDelta, b: BalanceDelta): number {
  if (a.accountId !== b.accountId) return a.accountId < b.accountId ? -1 : 1;
  if (a.currency !== b.currency) return a.currency < b.currency ? -1 : 1;
  return a.month < b.month ? -1 : a.month > b.month ? 1 : 0;
}

/** The keys of the buckets among `deltas` that the client already has. */
async function existingBuckets(
  ex: Executor,
  s: Scope,
  deltas: readonly BalanceDelta[],
): Promise<Set<string>> {
  let from = deltas[0]!.month;
  let to = from;
  const accounts = new Set<string>();
  for (const d of deltas) {
    if (d.month < from) from = d.month;
    if (d.month > to) to = d.month;
    accounts.add(d.accountId);
  }
  const rows = await sql<{ account_id: string; currency: string; month: string }>`
    select account_id, currency, month from account_balances
    where client_id = ${s.clientId}::uuid and account_id = any(${arrayLiteral([...accounts])}::uuid[])
      and month >= ${from}::date and month <= ${to}::date`.execute(ex);
  return new Set(
    rows.rows.map((r) => bucketKey({ accountId: r.account_id, currency: r.currency, month: r.month })),
  );
}
