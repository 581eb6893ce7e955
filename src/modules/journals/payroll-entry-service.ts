// Payroll entries from a register file: preview (the entries the file gives, nothing saved),
// import (one ledger draft per pay date, refused whole when a pay date was already imported from
// the provider), approve, post, reverse (a correction: the posted entry is never edited) and
// discard a draft. Every change is audited; refusals change nothing.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction, type Executor } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { conflict, notFound, validationError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { isoScale } from "../../platform/money.ts";
import * as ledger from "../ledger/index.ts";
import type { ClientScope } from "../access/index.ts";
import { planPayroll, type PlannedEntry } from "./payroll-model.ts";
import { checkAccounts, existingMapping, mappingOf } from "./payroll-mapping-service.ts";
import { linkImportedLine, unlinkLine } from "./payroll-match.ts";
import { csvGrid, looksLikeXlsx, xlsxGrid, type Grid } from "./payroll-read.ts";
import * as store from "./payroll-store.ts";
import { journalsScope } from "./scope.ts";

export interface RegisterFile {
  provider: string;
  fileName: string;
  /** The file as text (CSV) or as base64 (XLSX or CSV). */
  text?: string | undefined;
  base64?: string | undefined;
}

export interface Preview {
  provider: string;
  scale: number;
  entries: PlannedEntry[];
  /** Pay dates of the file the provider already has a live entry for. */
  duplicates: string[];
  accountNames: Map<string, string>;
}

async function gridOf(file: RegisterFile): Promise<Grid> {
  if (file.base64 !== undefined) {
    const bytes = Buffer.from(file.base64, "base64");
    if (looksLikeXlsx(bytes) || /\.xlsx$/i.test(file.fileName)) return xlsxGrid(bytes);
    return csvGrid(bytes.toString("utf8"));
  }
  if (file.text !== undefined) return csvGrid(file.text);
  throw validationError("journals/payroll-no-file", "send the register as text or base64", { field: "text" });
}

async function planned(tx: Executor, s: ClientScope, file: RegisterFile) {
  const mapping = mappingOf(await existingMapping(tx, s, file.provider));
  const scale = isoScale(s.homeCurrency);
  const entries = planPayroll(await gridOf(file), mapping, scale);
  const live = await store.liveEntriesOn(
    tx,
    s,
    file.provider,
    entries.map((e) => e.payDate),
  );
  return { mapping, scale, entries, duplicates: live.map((e) => e.pay_date).sort() };
}

/** What the file would give, for the preparer to check before importing. */
export async function previewPayroll(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  file: RegisterFile,
): Promise<Preview> {
  const s = await journalsScope(ctx.db, actor, clientRef, "view");
  const p = await planned(ctx.db, s, file);
  const chart = await ledger.listAccounts(ctx, actor, s.clientId, { includeInactive: true });
  return {
    provider: file.provider,
    scale: p.scale,
    entries: p.entries,
    duplicates: p.duplicates,
    accountNames: new Map(chart.map((a) => [a.id, a.full_name])),
  };
}

/** A wages line's department (or class) dimension, when the client's books have one of that name. */
async function dimensionsByName(ctx: Ctx, actor: Actor, s: ClientScope) {
  const dims = await ledger.listDimensions(ctx, actor, s.clientId);
  const by = new Map<string, { departmentId?: string; classId?: string }>();
  for (const d of dims.filter((d) => d.is_active)) {
    const key = d.name.trim().toLowerCase();
    if (d.kind === "department") by.set(key, { departmentId: d.id });
    else if (d.kind === "class" && !by.has(key)) by.set(key, { classId: d.id });
  }
  return by;
}

export async function importPayroll(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  file: RegisterFile,
): Promise<{ rows: store.PayrollEntryRow[]; scale: number }> {
  return inTransaction(ctx.db, async (tx) => {
    const s = await journalsScope(tx, actor, clientRef, "manage");
    const c: Ctx = { ...ctx, db: tx };
    const p = await planned(tx, s, file);
    if (p.duplicates.length > 0)
      throw conflict(
        "journals/payroll-duplicate",
        `pay date ${p.duplicates.join(", ")} was already imported from ${file.provider}; reverse that entry first to import it again`,
        { extra: { payDates: p.duplicates } },
      );
    const accounts = new Set(p.entries.flatMap((e) => e.lines.map((l) => l.accountId)));
    await checkAccounts(
      c,
      actor,
      s,
      [...accounts].map((id) => [id, "mapping"]),
    );
    const dims = await dimensionsByName(c, actor, s);
    const rows: store.PayrollEntryRow[] = [];
    for (const e of p.entries) {
      const draft = await ledger.createDraft(
        c,
        actor,
        s.clientId,
        {
          date: e.payDate,
          description: `Payroll ${e.payDate} (${file.provider}, ${e.rows} employee${e.rows === 1 ? "" : "s"})`,
          reference: file.fileName.slice(0, 100),
          lines: e.lines.map((l) => ({
            accountId: l.accountId,
            amount: l.amount,
            currency: s.homeCurrency,
            memo: l.memo,
            ...(l.department ? dims.get(l.department.trim().toLowerCase()) : {}),
          })),
        },
        "payroll",
      );
      const row = await store.insertEntry(tx, s, {
        id: newId(),
        provider: file.provider,
        payDate: e.payDate,
        entryId: draft.id,
        bankAccountId: p.mapping.accounts.bank,
        netPay: e.totals.net,
        grossWages: e.totals.gross,
        employees: e.rows,
        fileName: file.fileName,
        createdBy: actor.id,
        at: ctx.clock.now(),
      });
      await audit(tx, actor, s, "imported", row);
      rows.push(row);
    }
    return { rows, scale: p.scale };
  });
}

