// SQL for reconciliations, their matches and the ledger lines completed reconciliations cleared.
import { sql, type Selectable, type Updateable } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { toJson } from "../../platform/json.ts";
import { textArrayLiteral } from "../../platform/sql-arrays.ts";
import { withTables } from "../../platform/tables.ts";
import type {
  MatchStatus,
  ReconciledLinesTable,
  ReconciliationMatchesTable,
  ReconciliationsTable,
  ReconcileTables,
} from "./tables.ts";

export const q = (ex: Executor) => withTables<ReconcileTables>(ex);

export interface Scope {
  firmId: string;
  clientId: string;
}

export type ReconciliationRow = Selectable<ReconciliationsTable>;
export type MatchRow = Selectable<ReconciliationMatchesTable>;
export type ReconciledLineRow = Selectable<ReconciledLinesTable>;

export async function reconciliationById(
  ex: Executor,
  s: Scope,
  id: string,
  options: { lock?: boolean } = {},
): Promise<ReconciliationRow | undefined> {
  let query = q(ex)
    .selectFrom("reconciliations")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where("id", "=", id);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** The account's reconciliation in progress, locked for the caller's transaction. */
export async function inProgressOf(
  ex: Executor,
  s: Scope,
  bankAccountId: string,
): Promise<ReconciliationRow | undefined> {
  return q(ex)
    .selectFrom("reconciliations")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where("bank_account_id", "=", bankAccountId)
    .where("status", "=", "in_progress")
    .forUpdate()
    .executeTakeFirst();
}

/** The account's reconciliations, newest period first (unreconciled ones too: they are history). */
export async function listOf(ex: Executor, s: Scope, bankAccountId?: string): Promise<ReconciliationRow[]> {
  let query = q(ex).selectFrom("reconciliations").selectAll().where("client_id", "=", s.clientId);
  if (bankAccountId) query = query.where("bank_account_id", "=", bankAccountId);
  return query.orderBy("period_to", "desc").orderBy("started_at", "desc").execute();
}

export async function insertReconciliation(
  ex: Executor,
  s: Scope,
  row: Omit<
    ReconciliationRow,
    | "firm_id"
    | "client_id"
    | "outstanding"
    | "version"
    | "updated_at"
    | "completed_by"
    | "completed_by_name"
    | "completed_at"
    | "cleared_balance"
    | "unreconciled_by"
    | "unreconciled_at"
    | "unreconcile_reason"
  >,
): Promise<ReconciliationRow> {
  return q(ex)
    .insertInto("reconciliations")
    .values({ ...row, firm_id: s.firmId, client_id: s.clientId })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Changes a reconciliation and raises its version (the caller holds its row lock). */
export async function updateReconciliation(
  ex: Executor,
  s: Scope,
  id: string,
  patch: Omit<Updateable<ReconciliationsTable>, "outstanding"> & { outstanding?: string[] },
): Promise<ReconciliationRow> {
  const { outstanding, ...rest } = patch;
  return q(ex)
    .updateTable("reconciliations")
    .set({
      ...rest,
      ...(outstanding ? { outstanding: sql<string[]>`${textArrayLiteral(outstanding)}::text[]` } : {}),
      version: sql<number>`version + 1`,
      updated_at: sql<Date>`now()`,
    })
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

// ── matches ─────────────────────────────────────────────────────────────────────────────────────

export async function matchesOf(ex: Executor, s: Scope, reconciliationId: string): Promise<MatchRow[]> {
  return q(ex)
    .selectFrom("reconciliation_matches")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where("reconciliation_id", "=", reconciliationId)
    .orderBy("position")
    .execute();
}

export type NewMatch = Omit<MatchRow, "firm_id" | "client_id" | "reconciliation_id">;

export async function insertMatches(
  ex: Executor,
  s: Scope,
  reconciliationId: string,
  matches: readonly NewMatch[],
): Promise<void> {
  for (let i = 0; i < matches.length; i += 2_000) {
    await q(ex)
      .insertInto("reconciliation_matches")
      .values(
        matches.slice(i, i + 2_000).map((m) => ({
          ...m,
          firm_id: s.firmId,
          client_id: s.clientId,
          reconciliation_id: reconciliationId,
          reasons: toJson(m.reasons) as unknown as string[],
          bank_line_ids: sql<string[]>`${textArrayLiteral(m.bank_line_ids)}::text[]`,
          ledger_line_ids: sql<string[]>`${textArrayLiteral(m.ledger_line_ids)}::text[]`,
        })),
      )
      .execute();
  }
}

/** Removes the matches nobody decided on (a refresh proposes them again from the current books). */
export async function deleteProposed(ex: Executor, s: Scope, reconciliationId: string): Promise<void> {
  await q(ex)
    .deleteFrom("reconciliation_matches")
    .where("client_id", "=", s.clientId)
    .where("reconciliation_id", "=", reconciliationId)
    .where("status", "=", "proposed")
    .execute();
}

/** Removes every match (the reconciliation moved to another period). */
export async function deleteMatches(ex: Executor, s: Scope, reconciliationId: string): Promise<void> {
  await q(ex)
    .deleteFrom("reconciliation_matches")
    .where("client_id", "=", s.clientId)
    .where("reconciliation_id", "=", reconciliationId)
    .execute();
}

export async function decideMatch(
  ex: Executor,
  s: Scope,
  matchId: string,
  status: MatchStatus,
  by: string,
): Promise<void> {
  await q(ex)
    .updateTable("reconciliation_matches")
    .set({ status, decided_by: by, decided_at: sql<Date>`now()` })
    .where("client_id", "=", s.clientId)
    .where("id", "=", matchId)
    .execute();
}

// ── cleared (locked) ledger lines ───────────────────────────────────────────────────────────────

export async function insertCleared(
  ex: Executor,
  s: Scope,
  reconciliationId: string,
  lines: ReadonlyArray<{ entryId: string; lineNo: number; date: string; amount: bigint }>,
): Promise<void> {
  for (let i = 0; i < lines.length; i += 2_000) {
    const batch = lines.slice(i, i + 2_000);
    if (batch.length === 0) continue;
    await q(ex)
      .insertInto("reconciled_lines")
      .values(
        batch.map((l) => ({
          firm_id: s.firmId,
          client_id: s.clientId,
          reconciliation_id: reconciliationId,
          entry_id: l.entryId,
          line_no: l.lineNo,
          date: l.date,
          amount: l.amount,
        })),
      )
      .execute();
  }
}

export async function deleteCleared(ex: Executor, s: Scope, reconciliationId: string): Promise<number> {
  const r = await q(ex)
    .deleteFrom("reconciled_lines")
    .where("client_id", "=", s.clientId)
    .where("reconciliation_id", "=", reconciliationId)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Which of these entries' lines ("entryId:lineNo") a completed reconciliation cleared, and which one. */
export async function clearedAmong(
  ex: Executor,
  s: Scope,
  entryIds: readonly string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let i = 0; i < entryIds.length; i += 5_000) {
    const batch = entryIds.slice(i, i + 5_000);
    if (batch.length === 0) continue;
    const rows = await q(ex)
      .selectFrom("reconciled_lines")
      .select(["entry_id", "line_no", "reconciliation_id"])
      .where("client_id", "=", s.clientId)
      .where(sql<boolean>`entry_id = any(${`{${batch.join(",")}}`}::uuid[])`)
      .execute();
    for (const r of rows) found.set(`${r.entry_id}:${r.line_no}`, r.reconciliation_id);
  }
  return found;
}

export async function clearedOf(
  ex: Executor,
  s: Scope,
  reconciliationId: string,
): Promise<ReconciledLineRow[]> {
  return q(ex)
    .selectFrom("reconciled_lines")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where("reconciliation_id", "=", reconciliationId)
    .execute();
}
