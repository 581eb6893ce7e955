// Filing an uploaded file: the folder is checked before a byte is read, the kind is sniffed from the
// first bytes (refused: 415), the bytes stream to the blob store under the size limit (past it: 413,
// nothing kept), and only then, in one transaction, the document (or its next version, when the
// folder already holds that name) is written with its audit event. If that transaction fails, the
// stored bytes are removed again; an upload cut off half-way stores nothing, so a retry starts clean.
import type { Readable } from "node:stream";
import type { Actor } from "../../platform/actor.ts";
import { inTransaction, isUniqueViolation, type Executor } from "../../platform/db.ts";
import { conflict, tooLarge, unsupportedType, validationError } from "../../platform/errors.ts";
import { recordAudit } from "../../platform/audit.ts";
import { newId } from "../../platform/ids.ts";
import { BlobTooLarge, peek, type StoredBlob } from "../../platform/storage/index.ts";
import type { DocumentsCtx } from "./documents-ctx.ts";
import { kindAllowed, sniff, SNIFF_BYTES, type FileKind } from "./content-type-model.ts";
import { checkName } from "./name-model.ts";
import { statementMonthFromName } from "./missing-statements-model.ts";
import { parseBankKey } from "./folder-tree-model.ts";
import { documentView, type DocumentView } from "./document-view.ts";
import * as docs from "./document-store.ts";
import { requireFolder } from "./folder-service.ts";
import { clientScope, type ClientScope } from "./scope.ts";
import type { FolderRow } from "./tables.ts";

export interface UploadInput {
  folderId: string;
  fileName: string;
  stream: Readable;
  /** The statement month (YYYY-MM) the file covers, when known. */
  period?: string | null | undefined;
}

export interface UploadResult {
  document: DocumentView;
  /** False when the upload added a version to a document of that name. */
  created: boolean;
}

/** Resolves the client and folder first: another tenant learns nothing about its upload. */
export async function uploadTarget(
  ctx: DocumentsCtx,
  actor: Actor,
  clientRef: string,
  folderId: string,
): Promise<{ s: ClientScope; folder: FolderRow }> {
  const s = await clientScope(ctx.db, actor, clientRef, "change");
  return { s, folder: await requireFolder(ctx.db, s, folderId) };
}

export async function uploadDocument(
  ctx: DocumentsCtx,
  actor: Actor,
  clientRef: string,
  input: UploadInput,
): Promise<UploadResult> {
  const { s, folder } = await uploadTarget(ctx, actor, clientRef, input.folderId);
  const name = checkName(input.fileName, "file.filename");
  const period = checkPeriod(input.period);
  const { kind, blob } = await storeBytes(ctx, input.stream, name);
  return fileStored(ctx, actor, s, folder, { name, period, kind, blob });
}

function checkPeriod(period: string | null | undefined): string | null {
  if (!period) return null;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period))
    throw validationError("documents/invalid-period", "the statement month is written YYYY-MM", {
      field: "period",
    });
  return period;
}

/** Sniffs and stores the bytes; refuses (415/413) with nothing kept. */
export async function storeBytes(
  ctx: DocumentsCtx,
  stream: Readable,
  name: string,
): Promise<{ kind: FileKind; blob: StoredBlob }> {
  const { head, whole } = await peek(stream, SNIFF_BYTES).catch((error: unknown) => {
    throw uploadFailure(ctx, error);
  });
  const kind = sniff(head, name);
  if (!kind || !kindAllowed(kind, ctx.limits.types)) {
    whole.destroy();
    throw unsupportedType(
      "documents/unsupported-type",
      kind
        ? `files of kind ${kind.kind} are not accepted here`
        : head.length === 0
          ? "the file is empty"
          : `"${name}" is not a kind of file Closebook keeps (PDF, images, spreadsheets, statement and text files)`,
      { field: "file", extra: { accepted: ctx.limits.types ?? null } },
    );
  }
  const blob = await ctx.blobs
    .put(whole, { maxBytes: ctx.limits.maxBytes, contentType: kind.contentType })
    .catch((error: unknown) => {
      throw uploadFailure(ctx, error);
    });
  return { kind, blob };
}

/** A size limit passed (ours or the multipart parser's) is a 413; anything else goes on as it was. */
function uploadFailure(ctx: DocumentsCtx, error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (error instanceof BlobTooLarge || code === "FST_REQ_FILE_TOO_LARGE")
    return tooLarge(
      "documents/file-too-large",
      `the file is larger than ${Math.round(ctx.limits.maxBytes / 1024 / 1024)} MB`,
      { field: "file", extra: { maxBytes: ctx.limits.maxBytes } },
    );
  return error;
}

/** Writes the document or its next version for bytes already stored (removed again on failure). */
export async function fileStored(
  ctx: DocumentsCtx,
  actor: Actor,
  s: ClientScope,
  folder: FolderRow,
  file: StoredFile,
): Promise<UploadResult> {
  try {
    return await inTransaction(ctx.db, (tx) => writeDocument(tx, actor, s, folder, file));
  } catch (error) {
    await ctx.blobs.delete(file.blob.key).catch(() => undefined);
    throw error;
  }
}

export interface StoredFile {
  name: string;
  period: string | null;
  kind: FileKind;
  blob: StoredBlob;
}

/** In the caller's transaction: the document (or its next version) for stored bytes, and its audit event. */
export async function writeDocument(
  tx: Executor,
  actor: Actor,
  s: ClientScope,
  folder: FolderRow,
  file: StoredFile,
): Promise<UploadResult> {
  // A statement's month: as given, else from the name when it lands in a bank statements folder.
  const inBankFolder = Boolean(folder.bank_account_id ?? parseBankKey(folder.system_key));
  const month = file.period ?? (inBankFolder ? statementMonthFromName(file.name) : null);
  const existing = await docs.liveByName(tx, s, folder.id, file.name);
  const doc =
    existing ??
    (await docs
      .insertDocument(tx, s, {
        id: newId(),
        folder_id: folder.id,
        name: file.name,
        period: month ? `${month}-01` : null,
        created_by: actor.id,
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error))
          throw conflict(
            "documents/upload-race",
            `"${file.name}" was uploaded at the same moment: try again`,
          );
        throw error;
      }));
  const current =
    existing && month && !existing.period
      ? await docs.updateDocument(tx, s, existing.id, { period: `${month}-01` })
      : doc;
  const version = await docs.insertVersion(tx, s, {
    id: newId(),
    document_id: doc.id,
    blob_key: file.blob.key,
    size: file.blob.size,
    sha256: file.blob.sha256,
    content_type: file.kind.contentType,
    file_name: file.name,
    created_by: actor.id,
  });
  await recordAudit(tx, actor, {
    action: existing ? "documents.document.version_added" : "documents.document.uploaded",
    clientId: s.clientId,
    subjectType: "document",
    subjectId: doc.id,
    after: {
      name: file.name,
      folderId: folder.id,
      version: version.version,
      size: file.blob.size,
      kind: file.kind.kind,
      sha256: file.blob.sha256,
    },
  });
  const versions = await docs.versionsOf(tx, s, [doc.id]);
  return { document: documentView(current, versions), created: !existing };
}
