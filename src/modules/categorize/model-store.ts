// SQL for what the categorizer learns: memory tallies (a client's and the firm's), each client's
// learning counters, and trained model versions.
import { sql, type Selectable } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { toJson } from "../../platform/json.ts";
import type { Tally } from "./engine/memory.ts";
import type { Scope } from "./scope.ts";
import { q } from "./settings-store.ts";
import type { CategorizeModelsTable } from "./tables.ts";

const BATCH = 5_000;

// ── memory ──────────────────────────────────────────────────────────────────────────────────────

/** The client's own tallies and the firm-wide tallies named in `firmKeys`. */
export async function memoryTallies(
  ex: Executor,
  s: Scope,
  firmKeys: readonly string[],
): Promise<Record<string, Tally>> {
  const rows = await sql<{ key: string; tally: Tally }>`
    select key, tally from categorize_memory
    where firm_id = ${s.firmId}::uuid
      and (client_id = ${s.clientId}::uuid or (client_id is null and key = any(${[...firmKeys]}::text[])))`.execute(
    ex,
  );
  const out: Record<string, Tally> = Object.create(null) as Record<string, Tally>;
  for (const r of rows.rows) out[r.key] = r.tally;
  return out;
}

/** Writes the given tallies (null: the tally is gone). `clientOf` tells a client tally from a firm one. */
export async function saveTallies(
  ex: Executor,
  firmId: string,
  tallies: ReadonlyArray<{ key: string; clientId: string | null; tally: Tally | null }>,
): Promise<void> {
  const gone = tallies.filter((t) => t.tally === null).map((t) => t.key);
  if (gone.length > 0)
    await q(ex)
      .deleteFrom("categorize_memory")
      .where("firm_id", "=", firmId)
      .where("key", "in", gone)
      .execute();
  const kept = tallies.filter((t) => t.tally !== null);
  for (let i = 0; i < kept.length; i += BATCH) {
    const batch = kept.slice(i, i + BATCH);
    await sql`
      insert into categorize_memory (firm_id, client_id, key, tally)
      select ${firmId}::uuid, u.client_id, u.key, u.tally
      from unnest(${batch.map((t) => t.clientId)}::uuid[], ${batch.map((t) => t.key)}::text[],
        ${batch.map((t) => toJson(t.tally))}::jsonb[]) as u(client_id, key, tally)
      on conflict (firm_id, key) do update set tally = excluded.tally, client_id = excluded.client_id, updated_at = now()`.execute(
      ex,
    );
  }
}

/** Replaces the whole memory of a firm (after a full training). */
export async function replaceFirmMemory(
  ex: Executor,
  firmId: string,
  tallies: ReadonlyArray<{ key: string; clientId: string | null; tally: Tally }>,
): Promise<void> {
  await q(ex).deleteFrom("categorize_memory").where("firm_id", "=", firmId).execute();
  await saveTallies(ex, firmId, tallies);
}

export async function memoryRowCount(ex: Executor, s: Scope): Promise<{ client: number; firm: number }> {
  const r = await sql<{ client: bigint; firm: bigint }>`
    select count(*) filter (where client_id = ${s.clientId}::uuid)::int8 as client,
           count(*) filter (where client_id is null)::int8 as firm
    from categorize_memory where firm_id = ${s.firmId}::uuid`.execute(ex);
  return { client: Number(r.rows[0]?.client ?? 0n), firm: Number(r.rows[0]?.firm ?? 0n) };
}

// ── per-client learning counters ────────────────────────────────────────────────────────────────

export interface LearningState {
  learned: bigint;
  pendingCorrections: number;
  trainingQueued: boolean;
}

export async function learningState(ex: Executor, s: Scope): Promise<LearningState> {
  const row = await q(ex)
    .selectFrom("categorize_state")
    .select(["learned", "pending_corrections", "training_queued"])
    .where("client_id", "=", s.clientId)
    .executeTakeFirst();
  return {
    learned: row?.learned ?? 0n,
    pendingCorrections: row?.pending_corrections ?? 0,
    trainingQueued: row?.training_queued ?? false,
  };
}

