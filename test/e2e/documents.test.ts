// Documents in the browser: the client's folder tree with its bank statements and the months still
// missing, an upload with progress into a folder, the document's preview, versions and history in
// its drawer, and delete to the trash and restore.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import PDFDocument from "pdfkit";
import { hasChromium } from "./support/browser.ts";
import { portalSession } from "./support/portal.ts";

const portal = portalSession();

/** A small but real PDF, so the browser's viewer shows it. */
async function realPdf(text: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A5" });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => doc.on("end", r));
  doc.fontSize(16).text(text);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
const PDF = path.join(os.tmpdir(), `closebook-e2e-${process.pid}-Engagement letter.pdf`);

describe.skipIf(!hasChromium)("documents page", () => {
  it("shows the folders, the statements and the missing months", async () => {
    const { page } = portal.t;
    await page.goto("/c/bluebird-coffee/documents");
    await page.getByRole("heading", { name: "Documents" }).waitFor();
    await page.getByTestId("missing-statements").waitFor();
    await expect(page.getByTestId("missing-statements").textContent()).resolves.toContain(
      "Operating Checking",
    );
    // The Bank statements folder is open first: its accounts are there.
    await page.getByTestId("folder-Operating Checking").first().click();
    await page
      .getByTestId("folder-2026")
      .first()
      .click()
      .catch(() => undefined);
    await portal.t.shot("40-documents");
  });

  it("uploads a file with progress, previews it, and trashes and restores it", async () => {
    const { page } = portal.t;
    fs.writeFileSync(PDF, await realPdf("Engagement letter, Bluebird Coffee Roasters"));
    await page.getByTestId("folder-Onboarding").click();
    await page.locator('input[type="file"]').first().setInputFiles(PDF);
    const name = path.basename(PDF);
    await page.getByRole("button", { name, exact: true }).waitFor();
    await page.getByRole("button", { name, exact: true }).click();
    await page.getByTitle(`Preview of ${name}`).waitFor();
    await page.getByText("uploaded").first().waitFor();
    await portal.t.shot("41-document-drawer");
    // The PDF viewer in the preview keeps the keyboard: close with the button.
    await page.getByRole("button", { name: "Close the document" }).click();
    await page.getByRole("button", { name: `Delete ${name}` }).click();
    await page.getByRole("button", { name, exact: true }).waitFor({ state: "detached" });
    await page.getByText("Trash", { exact: true }).click();
    await page.getByRole("button", { name: `Restore ${name}` }).click();
    await page.getByRole("button", { name: `Restore ${name}` }).waitFor({ state: "detached" });
    fs.rmSync(PDF, { force: true });
    expect(portal.t.errors).toEqual([]);
  });
});
