// A posted payroll entry's net pay and the bank line that paid it: the line is linked to the entry
// (the Transaction Manager shows "payroll entry") instead of being predicted and posted again, so
// the net pay is counted once. Two ways in: a new bank line is offered to matchPayrollNetPay while
// it is imported (wired by src/app/payroll-match.ts), and posting an entry (or the "match" action)
// links a line imported before it. A line matches when it leaves the entry's bank account in
// exactly the net pay, dated from MATCH_DAYS_BEFORE days before the pay date to MATCH_DAYS_AFTER after.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { recordAudit } from "../../platform/audit.ts";
import { addDays } from "../../platform/dates.ts";
import type { ClientScope } from "../access/index.ts";
import * as transactions from "../transactions/index.ts";
import * as store from "./payroll-store.ts";
import { journalsScope } from "./scope.ts";

/** Direct deposits often leave a day or two before the pay date; a late one a few days after. */
export const MATCH_DAYS_BEFORE = 3;
export const MATCH_DAYS_AFTER = 5;

async function matched(
  c: Ctx,
  actor: Actor,
  s: ClientScope,
  row: store.PayrollEntryRow,
  transactionId: string,
) {
  const after = await store.updateEntry(c.db, s, row.id, {
    matched_transaction_id: transactionId,
    updated_at: c.clock.now(),
  });
  await recordAudit(c.db, actor, {
    action: "journals.payroll.matched",
    clientId: s.clientId,
    subjectType: "payroll_entry",
    subjectId: row.id,
    before: row,
    after,
  });
  return after;
}

/**
 * New bank lines (inside their import's transaction): each outflow that is a posted, unmatched
 * payroll entry's net pay from the same ledger account within the dates claims that entry.
 */
export async function matchPayrollNetPay(
  ctx: Ctx,
  actor: Actor,
  scope: { firmId: string; clientId: string },
  lines: readonly transactions.MatchCandidate[],
): Promise<Map<string, transactions.ExistingEntryMatch>> {
  const out = new Map<string, transactions.ExistingEntryMatch>();
  const outflows = lines.filter((l) => l.amount < 0n);
  if (outflows.length === 0) return out;
  const s = await journalsScope(ctx.db, actor, scope.clientId, "view");
  for (const line of outflows) {
    if (line.currency !== s.homeCurrency) continue;
    const [entry] = await store.unmatchedPosted(ctx.db, s, line.bankLedgerAccountId, -line.amount, {
      from: addDays(line.date, -MATCH_DAYS_AFTER),
      to: addDays(line.date, MATCH_DAYS_BEFORE),
    });
    if (!entry) continue;
    await matched(ctx, actor, s, entry, line.transactionId);
    out.set(line.transactionId, { entryId: entry.entry_id, kind: "payroll" });
  }
  return out;
}

/** A posted entry whose bank line was imported first: links that line (inside the caller's transaction). */
export async function linkImportedLine(
  c: Ctx,
  actor: Actor,
  s: ClientScope,
  row: store.PayrollEntryRow,
): Promise<store.PayrollEntryRow> {
  if (row.state !== "posted" || row.matched_transaction_id) return row;
  const id = await transactions.linkToEntry(
    c,
    actor,
    s.clientId,
    {
      bankLedgerAccountId: row.bank_account_id,
      amount: -row.net_pay,
      from: addDays(row.pay_date, -MATCH_DAYS_BEFORE),
      to: addDays(row.pay_date, MATCH_DAYS_AFTER),
    },
    { entryId: row.entry_id, kind: "payroll" },
  );
  return id ? matched(c, actor, s, row, id) : row;
}

/** The entry was reversed: its bank line waits in Needs Review again. */
export async function unlinkLine(
  c: Ctx,
  actor: Actor,
  s: ClientScope,
  row: store.PayrollEntryRow,
): Promise<void> {
  if (row.matched_transaction_id)
    await transactions.unlinkEntry(c, actor, s.clientId, row.matched_transaction_id);
}