/**
 * Counts lines learned and corrections waiting for training; returns true when this call is the
 * one that queued the training (the caller then sends the job, in the same transaction).
 */
export async function noteLearned(
  ex: Executor,
  s: Scope,
  learned: number,
  corrections: number,
): Promise<boolean> {
  const before = await q(ex)
    .selectFrom("categorize_state")
    .select("training_queued")
    .where("client_id", "=", s.clientId)
    .forUpdate()
    .executeTakeFirst();
  const queue = corrections > 0 && !before?.training_queued;
  await sql`
    insert into categorize_state (client_id, firm_id, learned, pending_corrections, training_queued)
    values (${s.clientId}::uuid, ${s.firmId}::uuid, ${learned}, ${corrections}, ${queue})
    on conflict (client_id) do update set
      learned = categorize_state.learned + excluded.learned,
      pending_corrections = categorize_state.pending_corrections + excluded.pending_corrections,
      training_queued = categorize_state.training_queued or excluded.training_queued`.execute(ex);
  return queue;
}

/** A training ran for the client: its corrections are in the model now. */
export async function trainingDone(ex: Executor, s: Scope): Promise<void> {
  await sql`
    insert into categorize_state (client_id, firm_id) values (${s.clientId}::uuid, ${s.firmId}::uuid)
    on conflict (client_id) do update set pending_corrections = 0, training_queued = false`.execute(ex);
}

/** How far a tracked (history) training got; kept on the client's learning state. */
export interface TrainingProgress {
  stage: "queued" | "reading" | "training" | "done" | "failed" | "nothing-to-learn";
  /** Labelled lines read (once known). */
  lines?: number;
  /** History entries that touched a bank or card account, for the import that queued it. */
  moneyEntries?: number;
  error?: string;
  at: string;
}

export async function recordProgress(ex: Executor, s: Scope, progress: TrainingProgress): Promise<void> {
  await sql`
    insert into categorize_state (client_id, firm_id, training_progress)
    values (${s.clientId}::uuid, ${s.firmId}::uuid, ${JSON.stringify(progress)}::jsonb)
    on conflict (client_id) do update set training_progress = excluded.training_progress`.execute(ex);
}

export async function trainingProgress(ex: Executor, s: Scope): Promise<TrainingProgress | null> {
  const row = await q(ex)
    .selectFrom("categorize_state")
    .select("training_progress")
    .where("client_id", "=", s.clientId)
    .executeTakeFirst();
  return (row?.training_progress as TrainingProgress | null | undefined) ?? null;
}

/** Marks the client's training queued; false when one already was (the caller then sends
 *  nothing). Call it inside a transaction: the row is locked between the read and the write. */
export async function queueOnce(ex: Executor, s: Scope): Promise<boolean> {
  const before = await q(ex)
    .selectFrom("categorize_state")
    .select("training_queued")
    .where("client_id", "=", s.clientId)
    .forUpdate()
    .executeTakeFirst();
  if (before?.training_queued) return false;
  await sql`
    insert into categorize_state (client_id, firm_id, training_queued)
    values (${s.clientId}::uuid, ${s.firmId}::uuid, true)
    on conflict (client_id) do update set training_queued = true`.execute(ex);
  return true;
}

export async function clearQueued(ex: Executor, s: Scope): Promise<void> {
  await q(ex)
    .updateTable("categorize_state")
    .set({ training_queued: false })
    .where("client_id", "=", s.clientId)
    .execute();
}

// ── model versions ──────────────────────────────────────────────────────────────────────────────

export type ModelRow = Selectable<CategorizeModelsTable>;
export type ModelInfo = Omit<ModelRow, "state"> & { size: number };

const INFO_COLUMNS = [
  "id",
  "firm_id",
  "client_id",
  "version",
  "generation",
  "rows",
  "trained_through",
  "held_out",
  "is_current",
  "trained_by",
  "trained_by_name",
  "trained_at",
] as const;

