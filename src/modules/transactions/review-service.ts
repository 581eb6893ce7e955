// Review: edit a transaction's account, payee, class/department or memo, split it by amount or
// percent, mark it reviewed (posting it first when it is not posted: Manual Push's "push"), and do
// the same to many at once. A posted transaction whose coding changes is reversed and posted again
// (the ledger stays append-only). Every correction teaches memory at once and queues retraining;
// every change is audited; one call is one database transaction, so a refusal changes nothing.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { notFound, ruleViolation, validationError } from "../../platform/errors.ts";
import { UUID } from "../../platform/ids.ts";
import { isoExponent } from "../../platform/money.ts";
import * as categorize from "../categorize/index.ts";
import type { Coding as EngineCoding, LearnItem } from "../categorize/index.ts";
import * as ledger from "../ledger/index.ts";
import { repostPlan, sameCoding, splitOf, type Coding, type SplitInput } from "./model.ts";
import { postCodings, resolveContacts, reverseEntry } from "./posting.ts";
import { clientScope, type ClientScope } from "./scope.ts";
import * as store from "./store.ts";
import type { TransactionPatch, TransactionRow } from "./store.ts";
import {
  codingOf,
  engineCoding,
  factsOf,
  lineOf,
  predictedCodingOf,
  splitToJson,
  viewOf,
  type TransactionView,
} from "./view.ts";

export interface EditInput {
  accountId?: string | undefined;
  /** A payee name; it becomes a contact when the transaction is posted. */
  payee?: string | null | undefined;
  contactId?: string | null | undefined;
  classId?: string | null | undefined;
  departmentId?: string | null | undefined;
  memo?: string | null | undefined;
  assigneeId?: string | null | undefined;
}

/** What the checks of a coding need to know about the client. */
interface Facts {
  accounts: Map<string, { active: boolean; name: string }>;
  dimensions: Map<string, string>;
  contacts: Map<string, string>;
  users: Set<string>;
}

async function factsFor(c: Ctx, actor: Actor, s: ClientScope): Promise<Facts> {
  const [accounts, dimensions, contacts, users] = await Promise.all([
    ledger.listAccounts(c, actor, s.clientId, { includeInactive: true }),
    ledger.listDimensions(c, actor, s.clientId),
    ledger.listContacts(c, actor, s.clientId),
    categorize.clientUserIds(c.db, s),
  ]);
  return {
    accounts: new Map(accounts.map((a) => [a.id, { active: a.is_active, name: a.full_name }])),
    dimensions: new Map(dimensions.filter((d) => d.is_active).map((d) => [d.id, d.kind])),
    contacts: new Map(contacts.map((x) => [x.id, x.name])),
    users,
  };
}

function checkAccount(f: Facts, id: string, field: string): void {
  const a = f.accounts.get(id);
  if (!a || !a.active)
    throw validationError(
      "transactions/unknown-account",
      `account ${id} is not an active account of this client`,
      { field },
    );
}

function checkDimension(
  f: Facts,
  id: string | null | undefined,
  kind: "class" | "department",
  field: string,
): void {
  if (id && f.dimensions.get(id) !== kind)
    throw validationError(`transactions/unknown-${kind}`, `${id} is not a ${kind} of this client`, { field });
}

/** The coding an edit asks for, checked against the client's chart, dimensions and contacts. */
function editedCoding(f: Facts, current: Coding, input: EditInput): Coding {
  const next: Coding = { ...current };
  if (input.accountId !== undefined) {
    checkAccount(f, input.accountId, "accountId");
    next.accountId = input.accountId;
    next.split = null;
  }
  if (input.contactId !== undefined) {
    if (input.contactId !== null && !f.contacts.has(input.contactId))
      throw validationError(
        "transactions/unknown-contact",
        `contact ${input.contactId} is not a contact of this client`,
        {
          field: "contactId",
        },
      );
    next.contactId = input.contactId;
    next.payee = input.contactId ? f.contacts.get(input.contactId)! : input.payee?.trim() || null;
  } else if (input.payee !== undefined) {
    const name = input.payee?.trim() || null;
    if (name !== current.payee) {
      next.payee = name;
      next.contactId = null;
    }
  }
  if (input.classId !== undefined) {
    checkDimension(f, input.classId, "class", "classId");
    next.classId = input.classId;
  }
  if (input.departmentId !== undefined) {
    checkDimension(f, input.departmentId, "department", "departmentId");
    next.departmentId = input.departmentId;
  }
  if (input.memo !== undefined) next.memo = input.memo?.trim() || null;
  return next;
}

