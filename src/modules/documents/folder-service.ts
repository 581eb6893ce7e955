// A client's folders: the standard tree (made when first needed, and again when accounts or years
// are added: only what is missing), and the folders people make, rename, move and remove.
import type { Actor } from "../../platform/actor.ts";
import { inTransaction, isUniqueViolation, type Executor } from "../../platform/db.ts";
import { conflict, notFound, ruleViolation } from "../../platform/errors.ts";
import { recordAudit } from "../../platform/audit.ts";
import { newId, UUID } from "../../platform/ids.ts";
import * as access from "../access/index.ts";
import type { DocumentsCtx } from "./documents-ctx.ts";
import { standardTree, parseBankKey, type PlannedFolder } from "./folder-tree-model.ts";
import { checkName } from "./name-model.ts";
import * as store from "./folder-store.ts";
import { clientScope, type ClientScope } from "./scope.ts";
import type { FolderRow } from "./tables.ts";

/** The first year of statement folders: the client's service start, else this year. */
async function firstYear(ex: Executor, actor: Actor, s: ClientScope, today: string): Promise<number> {
  const client = await access.requireClient(ex, actor, s.clientId);
  const start = client.service_start_date ? String(client.service_start_date).slice(0, 4) : today.slice(0, 4);
  return Number(start);
}

/**
 * Adds whatever of the standard tree the client lacks (idempotent: each standard folder has its key).
 * A folder a person already made with a standard name is adopted rather than doubled.
 */
export async function ensureStandardTree(
  ctx: DocumentsCtx,
  actor: Actor,
  s: ClientScope,
): Promise<FolderRow[]> {
  const accounts = await ctx.statementAccounts(actor, s.clientSlug);
  const today = ctx.clock.today();
  const first = await firstYear(ctx.db, actor, s, today);
  const plan = standardTree(accounts, () => first, Number(today.slice(0, 4)));
  const existing = await store.listFolders(ctx.db, s);
  const byKey = new Map(existing.filter((f) => f.system_key).map((f) => [f.system_key!, f]));
  if (plan.every((p) => byKey.has(p.key))) return existing;
  return inTransaction(ctx.db, async (tx) => {
    const keyed = new Map(
      (await store.listFolders(tx, s)).filter((f) => f.system_key).map((f) => [f.system_key!, f]),
    );
    for (const planned of plan) {
      if (keyed.has(planned.key)) continue;
      keyed.set(planned.key, await addPlanned(tx, actor, s, planned, keyed));
    }
    return store.listFolders(tx, s);
  });
}

async function addPlanned(
  tx: Executor,
  actor: Actor,
  s: ClientScope,
  planned: PlannedFolder,
  keyed: Map<string, FolderRow>,
): Promise<FolderRow> {
  const parentId = planned.parentKey ? keyed.get(planned.parentKey)!.id : null;
  const same = await store.childByName(tx, s, parentId, planned.name);
  if (same && !same.system_key)
    return store.updateFolder(tx, s, same.id, {
      system_key: planned.key,
      bank_account_id: planned.bankAccountId,
    });
  // A standard name already taken by another standard folder (two accounts renamed alike): suffix it.
  const name = same ? `${planned.name} (${planned.key.slice(-8)})` : planned.name;
  const row = await store.insertFolder(tx, s, {
    id: newId(),
    parent_id: parentId,
    name,
    system_key: planned.key,
    bank_account_id: planned.bankAccountId,
    created_by: actor.id,
  });
  await recordAudit(tx, actor, {
    action: "documents.folder.created",
    clientId: s.clientId,
    subjectType: "document_folder",
    subjectId: row.id,
    after: row,
  });
  return row;
}

export async function listFolders(ctx: DocumentsCtx, actor: Actor, clientRef: string): Promise<FolderRow[]> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  return ensureStandardTree(ctx, actor, s);
}

export async function requireFolder(
  ex: Executor,
  s: ClientScope,
  id: string,
  field = "folderId",
): Promise<FolderRow> {
  const folder = UUID.test(id) ? await store.folderById(ex, s, id) : undefined;
  if (!folder) throw notFound("documents/folder-not-found", `no folder ${id.slice(0, 80)}`, { field });
  return folder;
}

