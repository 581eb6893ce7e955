// SQL for journal entries, their lines and the monthly balance buckets. Posted rows are only ever
// inserted (the database refuses updates and deletes); lines go in as arrays through unnest so a
// large import is a handful of statements, not one per row.
import { sql } from "kysely";
import type { Selectable } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { toJson } from "../../platform/json.ts";
import { arrayLiteral, quotedElement, textArrayLiteral } from "../../platform/sql-arrays.ts";
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
    const reverses = batch.map((e) => e.reversesEntryId);
    // What a bulk posting has in common (source, author, consecutive numbers) is sent once.
    const first = batch[0]!;
    const sameSource = batch.every((e) => e.source === first.source);
    const sameAuthor = batch.every((e) => e.createdBy === first.createdBy);
    const consecutive = batch.every((e, j) => e.number === first.number + BigInt(j));
    await sql`
      insert into journal_entries (id, firm_id, client_id, number, date, description, reference, comment, status, source, reverses_entry_id, created_by, posted_at)
      select u.id, ${s.firmId}::uuid, ${s.clientId}::uuid, coalesce(u.number, ${first.number.toString()}::int8 + u.n - 1), u.date, u.description,
        u.reference, u.comment, 'posted', coalesce(u.source, ${first.source}), u.reverses, coalesce(u.created_by, ${first.createdBy}), now()
      from unnest(
        ${arrayLiteral(batch.map((e) => e.id))}::uuid[], ${consecutive ? null : arrayLiteral(batch.map((e) => e.number.toString()))}::int8[],
        ${arrayLiteral(batch.map((e) => e.date))}::date[], ${textArrayLiteral(batch.map((e) => e.description))}::text[],
        ${optionalTextArray(batch.map((e) => e.reference))}::text[], ${optionalTextArray(batch.map((e) => e.comment))}::text[],
        ${sameSource ? null : textArrayLiteral(batch.map((e) => e.source))}::text[], ${reverses.some((r) => r !== null) ? arrayLiteral(reverses) : null}::uuid[],
        ${sameAuthor ? null : textArrayLiteral(batch.map((e) => e.createdBy))}::text[]
      ) with ordinality as u(id, number, date, description, reference, comment, source, reverses, created_by, n)`.execute(
      ex,
    );
  }
  await insertLines(ex, s, entries);
}

/** One column of a batch of lines, as an array literal; all-NULL columns are sent as a NULL array. */
class Column {
  private readonly values: string[] = [];
  private present = false;

  constructor(private readonly quote: boolean) {}

  push(value: string | null): void {
    if (value === null) this.values.push("NULL");
    else {
      this.present = true;
      this.values.push(this.quote ? quotedElement(value) : value);
    }
  }

  /** The literal (null when every value is NULL: unnest pads a NULL array with NULLs) and a reset. */
  take(): string | null {
    const literal = this.present ? `{${this.values.join(",")}}` : null;
    this.values.length = 0;
    this.present = false;
    return literal;
  }

  get length(): number {
    return this.values.length;
  }
}