async function audit(
  tx: Executor,
  actor: Actor,
  s: ClientScope,
  action: string,
  after: unknown,
  before?: unknown,
) {
  const row = (after ?? before) as store.PayrollEntryRow;
  await recordAudit(tx, actor, {
    action: `journals.payroll.${action}`,
    clientId: s.clientId,
    subjectType: "payroll_entry",
    subjectId: row.id,
    ...(before === undefined ? {} : { before }),
    ...(after === undefined ? {} : { after }),
  });
}

export async function listPayrollEntries(ctx: Ctx, actor: Actor, clientRef: string, month?: string) {
  const s = await journalsScope(ctx.db, actor, clientRef, "view");
  return { rows: await store.listEntries(ctx.db, s, { month }), scale: isoScale(s.homeCurrency) };
}

async function locked(tx: Executor, s: ClientScope, id: string): Promise<store.PayrollEntryRow> {
  const row = await store.lockEntry(tx, s, id);
  if (!row) throw notFound("journals/payroll-entry-not-found", `no payroll entry ${id}`);
  return row;
}

type Step = (
  c: Ctx,
  actor: Actor,
  s: ClientScope,
  row: store.PayrollEntryRow,
) => Promise<store.PayrollEntryRow | null>;

/** Runs one state change of one payroll entry inside a transaction with the work's permission. */
function change(work: "manage" | "approve", step: Step) {
  return (ctx: Ctx, actor: Actor, clientRef: string, id: string) =>
    inTransaction(ctx.db, async (tx) => {
      const s = await journalsScope(tx, actor, clientRef, work);
      const row = await step({ ...ctx, db: tx }, actor, s, await locked(tx, s, id));
      return { row, scale: isoScale(s.homeCurrency) };
    });
}

const refuse = (row: store.PayrollEntryRow, what: string) =>
  conflict("journals/payroll-state", `this payroll entry is ${row.state}; ${what}`);

async function approveStep(c: Ctx, actor: Actor, s: ClientScope, row: store.PayrollEntryRow) {
  if (row.state !== "draft") throw refuse(row, "only a draft is approved");
  const now = c.clock.now();
  const after = await store.updateEntry(c.db, s, row.id, {
    state: "approved",
    approved_by: actor.id,
    approved_at: now,
    updated_at: now,
  });
  await audit(c.db, actor, s, "approved", after, row);
  return after;
}

async function postStep(c: Ctx, actor: Actor, s: ClientScope, row: store.PayrollEntryRow) {
  if (row.state !== "approved") throw refuse(row, "it is approved before it is posted");
  await ledger.postDraft(c, actor, s.clientId, row.entry_id);
  const after = await store.updateEntry(c.db, s, row.id, { state: "posted", updated_at: c.clock.now() });
  await audit(c.db, actor, s, "posted", after, row);
  return linkImportedLine(c, actor, s, after);
}

async function reverseStep(c: Ctx, actor: Actor, s: ClientScope, row: store.PayrollEntryRow, date?: string) {
  if (row.state !== "posted") throw refuse(row, "only a posted entry is reversed (a draft is discarded)");
  await unlinkLine(c, actor, s, row);
  const reversal = await ledger.reverseEntry(c, actor, s.clientId, row.entry_id, { date });
  const after = await store.updateEntry(c.db, s, row.id, {
    state: "reversed",
    reversal_entry_id: reversal.id,
    matched_transaction_id: null,
    updated_at: c.clock.now(),
  });
  await audit(c.db, actor, s, "reversed", after, row);
  return after;
}

async function discardStep(c: Ctx, actor: Actor, s: ClientScope, row: store.PayrollEntryRow) {
  if (row.state !== "draft" && row.state !== "approved")
    throw refuse(row, "a posted entry is reversed instead");
  await ledger.deleteDraft(c, actor, s.clientId, row.entry_id);
  await store.deleteEntry(c.db, s, row.id);
  await audit(c.db, actor, s, "discarded", undefined, row);
  return null;
}

/** The reviewer's approval (journals.approve), as for the month's batch. */
export const approvePayroll = change("approve", approveStep);
export const postPayroll = change("manage", postStep);
export const discardPayroll = change("manage", discardStep);
/** "Match payroll": links the bank line of a posted entry imported before it (posting tries it too). */
export const matchPayroll = change("manage", (c, actor, s, row) => {
  if (row.state !== "posted") throw refuse(row, "only a posted entry is matched to its bank line");
  return linkImportedLine(c, actor, s, row);
});
export const reversePayroll = (ctx: Ctx, actor: Actor, clientRef: string, id: string, date?: string) =>
  change("approve", (c, a, s, row) => reverseStep(c, a, s, row, date))(ctx, actor, clientRef, id);
