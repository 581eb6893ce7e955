// Receipts to match and what a person does with them: the list (a receipt filed in the Receipts
// folder by a plain upload and not yet read is queued on the way), one receipt's reading, choosing
// its transaction (a suggestion or any other of the client's), dismissing it, reading it again, and
// the explicit "upload receipt" (into the client's Receipts folder, then read in the background).
import type { Readable } from "node:stream";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { inTransaction, type Executor } from "../../platform/db.ts";
import { conflict, notFound } from "../../platform/errors.ts";
import { UUID } from "../../platform/ids.ts";
import * as documents from "../documents/index.ts";
import type { DocumentsCtx, DocumentView } from "../documents/index.ts";
import * as transactions from "../transactions/index.ts";
import type { ClientScope } from "../access/index.ts";
import { queueReading } from "./read-service.ts";
import { clientScope } from "./scope.ts";
import * as store from "./store.ts";

export interface ReceiptView {
  reading: store.ReadingRow;
  document: DocumentView | null;
}

async function receiptsFolder(ctx: DocumentsCtx, actor: Actor, s: ClientScope) {
  // Listing the folders adds any standard folder the client lacks: Receipts, for clients made before it.
  const folders = await documents.listFolders(ctx, actor, s.clientId);
  const folder = folders.find((f) => f.system_key === documents.RECEIPTS_FOLDER);
  if (!folder) throw notFound("receipts/no-folder", "the client has no Receipts folder");
  return folder;
}

/** Documents in the Receipts folder that were filed by a plain upload and never read: queued now. */
async function queueUnread(ctx: DocumentsCtx, actor: Actor, s: ClientScope): Promise<void> {
  const folder = await receiptsFolder(ctx, actor, s);
  const docs = await documents.listDocuments(ctx, actor, s.clientId, { folderId: folder.id, limit: 500 });
  const read = await store.documentsWithReadings(
    ctx.db,
    s,
    docs.map((d) => d.id),
  );
  for (const doc of docs) if (!read.has(doc.id)) await queueReading(ctx, actor, s, doc.id);
}

export async function listReceipts(
  ctx: DocumentsCtx,
  actor: Actor,
  clientRef: string,
  filter: { states?: readonly store.ReceiptState[] | undefined; limit?: number | undefined },
): Promise<ReceiptView[]> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  await queueUnread(ctx, actor, s);
  const rows = await store.listReadings(
    ctx.db,
    s,
    filter.states ?? ["reading", "to_match", "unreadable"],
    filter.limit ?? 200,
  );
  const docs = new Map(
    (await documents.listDocuments(ctx, actor, s.clientId, { limit: 5000 })).map((d) => [d.id, d]),
  );
  return rows.map((reading) => ({ reading, document: docs.get(reading.document_id) ?? null }));
}

async function requireReading(
  ctx: DocumentsCtx,
  s: ClientScope,
  documentId: string,
): Promise<store.ReadingRow> {
  const row = UUID.test(documentId) ? await store.readingOf(ctx.db, s, documentId) : undefined;
  if (!row)
    throw notFound("receipts/not-found", `no receipt ${documentId.slice(0, 80)}`, { field: "documentId" });
  return row;
}

export async function getReceipt(
  ctx: DocumentsCtx,
  actor: Actor,
  clientRef: string,
  documentId: string,
): Promise<ReceiptView> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  const reading = await requireReading(ctx, s, documentId);
  const [document] = (await documents.listDocuments(ctx, actor, s.clientId, { limit: 5000 })).filter(
    (d) => d.id === documentId,
  );
  return { reading, document: document ?? null };
}

