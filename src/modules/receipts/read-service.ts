// Reading a receipt in the background: a job per document (queued by an upload into Receipts, the
// "upload receipt" route, a re-read, or found unread in the Receipts folder), which reads the file
// (read-file.ts, OCR on tesseract's own worker thread), reads its fields (receipt-model.ts), scores
// the client's bank transactions around its date (match-model.ts), and either attaches it to the one
// confident match or leaves it in "Receipts to match" with its suggestions. Audited as the system.
import type { Actor } from "../../platform/actor.ts";
import { systemActor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { inTransaction, type Executor } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { formatMinor } from "../../platform/money.ts";
import * as documents from "../documents/index.ts";
import type { DocumentsCtx } from "../documents/index.ts";
import * as transactions from "../transactions/index.ts";
import type { ClientScope } from "../access/index.ts";
import { decimalsOf } from "./reading/amounts.ts";
import { readReceipt, type ReceiptFields } from "./reading/receipt-model.ts";
import { candidateWindow, matchReceipt, type Candidate, type Suggestion } from "./match-model.ts";
import { readFileText } from "./read-file.ts";
import { clientScope } from "./scope.ts";
import * as store from "./store.ts";

export const READ_RECEIPT_JOB = "receipts.read";

export interface ReadReceiptJob {
  firmId: string;
  clientId: string;
  documentId: string;
}

/** A file larger than this is not read (a receipt is a page or two; 20 MB is a large photo). */
export const MAX_READ_BYTES = 20 * 1024 * 1024;

/** Marks the document as being read and queues its reading (in the caller's transaction if given). */
export async function queueReading(
  ctx: DocumentsCtx,
  actor: Actor,
  s: ClientScope,
  documentId: string,
  ex?: Executor,
): Promise<store.ReadingRow> {
  const work = async (tx: Executor) => {
    const row = await store.startReading(tx, s, { id: newId(), documentId, by: actor.id });
    await recordAudit(tx, actor, {
      action: "receipts.receipt.queued",
      clientId: s.clientId,
      subjectType: "document",
      subjectId: documentId,
    });
    const job: ReadReceiptJob = { firmId: s.firmId, clientId: s.clientId, documentId };
    await ctx.jobs.send(READ_RECEIPT_JOB, job, tx);
    return row;
  };
  return ex ? work(ex) : inTransaction(ctx.db, work);
}

/** A suggestion as kept: the score, and what the person choosing needs to see of the transaction. */
export interface StoredSuggestion extends Suggestion {
  date: string;
  amount: string;
  currency: string;
  description: string;
}

async function fileBytes(ctx: DocumentsCtx, actor: Actor, s: ClientScope, documentId: string) {
  const file = await documents.openDocument(ctx, actor, s.clientId, documentId, {});
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of file.stream) {
    size += (chunk as Buffer).length;
    if (size > MAX_READ_BYTES) {
      file.stream.destroy();
      throw new AppError(
        "validation",
        "receipts/too-large",
        "the file is larger than a receipt is read at (20 MB)",
      );
    }
    chunks.push(chunk as Buffer);
  }
  return { bytes: new Uint8Array(Buffer.concat(chunks)), contentType: file.contentType };
}

async function candidatesFor(ctx: DocumentsCtx, actor: Actor, s: ClientScope, date: string | null) {
  const window = date ? candidateWindow(date) : { from: undefined, to: undefined };
  const page = await transactions.listTransactions(ctx, actor, s.clientId, {
    tab: "all",
    from: window.from,
    to: window.to,
    limit: date ? 200 : 100,
  });
  return page.transactions.map((t): Candidate => ({
    id: t.id,
    date: t.date,
    amount: t.amount,
    scale: t.scale,
    currency: t.currency,
    description: t.description,
    payee: t.coding.payee ?? t.bankPayee,
  }));
}

/** Payees the client's recent transactions name: a vendor among them is read surely. */
async function knownPayees(ctx: DocumentsCtx, actor: Actor, s: ClientScope): Promise<string[]> {
  const page = await transactions.listTransactions(ctx, actor, s.clientId, { tab: "processed", limit: 200 });
  return [...new Set(page.transactions.flatMap((t) => (t.coding.payee ? [t.coding.payee] : [])))];
}