export async function createFolder(
  ctx: DocumentsCtx,
  actor: Actor,
  clientRef: string,
  input: { name: string; parentId?: string | null | undefined },
): Promise<FolderRow> {
  const s = await clientScope(ctx.db, actor, clientRef, "change");
  await ensureStandardTree(ctx, actor, s);
  const name = checkName(input.name, "name");
  return inTransaction(ctx.db, async (tx) => {
    const parent = input.parentId ? await requireFolder(tx, s, input.parentId, "parentId") : null;
    const row = await store
      .insertFolder(tx, s, {
        id: newId(),
        parent_id: parent?.id ?? null,
        name,
        system_key: null,
        bank_account_id: parent?.bank_account_id ?? null,
        created_by: actor.id,
      })
      .catch(nameTaken(name));
    await recordAudit(tx, actor, {
      action: "documents.folder.created",
      clientId: s.clientId,
      subjectType: "document_folder",
      subjectId: row.id,
      after: row,
    });
    return row;
  });
}

const nameTaken = (name: string) => (error: unknown) => {
  if (isUniqueViolation(error))
    throw conflict("documents/name-taken", `the folder already holds a folder named "${name}"`, {
      field: "name",
    });
  throw error;
};

/** Renames and/or moves a folder. Standard folders may be renamed but stay where they are. */
export async function changeFolder(
  ctx: DocumentsCtx,
  actor: Actor,
  clientRef: string,
  id: string,
  input: { name?: string | undefined; parentId?: string | null | undefined },
): Promise<FolderRow> {
  const s = await clientScope(ctx.db, actor, clientRef, "change");
  return inTransaction(ctx.db, async (tx) => {
    const folder = await requireFolder(tx, s, id, "id");
    const patch: { name?: string; parent_id?: string | null } = {};
    if (input.name !== undefined) patch.name = checkName(input.name, "name");
    if (input.parentId !== undefined && input.parentId !== folder.parent_id) {
      if (folder.system_key)
        throw ruleViolation(
          "documents/standard-folder",
          "a standard folder stays where it is (it may be renamed)",
          {
            field: "parentId",
          },
        );
      if (input.parentId !== null) {
        const parent = await requireFolder(tx, s, input.parentId, "parentId");
        // Not into itself or anything inside it.
        const all = await store.listFolders(tx, s);
        const parentOf = new Map(all.map((f) => [f.id, f.parent_id]));
        for (let at: string | null = parent.id; at; at = parentOf.get(at) ?? null)
          if (at === folder.id)
            throw ruleViolation("documents/folder-cycle", "a folder cannot move into itself", {
              field: "parentId",
            });
      }
      patch.parent_id = input.parentId;
    }
    if (Object.keys(patch).length === 0) return folder;
    const row = await store.updateFolder(tx, s, folder.id, patch).catch(nameTaken(patch.name ?? folder.name));
    await recordAudit(tx, actor, {
      action: patch.parent_id !== undefined ? "documents.folder.moved" : "documents.folder.renamed",
      clientId: s.clientId,
      subjectType: "document_folder",
      subjectId: row.id,
      before: folder,
      after: row,
    });
    return row;
  });
}

/** Removes an empty folder that people made (standard folders stay). */
export async function deleteFolder(
  ctx: DocumentsCtx,
  actor: Actor,
  clientRef: string,
  id: string,
): Promise<void> {
  const s = await clientScope(ctx.db, actor, clientRef, "change");
  await inTransaction(ctx.db, async (tx) => {
    const folder = await requireFolder(tx, s, id, "id");
    if (folder.system_key)
      throw ruleViolation("documents/standard-folder", "a standard folder cannot be removed");
    if (await store.folderHasContent(tx, s, folder.id))
      throw ruleViolation(
        "documents/folder-not-empty",
        "the folder is not empty (documents in the trash count until they are purged)",
      );
    await store.deleteFolder(tx, s, folder.id);
    await recordAudit(tx, actor, {
      action: "documents.folder.deleted",
      clientId: s.clientId,
      subjectType: "document_folder",
      subjectId: folder.id,
      before: folder,
    });
  });
}

/** The statement folder of an account: Bank statements / <account> (and its year folders below). */
export function accountFolders(folders: readonly FolderRow[], accountId: string): FolderRow[] {
  return folders.filter(
    (f) => f.bank_account_id === accountId || parseBankKey(f.system_key)?.accountId === accountId,
  );
}

/** The folder a statement of `month` for this account belongs in (the year folder). */
export function statementFolderFor(
  folders: readonly FolderRow[],
  accountId: string,
  month: string,
): FolderRow | undefined {
  return folders.find((f) => f.system_key === `bank-year:${accountId}:${month.slice(0, 4)}`);
}