async function insertLines(
  ex: Executor,
  s: Scope,
  entries: ReadonlyArray<{ id: string; date: string; lines: readonly LineInput[] }>,
): Promise<void> {
  // Each batch sends its entries' ids and dates, and its accounts, once; a line names them by
  // position (1-based). A line is then about a quarter of the bytes to send, serialize and parse.
  let entryIds: string[] = [];
  let entryDates: string[] = [];
  let accounts = new Map<string, number>();
  const cols = {
    entry: new Column(false),
    lineNo: new Column(false),
    account: new Column(false),
    amount: new Column(false),
    currency: new Column(true),
    costAmount: new Column(false),
    costCurrency: new Column(true),
    conversion: new Column(false),
    virtual: new Column(false),
    contact: new Column(false),
    klass: new Column(false),
    department: new Column(false),
    location: new Column(false),
    project: new Column(false),
    memo: new Column(true),
  };
  const flush = async () => {
    if (cols.entry.length === 0) return;
    // unnest pads the NULL (all-empty) arrays with NULLs; the first five are never NULL.
    await sql`
      insert into journal_lines (firm_id, client_id, entry_id, line_no, date, account_id, amount, currency, cost_amount, cost_currency,
        is_conversion, is_virtual, contact_id, class_id, department_id, location_id, project_id, memo)
      select ${s.firmId}::uuid, ${s.clientId}::uuid, b.entry_ids[u.e], u.line_no, b.dates[u.e], b.accounts[u.a], u.amount, u.currency,
        u.cost_amount, u.cost_currency, coalesce(u.is_conversion, false), coalesce(u.is_virtual, false), u.contact_id, u.class_id,
        u.department_id, u.location_id, u.project_id, u.memo
      from (select ${arrayLiteral(entryIds)}::uuid[] as entry_ids, ${arrayLiteral(entryDates)}::date[] as dates,
          ${arrayLiteral([...accounts.keys()])}::uuid[] as accounts) as b,
        unnest(
          ${cols.entry.take()}::int4[], ${cols.lineNo.take()}::int4[], ${cols.account.take()}::int4[], ${cols.amount.take()}::int8[],
          ${cols.currency.take()}::text[], ${cols.costAmount.take()}::int8[], ${cols.costCurrency.take()}::text[],
          ${cols.conversion.take()}::bool[], ${cols.virtual.take()}::bool[], ${cols.contact.take()}::uuid[], ${cols.klass.take()}::uuid[],
          ${cols.department.take()}::uuid[], ${cols.location.take()}::uuid[], ${cols.project.take()}::uuid[], ${cols.memo.take()}::text[]
        ) as u(e, line_no, a, amount, currency, cost_amount, cost_currency, is_conversion, is_virtual,
          contact_id, class_id, department_id, location_id, project_id, memo)`.execute(ex);
    entryIds = [];
    entryDates = [];
    accounts = new Map();
  };
  for (const entry of entries) {
    const e = String(entryIds.push(entry.id));
    entryDates.push(entry.date);
    entry.lines.forEach((l, i) => {
      let a = accounts.get(l.accountId);
      if (a === undefined) accounts.set(l.accountId, (a = accounts.size + 1));
      cols.entry.push(e);
      cols.lineNo.push(String(i + 1));
      cols.account.push(String(a));
      cols.amount.push(l.amount.toString());
      cols.currency.push(l.currency);
      cols.costAmount.push(l.cost ? l.cost.amount.toString() : null);
      cols.costCurrency.push(l.cost ? l.cost.currency : null);
      cols.conversion.push(l.isConversion ? "t" : null);
      cols.virtual.push(l.isVirtual ? "t" : null);
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

function optionalTextArray(values: ReadonlyArray<string | null>): string | null {
  return values.some((v) => v !== null) ? textArrayLiteral(values) : null;
}

/**
 * Adds posted amounts to the monthly balance buckets (and marks cached reports stale). Buckets the
 * client already has are updated; the rest are inserted with a plain insert, in key order, so the
 * primary key index is filled from left to right — for a large import nearly every bucket is new,
 * and `on conflict do update` would probe the index for each one before inserting it. This is safe
 * because every writer of account_balances comes through here and bumps the client's ledger
 * version first: that row stays locked until the transaction ends, so no other transaction can add
 * a bucket of this client between the read of the existing ones and the insert.
 */
export async function addToBalances(ex: Executor, s: Scope, deltas: readonly BalanceDelta[]): Promise<void> {
  await bumpLedgerVersion(ex, s);
  if (deltas.length === 0) return;
  const existing = await existingBuckets(ex, s, deltas);
  let fresh: BalanceDelta[] = [];
  const known: BalanceDelta[] = [];
  if (existing.size === 0) fresh = [...deltas];
  else for (const d of deltas) (existing.has(bucketKey(d)) ? known : fresh).push(d);
  fresh.sort(compareBuckets);
  for (let i = 0; i < known.length; i += BATCH) {
    const batch = known.slice(i, i + BATCH);
    await sql`
      update account_balances b set debit = b.debit + u.debit, credit = b.credit + u.credit
      from unnest(${arrayLiteral(batch.map((d) => d.accountId))}::uuid[], ${textArrayLiteral(batch.map((d) => d.currency))}::text[],
        ${arrayLiteral(batch.map((d) => d.month))}::date[], ${arrayLiteral(batch.map((d) => d.debit.toString()))}::int8[],
        ${arrayLiteral(batch.map((d) => d.credit.toString()))}::int8[]) as u(account_id, currency, month, debit, credit)
      where b.client_id = ${s.clientId}::uuid and b.account_id = u.account_id and b.currency = u.currency and b.month = u.month`.execute(
      ex,
    );
  }
  for (let i = 0; i < fresh.length; i += BATCH) {
    const batch = fresh.slice(i, i + BATCH);
    // Accounts once per batch, named by position in the rows (as the lines do).
    const accounts = new Map<string, number>();
    const position = batch.map((d) => {
      let a = accounts.get(d.accountId);
      if (a === undefined) accounts.set(d.accountId, (a = accounts.size + 1));
      return a;
    });
    await sql`
      insert into account_balances (firm_id, client_id, account_id, currency, month, debit, credit)
      select ${s.firmId}::uuid, ${s.clientId}::uuid, b.accounts[u.a], u.currency, u.month, u.debit, u.credit
      from (select ${arrayLiteral([...accounts.keys()])}::uuid[] as accounts) as b,
        unnest(${arrayLiteral(position)}::int4[], ${textArrayLiteral(batch.map((d) => d.currency))}::text[],
          ${arrayLiteral(batch.map((d) => d.month))}::date[], ${arrayLiteral(batch.map((d) => d.debit.toString()))}::int8[],
          ${arrayLiteral(batch.map((d) => d.credit.toString()))}::int8[]) as u(a, currency, month, debit, credit)`.execute(
      ex,
    );
  }
}

const bucketKey = (d: { accountId: string; currency: string; month: string }) =>
  `${d.accountId}\u0000${d.currency}\u0000${d.month}`;

/** Key order of the primary key (uuids compare like their lower-case text); a locality hint only. */
function compareBuckets(a: BalanceDelta, b: BalanceDelta): number {
  if (a.accountId !== b.accountId) return a.accountId < b.accountId ? -1 : 1;
  if (a.currency !== b.currency) return a.currency < b.currency ? -1 : 1;
  return a.month < b.month ? -1 : a.month > b.month ? 1 : 0;
}

/** The keys of the buckets among `deltas` that the client already has. */
async function existingBuckets(
  ex: Executor,
  s: Scope,
  deltas: readonly BalanceDelta[],
): Promise<Set<string>> {
  let from = deltas[0]!.month;
  let to = from;
  const accounts = new Set<string>();
  for (const d of deltas) {
    if (d.month < from) from = d.month;
    if (d.month > to) to = d.month;
    accounts.add(d.accountId);
  }
  const rows = await sql<{ account_id: string; currency: string; month: string }>`
    select account_id, currency, month from account_balances
    where client_id = ${s.clientId}::uuid and account_id = any(${arrayLiteral([...accounts])}::uuid[])
      and month >= ${from}::date and month <= ${to}::date`.execute(ex);
  return new Set(
    rows.rows.map((r) => bucketKey({ accountId: r.account_id, currency: r.currency, month: r.month })),
  );
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
