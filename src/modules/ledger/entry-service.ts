// Use cases for journal entries: drafts, posting, reversal and bulk posting (imports). Every
// posting runs the pure checks of model.ts against the client's facts inside one transaction,
// then inserts the entry, its lines and the balance deltas together, with its audit event.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction, type Executor } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { monthOf, parseIsoDate } from "../../platform/dates.ts";
import { conflict, notFound, validationError } from "../../platform/errors.ts";
import { newId, newIds } from "../../platform/ids.ts";
import {
  balanceDeltas,
  checkEntry,
  checkOpenPeriod,
  reversalLines,
  type EntryInput,
  type LineInput,
  type PostingContext,
} from "./model.ts";
import { clientScope } from "./scope.ts";
import * as store from "./store.ts";
import * as entries from "./entry-store.ts";
import type { EntryRow, LineRow } from "./entry-store.ts";
import type { Scope } from "./store.ts";

export interface EntryView {
  id: string;
  number: bigint;
  date: string;
  description: string;
  reference: string | null;
  comment: string | null;
  status: "draft" | "posted" | "reversed";
  source: string;
  reversesEntryId: string | null;
  reversedByEntryId: string | null;
  createdBy: string;
  postedAt: Date | null;
  lines: LineInput[];
}

/** Loads what checkEntry needs for these entries: only the accounts, contacts and months they use. */
export async function postingContext(
  ex: Executor,
  s: Scope,
  list: readonly EntryInput[],
): Promise<PostingContext> {
  const accountIds = new Set<string>();
  const contactIds = new Set<string>();
  const dimensionIds = new Set<string>();
  const months = new Set<string>();
  for (const e of list) {
    months.add(monthOf(e.date));
    for (const l of e.lines) {
      accountIds.add(l.accountId);
      if (l.contactId) contactIds.add(l.contactId);
      for (const d of [l.classId, l.departmentId, l.locationId, l.projectId]) if (d) dimensionIds.add(d);
    }
  }
  const validIds = [...accountIds].filter((id) => UUID_RE.test(id));
  const [accounts, currencies, contacts, dimensions, locked] = await Promise.all([
    store.accountsByIds(ex, s, validIds),
    store.currencyScales(ex, s),
    store.existingContactIds(
      ex,
      s,
      [...contactIds].filter((id) => UUID_RE.test(id)),
    ),
    store.dimensionKinds(
      ex,
      s,
      [...dimensionIds].filter((id) => UUID_RE.test(id)),
    ),
    store.lockedMonths(ex, s, [...months]),
  ]);
  return {
    accounts: new Map(
      accounts.map((a) => [a.id, { id: a.id, fullName: a.full_name, isActive: a.is_active }]),
    ),
    currencies: new Set(currencies.keys()),
    contacts,
    dimensions,
    lockedMonths: locked,
  };
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function normalize(input: EntryInput): EntryInput {
  return {
    date: parseIsoDate(input.date),
    description: (input.description ?? "").trim(),
    reference: input.reference?.trim() || null,
    comment: input.comment?.trim() || null,
    lines: input.lines,
  };
}

export async function createDraft(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  input: EntryInput,
): Promise<EntryView> {
  return inTransaction(ctx.db, async (tx) => {
    const s = await clientScope(tx, actor, clientRef, "ledger.post");
    const entry = normalize(input);
    const [number] = [await entries.reserveEntryNumbers(tx, s, 1)];
    const row = await entries.insertDraft(tx, s, {
      id: newId(),
      number: number!,
      ...entry,
      reference: entry.reference ?? null,
      comment: entry.comment ?? null,
      source: "manual",
      reversesEntryId: null,
      createdBy: actor.id,
    });
    await recordAudit(tx, actor, {
      action: "ledger.entry.draft_created",
      clientId: s.clientId,
      subjectType: "journal_entry",
      subjectId: row.id,
      after: row,
    });
    return viewOf(row, entry.lines, null);
  });
}

export async function updateDraft(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  entryId: string,
  input: EntryInput,
): Promise<EntryView> {
  return inTransaction(ctx.db, async (tx) => {
    const s = await clientScope(tx, actor, clientRef, "ledger.post");
    const before = await entries.lockEntry(tx, s, entryId);
    if (!before) throw notFound("ledger/entry-not-found", `no journal entry ${entryId}`);
    if (before.status !== "draft")
      throw conflict("ledger/entry-posted", "a posted entry cannot be edited; reverse it instead");
    const entry = normalize(input);
    const row = await entries.updateDraft(tx, s, entryId, {
      ...entry,
      reference: entry.reference ?? null,
      comment: entry.comment ?? null,
    });
    await recordAudit(tx, actor, {
      action: "ledger.entry.draft_updated",
      clientId: s.clientId,
      subjectType: "journal_entry",
      subjectId: entryId,
      before,
      after: row,
    });
    return viewOf(row, entry.lines, null);
  });
}

export async function deleteDraft(ctx: Ctx, actor: Actor, clientRef: string, entryId: string): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const s = await clientScope(tx, actor, clientRef, "ledger.post");
    const before = await entries.lockEntry(tx, s, entryId);
    if (!before) throw notFound("ledger/entry-not-found", `no journal entry ${entryId}`);
    if (before.status !== "draft")
      throw conflict("ledger/entry-posted", "a posted entry cannot be deleted; reverse it instead");
    await entries.deleteDraft(tx, s, entryId);
    await recordAudit(tx, actor, {
      action: "ledger.entry.draft_deleted",
      clientId: s.clientId,
      subjectType: "journal_entry",
      subjectId: entryId,
      before,
    });
  });
}