/** Attaches the receipt to the transaction a person chose (a suggestion or another); undoes an earlier match. */
export async function chooseMatch(
  ctx: DocumentsCtx,
  actor: Actor,
  clientRef: string,
  documentId: string,
  transactionId: string,
): Promise<ReceiptView> {
  const s = await clientScope(ctx.db, actor, clientRef, "match");
  const before = await requireReading(ctx, s, documentId);
  if (before.state === "reading")
    throw conflict(
      "receipts/still-reading",
      "the receipt is still being read: choose its transaction once it is read",
    );
  await inTransaction(ctx.db, async (tx) => {
    if (before.transaction_id !== transactionId)
      await detachCurrent(ctx, actor, s, documentId, before.transaction_id, tx);
    await transactions.attachDocument(
      ctx,
      actor,
      s.clientId,
      { transactionId, documentId, source: "person" },
      tx,
    );
    const score =
      (before.suggestions as Array<{ transactionId: string; score: number }>).find(
        (x) => x.transactionId === transactionId,
      )?.score ?? null;
    await store.updateReading(tx, s, documentId, {
      state: "matched",
      transaction_id: transactionId,
      match_score: score,
    });
    await recordAudit(tx, actor, {
      action: "receipts.receipt.matched",
      clientId: s.clientId,
      subjectType: "document",
      subjectId: documentId,
      before: { state: before.state, transactionId: before.transaction_id },
      after: { transactionId, score, chosen: true },
    });
  });
  return getReceipt(ctx, actor, clientRef, documentId);
}

/** Takes the receipt off the list (not a business expense, a duplicate); a match it had is undone. */
export async function dismissReceipt(
  ctx: DocumentsCtx,
  actor: Actor,
  clientRef: string,
  documentId: string,
): Promise<ReceiptView> {
  const s = await clientScope(ctx.db, actor, clientRef, "match");
  const before = await requireReading(ctx, s, documentId);
  await inTransaction(ctx.db, async (tx) => {
    await detachCurrent(ctx, actor, s, documentId, before.transaction_id, tx);
    await store.updateReading(tx, s, documentId, {
      state: "dismissed",
      transaction_id: null,
      match_score: null,
    });
    await recordAudit(tx, actor, {
      action: "receipts.receipt.dismissed",
      clientId: s.clientId,
      subjectType: "document",
      subjectId: documentId,
      before: { state: before.state, transactionId: before.transaction_id },
    });
  });
  return getReceipt(ctx, actor, clientRef, documentId);
}

/** Reads the receipt again (a new version, a better photo); a match it had is undone first. */
export async function rereadReceipt(
  ctx: DocumentsCtx,
  actor: Actor,
  clientRef: string,
  documentId: string,
): Promise<ReceiptView> {
  const s = await clientScope(ctx.db, actor, clientRef, "upload");
  const before = await requireReading(ctx, s, documentId);
  await inTransaction(ctx.db, async (tx) => {
    await detachCurrent(ctx, actor, s, documentId, before.transaction_id, tx);
    await queueReading(ctx, actor, s, documentId, tx);
  });
  return getReceipt(ctx, actor, clientRef, documentId);
}

/** Refuses (403/404) an actor who may not file this client's receipts, before an upload's body is read. */
export async function uploadAllowed(ctx: DocumentsCtx, actor: Actor, clientRef: string): Promise<void> {
  await clientScope(ctx.db, actor, clientRef, "upload");
}

/** Files a receipt into the client's Receipts folder (a new version if the name is there) and queues its reading. */
export async function uploadReceipt(
  ctx: DocumentsCtx,
  actor: Actor,
  clientRef: string,
  input: { fileName: string; stream: Readable },
): Promise<ReceiptView> {
  const s = await clientScope(ctx.db, actor, clientRef, "upload");
  const folder = await receiptsFolder(ctx, actor, s);
  const uploaded = await documents.uploadDocument(ctx, actor, s.clientId, {
    folderId: folder.id,
    fileName: input.fileName,
    stream: input.stream,
  });
  const reading = await queueReading(ctx, actor, s, uploaded.document.id);
  return { reading, document: uploaded.document };
}

/** The Receipts folder's id (the web page uploads there too). */
export async function receiptsFolderId(ctx: DocumentsCtx, actor: Actor, clientRef: string): Promise<string> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  return (await receiptsFolder(ctx, actor, s)).id;
}

/** Undoes the receipt's match to a transaction, if it has one, in the caller's transaction. */
async function detachCurrent(
  ctx: DocumentsCtx,
  actor: Actor,
  s: ClientScope,
  documentId: string,
  transactionId: string | null,
  tx: Executor,
): Promise<void> {
  if (transactionId)
    await transactions.detachDocument(ctx, actor, s.clientId, { transactionId, documentId }, tx);
}
