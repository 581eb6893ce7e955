// SQL for documents and their versions, nothing else.
import type { Executor } from "../../platform/db.ts";
import { q, type Scope } from "./folder-store.ts";
import type { DocumentRow, VersionRow } from "./tables.ts";

const DOC = [
  "id",
  "folder_id",
  "name",
  "period",
  "deleted_at",
  "deleted_by",
  "created_by",
  "created_at",
  "updated_at",
] as const;
const VERSION = [
  "id",
  "document_id",
  "version",
  "blob_key",
  "size",
  "sha256",
  "content_type",
  "file_name",
  "created_by",
  "created_at",
] as const;

export async function listDocuments(
  ex: Executor,
  s: Scope,
  filter: {
    folderIds?: readonly string[] | undefined;
    trash: boolean;
    search?: string | undefined;
    limit: number;
  },
): Promise<DocumentRow[]> {
  let query = q(ex)
    .selectFrom("documents")
    .select(DOC)
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("deleted_at", filter.trash ? "is not" : "is", null);
  if (filter.folderIds) {
    if (filter.folderIds.length === 0) return [];
    query = query.where("folder_id", "in", filter.folderIds);
  }
  if (filter.search) {
    const term = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where("name", "ilike", term);
  }
  return query
    .orderBy(filter.trash ? "deleted_at" : "name", filter.trash ? "desc" : "asc")
    .limit(filter.limit)
    .execute();
}

export async function documentById(ex: Executor, s: Scope, id: string): Promise<DocumentRow | undefined> {
  return q(ex)
    .selectFrom("documents")
    .select(DOC)
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** The live document of that name in the folder (names compare without case). */
export async function liveByName(
  ex: Executor,
  s: Scope,
  folderId: string,
  name: string,
): Promise<DocumentRow | undefined> {
  return q(ex)
    .selectFrom("documents")
    .select(DOC)
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("folder_id", "=", folderId)
    .where("deleted_at", "is", null)
    .where((eb) => eb(eb.fn("lower", ["name"]), "=", name.toLowerCase()))
    .executeTakeFirst();
}

export async function insertDocument(
  ex: Executor,
  s: Scope,
  row: { id: string; folder_id: string; name: string; period: string | null; created_by: string },
): Promise<DocumentRow> {
  return q(ex)
    .insertInto("documents")
    .values({ ...row, firm_id: s.firmId, client_id: s.clientId })
    .returning(DOC)
    .executeTakeFirstOrThrow();
}

export async function updateDocument(
  ex: Executor,
  s: Scope,
  id: string,
  patch: {
    name?: string;
    folder_id?: string;
    period?: string | null;
    deleted_at?: Date | null;
    deleted_by?: string | null;
  },
): Promise<DocumentRow> {
  return q(ex)
    .updateTable("documents")
    .set({ ...patch, updated_at: new Date() })
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .returning(DOC)
    .executeTakeFirstOrThrow();
}

export async function insertVersion(
  ex: Executor,
  s: Scope,
  row: Omit<VersionRow, "created_at" | "size" | "version"> & { size: number },
): Promise<VersionRow> {
  // The next number is read and written in one statement; the unique (document, version) key stops
  // two concurrent uploads from taking the same one.
  const next = await q(ex)
    .selectFrom("document_versions")
    .select((eb) => eb.fn.coalesce(eb.fn.max("version"), eb.lit(0)).as("n"))
    .where("client_id", "=", s.clientId)
    .where("document_id", "=", row.document_id)
    .executeTakeFirstOrThrow();
  return q(ex)
    .insertInto("document_versions")
    .values({ ...row, version: Number(next.n) + 1, firm_id: s.firmId, client_id: s.clientId })
    .returning(VERSION)
    .executeTakeFirstOrThrow();
}

export async function versionsOf(
  ex: Executor,
  s: Scope,
  documentIds: readonly string[],
): Promise<VersionRow[]> {
  if (documentIds.length === 0) return [];
  return q(ex)
    .selectFrom("document_versions")
    .select(VERSION)
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("document_id", "in", documentIds)
    .orderBy("document_id")
    .orderBy("version", "desc")
    .execute();
}

/** Live documents in these folders: their names and statement months (for missing statements). */
export async function statementsIn(
  ex: Executor,
  s: Scope,
  folderIds: readonly string[],
): Promise<Array<{ folder_id: string; name: string; period: string | null }>> {
  if (folderIds.length === 0) return [];
  return q(ex)
    .selectFrom("documents")
    .select(["folder_id", "name", "period"])
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("deleted_at", "is", null)
    .where("folder_id", "in", folderIds)
    .execute();
}

// ── purging the trash (the system's job, across firms) ──────────────────────────────────────────

export async function dueForPurge(
  ex: Executor,
  cutoff: Date,
  limit: number,
): Promise<Array<{ id: string; firm_id: string; client_id: string; name: string }>> {
  return q(ex)
    .selectFrom("documents")
    .select(["id", "firm_id", "client_id", "name"])
    .where("deleted_at", "is not", null)
    .where("deleted_at", "<", cutoff)
    .orderBy("deleted_at")
    .limit(limit)
    .execute();
}

/** Deletes the document and its versions; returns the blob keys the versions held. */
export async function deleteDocument(ex: Executor, s: Scope, id: string): Promise<string[]> {
  const versions = await q(ex)
    .deleteFrom("document_versions")
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("document_id", "=", id)
    .returning("blob_key")
    .execute();
  await q(ex)
    .deleteFrom("documents")
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .execute();
  return versions.map((v) => v.blob_key);
}

/** Every blob key the client's document versions hold, trashed documents included. */
export async function blobKeysOfClient(ex: Executor, s: Scope): Promise<string[]> {
  const rows = await q(ex)
    .selectFrom("document_versions")
    .select("blob_key")
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .execute();
  return rows.map((r) => r.blob_key);
}
