// The demo's receipt: a till receipt from Townsquare Ads for the latest such charge on Bluebird
// Coffee's business card, filed through the real receipts service (into the Receipts folder), read
// and matched at once — so the Transaction Manager shows its paperclip and Receipts to match is empty.
// Idempotent: a client whose Receipts folder holds a document is left as it is.
import { Readable } from "node:stream";
import PDFDocument from "pdfkit";
import { systemActor } from "../../platform/actor.ts";
import { formatMinor } from "../../platform/money.ts";
import * as access from "../../modules/access/index.ts";
import * as documents from "../../modules/documents/index.ts";
import type { DocumentsCtx } from "../../modules/documents/index.ts";
import * as receipts from "../../modules/receipts/index.ts";
import * as transactions from "../../modules/transactions/index.ts";

const CLIENT = "bluebird-coffee";

async function receiptPdf(lines: Array<[string, string?]>): Promise<Buffer> {
  const doc = new PDFDocument({ size: [260, 60 + lines.length * 16], margin: 18 });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on("end", () => resolve()));
  let y = 20;
  for (const [left, right] of lines) {
    doc.font("Helvetica").fontSize(10).text(left, 18, y, { lineBreak: false });
    if (right) doc.text(right, 140, y, { width: 100, align: "right", lineBreak: false });
    y += 15;
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

export async function seedDemoReceipt(ctx: DocumentsCtx, firmId: string): Promise<void> {
  const actor = systemActor(firmId);
  if (!(await access.clientExists(ctx.db, actor, CLIENT))) return;
  const folder = (await documents.listFolders(ctx, actor, CLIENT)).find(
    (f) => f.system_key === documents.RECEIPTS_FOLDER,
  );
  if (
    !folder ||
    (await documents.listDocuments(ctx, actor, CLIENT, { folderId: folder.id, limit: 1 })).length > 0
  )
    return;
  const [charge] = (
    await transactions.listTransactions(ctx, actor, CLIENT, {
      tab: "all",
      search: "TOWNSQUARE ADS",
      limit: 1,
    })
  ).transactions;
  if (!charge || charge.amount >= 0n) return;
  const total = formatMinor(-charge.amount, charge.scale);
  const [y, m, d] = charge.date.split("-");
  const pdf = await receiptPdf([
    ["Townsquare Ads"],
    ["48 Market Street"],
    [`Date: ${m}/${d}/${y}`],
    ["Local advertising, one week", `$${total}`],
    ["Total", `$${total}`],
    ["VISA **** 4417"],
    ["Thank you for your business"],
  ]);
  const filed = await receipts.uploadReceipt(ctx, actor, CLIENT, {
    fileName: `Townsquare Ads ${charge.date}.pdf`,
    stream: Readable.from([pdf]),
  });
  // Read now rather than by the job runner, so a fresh demo opens with the match made (the queued
  // job then finds the receipt read and does nothing).
  await receipts.runReadJob(ctx, {
    firmId,
    clientId: filed.reading.client_id,
    documentId: filed.reading.document_id,
  });
}
