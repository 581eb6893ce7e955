// A filed document offered for import into a bank account, wired here because documents may not
// call banking: a document in a bank account's statements folder whose content banking's format
// detection recognizes is offered; importing it hands its bytes to banking's statement import (the
// same idempotent import as an upload on the bank account's page). Never automatic: a person clicks.
import type { Actor } from "../platform/actor.ts";
import type { Ctx } from "../platform/context.ts";
import { ruleViolation } from "../platform/errors.ts";
import * as banking from "../modules/banking/index.ts";
import { detectFormat, StatementParseError } from "../modules/banking/formats/index.ts";
import * as documents from "../modules/documents/index.ts";
import type { DocumentsCtx } from "../modules/documents/index.ts";

/** Enough of a file to recognize its format (the detector reads no more than this of the text). */
const HEAD_BYTES = 64 * 1024;
/** The largest statement imported from a document (as banking's own upload route allows). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface ImportOffer {
  offered: boolean;
  format: string | null;
  bankAccount: { id: string; name: string } | null;
  /** Why it is not offered, in a sentence. */
  reason: string | null;
}

const none = (reason: string): ImportOffer => ({ offered: false, format: null, bankAccount: null, reason });

export async function importOffer(
  ctx: Ctx,
  dctx: DocumentsCtx,
  actor: Actor,
  clientRef: string,
  documentId: string,
): Promise<ImportOffer> {
  const head = await documents.documentContent(dctx, actor, clientRef, documentId, {
    maxBytes: HEAD_BYTES,
    head: true,
  });
  if (!head.bankAccountId) return none("it is not filed in a bank account's statements folder");
  const account = await banking.getBankAccount(ctx, actor, clientRef, head.bankAccountId).catch(() => null);
  if (!account) return none("the bank account of its folder is gone");
  if (!account.isActive) return none(`${account.name} is inactive`);
  let format: string;
  try {
    format = detectFormat(head.bytes, head.name);
  } catch (error) {
    // A zip cut at the peek's end is read whole before it is judged.
    if (!(error instanceof StatementParseError)) throw error;
    if (!head.partial || !/\.zip$/i.test(head.name))
      return none(
        "it is not a statement file Closebook reads (OFX, QFX, QIF, CSV, CAMT, MT940, BAI2 or PDF)",
      );
    format = "zip";
  }
  return { offered: true, format, bankAccount: { id: account.id, name: account.name }, reason: null };
}

/** Imports the document's latest version into the bank account of its folder. */
export async function importDocument(
  ctx: Ctx,
  dctx: DocumentsCtx,
  actor: Actor,
  clientRef: string,
  documentId: string,
): Promise<banking.ImportSummary> {
  const offer = await importOffer(ctx, dctx, actor, clientRef, documentId);
  if (!offer.offered || !offer.bankAccount)
    throw ruleViolation("documents/not-importable", `This document cannot be imported: ${offer.reason}.`, {
      field: "id",
    });
  const file = await documents.documentContent(dctx, actor, clientRef, documentId, {
    maxBytes: MAX_IMPORT_BYTES,
    purpose: "statement import",
  });
  return banking.importStatementFile(ctx, actor, clientRef, offer.bankAccount.id, {
    bytes: file.bytes,
    fileName: file.name,
    source: "upload",
  });
}