const codingColumns = (c: Coding): TransactionPatch => ({
  account_id: c.accountId,
  payee: c.payee,
  contact_id: c.contactId,
  class_id: c.classId,
  department_id: c.departmentId,
  memo: c.memo,
  split: c.split ? JSON.stringify(splitToJson(c.split)) : null,
});

const learnedOf = (row: TransactionRow): EngineCoding | undefined =>
  (row.learned as EngineCoding | null) ?? undefined;

function sameEngineCoding(a: EngineCoding | null | undefined, b: EngineCoding | null | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The memory lesson of a transaction's new coding, unless memory already holds exactly it. */
function lessonOf(row: TransactionRow, coding: Coding): LearnItem | null {
  const teach = engineCoding(coding);
  if (!teach || sameEngineCoding(teach, learnedOf(row))) return null;
  const predicted = engineCoding(predictedCodingOf(row));
  return {
    line: lineOf(row),
    coding: teach,
    previous: learnedOf(row),
    correction: !sameEngineCoding(teach, predicted),
  };
}

/**
 * Brings the ledger in line with a new coding (reverse the posted entry, post the new one when it
 * should be posted) and returns the entry that now posts the transaction.
 */
async function repost(
  c: Ctx,
  actor: Actor,
  s: ClientScope,
  row: TransactionRow,
  coding: Coding,
  post: boolean,
): Promise<string | null> {
  const plan = repostPlan(row.entry_id, codingOf(row), coding, post);
  if (plan.reverse) await reverseEntry(c, actor, s, plan.reverse, `Correction of: ${row.description}`);
  if (!plan.post) return plan.reverse ? null : row.entry_id;
  await resolveContacts(c, actor, s, [{ coding, amount: row.amount }]);
  const [entryId] = await postCodings(c.db, actor, s, [{ facts: factsOf(row), coding }], {
    action: plan.reverse ? "transactions.reposted" : "transactions.pushed",
    detail: { transactionId: row.id, reversed: plan.reverse },
  });
  return entryId!;
}

async function lockRows(c: Ctx, s: ClientScope, ids: readonly string[]): Promise<TransactionRow[]> {
  const valid = [...new Set(ids)];
  const bad = valid.find((id) => !UUID.test(id));
  if (bad) throw notFound("transactions/not-found", `no transaction ${bad}`);
  const rows = await store.transactionsByIds(c.db, s, valid, { lock: true });
  if (rows.length !== valid.length) {
    const found = new Set(rows.map((r) => r.id));
    throw notFound("transactions/not-found", `no transaction ${valid.find((id) => !found.has(id))}`);
  }
  return rows;
}

const who = (actor: Actor, at: Date) => ({ by: actor.id, name: actor.displayName, at });

async function editRows(
  c: Ctx,
  actor: Actor,
  s: ClientScope,
  rows: readonly TransactionRow[],
  input: EditInput,
  f: Facts,
): Promise<TransactionView[]> {
  if (input.assigneeId && !f.users.has(input.assigneeId))
    throw validationError("transactions/unknown-user", "the assignee does not work on this client", {
      field: "assigneeId",
    });
  const now = c.clock.now();
  const lessons: Array<{ row: TransactionRow; lesson: LearnItem }> = [];
  const out: TransactionRow[] = [];
  for (const row of rows) {
    const before = codingOf(row);
    const coding = editedCoding(f, before, input);
    const changed = !sameCoding(before, coding);
    const entryId = changed ? await repost(c, actor, s, row, coding, false) : row.entry_id;
    const patch: TransactionPatch = {
      ...codingColumns(coding),
      entry_id: entryId,
      posted_at: entryId === row.entry_id ? row.posted_at : entryId ? now : null,
    };
    if (changed)
      Object.assign(patch, { edited_by: actor.id, edited_by_name: actor.displayName, edited_at: now });
    if (input.assigneeId !== undefined) patch.assignee_id = input.assigneeId;
    const updated = await store.updateTransaction(c.db, s, row.id, patch);
    const lesson = changed ? lessonOf(row, coding) : null;
    if (lesson) lessons.push({ row: updated, lesson });
    out.push(updated);
    if (changed || input.assigneeId !== undefined)
      await recordAudit(c.db, actor, {
        action: "transactions.transaction.edited",
        clientId: s.clientId,
        subjectType: "transaction",
        subjectId: row.id,
        before: { coding: before, entryId: row.entry_id, assigneeId: row.assignee_id },
        after: {
          coding,
          entryId,
          reversed: entryId !== row.entry_id ? row.entry_id : null,
          assigneeId: updated.assignee_id,
        },
      });
  }
  return (await teach(c, actor, s, out, lessons)).map(viewOf);
}

/** Teaches memory the lessons at once and records what it learned on each transaction. */
async function teach(
  c: Ctx,
  actor: Actor,
  s: ClientScope,
  rows: TransactionRow[],
  lessons: ReadonlyArray<{ row: TransactionRow; lesson: LearnItem }>,
): Promise<TransactionRow[]> {
  if (lessons.length === 0) return rows;
  const outcome = await categorize.learnCodings(
    c,
    actor,
    s,
    lessons.map((l) => l.lesson),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const [i, { row, lesson }] of lessons.entries()) {
    // Not learned (excluded account, outside the window): memory no longer holds the old vote either.
    const learned = outcome.learned[i] ? lesson.coding : null;
    byId.set(
      row.id,
      await store.updateTransaction(c.db, s, row.id, { learned: learned ? JSON.stringify(learned) : null }),
    );
  }
  return rows.map((r) => byId.get(r.id)!);
}

export async function editTransaction(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  id: string,
  input: EditInput,
): Promise<TransactionView> {
  return inTransaction(ctx.db, async (tx) => {
    const c: Ctx = { ...ctx, db: tx };
    const s = await clientScope(tx, actor, clientRef, "review");
    const rows = await lockRows(c, s, [id]);
    return (await editRows(c, actor, s, rows, input, await factsFor(c, actor, s)))[0]!;
  });
}

export const MAX_BULK = 500;

function checkBulk(ids: readonly string[]): void {
  if (ids.length === 0)
    throw validationError("transactions/no-selection", "choose at least one transaction", { field: "ids" });
  if (ids.length > MAX_BULK)
    throw validationError("transactions/too-many", `at most ${MAX_BULK} transactions at a time`, {
      field: "ids",
    });
}

export async function bulkEdit(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  ids: readonly string[],
  input: EditInput,
): Promise<TransactionView[]> {
  checkBulk(ids);
  return inTransaction(ctx.db, async (tx) => {
    const c: Ctx = { ...ctx, db: tx };
    const s = await clientScope(tx, actor, clientRef, "review");
    const rows = await lockRows(c, s, ids);
    return editRows(c, actor, s, rows, input, await factsFor(c, actor, s));
  });
}

/** Splits a transaction by amounts (which must total it) or percentages (which must total 100). */
export async function splitTransaction(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  id: string,
  input: SplitInput,
): Promise<TransactionView> {
  return inTransaction(ctx.db, async (tx) => {
    const c: Ctx = { ...ctx, db: tx };
    const s = await clientScope(tx, actor, clientRef, "review");
    const [row] = await lockRows(c, s, [id]);
    const f = await factsFor(c, actor, s);
    input.parts.forEach((p, i) => {
      checkAccount(f, p.accountId, `parts[${i}].accountId`);
      checkDimension(f, p.classId, "class", `parts[${i}].classId`);
    });
    const parts = splitOf(row!.amount, input, isoExponent(row!.currency));
    const before = codingOf(row!);
    const coding: Coding = { ...before, accountId: null, classId: null, split: parts };
    const entryId = await repost(c, actor, s, row!, coding, false);
    const now = c.clock.now();
    const updated = await store.updateTransaction(tx, s, row!.id, {
      ...codingColumns(coding),
      entry_id: entryId,
      posted_at: entryId === row!.entry_id ? row!.posted_at : entryId ? now : null,
      edited_by: actor.id,
      edited_by_name: actor.displayName,
      edited_at: now,
    });
    await recordAudit(tx, actor, {
      action: "transactions.transaction.split",
      clientId: s.clientId,
      subjectType: "transaction",
      subjectId: row!.id,
      before: { coding: before, entryId: row!.entry_id },
      after: { coding, entryId, reversed: entryId !== row!.entry_id ? row!.entry_id : null },
    });
    return viewOf(updated);
  });
}

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
