// SQL for bank lines paid by an entry made elsewhere (entry-link.ts): finding the line to link.
import type { Executor } from "../../platform/db.ts";
import { q, type Scope, type TransactionRow } from "./store.ts";

/** The oldest transaction of this ledger account, amount and dates not linked to an entry made elsewhere, locked. */
export async function linkCandidate(
  ex: Executor,
  s: Scope,
  f: { bankLedgerAccountId: string; amount: bigint; from: string; to: string },
): Promise<TransactionRow | undefined> {
  return q(ex)
    .selectFrom("transactions")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where("bank_ledger_account_id", "=", f.bankLedgerAccountId)
    .where("amount", "=", f.amount)
    .where("date", ">=", f.from)
    .where("date", "<=", f.to)
    .where("linked_entry_kind", "is", null)
    .where("status", "<>", "excluded")
    .orderBy("date")
    .orderBy("id")
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
}
