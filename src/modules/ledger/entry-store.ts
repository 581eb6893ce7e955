// SQL for journal entries, their lines and the monthly balance buckets. Posted rows are only ever
// inserted (the database refuses updates and deletes); lines go in as arrays through unnest so a
// large import is a handful of statements, not one per row.
import { sql } from "kysely";
import type { Selectable } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { toJson } from "../../platform/json.ts";
import type { BalanceDelta, LineInput } from "./model.ts";
import { bumpLedgerVersion, q, type Scope } from "./store.ts";
import type { JournalEntriesTable, JournalLinesTable } from "./tables.ts";

export type EntryRow = Selectable<JournalEntriesTable>;
export type LineRow = Selectable<JournalLinesTable>;

const BATCH = 20_000;

/** Reserves `count` consecutive entry numbers for the client; returns the first. */
export async function reserveEntryNumbers(ex: Executor, s: Scope, count: number): Promise<bigint> {
  const row = await q(ex)
    .insertInto("client_sequences")
    .values({ client_id: s.clientId, name: "journal_entry", next_value: BigInt(count + 1) })
    .onConflict((oc) =>
      oc
        .columns(["client_id", "name"])
        .doUpdateSet({ next_value: sql`client_sequences.next_value + ${String(count)}::int8` }),
    )
    .returning("next_value")
    .executeTakeFirstOrThrow();
  return row.next_value - BigInt(count);
}

export interface NewEntry {
  id: string;
  number: bigint;
  date: string;
  description: string;
  reference: string | null;
  comment: string | null;
  source: string;
  reversesEntryId: string | null;
  createdBy: string;
  lines: LineInput[];
}

