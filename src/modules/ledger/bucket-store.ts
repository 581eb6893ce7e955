// The buckets a posting adds to, in one call: the monthly account balances (balance-store.ts) and
// the dimension buckets (migration 0037). Every path that posts lines — a new entry, a draft
// posted, a reversal, an import — comes through here, in its posting transaction.
import { sql } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { arrayLiteral, textArrayLiteral } from "../../platform/sql-arrays.ts";
import { addToBalances } from "./balance-store.ts";
import { BATCH } from "./bulk-batch.ts";
import { dimensionDeltas, type DimensionDelta } from "./dimension-balance-model.ts";
import { balanceDeltas, type LineInput } from "./model.ts";
import type { Scope } from "./store.ts";

export async function addToBuckets(
  ex: Executor,
  s: Scope,
  entries: ReadonlyArray<{ date: string; lines: readonly LineInput[] }>,
): Promise<void> {
  // First: it bumps the client's ledger version, whose row lock orders concurrent postings.
  await addToBalances(ex, s, balanceDeltas(entries));
  await addToDimensionBalances(ex, s, dimensionDeltas(entries));
}

/**
 * Adds to the dimension buckets. They are few (accounts × months × values, whatever the number of
 * lines), so an upsert is enough; the caller holds the client's ledger-version lock.
 */
export async function addToDimensionBalances(
  ex: Executor,
  s: Scope,
  deltas: readonly DimensionDelta[],
): Promise<void> {
  for (let i = 0; i < deltas.length; i += BATCH) {
    const batch = deltas.slice(i, i + BATCH);
    await sql`
      insert into dimension_balances (firm_id, client_id, kind, month, dimension_id, account_id, currency, amount)
      select ${s.firmId}::uuid, ${s.clientId}::uuid, u.kind, u.month, u.dimension_id, u.account_id, u.currency, u.amount
      from unnest(${textArrayLiteral(batch.map((d) => d.kind))}::text[], ${arrayLiteral(batch.map((d) => d.month))}::date[],
        ${arrayLiteral(batch.map((d) => d.dimensionId))}::uuid[], ${arrayLiteral(batch.map((d) => d.accountId))}::uuid[],
        ${textArrayLiteral(batch.map((d) => d.currency))}::text[], ${arrayLiteral(batch.map((d) => d.amount.toString()))}::int8[]
      ) as u(kind, month, dimension_id, account_id, currency, amount)
      on conflict (client_id, kind, month, dimension_id, account_id, currency)
      do update set amount = dimension_balances.amount + excluded.amount`.execute(ex);
  }
}
