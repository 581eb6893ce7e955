// Documents once filed: the list of a folder (or the trash), one document with its versions, its
// audit trail, downloading a version, renaming, moving, the trash (soft delete, restore) and the
// purge of what has waited there 30 days.
import type { Readable } from "node:stream";
import type { Actor } from "../../platform/actor.ts";
import { systemActor } from "../../platform/actor.ts";
import { auditTrail, recordAudit, type AuditRecord } from "../../platform/audit.ts";
import { inTransaction, isUniqueViolation, type Executor } from "../../platform/db.ts";
import { conflict, notFound, validationError } from "../../platform/errors.ts";
import { UUID } from "../../platform/ids.ts";
import { BlobNotFound } from "../../platform/storage/index.ts";
import type { DocumentsCtx } from "./documents-ctx.ts";
import { documentView, kindOfType, type DocumentView } from "./document-view.ts";
import { checkName } from "./name-model.ts";
import { purgeCutoff } from "./trash-model.ts";
import * as docs from "./document-store.ts";
import { requireFolder } from "./folder-service.ts";
import { clientScope, type ClientScope } from "./scope.ts";
import type { DocumentRow } from "./tables.ts";

async function requireDocument(ex: Executor, s: ClientScope, id: string): Promise<DocumentRow> {
  const doc = UUID.test(id) ? await docs.documentById(ex, s, id) : undefined;
  if (!doc) throw notFound("documents/document-not-found", `no document ${id.slice(0, 80)}`, { field: "id" });
  return doc;
}

async function viewsOf(ex: Executor, s: ClientScope, rows: readonly DocumentRow[]): Promise<DocumentView[]> {
  const versions = await docs.versionsOf(
    ex,
    s,
    rows.map((r) => r.id),
  );
  const byDoc = new Map<string, typeof versions>();
  for (const v of versions) byDoc.set(v.document_id, [...(byDoc.get(v.document_id) ?? []), v]);
  return rows.map((r) => documentView(r, byDoc.get(r.id) ?? []));
}

export async function listDocuments(
  ctx: DocumentsCtx,
  actor: Actor,
  clientRef: string,
  filter: {
    folderId?: string | undefined;
    trash?: boolean | undefined;
    search?: string | undefined;
    limit?: number | undefined;
  },
): Promise<DocumentView[]> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  const folder = filter.folderId ? await requireFolder(ctx.db, s, filter.folderId, "folder") : undefined;
  const rows = await docs.listDocuments(ctx.db, s, {
    folderIds: folder ? [folder.id] : undefined,
    trash: filter.trash ?? false,
    search: filter.search,
    limit: filter.limit ?? 500,
  });
  return viewsOf(ctx.db, s, rows);
}

/** One document with all its versions; reading it is recorded as a view. */
export async function getDocument(
  ctx: DocumentsCtx,
  actor: Actor,
  clientRef: string,
  id: string,
): Promise<DocumentView> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  return inTransaction(ctx.db, async (tx) => {
    const doc = await requireDocument(tx, s, id);
    await recordAudit(tx, actor, {
      action: "documents.document.viewed",
      clientId: s.clientId,
      subjectType: "document",
      subjectId: doc.id,
    });
    return documentView(doc, await docs.versionsOf(tx, s, [doc.id]), true);
  });
}

/** Who viewed, downloaded and changed the document, oldest first. */
export async function documentHistory(
  ctx: DocumentsCtx,
  actor: Actor,
  clientRef: string,
  id: string,
): Promise<AuditRecord[]> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  const doc = await requireDocument(ctx.db, s, id);
  return auditTrail(ctx.db, {
    firmId: s.firmId,
    clientId: s.clientId,
    subjectType: "document",
    subjectId: doc.id,
  });
}

export interface Download {
  stream: Readable;
  fileName: string;
  contentType: string;
  size: number;
  preview: boolean;
}

/**
 * A version's bytes (the latest unless `version` is given), streamed from the store. Opening it
 * inline (the portal's preview) is recorded as a view, otherwise as a download.
 */
export async function openDocument(
  ctx: DocumentsCtx,
  actor: Actor,
  clientRef: string,
  id: string,
  options: { version?: number | undefined; inline?: boolean | undefined },
): Promise<Download> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  const { doc, version } = await inTransaction(ctx.db, async (tx) => {
    const doc = await requireDocument(tx, s, id);
    const versions = await docs.versionsOf(tx, s, [doc.id]);
    const version = options.version ? versions.find((v) => v.version === options.version) : versions[0];
    if (!version)
      throw notFound(
        "documents/version-not-found",
        `the document has no version ${options.version ?? ""}`.trim(),
        {
          field: "version",
        },
      );
    await recordAudit(tx, actor, {
      action: options.inline ? "documents.document.viewed" : "documents.document.downloaded",
      clientId: s.clientId,
      subjectType: "document",
      subjectId: doc.id,
      after: { version: version.version },
    });
    return { doc, version };
  });
  const stream = await ctx.blobs.get(version.blob_key).catch((error: unknown) => {
    if (error instanceof BlobNotFound)
      throw notFound("documents/content-missing", "the document's content is missing from storage");
    throw error;
  });
  const kind = kindOfType(version.content_type);
  return {
    stream,
    // The document's current name, with the version's own extension if the name lost it.
    fileName: doc.name,
    contentType: version.content_type,
    size: Number(version.size),
    preview: kind.preview,
  };
}

