// The count of transactions per bank account and status, kept by triggers on transactions in
// transaction_counts (migrations/0028): the Transaction Manager's tab counts and unfiltered totals
// without counting a million rows. Rows of changes are appended; a client's are folded into one per
// (bank account, status) once there are many.
import { sql } from "kysely";
import { inTransaction, type Executor } from "../../platform/db.ts";
import type { Status } from "./model.ts";
import type { Scope } from "./store.ts";

/** Rows of changes a client may gather before a read folds them (each sum stays a few rows' work). */
const FOLD_AFTER = 64;

export interface StatusCounts {
  /** Per bank account id, per status. */
  byBankAccount: Map<string, Record<Status, number>>;
}

const zero = (): Record<Status, number> => ({ needs_review: 0, processed: 0, held: 0, excluded: 0 });

export async function statusCounts(ex: Executor, s: Scope): Promise<StatusCounts> {
  const r = await sql<{ bank_account_id: string; status: Status; n: string; rows: string }>`
    select bank_account_id, status, sum(n)::text as n, count(*)::text as rows
    from transaction_counts where client_id = ${s.clientId}::uuid
    group by bank_account_id, status`.execute(ex);
  const byBankAccount = new Map<string, Record<Status, number>>();
  let rows = 0;
  for (const x of r.rows) {
    const counts = byBankAccount.get(x.bank_account_id) ?? zero();
    counts[x.status] = Number(x.n);
    byBankAccount.set(x.bank_account_id, counts);
    rows += Number(x.rows);
  }
  if (rows > FOLD_AFTER && !ex.isTransaction) await fold(ex, s);
  return { byBankAccount };
}

/** Sum of the counts of some statuses, for every bank account or one. */
export function countOf(c: StatusCounts, statuses: readonly Status[], bankAccountId?: string): number {
  let n = 0;
  for (const [id, counts] of c.byBankAccount)
    if (bankAccountId === undefined || id === bankAccountId) for (const st of statuses) n += counts[st];
  return n;
}

/**
 * Folds a client's rows of changes into one per (bank account, status). The rows a fold deletes
 * are re-added as their sum in the same statement, so readers see the same totals before and
 * after; one fold per client at a time (the others skip), and writers never wait for it.
 */
async function fold(ex: Executor, s: Scope): Promise<void> {
  await inTransaction(ex, async (tx) => {
    const lock = await sql<{ ok: boolean }>`
      select pg_try_advisory_xact_lock(hashtext(${`transaction_counts:${s.clientId}`})) as ok`.execute(tx);
    if (!lock.rows[0]?.ok) return;
    await sql`
      with gone as (
        delete from transaction_counts where client_id = ${s.clientId}::uuid
        returning firm_id, client_id, bank_account_id, status, n
      )
      insert into transaction_counts (firm_id, client_id, bank_account_id, status, n)
      select firm_id, client_id, bank_account_id, status, sum(n) from gone
      group by firm_id, client_id, bank_account_id, status
      having sum(n) <> 0`.execute(tx);
  });
}