export async function insertDraft(ex: Executor, s: Scope, e: NewEntry): Promise<EntryRow> {
  return q(ex)
    .insertInto("journal_entries")
    .values({
      id: e.id,
      firm_id: s.firmId,
      client_id: s.clientId,
      number: e.number,
      date: e.date,
      description: e.description,
      reference: e.reference,
      comment: e.comment,
      status: "draft",
      source: e.source,
      reverses_entry_id: e.reversesEntryId,
      draft_lines: toJson(e.lines),
      created_by: e.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateDraft(
  ex: Executor,
  s: Scope,
  id: string,
  patch: {
    date: string;
    description: string;
    reference: string | null;
    comment: string | null;
    lines: LineInput[];
  },
): Promise<EntryRow> {
  return q(ex)
    .updateTable("journal_entries")
    .set({
      date: patch.date,
      description: patch.description,
      reference: patch.reference,
      comment: patch.comment,
      draft_lines: toJson(patch.lines),
    })
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .where("status", "=", "draft")
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteDraft(ex: Executor, s: Scope, id: string): Promise<void> {
  await q(ex)
    .deleteFrom("journal_entries")
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .where("status", "=", "draft")
    .execute();
}

/** Marks a draft posted (the only update a journal entry ever gets) and inserts its lines. */
export async function postDraft(
  ex: Executor,
  s: Scope,
  id: string,
  date: string,
  lines: LineInput[],
): Promise<EntryRow> {
  const row = await q(ex)
    .updateTable("journal_entries")
    .set({ status: "posted", draft_lines: null, posted_at: new Date() })
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .where("status", "=", "draft")
    .returningAll()
    .executeTakeFirstOrThrow();
  await insertLines(ex, s, [{ id, date, lines }]);
  return row;
}

/** Inserts posted entries and their lines. */
export async function insertPosted(ex: Executor, s: Scope, entries: readonly NewEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += BATCH) {
    const batch = entries.slice(i, i + BATCH);
    await sql`
      insert into journal_entries (id, firm_id, client_id, number, date, description, reference, comment, status, source, reverses_entry_id, created_by, posted_at)
      select u.id, ${s.firmId}::uuid, ${s.clientId}::uuid, u.number, u.date, u.description, u.reference, u.comment, 'posted', u.source, u.reverses, u.created_by, now()
      from unnest(
        ${batch.map((e) => e.id)}::uuid[], ${batch.map((e) => e.number.toString())}::int8[], ${batch.map((e) => e.date)}::date[],
        ${batch.map((e) => e.description)}::text[], ${batch.map((e) => e.reference)}::text[], ${batch.map((e) => e.comment)}::text[],
        ${batch.map((e) => e.source)}::text[], ${batch.map((e) => e.reversesEntryId)}::uuid[], ${batch.map((e) => e.createdBy)}::text[]
      ) as u(id, number, date, description, reference, comment, source, reverses, created_by)`.execute(ex);
  }
  await insertLines(ex, s, entries);
}

async function insertLines(
  ex: Executor,
  s: Scope,
  entries: ReadonlyArray<{ id: string; date: string; lines: readonly LineInput[] }>,
): Promise<void> {
  const cols = {
    entry: [] as string[],
    lineNo: [] as number[],
    date: [] as string[],
    account: [] as string[],
    amount: [] as string[],
    currency: [] as string[],
    costAmount: [] as (string | null)[],
    costCurrency: [] as (string | null)[],
    conversion: [] as boolean[],
    virtual: [] as boolean[],
    contact: [] as (string | null)[],
    klass: [] as (string | null)[],
    department: [] as (string | null)[],
    location: [] as (string | null)[],
    project: [] as (string | null)[],
    memo: [] as (string | null)[],
  };
  const flush = async () => {
    if (cols.entry.length === 0) return;
    await sql`
      insert into journal_lines (firm_id, client_id, entry_id, line_no, date, account_id, amount, currency, cost_amount, cost_currency,
        is_conversion, is_virtual, contact_id, class_id, department_id, location_id, project_id, memo)
      select ${s.firmId}::uuid, ${s.clientId}::uuid, u.*
      from unnest(
        ${cols.entry}::uuid[], ${cols.lineNo}::int4[], ${cols.date}::date[], ${cols.account}::uuid[], ${cols.amount}::int8[],
        ${cols.currency}::text[], ${cols.costAmount}::int8[], ${cols.costCurrency}::text[], ${cols.conversion}::bool[], ${cols.virtual}::bool[],
        ${cols.contact}::uuid[], ${cols.klass}::uuid[], ${cols.department}::uuid[], ${cols.location}::uuid[], ${cols.project}::uuid[],
        ${cols.memo}::text[]
      ) as u`.execute(ex);
    for (const list of Object.values(cols)) list.length = 0;
  };
  for (const entry of entries) {
    entry.lines.forEach((l, i) => {
      cols.entry.push(entry.id);
      cols.lineNo.push(i + 1);
      cols.date.push(entry.date);
      cols.account.push(l.accountId);
      cols.amount.push(l.amount.toString());
      cols.currency.push(l.currency);
      cols.costAmount.push(l.cost ? l.cost.amount.toString() : null);
      cols.costCurrency.push(l.cost ? l.cost.currency : null);
      cols.conversion.push(l.isConversion ?? false);
      cols.virtual.push(l.isVirtual ?? false);
      cols.contact.push(l.contactId ?? null);
      cols.klass.push(l.classId ?? null);
      cols.department.push(l.departmentId ?? null);
      cols.location.push(l.locationId ?? null);
      cols.project.push(l.projectId ?? null);
      cols.memo.push(l.memo ?? null);
    });
    if (cols.entry.length >= BATCH) await flush();
  }
  await flush();
}

/** Adds posted amounts to the monthly balance buckets (and marks cached reports stale). */
export async function addToBalances(ex: Executor, s: Scope, deltas: readonly BalanceDelta[]): Promise<void> {
  await bumpLedgerVersion(ex, s);
  for (let i = 0; i < deltas.length; i += BATCH) {
    const batch = deltas.slice(i, i + BATCH);
    await sql`
      insert into account_balances (firm_id, client_id, account_id, currency, month, debit, credit)
      select ${s.firmId}::uuid, ${s.clientId}::uuid, u.*
      from unnest(${batch.map((d) => d.accountId)}::uuid[], ${batch.map((d) => d.currency)}::text[], ${batch.map((d) => d.month)}::date[],
        ${batch.map((d) => d.debit.toString())}::int8[], ${batch.map((d) => d.credit.toString())}::int8[]) as u
      on conflict (client_id, account_id, currency, month)
      do update set debit = account_balances.debit + excluded.debit, credit = account_balances.credit + excluded.credit`.execute(
      ex,
    );
  }
}

export async function entryById(ex: Executor, s: Scope, id: string): Promise<EntryRow | undefined> {
  return q(ex)
    .selectFrom("journal_entries")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Locks the entry row for this transaction (so two reversals of one entry cannot race). */
export async function lockEntry(ex: Executor, s: Scope, id: string): Promise<EntryRow | undefined> {
  return q(ex)
    .selectFrom("journal_entries")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
}

export async function reversalOf(ex: Executor, s: Scope, id: string): Promise<EntryRow | undefined> {
  return q(ex)
    .selectFrom("journal_entries")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where("reverses_entry_id", "=", id)
    .executeTakeFirst();
}

export async function linesOf(ex: Executor, s: Scope, entryIds: readonly string[]): Promise<LineRow[]> {
  if (entryIds.length === 0) return [];
  return q(ex)
    .selectFrom("journal_lines")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where("entry_id", "in", [...entryIds])
    .orderBy("entry_id")
    .orderBy("line_no")
    .execute();
}

export interface EntryFilter {
  status?: "draft" | "posted" | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

export async function listEntries(
  ex: Executor,
  s: Scope,
  f: EntryFilter,
): Promise<{ rows: EntryRow[]; reversalOf: Map<string, string> }> {
  let query = q(ex).selectFrom("journal_entries").selectAll().where("client_id", "=", s.clientId);
  if (f.status) query = query.where("status", "=", f.status);
  if (f.from) query = query.where("date", ">=", f.from);
  if (f.to) query = query.where("date", "<=", f.to);
  const rows = await query
    .orderBy("date", "desc")
    .orderBy("number", "desc")
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const ids = rows.map((r) => r.id);
  const reversed =
    ids.length === 0
      ? []
      : await q(ex)
          .selectFrom("journal_entries")
          .select(["id", "reverses_entry_id"])
          .where("client_id", "=", s.clientId)
          .where("reverses_entry_id", "in", ids)
          .execute();
  return { rows, reversalOf: new Map(reversed.map((r) => [r.reverses_entry_id!, r.id])) };
}

/** All posted entries with their lines, in date order (for export). */
export async function allPostedLines(
  ex: Executor,
  s: Scope,
): Promise<
  Array<
    LineRow & {
      entry_date: string;
      description: string;
      reference: string | null;
      comment: string | null;
      number: bigint;
    }
  >
> {
  return q(ex)
    .selectFrom("journal_lines as l")
    .innerJoin("journal_entries as e", "e.id", "l.entry_id")
    .selectAll("l")
    .select(["e.date as entry_date", "e.description", "e.reference", "e.comment", "e.number"])
    .where("l.client_id", "=", s.clientId)
    .orderBy("e.date")
    .orderBy("e.number")
    .orderBy("l.line_no")
    .execute();
}
