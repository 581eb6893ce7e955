// SQL for a client's folders, nothing else.
import type { Executor } from "../../platform/db.ts";
import { withTables } from "../../platform/tables.ts";
import type { DocumentsTables, FolderRow } from "./tables.ts";

export const q = (ex: Executor) => withTables<DocumentsTables>(ex);

export interface Scope {
  firmId: string;
  clientId: string;
}

const COLUMNS = ["id", "parent_id", "name", "system_key", "bank_account_id", "created_at"] as const;

export async function listFolders(ex: Executor, s: Scope): Promise<FolderRow[]> {
  return q(ex)
    .selectFrom("document_folders")
    .select(COLUMNS)
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .orderBy("name")
    .execute();
}

export async function folderById(ex: Executor, s: Scope, id: string): Promise<FolderRow | undefined> {
  return q(ex)
    .selectFrom("document_folders")
    .select(COLUMNS)
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function childByName(
  ex: Executor,
  s: Scope,
  parentId: string | null,
  name: string,
): Promise<FolderRow | undefined> {
  let query = q(ex)
    .selectFrom("document_folders")
    .select(COLUMNS)
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where((eb) => eb(eb.fn("lower", ["name"]), "=", name.toLowerCase()));
  query = parentId ? query.where("parent_id", "=", parentId) : query.where("parent_id", "is", null);
  return query.executeTakeFirst();
}

export async function insertFolder(
  ex: Executor,
  s: Scope,
  row: {
    id: string;
    parent_id: string | null;
    name: string;
    system_key: string | null;
    bank_account_id: string | null;
    created_by: string;
  },
): Promise<FolderRow> {
  return q(ex)
    .insertInto("document_folders")
    .values({ ...row, firm_id: s.firmId, client_id: s.clientId })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function updateFolder(
  ex: Executor,
  s: Scope,
  id: string,
  patch: {
    name?: string;
    parent_id?: string | null;
    system_key?: string | null;
    bank_account_id?: string | null;
  },
): Promise<FolderRow> {
  return q(ex)
    .updateTable("document_folders")
    .set(patch)
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function deleteFolder(ex: Executor, s: Scope, id: string): Promise<void> {
  await q(ex)
    .deleteFrom("document_folders")
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .execute();
}

/** Whether anything (a folder, or a document live or in the trash) is inside the folder. */
export async function folderHasContent(ex: Executor, s: Scope, id: string): Promise<boolean> {
  const child = await q(ex)
    .selectFrom("document_folders")
    .select("id")
    .where("client_id", "=", s.clientId)
    .where("parent_id", "=", id)
    .limit(1)
    .executeTakeFirst();
  if (child) return true;
  const doc = await q(ex)
    .selectFrom("documents")
    .select("id")
    .where("client_id", "=", s.clientId)
    .where("folder_id", "=", id)
    .limit(1)
    .executeTakeFirst();
  return Boolean(doc);
}