/** Posts a draft: the checks run now, against today's chart and periods. */
export async function postDraft(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  entryId: string,
): Promise<EntryView> {
  return inTransaction(ctx.db, async (tx) => {
    const s = await clientScope(tx, actor, clientRef, "ledger.post");
    const draft = await entries.lockEntry(tx, s, entryId);
    if (!draft) throw notFound("ledger/entry-not-found", `no journal entry ${entryId}`);
    if (draft.status !== "draft") throw conflict("ledger/entry-posted", "this entry is already posted");
    const lines = linesFromJson(draft.draft_lines);
    const input: EntryInput = { date: draft.date, description: draft.description, lines };
    checkEntry(input, await postingContext(tx, s, [input]));
    const row = await entries.postDraft(tx, s, entryId, draft.date, lines);
    await entries.addToBalances(tx, s, balanceDeltas([input]));
    await recordAudit(tx, actor, {
      action: "ledger.entry.posted",
      clientId: s.clientId,
      subjectType: "journal_entry",
      subjectId: entryId,
      before: draft,
      after: row,
    });
    return viewOf(row, lines, null);
  });
}

/** Creates and posts an entry in one step. */
export async function postEntry(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  input: EntryInput,
  source = "manual",
): Promise<EntryView> {
  return inTransaction(ctx.db, async (tx) => {
    const s = await clientScope(tx, actor, clientRef, "ledger.post");
    const [posted] = await postEntries(tx, actor, s, [input], source);
    return posted!;
  });
}

/**
 * Posts many entries for one client inside the caller's transaction: all are checked first, so
 * one bad entry refuses the whole batch (its index is in the error), then they are inserted in
 * bulk with one audit event for the batch. The service behind imports and automation.
 */
export async function postEntries(
  tx: Executor,
  actor: Actor,
  s: Scope,
  list: readonly EntryInput[],
  source: string,
  audit: { action?: string; detail?: Record<string, unknown> } = {},
): Promise<EntryView[]> {
  const normalized = list.map((e, i) => withIndex(i, list.length, () => normalize(e)));
  const ctx = await postingContext(tx, s, normalized);
  normalized.forEach((e, i) => withIndex(i, list.length, () => checkEntry(e, ctx)));
  const first = await entries.reserveEntryNumbers(tx, s, normalized.length);
  const ids = newIds(normalized.length);
  const rows: entries.NewEntry[] = normalized.map((e, i) => ({
    id: ids[i]!,
    number: first + BigInt(i),
    date: e.date,
    description: e.description,
    reference: e.reference ?? null,
    comment: e.comment ?? null,
    source,
    reversesEntryId: null,
    createdBy: actor.id,
    lines: e.lines,
  }));
  await entries.insertPosted(tx, s, rows);
  await entries.addToBalances(tx, s, balanceDeltas(normalized));
  if (rows.length === 1 && !audit.action) {
    await recordAudit(tx, actor, {
      action: "ledger.entry.posted",
      clientId: s.clientId,
      subjectType: "journal_entry",
      subjectId: rows[0]!.id,
      after: rows[0],
    });
  } else {
    await recordAudit(tx, actor, {
      action: audit.action ?? "ledger.entries.posted",
      clientId: s.clientId,
      subjectType: "client",
      subjectId: s.clientId,
      after: { entries: rows.length, source, first: first.toString(), ...audit.detail },
    });
  }
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    date: r.date,
    description: r.description,
    reference: r.reference,
    comment: r.comment,
    status: "posted" as const,
    source,
    reversesEntryId: null,
    reversedByEntryId: null,
    createdBy: actor.id,
    postedAt: new Date(),
    lines: r.lines,
  }));
}

function withIndex<T>(i: number, total: number, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (total > 1 && error instanceof Error && "detail" in error) {
      const e = error as Error & { detail: string; field?: string };
      Object.assign(e, {
        detail: `entry ${i + 1}: ${e.detail}`,
        message: `entry ${i + 1}: ${e.detail}`,
        field: `entries[${i}]${e.field ? `.${e.field}` : ""}`,
      });
    }
    throw error;
  }
}

