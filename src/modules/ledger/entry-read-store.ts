// SQL that reads journal entries and their lines: one entry (locked for a change, or not), its
// reversal, a page of entries, and every posted line for export.
import type { Selectable } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { q, type Scope } from "./store.ts";
import type { JournalEntriesTable, JournalLinesTable } from "./tables.ts";

export type EntryRow = Selectable<JournalEntriesTable>;
export type LineRow = Selectable<JournalLinesTable>;

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

/** Draft entries dated in a range, and dated before it (neither is in any balance). */
export async function draftCounts(
  ex: Executor,
  s: Scope,
  range: { from: string; to: string },
): Promise<{ inRange: number; before: number }> {
  const row = await q(ex)
    .selectFrom("journal_entries")
    .select((eb) => [
      eb.fn.countAll<string>().filterWhere("date", ">=", range.from).as("in_range"),
      eb.fn.countAll<string>().filterWhere("date", "<", range.from).as("before"),
    ])
    .where("client_id", "=", s.clientId)
    .where("status", "=", "draft")
    .where("date", "<=", range.to)
    .executeTakeFirstOrThrow();
  return { inRange: Number(row.in_range), before: Number(row.before) };
}
