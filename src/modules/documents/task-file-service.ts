// What a document upload request needs of documents: its folder, named by id or by a path
// ("Bank statements/Checking/2026", the path's missing folders made), and a filed document's bytes
// read back — the first kilobytes to tell whether it is a statement, or all of it to import it.
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { notFound, tooLarge } from "../../platform/errors.ts";
import { UUID } from "../../platform/ids.ts";
import { BlobNotFound } from "../../platform/storage/index.ts";
import type { DocumentsCtx } from "./documents-ctx.ts";
import * as docs from "./document-store.ts";
import { createFolder, ensureStandardTree, requireFolder } from "./folder-service.ts";
import { parseBankKey } from "./folder-tree-model.ts";
import { clientScope } from "./scope.ts";
import type { FolderRow } from "./tables.ts";

export interface TaskFolder {
  id: string;
  /** The folder's path from the top, "Bank statements / Checking / 2026". */
  path: string;
  /** The bank account a statements folder is about, else null. */
  bankAccountId: string | null;
}

const bankAccountOf = (f: FolderRow) => f.bank_account_id ?? parseBankKey(f.system_key)?.accountId ?? null;

function pathOf(all: readonly FolderRow[], folder: FolderRow): string {
  const byId = new Map(all.map((f) => [f.id, f]));
  const names: string[] = [];
  for (let at: FolderRow | undefined = folder; at && names.length < 50; at = byId.get(at.parent_id ?? ""))
    names.unshift(at.name);
  return names.join(" / ");
}

/** The folder a task names (its id, or a path whose missing folders are made), with its path. */
export async function resolveTaskFolder(
  ctx: DocumentsCtx,
  actor: Actor,
  clientRef: string,
  ref: string,
): Promise<TaskFolder> {
  const s = await clientScope(ctx.db, actor, clientRef, "change");
  let all = await ensureStandardTree(ctx, actor, s);
  let folder: FolderRow | undefined;
  if (UUID.test(ref.trim())) folder = await requireFolder(ctx.db, s, ref.trim(), "folder");
  else {
    const parts = ref
      .split(/[/\\]/)
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts.length === 0)
      throw notFound("documents/folder-not-found", "the task names no folder", { field: "folder" });
    let parent: string | null = null;
    for (const name of parts) {
      let next: FolderRow | undefined = all.find(
        (f) => f.parent_id === parent && f.name.toLowerCase() === name.toLowerCase(),
      );
      if (!next) {
        next = await createFolder(ctx, actor, clientRef, { name, parentId: parent });
        all = [...all, next];
      }
      folder = next;
      parent = next.id;
    }
  }
  return { id: folder!.id, path: pathOf(all, folder!), bankAccountId: bankAccountOf(folder!) };
}

export interface DocumentContent {
  documentId: string;
  name: string;
  folderId: string;
  /** The bank account of the folder it is filed in (Bank statements / <account> / …), else null. */
  bankAccountId: string | null;
  period: string | null;
  version: number;
  bytes: Uint8Array;
  /** The bytes are the first `maxBytes` only. */
  partial: boolean;
}

/**
 * The latest version's bytes: with `head`, no more than `maxBytes` (a peek that records nothing);
 * else all of them, refused past `maxBytes` (413), and recorded as a download for `purpose`.
 */
export async function documentContent(
  ctx: DocumentsCtx,
  actor: Actor,
  clientRef: string,
  id: string,
  options: { maxBytes: number; head?: boolean; purpose?: string },
): Promise<DocumentContent> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  const doc = UUID.test(id) ? await docs.documentById(ctx.db, s, id) : undefined;
  if (!doc || doc.deleted_at)
    throw notFound("documents/document-not-found", `no document ${id.slice(0, 80)}`, { field: "id" });
  const [version] = await docs.versionsOf(ctx.db, s, [doc.id]);
  if (!version) throw notFound("documents/version-not-found", "the document has no version");
  if (!options.head && Number(version.size) > options.maxBytes)
    throw tooLarge("documents/file-too-large", `the file is larger than ${options.maxBytes} bytes`, {
      field: "id",
    });
  const folder = await requireFolder(ctx.db, s, doc.folder_id);
  const stream = await ctx.blobs.get(version.blob_key).catch((error: unknown) => {
    if (error instanceof BlobNotFound)
      throw notFound("documents/content-missing", "the document's content is missing from storage");
    throw error;
  });
  const chunks: Buffer[] = [];
  let size = 0;
  let partial = false;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    if (options.head && size >= options.maxBytes) {
      partial = size > options.maxBytes || Number(version.size) > size;
      stream.destroy();
      break;
    }
  }
  const bytes = new Uint8Array(Buffer.concat(chunks).subarray(0, options.maxBytes));
  if (!options.head)
    await recordAudit(ctx.db, actor, {
      action: "documents.document.downloaded",
      clientId: s.clientId,
      subjectType: "document",
      subjectId: doc.id,
      after: { version: version.version, purpose: options.purpose ?? null },
    });
  return {
    documentId: doc.id,
    name: doc.name,
    folderId: folder.id,
    bankAccountId: bankAccountOf(folder),
    period: doc.period ? String(doc.period).slice(0, 7) : null,
    version: version.version,
    bytes,
    partial,
  };
}