/** Reverses a posted entry with a new entry on `date` (default: the original date). */
export async function reverseEntry(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  entryId: string,
  options: { date?: string | undefined; description?: string | undefined } = {},
): Promise<EntryView> {
  return inTransaction(ctx.db, async (tx) => {
    const s = await clientScope(tx, actor, clientRef, "ledger.post");
    const original = await entries.lockEntry(tx, s, entryId);
    if (!original) throw notFound("ledger/entry-not-found", `no journal entry ${entryId}`);
    if (original.status !== "posted")
      throw conflict(
        "ledger/entry-not-posted",
        "only a posted entry can be reversed; delete the draft instead",
      );
    if (original.reverses_entry_id)
      throw conflict(
        "ledger/reversal-of-reversal",
        "this entry is itself a reversal; post a new entry instead",
      );
    if (await entries.reversalOf(tx, s, entryId))
      throw conflict("ledger/already-reversed", "this entry has already been reversed");
    const date = options.date ? parseIsoDate(options.date) : original.date;
    const lockedMonths = await store.lockedMonths(tx, s, [monthOf(date)]);
    checkOpenPeriod(date, { lockedMonths });
    const lines = reversalLines(rowsToLines(await entries.linesOf(tx, s, [entryId])));
    const input: EntryInput = {
      date,
      description: options.description ?? `Reversal of entry ${original.number}: ${original.description}`,
      lines,
    };
    // Accounts that became inactive may still be reversed: the reversal only undoes what was posted.
    const [number] = [await entries.reserveEntryNumbers(tx, s, 1)];
    const row: entries.NewEntry = {
      id: newId(),
      number: number!,
      date,
      description: input.description,
      reference: original.reference,
      comment: null,
      source: "reversal",
      reversesEntryId: entryId,
      createdBy: actor.id,
      lines,
    };
    await entries.insertPosted(tx, s, [row]);
    await entries.addToBalances(tx, s, balanceDeltas([input]));
    await recordAudit(tx, actor, {
      action: "ledger.entry.reversed",
      clientId: s.clientId,
      subjectType: "journal_entry",
      subjectId: entryId,
      after: { reversalId: row.id, date },
    });
    return viewOf(
      {
        ...original,
        id: row.id,
        number: row.number,
        date,
        description: input.description,
        source: "reversal",
        reverses_entry_id: entryId,
        status: "posted",
        created_by: actor.id,
        posted_at: new Date(),
      },
      lines,
      null,
    );
  });
}

export async function getEntry(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  entryId: string,
): Promise<EntryView> {
  const s = await clientScope(ctx.db, actor, clientRef, "ledger.read");
  if (!UUID_RE.test(entryId)) throw notFound("ledger/entry-not-found", `no journal entry ${entryId}`);
  const row = await entries.entryById(ctx.db, s, entryId);
  if (!row) throw notFound("ledger/entry-not-found", `no journal entry ${entryId}`);
  const reversal = await entries.reversalOf(ctx.db, s, entryId);
  const lines =
    row.status === "draft"
      ? linesFromJson(row.draft_lines)
      : rowsToLines(await entries.linesOf(ctx.db, s, [entryId]));
  return viewOf(row, lines, reversal?.id ?? null);
}

export async function listEntries(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  filter: entries.EntryFilter,
): Promise<EntryView[]> {
  const s = await clientScope(ctx.db, actor, clientRef, "ledger.read");
  const { rows, reversalOf } = await entries.listEntries(ctx.db, s, filter);
  const posted = rows.filter((r) => r.status === "posted").map((r) => r.id);
  const lines = await entries.linesOf(ctx.db, s, posted);
  const byEntry = new Map<string, LineRow[]>();
  for (const l of lines) byEntry.set(l.entry_id, [...(byEntry.get(l.entry_id) ?? []), l]);
  return rows.map((r) =>
    viewOf(
      r,
      r.status === "draft" ? linesFromJson(r.draft_lines) : rowsToLines(byEntry.get(r.id) ?? []),
      reversalOf.get(r.id) ?? null,
    ),
  );
}

function viewOf(row: EntryRow, lines: LineInput[], reversedBy: string | null): EntryView {
  return {
    id: row.id,
    number: row.number,
    date: row.date,
    description: row.description,
    reference: row.reference,
    comment: row.comment,
    status: row.status === "draft" ? "draft" : reversedBy ? "reversed" : "posted",
    source: row.source,
    reversesEntryId: row.reverses_entry_id,
    reversedByEntryId: reversedBy,
    createdBy: row.created_by,
    postedAt: row.posted_at,
    lines,
  };
}

export function rowsToLines(rows: readonly LineRow[]): LineInput[] {
  return rows.map((l) => ({
    accountId: l.account_id,
    amount: l.amount,
    currency: l.currency,
    cost:
      l.cost_amount !== null && l.cost_currency !== null
        ? { amount: l.cost_amount, currency: l.cost_currency }
        : undefined,
    isConversion: l.is_conversion,
    isVirtual: l.is_virtual,
    contactId: l.contact_id,
    classId: l.class_id,
    departmentId: l.department_id,
    locationId: l.location_id,
    projectId: l.project_id,
    memo: l.memo,
  }));
}

function linesFromJson(json: unknown): LineInput[] {
  if (!Array.isArray(json)) throw validationError("ledger/corrupt-draft", "the draft has no lines");
  return json.map((l: Record<string, unknown>) => ({
    ...(l as unknown as LineInput),
    amount: BigInt(l.amount as string),
    cost: l.cost
      ? {
          amount: BigInt((l.cost as { amount: string }).amount),
          currency: (l.cost as { currency: string }).currency,
        }
      : undefined,
  }));
}
