// SQL that writes journal entries: entry numbers, drafts, and posted entries in bulk. Posted rows are
// only ever inserted (the database refuses updates and deletes); entries go in as arrays through
// unnest so a large import is a handful of statements, not one per row.
import { sql } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { toJson } from "../../platform/json.ts";
import { arrayLiteral, textArrayLiteral } from "../../platform/sql-arrays.ts";
import type { LineInput } from "./model.ts";
import { q, type Scope } from "./store.ts";
import { BATCH } from "./bulk-batch.ts";
import type { EntryRow } from "./entry-read-store.ts";
import { insertLines } from "./line-insert-store.ts";

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
  /** The journal import's fingerprint of the transaction (see journal-fingerprint.ts). */
  importKey?: string | null;
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
  /** The draft's comment as posted (a late item's note added: late-items.ts). */
  comment?: string | null,
): Promise<EntryRow> {
  const row = await q(ex)
    .updateTable("journal_entries")
    .set({
      status: "posted",
      draft_lines: null,
      posted_at: new Date(),
      date,
      ...(comment !== undefined ? { comment } : {}),
    })
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
    const keys = batch.map((e) => e.importKey ?? null);
    await sql`
      insert into journal_entries (id, firm_id, client_id, number, date, description, reference, comment, status, source, reverses_entry_id, created_by, posted_at, import_key)
      select u.id, ${s.firmId}::uuid, ${s.clientId}::uuid, coalesce(u.number, ${first.number.toString()}::int8 + u.n - 1), u.date, u.description,
        u.reference, u.comment, 'posted', coalesce(u.source, ${first.source}), u.reverses, coalesce(u.created_by, ${first.createdBy}), now(), u.import_key
      from unnest(
        ${arrayLiteral(batch.map((e) => e.id))}::uuid[], ${consecutive ? null : arrayLiteral(batch.map((e) => e.number.toString()))}::int8[],
        ${arrayLiteral(batch.map((e) => e.date))}::date[], ${textArrayLiteral(batch.map((e) => e.description))}::text[],
        ${optionalTextArray(batch.map((e) => e.reference))}::text[], ${optionalTextArray(batch.map((e) => e.comment))}::text[],
        ${sameSource ? null : textArrayLiteral(batch.map((e) => e.source))}::text[], ${reverses.some((r) => r !== null) ? arrayLiteral(reverses) : null}::uuid[],
        ${sameAuthor ? null : textArrayLiteral(batch.map((e) => e.createdBy))}::text[], ${optionalTextArray(keys)}::text[]
      ) with ordinality as u(id, number, date, description, reference, comment, source, reverses, created_by, import_key, n)`.execute(
      ex,
    );
  }
  await insertLines(ex, s, entries);
}

/** Which of `keys` the client's entries already carry (journal import fingerprints). */
export async function existingImportKeys(
  ex: Executor,
  s: Scope,
  keys: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += BATCH) {
    const rows = await sql<{ import_key: string }>`
      select import_key from journal_entries
      where client_id = ${s.clientId}::uuid and import_key = any(${textArrayLiteral(keys.slice(i, i + BATCH))}::text[])`.execute(
      ex,
    );
    for (const r of rows.rows) found.add(r.import_key);
  }
  return found;
}

function optionalTextArray(values: ReadonlyArray<string | null>): string | null {
  return values.some((v) => v !== null) ? textArrayLiteral(values) : null;
}
