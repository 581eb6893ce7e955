// Receipts in the browser: a receipt for the demo's latest Cloudtill charge on Bluebird Coffee's
// business card is uploaded on Receipts to match, read in the background and attached to that card
// transaction; the Transaction Manager shows its paperclip, which opens the receipt.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import PDFDocument from "pdfkit";
import { hasChromium } from "./support/browser.ts";
import { portalSession } from "./support/portal.ts";

const portal = portalSession();
const CLIENT = "bluebird-coffee";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "closebook-e2e-receipts-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function receiptPdf(lines: string[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: [260, 200], margin: 18 });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => doc.on("end", r));
  doc.font("Helvetica").fontSize(10).text(lines.join("\n"));
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

interface Txn {
  id: string;
  date: string;
  amount: string;
  status: string;
  description: string;
}

describe.skipIf(!hasChromium)("receipts", () => {
  it("matches an uploaded receipt to its card transaction, and the paperclip opens it", async () => {
    const { page } = portal.t;
    await page.goto(`/c/${CLIENT}/receipts`);
    await page.getByRole("heading", { name: "Receipts to match" }).waitFor();
    const api = `/api/clients/${CLIENT}`;
    const found = await page.request.get(`${api}/transactions?tab=all&search=CLOUDTILL&limit=1`);
    const [charge] = (await found.json()).transactions as Txn[];
    expect(charge).toBeDefined();
    const total = charge!.amount.replace("-", "");
    const [y, m, d] = charge!.date.split("-");
    const file = path.join(dir, "Cloudtill receipt.pdf");
    fs.writeFileSync(
      file,
      await receiptPdf([
        "Cloudtill POS Software",
        "Invoice receipt",
        `Date: ${m}/${d}/${y}`,
        `POS subscription, monthly $${total}`,
        `Total $${total}`,
        "Paid by VISA **** 4417",
      ]),
    );
    await page.locator('input[type="file"]').first().setInputFiles(file);
    // Read and matched in the background: it leaves the list, matched to the charge.
    await expect
      .poll(
        async () => {
          const res = await page.request.get(`${api}/receipts?state=matched`);
          const r = ((await res.json()).receipts as Array<{ name: string; transactionId: string }>).find(
            (x) => x.name === "Cloudtill receipt.pdf",
          );
          return r?.transactionId ?? null;
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toBe(charge!.id);
    await portal.t.shot("receipts-01-to-match");

    const tab =
      charge!.status === "processed"
        ? "processed"
        : charge!.status === "excluded"
          ? "excluded"
          : "needs_review";
    await page.goto(`/c/${CLIENT}/transactions?tab=${tab}&search=CLOUDTILL`);
    const row = page
      .getByRole("table", { name: "Transactions" })
      .getByRole("row", { name: new RegExp(charge!.description.slice(0, 20)) })
      .first();
    await row.getByRole("button", { name: /^Attachment of / }).click();
    await page.getByRole("dialog").getByText("Cloudtill receipt.pdf").first().waitFor();
    await portal.t.shot("receipts-02-paperclip");
    expect(portal.t.errors).toEqual([]);
  });
});
