// Bank lines paid by an entry made elsewhere: a payroll entry of JE Automation books the net pay
// leaving the bank, so the bank line that shows it must not be predicted and posted again. Such a
// transaction points at that entry ("payroll entry" in the Transaction Manager), is processed, and
// is not recoded here (the payroll entry is corrected in JE Automation). The Transaction Manager
// does not know payroll: new lines are offered to a matcher the app wires in (src/app/payroll-match.ts),
// and JE Automation links or unlinks lines already imported through linkToEntry / unlinkEntry.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { recordAudit } from "../../platform/audit.ts";
import { conflict } from "../../platform/errors.ts";
import { reverseEntry } from "./posting.ts";
import { clientScope } from "./scope.ts";
import * as store from "./store.ts";
import { linkCandidate } from "./entry-link-store.ts";
import type { TransactionRow } from "./store.ts";

export type LinkedEntryKind = "payroll";
export const LINKED_REASON: Record<LinkedEntryKind, string> = { payroll: "payroll entry" };

/** A new bank line (money out is negative), offered before it is predicted or posted. */
export interface MatchCandidate {
  transactionId: string;
  date: string;
  amount: bigint;
  currency: string;
  bankLedgerAccountId: string;
}
export interface ExistingEntryMatch {
  entryId: string;
  kind: LinkedEntryKind;
}
/** Runs inside the import's database transaction (ctx.db), claiming what it matches there. */
export type ExistingEntryMatcher = (
  ctx: Ctx,
  actor: Actor,
  scope: { firmId: string; clientId: string },
  lines: readonly MatchCandidate[],
) => Promise<Map<string, ExistingEntryMatch>>;

/** Refuses recoding a transaction whose entry was made elsewhere. */
export function refuseLinked(row: TransactionRow): void {
  if (row.linked_entry_kind)
    throw conflict(
      "transactions/linked-entry",
      `this bank line is paid by a ${LINKED_REASON[row.linked_entry_kind]}; correct that entry in JE Automation instead`,
    );
}

/**
 * Links an imported line to an entry made elsewhere, inside the caller's transaction: the first
 * transaction of this ledger account, amount and dates not linked yet (one the Transaction Manager
 * posted itself has that posting reversed first, so the money is counted once). Its id, or null.
 */
export async function linkToEntry(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  find: { bankLedgerAccountId: string; amount: bigint; from: string; to: string },
  link: ExistingEntryMatch,
): Promise<string | null> {
  const s = await clientScope(ctx.db, actor, clientRef, "review");
  const row = await linkCandidate(ctx.db, s, find);
  if (!row) return null;
  if (row.entry_id)
    await reverseEntry(
      ctx,
      actor,
      s,
      row.entry_id,
      `Paid by a ${LINKED_REASON[link.kind]}: ${row.description}`,
    );
  const after = await store.updateTransaction(ctx.db, s, row.id, {
    status: "processed",
    status_reason: LINKED_REASON[link.kind],
    entry_id: link.entryId,
    posted_at: ctx.clock.now(),
    linked_entry_kind: link.kind,
  });
  await recordAudit(ctx.db, actor, {
    action: "transactions.transaction.linked",
    clientId: s.clientId,
    subjectType: "transaction",
    subjectId: row.id,
    before: { status: row.status, entryId: row.entry_id },
    after: { status: after.status, entryId: after.entry_id, linkedEntry: link.kind, reversed: row.entry_id },
  });
  return row.id;
}

/** The entry it pointed at was reversed: the line waits in Needs Review again, unposted. */
export async function unlinkEntry(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  transactionId: string,
): Promise<void> {
  const s = await clientScope(ctx.db, actor, clientRef, "review");
  const row = await store.transactionById(ctx.db, s, transactionId, { lock: true });
  if (!row?.linked_entry_kind) return;
  const after = await store.updateTransaction(ctx.db, s, row.id, {
    status: "needs_review",
    status_reason: `${LINKED_REASON[row.linked_entry_kind]} reversed`,
    entry_id: null,
    posted_at: null,
    linked_entry_kind: null,
  });
  await recordAudit(ctx.db, actor, {
    action: "transactions.transaction.unlinked",
    clientId: s.clientId,
    subjectType: "transaction",
    subjectId: row.id,
    before: { status: row.status, entryId: row.entry_id, linkedEntry: row.linked_entry_kind },
    after: { status: after.status, entryId: null },
  });
}