/** The current firm-wide record (clientId null) or client record, with its state. */
export async function currentModel(
  ex: Executor,
  firmId: string,
  clientId: string | null,
): Promise<ModelRow | undefined> {
  let query = q(ex)
    .selectFrom("categorize_models")
    .selectAll()
    .where("firm_id", "=", firmId)
    .where("is_current", "=", true);
  query = clientId === null ? query.where("client_id", "is", null) : query.where("client_id", "=", clientId);
  return query.executeTakeFirst();
}

/** Ids of the current records (cheap: decides whether a cached decoded model is still current). */
export async function currentModelIds(
  ex: Executor,
  firmId: string,
  clientId: string,
): Promise<{ firm: string | null; client: string | null; firmGeneration: number }> {
  const rows = await q(ex)
    .selectFrom("categorize_models")
    .select(["id", "client_id", "generation"])
    .where("firm_id", "=", firmId)
    .where("is_current", "=", true)
    .where((eb) => eb.or([eb("client_id", "is", null), eb("client_id", "=", clientId)]))
    .execute();
  const firm = rows.find((r) => r.client_id === null);
  return {
    firm: firm?.id ?? null,
    client: rows.find((r) => r.client_id === clientId)?.id ?? null,
    firmGeneration: firm?.generation ?? 0,
  };
}

export async function modelState(ex: Executor, firmId: string, id: string): Promise<Uint8Array | undefined> {
  const row = await q(ex)
    .selectFrom("categorize_models")
    .select("state")
    .where("firm_id", "=", firmId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row?.state;
}

export interface NewModel {
  id: string;
  clientId: string | null;
  version: string;
  generation: number;
  state: Uint8Array;
  rows: number;
  trainedThrough: string | null;
  heldOut: unknown;
}

/** Stores new versions and makes them current (the ones they replace stay, no longer current). */
export async function insertModels(
  ex: Executor,
  firmId: string,
  models: readonly NewModel[],
  who: { id: string; name: string },
): Promise<void> {
  for (const m of models) {
    let retire = q(ex)
      .updateTable("categorize_models")
      .set({ is_current: false })
      .where("firm_id", "=", firmId)
      .where("is_current", "=", true);
    retire =
      m.clientId === null
        ? retire.where("client_id", "is", null)
        : retire.where("client_id", "=", m.clientId);
    await retire.execute();
    await q(ex)
      .insertInto("categorize_models")
      .values({
        id: m.id,
        firm_id: firmId,
        client_id: m.clientId,
        version: m.version,
        generation: m.generation,
        state: m.state,
        rows: m.rows,
        trained_through: m.trainedThrough,
        held_out: m.heldOut === undefined || m.heldOut === null ? null : toJson(m.heldOut),
        is_current: true,
        trained_by: who.id,
        trained_by_name: who.name,
      })
      .execute();
  }
}

/** A client whose model was dropped (too few lines now): it predicts without one. */
export async function retireClientModel(ex: Executor, firmId: string, clientId: string): Promise<void> {
  await q(ex)
    .updateTable("categorize_models")
    .set({ is_current: false })
    .where("firm_id", "=", firmId)
    .where("client_id", "=", clientId)
    .where("is_current", "=", true)
    .execute();
}

/** Client ids of the firm that have a current model. */
export async function clientsWithModels(ex: Executor, firmId: string): Promise<string[]> {
  const rows = await q(ex)
    .selectFrom("categorize_models")
    .select("client_id")
    .where("firm_id", "=", firmId)
    .where("is_current", "=", true)
    .where("client_id", "is not", null)
    .execute();
  return rows.map((r) => r.client_id!);
}

/** Versions of the firm-wide model and of this client's model, newest first. */
export async function modelHistory(ex: Executor, s: Scope, limit: number): Promise<ModelInfo[]> {
  const rows = await q(ex)
    .selectFrom("categorize_models")
    .select([...INFO_COLUMNS, sql<number>`octet_length(state)`.as("size")])
    .where("firm_id", "=", s.firmId)
    .where((eb) => eb.or([eb("client_id", "is", null), eb("client_id", "=", s.clientId)]))
    .orderBy("trained_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows as ModelInfo[];
}