function fieldsChange(fields: ReceiptFields): store.ReadingChange {
  return {
    vendor: fields.vendor.value?.slice(0, 200) ?? null,
    vendor_confidence: fields.vendor.confidence,
    receipt_date: fields.date.value,
    date_confidence: fields.date.confidence,
    total: fields.total.value,
    total_confidence: fields.total.confidence,
    tax: fields.tax.value,
    tax_confidence: fields.tax.confidence,
    currency: fields.currency.value,
    currency_confidence: fields.currency.confidence,
  };
}

/** Works one reading job; a file that cannot be read leaves the receipt "unreadable" with the reason. */
export async function runReadJob(ctx: DocumentsCtx, job: ReadReceiptJob): Promise<void> {
  const actor = systemActor(job.firmId);
  const s = await clientScope(ctx.db, actor, job.clientId, "read");
  const row = await store.readingOf(ctx.db, s, job.documentId);
  // Read already (a job queued twice), dismissed or matched meanwhile: nothing to do.
  if (!row || row.state !== "reading") return;
  const started = performance.now();
  let text: Awaited<ReturnType<typeof readFileText>>;
  try {
    const file = await fileBytes(ctx, actor, s, job.documentId);
    text = await readFileText(file.bytes, file.contentType);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await finish(ctx, actor, s, job.documentId, { state: "unreadable", problem: error.detail.slice(0, 500) });
    return;
  }
  const fields = readReceipt(text.lines, {
    homeCurrency: s.homeCurrency,
    knownPayees: await knownPayees(ctx, actor, s),
  });
  const candidates = await candidatesFor(ctx, actor, s, fields.date.value);
  const currency = fields.currency.value;
  const outcome = matchReceipt(
    {
      vendor: fields.vendor.value,
      date: fields.date.value,
      total: fields.total.value,
      decimals: decimalsOf(currency ?? s.homeCurrency),
      currency,
      totalConfidence: fields.total.confidence,
    },
    candidates,
  );
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const suggestions: StoredSuggestion[] = outcome.suggestions.map((x) => {
    const c = byId.get(x.transactionId)!;
    return {
      ...x,
      date: c.date,
      amount: formatMinor(c.amount, c.scale),
      currency: c.currency,
      description: c.description,
    };
  });
  const read = {
    ...fieldsChange(fields),
    source: text.source,
    text: text.lines.join("\n").slice(0, 20_000),
    suggestions,
    read_ms: Math.round(performance.now() - started),
    read_at: ctx.clock.now(),
  };
  await inTransaction(ctx.db, async (tx) => {
    const current = await store.readingOf(tx, s, job.documentId);
    if (!current || current.state !== "reading") return;
    if (outcome.confident) {
      await transactions.attachDocument(
        ctx,
        actor,
        s.clientId,
        { transactionId: outcome.confident.transactionId, documentId: job.documentId, source: "receipt" },
        tx,
      );
      await store.updateReading(tx, s, job.documentId, {
        ...read,
        state: "matched",
        transaction_id: outcome.confident.transactionId,
        match_score: outcome.confident.score,
      });
    } else await store.updateReading(tx, s, job.documentId, { ...read, state: "to_match" });
    await recordAudit(tx, actor, {
      action: outcome.confident ? "receipts.receipt.matched" : "receipts.receipt.read",
      clientId: s.clientId,
      subjectType: "document",
      subjectId: job.documentId,
      after: {
        source: text.source,
        vendor: read.vendor,
        date: read.receipt_date,
        total: read.total?.toString() ?? null,
        currency: read.currency,
        transactionId: outcome.confident?.transactionId ?? null,
        score: outcome.confident?.score ?? null,
        suggestions: suggestions.length,
      },
    });
  });
}

async function finish(
  ctx: DocumentsCtx,
  actor: Actor,
  s: ClientScope,
  documentId: string,
  change: store.ReadingChange,
): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    await store.updateReading(tx, s, documentId, { ...change, read_at: ctx.clock.now() });
    await recordAudit(tx, actor, {
      action: "receipts.receipt.unreadable",
      clientId: s.clientId,
      subjectType: "document",
      subjectId: documentId,
      after: { problem: change.problem },
    });
  });
}
