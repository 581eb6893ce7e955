// Marking transactions reviewed: those not posted yet are posted first (Manual Push's "push"), then
// all move to Processed and memory learns their codings.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { ruleViolation, validationError } from "../../platform/errors.ts";
import type { LearnItem } from "../categorize/index.ts";
import { postCodings, resolveContacts } from "./posting.ts";
import { clientScope } from "./scope.ts";
import * as store from "./store.ts";
import type { TransactionRow } from "./store.ts";
import { codingOf, factsOf, viewOf, type TransactionView } from "./view.ts";
import { codingColumns } from "./review-coding.ts";
import { lessonOf, teach } from "./review-memory.ts";
import { checkBulk, lockRows } from "./review-selection.ts";

const who = (actor: Actor, at: Date) => ({ by: actor.id, name: actor.displayName, at });

/**
 * Marks transactions reviewed: those not posted yet are posted first with their coding (one
 * entry each, one ledger call), then all move to Processed and memory learns their codings.
 */
export async function reviewTransactions(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  ids: readonly string[],
): Promise<TransactionView[]> {
  checkBulk(ids);
  return inTransaction(ctx.db, async (tx) => {
    const c: Ctx = { ...ctx, db: tx };
    const s = await clientScope(tx, actor, clientRef, "review");
    const rows = await lockRows(c, s, ids);
    for (const row of rows) {
      if (row.status === "excluded")
        throw ruleViolation(
          "transactions/excluded",
          `"${row.description}" (${row.date}) is outside automation; change the bank account's automation to bring it in`,
          { field: "ids" },
        );
      const coding = codingOf(row);
      if (!row.entry_id && !coding.accountId && !coding.split)
        throw validationError(
          "transactions/no-account",
          `choose an account for "${row.description}" (${row.date}) first`,
          {
            field: "accountId",
          },
        );
    }
    const todo = rows.filter((r) => r.reviewed_at === null || r.status !== "processed");
    const unposted = todo.filter((r) => !r.entry_id).map((row) => ({ row, coding: codingOf(row) }));
    await resolveContacts(
      c,
      actor,
      s,
      unposted.map((u) => ({ coding: u.coding, amount: u.row.amount })),
    );
    const entryIds = await postCodings(
      tx,
      actor,
      s,
      unposted.map((u) => ({ facts: factsOf(u.row), coding: u.coding })),
      {
        action: "transactions.pushed",
        detail: { transactions: unposted.length },
      },
    );
    const posted = new Map(unposted.map((u, i) => [u.row.id, { entryId: entryIds[i]!, coding: u.coding }]));
    const now = c.clock.now();
    const stamp = who(actor, now);
    const out: TransactionRow[] = [];
    const lessons: Array<{ row: TransactionRow; lesson: LearnItem }> = [];
    for (const row of rows) {
      if (!todo.includes(row)) {
        out.push(row);
        continue;
      }
      const p = posted.get(row.id);
      const updated = await store.updateTransaction(tx, s, row.id, {
        status: "processed",
        status_reason: `reviewed by ${stamp.name}`,
        reviewed_by: stamp.by,
        reviewed_by_name: stamp.name,
        reviewed_at: now,
        ...(p ? { ...codingColumns(p.coding), entry_id: p.entryId, posted_at: now } : {}),
      });
      const lesson = lessonOf(updated, codingOf(updated));
      if (lesson) lessons.push({ row: updated, lesson });
      out.push(updated);
      await recordAudit(tx, actor, {
        action: "transactions.transaction.reviewed",
        clientId: s.clientId,
        subjectType: "transaction",
        subjectId: row.id,
        before: { status: row.status, entryId: row.entry_id },
        after: { status: "processed", entryId: updated.entry_id },
      });
    }
    return (await teach(c, actor, s, out, lessons)).map(viewOf);
  });
}
