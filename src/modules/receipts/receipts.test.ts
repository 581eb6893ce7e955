// Receipts over HTTP on a client with a card account: a receipt uploaded is read in the background
// and attached to its card transaction (the Transaction Manager shows the paperclip); one whose
// amount two transactions share waits in Receipts to match with both suggested, and a person
// chooses; dismiss, read again, an unreadable file, a file filed into Receipts by a plain upload,
// refusals, and another firm kept out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { testServer } from "../../../test/support/server.ts";
import { bookkeepingClient, importLines, type BooksFixture } from "../../../test/support/books.ts";
import { receiptPdf, type ReceiptSpec } from "../../../test/fixtures/receipts/generate.ts";
import type { App } from "../../platform/http.ts";
import { LocalDiskStore } from "../../platform/storage/index.ts";

let t: TestDb;
let b: BooksFixture;
let other: BooksFixture;
let app: App;
let dir: string;

const url = (p: string, client = b.slug) => `/api/clients/${client}${p}`;

function multipart(fileName: string, bytes: Uint8Array) {
  const boundary = "receiptboundary";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

function spec(vendor: string, date: string, total: string, tax: string): ReceiptSpec {
  const minor = (x: string) => BigInt(x.replace(".", ""));
  return {
    index: 0,
    layout: "till",
    truth: { vendor, date, total: minor(total), tax: minor(tax), currency: "USD" },
    lines: [
      { text: vendor, big: true },
      { text: "12 Harbour Rd" },
      { text: `Date: ${date.slice(5, 7)}/${date.slice(8)}/${date.slice(0, 4)} 09:14` },
      { text: "Flat white", right: `$${(Number(total) - Number(tax)).toFixed(2)}` },
      { text: "Subtotal", right: `$${(Number(total) - Number(tax)).toFixed(2)}` },
      { text: "Sales Tax", right: `$${tax}` },
      { text: "TOTAL", right: `$${total}`, big: true },
      { text: "VISA **** 4242" },
    ],
  };
}

async function uploadReceipt(name: string, bytes: Uint8Array, client = b.slug) {
  return app.inject({ method: "POST", url: url("/receipts", client), ...multipart(name, bytes) });
}

beforeAll(async () => {
  t = await testDb();
  b = await bookkeepingClient(t.ctx, "receipts-co", "firm-receipts");
  other = await bookkeepingClient(t.ctx, "other-receipts", "firm-other-receipts");
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "closebook-receipts-"));
  app = await testServer(t, { blobs: await new LocalDiskStore(dir).open() });
  await importLines(
    b,
    [
      { date: "2026-03-16", description: "BLUE HARBOR COFFEE #4411", amount: "-48.71" },
      { date: "2026-03-16", description: "STAPLES STORE #2231", amount: "-19.99" },
      { date: "2026-03-17", description: "OFFICE DEPOT #88", amount: "-19.99" },
      { date: "2026-03-20", description: "SHELL OIL 5561", amount: "-45.10" },
    ],
    "card",
    "card.csv",
  );
});
afterAll(async () => {
  await app?.close();
  await t?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

async function transactionsByDescription() {
  const res = await app.inject(url("/transactions?tab=all&limit=100"));
  expect(res.statusCode).toBe(200);
  return new Map(
    (
      res.json().transactions as Array<{
        id: string;
        description: string;
        hasAttachment: boolean;
        attachments: Array<{ documentId: string }>;
      }>
    ).map((x) => [x.description, x]),
  );
}

describe("receipts", () => {
  it("reads an uploaded receipt in the background and attaches it to its card transaction", async () => {
    const res = await uploadReceipt(
      "coffee.pdf",
      await receiptPdf(spec("Blue Harbor Coffee", "2026-03-14", "48.71", "3.71")),
    );
    expect(res.statusCode).toBe(202);
    const queued = res.json();
    expect(queued.state).toBe("reading");
    await t.ctx.jobs.drain();
    const read = (await app.inject(url(`/receipts/${queued.documentId}`))).json();
    expect(read).toMatchObject({
      state: "matched",
      source: "pdf_text",
      vendor: { value: "Blue Harbor Coffee" },
      date: { value: "2026-03-14" },
      total: { value: "48.71", confidence: 0.99 },
      tax: { value: "3.71" },
      currency: { value: "USD" },
    });
    const txns = await transactionsByDescription();
    const coffee = txns.get("BLUE HARBOR COFFEE #4411")!;
    expect(read.transactionId).toBe(coffee.id);
    expect(coffee.hasAttachment).toBe(true);
    expect(coffee.attachments.map((a) => a.documentId)).toEqual([queued.documentId]);
    expect(txns.get("SHELL OIL 5561")!.hasAttachment).toBe(false);
    const one = (await app.inject(url(`/transactions/${coffee.id}`))).json();
    expect(one.attachments[0]).toMatchObject({ documentId: queued.documentId, source: "receipt" });
    // Matched receipts are not in the list to match; the audit trail says what happened.
    expect((await app.inject(url("/receipts"))).json().receipts).toEqual([]);
    const history = (await app.inject(url(`/documents/${queued.documentId}/history`))).json().history;
    expect(history.map((h: { action: string }) => h.action)).toEqual(
      expect.arrayContaining([
        "documents.document.uploaded",
        "receipts.receipt.queued",
        "receipts.receipt.matched",
      ]),
    );
  });

  it("leaves a receipt two transactions could be for in Receipts to match; a person chooses, or dismisses", async () => {
    const res = await uploadReceipt(
      "paper.pdf",
      await receiptPdf(spec("Paper Planet", "2026-03-16", "19.99", "1.52")),
    );
    const id = res.json().documentId;
    await t.ctx.jobs.drain();
    const list = (await app.inject(url("/receipts"))).json();
    expect(list.receipts.map((r: { documentId: string }) => r.documentId)).toEqual([id]);
    const waiting = list.receipts[0];
    expect(waiting.state).toBe("to_match");
    expect(waiting.suggestions.map((s: { description: string }) => s.description).sort()).toEqual([
      "OFFICE DEPOT #88",
      "STAPLES STORE #2231",
    ]);
    expect(waiting.suggestions[0].reasons).toContain("same amount");
    const chosen = waiting.suggestions.find(
      (s: { description: string }) => s.description === "OFFICE DEPOT #88",
    );
    const matched = await app.inject({
      method: "POST",
      url: url(`/receipts/${id}/match`),
      payload: { transactionId: chosen.transactionId },
    });
    expect(matched.statusCode).toBe(200);
    expect(matched.json()).toMatchObject({ state: "matched", transactionId: chosen.transactionId });
    expect((await transactionsByDescription()).get("OFFICE DEPOT #88")!.hasAttachment).toBe(true);
    // Dismissed: the attachment goes with the match.
    const dismissed = await app.inject({ method: "POST", url: url(`/receipts/${id}/dismiss`) });
    expect(dismissed.json().state).toBe("dismissed");
    expect((await transactionsByDescription()).get("OFFICE DEPOT #88")!.hasAttachment).toBe(false);
    // Read again: back to the list.
    const again = await app.inject({ method: "POST", url: url(`/receipts/${id}/reread`) });
    expect(again.statusCode).toBe(202);
    await t.ctx.jobs.drain();
    expect((await app.inject(url(`/receipts/${id}`))).json().state).toBe("to_match");
  });

  it("reads what a plain upload files into Receipts, and says why a file is unreadable", async () => {
    const { folderId } = (await app.inject(url("/receipts"))).json();
    const csv = new TextEncoder().encode("Date,Amount\n2026-03-01,1.00\n");
    const up = await app.inject({
      method: "POST",
      url: url(`/documents?folder=${folderId}`),
      ...multipart("notes.csv", csv),
    });
    expect(up.statusCode).toBe(201);
    const listed = (await app.inject(url("/receipts"))).json().receipts;
    expect(listed.find((r: { name: string }) => r.name === "notes.csv").state).toBe("reading");
    await t.ctx.jobs.drain();
    const after = (await app.inject(url("/receipts")))
      .json()
      .receipts.find((r: { name: string }) => r.name === "notes.csv");
    expect(after.state).toBe("unreadable");
    expect(after.problem).toContain("PDF or a photo");
  });

  it("refuses bad input with the field and keeps another firm out", async () => {
    const bad = await app.inject({
      method: "POST",
      url: url(`/receipts/not-a-uuid/match`),
      payload: { transactionId: "x" },
    });
    expect(bad.statusCode).toBe(400);
    const missing = await app.inject(url("/receipts/00000000-0000-4000-8000-000000000000"));
    expect(missing.statusCode).toBe(404);
    expect((await app.inject(url("/receipts?state=nope"))).statusCode).toBe(400);
    const { receipts } = (await app.inject(url("/receipts?state=matched,dismissed,to_match"))).json();
    const theirs = await app.inject({
      method: "POST",
      url: url(`/receipts/${receipts[0].documentId}/match`, other.slug),
      payload: { transactionId: "00000000-0000-4000-8000-000000000000" },
    });
    expect(theirs.statusCode).toBe(404);
    const wrongTxn = await app.inject({
      method: "POST",
      url: url(`/receipts/${receipts[0].documentId}/match`),
      payload: { transactionId: "00000000-0000-4000-8000-000000000000" },
    });
    expect(wrongTxn.statusCode).toBe(404);
    expect(wrongTxn.json().code).toBe("transactions/not-found");
  });
});
