// The month-end batch: list what a client's month gets, generate it (idempotent: a source's month
// and part have one run, so generating twice gives one set; held entries are tried again),
// approve all drafts, post all approved, and reverse one posted entry. Generated entries are
// ledger drafts; auto-post sources are posted as they are generated.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction, type Executor } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { conflict, notFound } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { isoScale } from "../../platform/money.ts";
import * as ledger from "../ledger/index.ts";
import type { ClientScope } from "../access/index.ts";
import { monthItems, type BatchItem } from "./batch-items.ts";
import { monthFacts } from "./month-facts.ts";
import { resolveLines, type MonthFacts, type RecurringLine } from "./recurring-lines.ts";
import { postRun, reverseRun } from "./run-post.ts";
import { journalsScope } from "./scope.ts";
import * as store from "./store.ts";

export interface Batch {
  month: string;
  items: BatchItem[];
  scale: number;
  /** Ledger entries' total debits by entry id, for generated items. */
  amounts: Map<string, bigint>;
}

async function batchOf(ctx: Ctx, actor: Actor, s: ClientScope, month: string): Promise<Batch> {
  const items = await monthItems(ctx.db, s, month);
  const amounts = new Map<string, bigint>();
  for (const i of items)
    if (i.run?.entry_id) {
      const entry = await ledger.getEntry(ctx, actor, s.clientId, i.run.entry_id);
      amounts.set(
        i.run.entry_id,
        entry.lines.reduce((sum, l) => sum + (l.amount > 0n ? l.amount : 0n), 0n),
      );
    }
  return { month, items, scale: isoScale(s.homeCurrency), amounts };
}

export async function monthBatch(ctx: Ctx, actor: Actor, clientRef: string, month: string): Promise<Batch> {
  const s = await journalsScope(ctx.db, actor, clientRef, "view");
  return batchOf(ctx, actor, s, month);
}

const fixedLines = (item: BatchItem): RecurringLine[] =>
  item.due!.formula ?? item.due!.lines!.map((l) => ({ kind: "fixed" as const, ...l }));

async function generateOne(
  ctx: Ctx,
  tx: Executor,
  actor: Actor,
  s: ClientScope,
  month: string,
  item: BatchItem,
  facts: MonthFacts,
) {
  const due = item.due!;
  const resolved = resolveLines(fixedLines(item), facts);
  const now = ctx.clock.now();
  let entryId: string | null = null;
  if (resolved.ok) {
    const draft = await ledger.createDraft(
      { ...ctx, db: tx },
      actor,
      s.clientId,
      {
        date: due.date,
        description: due.description,
        lines: resolved.lines.map((l) => ({
          accountId: l.accountId,
          amount: l.amount,
          currency: s.homeCurrency,
          memo: l.memo,
        })),
      },
      "journals",
    );
    entryId = draft.id;
  }
  const heldReason = resolved.ok ? null : resolved.reason;
  const run = item.run
    ? await store.updateRun(tx, s, item.run.id, {
        entry_id: entryId,
        held_reason: heldReason,
        updated_at: now,
      })
    : await store.insertRun(tx, s, {
        id: newId(),
        sourceId: item.source.id,
        month: `${month}-01`,
        part: due.part,
        state: "draft",
        entryId,
        heldReason,
        at: now,
      });
  // Another generation of the same month got there first: its run stands, this draft goes.
  if (!run) {
    if (entryId) await ledger.deleteDraft({ ...ctx, db: tx }, actor, s.clientId, entryId);
    return null;
  }
  await recordAudit(tx, actor, {
    action: resolved.ok ? "journals.run.generated" : "journals.run.held",
    clientId: s.clientId,
    subjectType: "journal_run",
    subjectId: run.id,
    after: run,
  });
  if (resolved.ok && item.source.auto_post) await postRun(ctx, tx, actor, s, run, item.source);
  // Newly held (not a held entry tried again and still held): the app tells the preparer.
  return !resolved.ok && !item.run
    ? {
        firmId: s.firmId,
        clientId: s.clientId,
        clientSlug: s.clientSlug,
        runId: run.id,
        sourceName: item.source.name,
        month,
        reason: resolved.reason,
      }
    : null;
}

