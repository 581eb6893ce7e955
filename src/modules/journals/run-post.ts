// Posting a run's ledger draft (and, for accruals, its reversal on the 1st of the next month), and
// reversing a posted run as a correction. The ledger does the posting and checks; the run keeps
// the state and the links.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import type { Executor } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { conflict } from "../../platform/errors.ts";
import * as ledger from "../ledger/index.ts";
import type { ClientScope } from "../access/index.ts";
import { reversalDate } from "./recurring-model.ts";
import * as store from "./store.ts";

/** Posts an approved (or auto-posted) run inside the caller's transaction. */
export async function postRun(
  ctx: Ctx,
  tx: Executor,
  actor: Actor,
  s: ClientScope,
  run: store.RunRow,
  source: store.SourceRow,
): Promise<store.RunRow> {
  if (!run.entry_id) throw conflict("journals/held", run.held_reason ?? "this entry is held");
  const c: Ctx = { ...ctx, db: tx };
  const posted = await ledger.postDraft(c, actor, s.clientId, run.entry_id);
  let reversalId: string | null = null;
  if (source.auto_reverse) {
    const reversal = await ledger.reverseEntry(c, actor, s.clientId, run.entry_id, {
      date: reversalDate(posted.date),
      description: `Auto-reversal of ${posted.description}`,
    });
    reversalId = reversal.id;
  }
  const row = await store.updateRun(tx, s, run.id, {
    state: "posted",
    reversal_entry_id: reversalId,
    updated_at: ctx.clock.now(),
  });
  await recordAudit(tx, actor, {
    action: "journals.run.posted",
    clientId: s.clientId,
    subjectType: "journal_run",
    subjectId: run.id,
    before: run,
    after: row,
  });
  return row;
}

/** A correction: the posted entry is reversed (never edited), and the run shows "reversed". */
export async function reverseRun(
  ctx: Ctx,
  tx: Executor,
  actor: Actor,
  s: ClientScope,
  run: store.RunRow,
  date?: string,
): Promise<store.RunRow> {
  if (run.state !== "posted" || !run.entry_id)
    throw conflict(
      "journals/not-posted",
      "only a posted entry can be reversed; a draft is regenerated or deleted",
    );
  if (run.reversal_entry_id)
    throw conflict(
      "journals/already-reversed",
      "this accrual was already reversed on the 1st of the next month",
    );
  const reversal = await ledger.reverseEntry({ ...ctx, db: tx }, actor, s.clientId, run.entry_id, { date });
  const row = await store.updateRun(tx, s, run.id, {
    state: "reversed",
    reversal_entry_id: reversal.id,
    updated_at: ctx.clock.now(),
  });
  await recordAudit(tx, actor, {
    action: "journals.run.reversed",
    clientId: s.clientId,
    subjectType: "journal_run",
    subjectId: run.id,
    before: run,
    after: row,
  });
  return row;
}
