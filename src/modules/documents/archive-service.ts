// A folder uploaded as a zip archive: each file of the archive becomes a document in the folder
// (its sub-folders made from the archive's paths). All or nothing: a path trick, a file of a kind
// not accepted, a file or an archive too large or a zip bomb refuses the whole archive, and the
// bytes already stored for it are removed; the documents are written in one transaction at the end.
import type { Readable } from "node:stream";
import type { Actor } from "../../platform/actor.ts";
import { inTransaction, type Executor } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { unsupportedType, validationError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { peek } from "../../platform/storage/index.ts";
import type { DocumentsCtx } from "./documents-ctx.ts";
import { unpackArchive } from "./archive.ts";
import { archivePath, isArchiveClutter } from "./name-model.ts";
import type { DocumentView } from "./document-view.ts";
import * as folders from "./folder-store.ts";
import { storeBytes, uploadTarget, writeDocument, type StoredFile } from "./upload-service.ts";
import type { ClientScope } from "./scope.ts";
import type { FolderRow } from "./tables.ts";

export interface ArchiveResult {
  documents: DocumentView[];
  folders: FolderRow[];
  skipped: string[];
}

export async function uploadArchive(
  ctx: DocumentsCtx,
  actor: Actor,
  clientRef: string,
  input: { folderId: string; stream: Readable },
): Promise<ArchiveResult> {
  const { s, folder } = await uploadTarget(ctx, actor, clientRef, input.folderId);
  const { head, whole } = await peek(input.stream, 4);
  if (!(head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05))) {
    whole.destroy();
    throw unsupportedType("documents/not-a-zip", "send the folder as a zip archive", { field: "file" });
  }
  const stored: Array<StoredFile & { folders: string[] }> = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  try {
    await unpackArchive(whole, ctx.limits.zip, async (path, stream) => {
      if (isArchiveClutter(path)) {
        skipped.push(path.slice(0, 200));
        stream.resume();
        return;
      }
      const where = archivePath(path);
      if ("refusal" in where)
        throw validationError("documents/invalid-name", `in the archive, ${where.refusal}`, {
          field: "file",
        });
      const key = [...where.folders, where.name].join("/").toLowerCase();
      if (seen.has(key))
        throw validationError(
          "documents/duplicate-in-archive",
          `the archive holds "${path.slice(0, 80)}" twice`,
          {
            field: "file",
          },
        );
      seen.add(key);
      const { kind, blob } = await storeBytes(ctx, stream, where.name);
      stored.push({ name: where.name, folders: where.folders, period: null, kind, blob });
    });
    return await inTransaction(ctx.db, async (tx) => {
      const made: FolderRow[] = [];
      const documents: DocumentView[] = [];
      for (const file of stored) {
        const target = await folderPath(tx, actor, s, folder, file.folders, made);
        documents.push((await writeDocument(tx, actor, s, target, file)).document);
      }
      return { documents, folders: made, skipped };
    });
  } catch (error) {
    for (const file of stored) await ctx.blobs.delete(file.blob.key).catch(() => undefined);
    throw error;
  }
}

/** The folder at `names` below `root`, made where missing. */
async function folderPath(
  tx: Executor,
  actor: Actor,
  s: ClientScope,
  root: FolderRow,
  names: readonly string[],
  made: FolderRow[],
): Promise<FolderRow> {
  let at = root;
  for (const name of names) {
    const existing = await folders.childByName(tx, s, at.id, name);
    if (existing) {
      at = existing;
      continue;
    }
    at = await folders.insertFolder(tx, s, {
      id: newId(),
      parent_id: at.id,
      name,
      system_key: null,
      bank_account_id: at.bank_account_id,
      created_by: actor.id,
    });
    made.push(at);
    await recordAudit(tx, actor, {
      action: "documents.folder.created",
      clientId: s.clientId,
      subjectType: "document_folder",
      subjectId: at.id,
      after: at,
    });
  }
  return at;
}
