// One generated entry at a time (besides the month-end batch): approve a draft, post an approved
// entry. The states go draft → approved → posted (→ reversed, a correction: posted entries are
// never edited); a held draft waits for the preparer and an entry is never approved or posted twice.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { conflict, notFound } from "../../platform/errors.ts";
import { postRun } from "./run-post.ts";
import { journalsScope } from "./scope.ts";
import * as store from "./store.ts";

const missing = (runId: string) => notFound("journals/run-not-found", `no generated entry ${runId}`);

/** Approves one draft (journals.approve); a held one (no ledger draft) waits for the preparer. */
export async function approveRun(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  runId: string,
): Promise<store.RunRow> {
  return inTransaction(ctx.db, async (tx) => {
    const s = await journalsScope(tx, actor, clientRef, "approve");
    const run = await store.lockRun(tx, s, runId);
    if (!run) throw missing(runId);
    if (run.state !== "draft")
      throw conflict("journals/not-draft", `this entry is ${run.state}: only a draft is approved`);
    if (!run.entry_id)
      throw conflict(
        "journals/held",
        `this entry is held (${run.held_reason ?? "not generated"}): fix it and generate the month again`,
      );
    const now = ctx.clock.now();
    const row = await store.updateRun(tx, s, run.id, {
      state: "approved",
      approved_by: actor.id,
      approved_at: now,
      updated_at: now,
    });
    await recordAudit(tx, actor, {
      action: "journals.run.approved",
      clientId: s.clientId,
      subjectType: "journal_run",
      subjectId: run.id,
      before: run,
      after: row,
    });
    return row;
  });
}

/** Posts one approved entry (journals.manage; the ledger checks ledger.post and the period). */
export async function postOneRun(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  runId: string,
): Promise<store.RunRow> {
  return inTransaction(ctx.db, async (tx) => {
    const s = await journalsScope(tx, actor, clientRef, "manage");
    const run = await store.lockRun(tx, s, runId);
    if (!run) throw missing(runId);
    if (run.state === "draft")
      throw conflict("journals/not-approved", "approve this entry before posting it");
    if (run.state !== "approved")
      throw conflict("journals/already-posted", `this entry is ${run.state} already`);
    const source = await store.getSource(tx, s, run.source_id);
    if (!source) throw missing(runId);
    return postRun(ctx, tx, actor, s, run, source);
  });
}