export async function changeDocument(
  ctx: DocumentsCtx,
  actor: Actor,
  clientRef: string,
  id: string,
  input: { name?: string | undefined; folderId?: string | undefined; period?: string | null | undefined },
): Promise<DocumentView> {
  const s = await clientScope(ctx.db, actor, clientRef, "change");
  return inTransaction(ctx.db, async (tx) => {
    const doc = await requireDocument(tx, s, id);
    if (doc.deleted_at) throw conflict("documents/in-trash", "restore the document before changing it");
    const patch: { name?: string; folder_id?: string; period?: string | null } = {};
    if (input.name !== undefined) patch.name = checkName(input.name, "name");
    if (input.folderId !== undefined)
      patch.folder_id = (await requireFolder(tx, s, input.folderId, "folderId")).id;
    if (input.period !== undefined) {
      if (input.period !== null && !/^\d{4}-(0[1-9]|1[0-2])$/.test(input.period))
        throw validationError("documents/invalid-period", "the statement month is written YYYY-MM", {
          field: "period",
        });
      patch.period = input.period ? `${input.period}-01` : null;
    }
    if (Object.keys(patch).length === 0) return (await viewsOf(tx, s, [doc]))[0]!;
    const row = await docs.updateDocument(tx, s, doc.id, patch).catch((error: unknown) => {
      if (isUniqueViolation(error))
        throw conflict(
          "documents/name-taken",
          `the folder already holds a document named "${patch.name ?? doc.name}"`,
          {
            field: patch.name ? "name" : "folderId",
          },
        );
      throw error;
    });
    await recordAudit(tx, actor, {
      action:
        patch.folder_id && patch.folder_id !== doc.folder_id
          ? "documents.document.moved"
          : patch.name
            ? "documents.document.renamed"
            : "documents.document.changed",
      clientId: s.clientId,
      subjectType: "document",
      subjectId: doc.id,
      before: { name: doc.name, folderId: doc.folder_id, period: doc.period },
      after: { name: row.name, folderId: row.folder_id, period: row.period },
    });
    return (await viewsOf(tx, s, [row]))[0]!;
  });
}

/** Moves the document to the trash, where it waits 30 days before it is purged. */
export async function trashDocument(
  ctx: DocumentsCtx,
  actor: Actor,
  clientRef: string,
  id: string,
): Promise<DocumentView> {
  const s = await clientScope(ctx.db, actor, clientRef, "change");
  return inTransaction(ctx.db, async (tx) => {
    const doc = await requireDocument(tx, s, id);
    if (doc.deleted_at) return (await viewsOf(tx, s, [doc]))[0]!;
    const row = await docs.updateDocument(tx, s, doc.id, {
      deleted_at: ctx.clock.now(),
      deleted_by: actor.id,
    });
    await recordAudit(tx, actor, {
      action: "documents.document.deleted",
      clientId: s.clientId,
      subjectType: "document",
      subjectId: doc.id,
      before: { name: doc.name, folderId: doc.folder_id },
    });
    return (await viewsOf(tx, s, [row]))[0]!;
  });
}

export async function restoreDocument(
  ctx: DocumentsCtx,
  actor: Actor,
  clientRef: string,
  id: string,
): Promise<DocumentView> {
  const s = await clientScope(ctx.db, actor, clientRef, "change");
  return inTransaction(ctx.db, async (tx) => {
    const doc = await requireDocument(tx, s, id);
    if (!doc.deleted_at) return (await viewsOf(tx, s, [doc]))[0]!;
    const row = await docs
      .updateDocument(tx, s, doc.id, { deleted_at: null, deleted_by: null })
      .catch((error: unknown) => {
        if (isUniqueViolation(error))
          throw conflict(
            "documents/name-taken",
            `the folder now holds another document named "${doc.name}": rename or move that one first`,
          );
        throw error;
      });
    await recordAudit(tx, actor, {
      action: "documents.document.restored",
      clientId: s.clientId,
      subjectType: "document",
      subjectId: doc.id,
      after: { name: doc.name, folderId: doc.folder_id },
    });
    return (await viewsOf(tx, s, [row]))[0]!;
  });
}

export const PURGE_TRASH_JOB = "documents.purge-trash";

/**
 * Purges documents that have been in the trash 30 days: rows (with an audit event) in one
 * transaction each, then their bytes. Bytes whose removal fails stay as unreferenced blobs, which
 * is safe (nothing can reach them) and is reported.
 */
export async function purgeTrash(
  ctx: DocumentsCtx,
  batch = 200,
): Promise<{ purged: number; blobsLeft: number }> {
  const due = await docs.dueForPurge(ctx.db, purgeCutoff(ctx.clock.now()), batch);
  let purged = 0;
  let blobsLeft = 0;
  for (const d of due) {
    const s = { firmId: d.firm_id, clientId: d.client_id };
    const keys = await inTransaction(ctx.db, async (tx) => {
      const keys = await docs.deleteDocument(tx, s, d.id);
      await recordAudit(tx, systemActor(d.firm_id), {
        action: "documents.document.purged",
        clientId: d.client_id,
        subjectType: "document",
        subjectId: d.id,
        before: { name: d.name },
      });
      return keys;
    });
    purged++;
    for (const key of keys) await ctx.blobs.delete(key).catch(() => blobsLeft++);
  }
  return { purged, blobsLeft };
}
