// SQL for write-up batches and their uploaded files.
import type { Selectable, Updateable } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { conflict } from "../../platform/errors.ts";
import { q, type Scope } from "./reconciliation-store.ts";
import type { WriteUpBatchesTable } from "./tables.ts";

export type BatchRow = Selectable<WriteUpBatchesTable>;

export async function activeBatchOf(
  ex: Executor,
  s: Scope,
  bankAccountId: string,
): Promise<BatchRow | undefined> {
  return q(ex)
    .selectFrom("write_up_batches")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where("bank_account_id", "=", bankAccountId)
    .where("status", "in", ["queued", "running"])
    .executeTakeFirst();
}

/** A person may not reconcile an account while a write-up batch reconciles it month by month. */
export async function refuseDuringWriteUp(ex: Executor, s: Scope, bankAccountId: string): Promise<void> {
  const batch = await activeBatchOf(ex, s, bankAccountId);
  if (batch)
    throw conflict(
      "reconcile/write-up-running",
      `a write-up batch (${batch.id}, asked by ${batch.requested_by_name}) is importing and reconciling this account; wait until it is done`,
    );
}

export async function batchById(ex: Executor, s: Scope, id: string): Promise<BatchRow | undefined> {
  return q(ex)
    .selectFrom("write_up_batches")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function batchesOf(ex: Executor, s: Scope, limit: number): Promise<BatchRow[]> {
  return q(ex)
    .selectFrom("write_up_batches")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .orderBy("created_at", "desc")
    .limit(limit)
    .execute();
}

export async function insertBatch(
  ex: Executor,
  s: Scope,
  row: Pick<
    BatchRow,
    "id" | "bank_account_id" | "start_date" | "requested_by" | "requested_by_name" | "files_total"
  >,
  files: ReadonlyArray<{ name: string; bytes: Uint8Array }>,
): Promise<void> {
  await q(ex)
    .insertInto("write_up_batches")
    .values({ ...row, firm_id: s.firmId, client_id: s.clientId, status: "queued" })
    .execute();
  await q(ex)
    .insertInto("write_up_files")
    .values(
      files.map((f, position) => ({
        firm_id: s.firmId,
        client_id: s.clientId,
        batch_id: row.id,
        position,
        name: f.name,
        bytes: f.bytes,
      })),
    )
    .execute();
}

export async function updateBatch(
  ex: Executor,
  s: Scope,
  id: string,
  patch: Updateable<WriteUpBatchesTable>,
): Promise<void> {
  await q(ex)
    .updateTable("write_up_batches")
    .set(patch)
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .execute();
}

export async function filesOf(
  ex: Executor,
  s: Scope,
  batchId: string,
): Promise<Array<{ position: number; name: string; bytes: Uint8Array | null }>> {
  return q(ex)
    .selectFrom("write_up_files")
    .select(["position", "name", "bytes"])
    .where("client_id", "=", s.clientId)
    .where("batch_id", "=", batchId)
    .orderBy("position")
    .execute();
}

/** The job keeps no copy once a file is imported: the import stored it with its lines. */
export async function dropFileBytes(
  ex: Executor,
  s: Scope,
  batchId: string,
  position: number,
): Promise<void> {
  await q(ex)
    .updateTable("write_up_files")
    .set({ bytes: null })
    .where("client_id", "=", s.clientId)
    .where("batch_id", "=", batchId)
    .where("position", "=", position)
    .execute();
}