/** A generated entry that was held (no longer balances, inactive account): who should hear of it. */
export interface HeldEntry {
  firmId: string;
  clientId: string;
  clientSlug: string;
  runId: string;
  sourceName: string;
  /** YYYY-MM */
  month: string;
  reason: string;
}

/** What the app wires in: tells the client's preparer of held entries (after the commit). */
export interface JournalsHooks {
  onHeld?: ((actor: Actor, held: readonly HeldEntry[]) => Promise<void>) | undefined;
  /** A payroll register's entries are in (their pay dates), e.g. to tick the month's register. */
  onPayrollImported?:
    ((actor: Actor, imported: { clientId: string; payDates: string[] }) => Promise<void>) | undefined;
}

export async function generateMonth(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  month: string,
  hooks: JournalsHooks = {},
): Promise<Batch> {
  const held: HeldEntry[] = [];
  const batch = await inTransaction(ctx.db, async (tx) => {
    const s = await journalsScope(tx, actor, clientRef, "manage");
    const c: Ctx = { ...ctx, db: tx };
    const todo = (await monthItems(tx, s, month)).filter(
      (i) => i.due !== null && (i.run === null || (i.run.state === "draft" && i.run.entry_id === null)),
    );
    if (todo.length > 0) {
      const facts = await monthFacts(
        c,
        actor,
        s,
        month,
        todo.some((i) => i.due!.formula !== null),
      );
      for (const item of todo) {
        const h = await generateOne(ctx, tx, actor, s, month, item, facts);
        if (h) held.push(h);
      }
    }
    return batchOf(c, actor, s, month);
  });
  // A notification that cannot be written must not undo the generated month.
  if (held.length && hooks.onHeld) await hooks.onHeld(actor, held).catch(() => undefined);
  return batch;
}

export async function approveMonth(ctx: Ctx, actor: Actor, clientRef: string, month: string): Promise<Batch> {
  return inTransaction(ctx.db, async (tx) => {
    const s = await journalsScope(tx, actor, clientRef, "approve");
    for (const run of await store.runsOf(tx, s, { month: `${month}-01` })) {
      if (run.state !== "draft" || !run.entry_id) continue; // held entries wait for the preparer
      const row = await store.updateRun(tx, s, run.id, {
        state: "approved",
        approved_by: actor.id,
        approved_at: ctx.clock.now(),
        updated_at: ctx.clock.now(),
      });
      await recordAudit(tx, actor, {
        action: "journals.run.approved",
        clientId: s.clientId,
        subjectType: "journal_run",
        subjectId: run.id,
        before: run,
        after: row,
      });
    }
    return batchOf({ ...ctx, db: tx }, actor, s, month);
  });
}

export async function postMonth(ctx: Ctx, actor: Actor, clientRef: string, month: string): Promise<Batch> {
  return inTransaction(ctx.db, async (tx) => {
    const s = await journalsScope(tx, actor, clientRef, "manage");
    const sources = new Map((await store.listSources(tx, s)).map((src) => [src.id, src]));
    for (const run of await store.runsOf(tx, s, { month: `${month}-01` }))
      if (run.state === "approved") await postRun(ctx, tx, actor, s, run, sources.get(run.source_id)!);
    return batchOf({ ...ctx, db: tx }, actor, s, month);
  });
}

export async function reverseMonthEntry(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  runId: string,
  date?: string,
): Promise<store.RunRow> {
  return inTransaction(ctx.db, async (tx) => {
    const s = await journalsScope(tx, actor, clientRef, "approve");
    const run = await store.lockRun(tx, s, runId);
    if (!run) throw notFound("journals/run-not-found", `no generated entry ${runId}`);
    if (run.state === "reversed")
      throw conflict("journals/already-reversed", "this entry was already reversed");
    return reverseRun(ctx, tx, actor, s, run, date);
  });
}
