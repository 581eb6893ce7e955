// Bank data in the browser: add a bank account on Smart Connect, import a CSV statement through the
// wizard (detected format, first lines, column mapping with live preview, progress, summary), import
// it again (every line a duplicate), see the balance and totals on the institution card, and ask
// the client to connect the bank, then set the connection up as a drop folder; and a PDF statement.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hasChromium, type TestPage } from "./support/browser.ts";
import { portalSession } from "./support/portal.ts";
import { SIGNED_SAMPLE, statementPdf } from "../support/statement-pdfs.ts";

// A file of our own in a US bank's layout (a running balance, money out and in in two columns), so the
// test runs on a clone of the repository alone.
const STATEMENT = path.resolve("test/fixtures/statements/running-balance.csv");

const portal = portalSession();

/** A form field by its label (a required field's label ends in " *"). */
const field = (scope: Pick<TestPage["page"], "getByLabel">, label: string) =>
  scope.getByLabel(new RegExp(`^${label}( \\*)?$`)).first();

async function choose(t: TestPage, label: string, option: RegExp) {
  const input = field(t.page, label);
  await input.click();
  await t.page.getByRole("option", { name: option }).first().click();
}

async function uploadAndPreview(t: TestPage, options: { account: boolean }) {
  const { page } = t;
  if (options.account) await choose(t, "Bank account", /Reserve Savings/);
  await page.locator('input[type="file"]').setInputFiles(STATEMENT);
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  await page.getByRole("table", { name: "First lines" }).waitFor();
}

describe.skipIf(!hasChromium)("banking pages", () => {
  it("adds a bank account on Smart Connect", async () => {
    const { page } = portal.t;
    await page.goto("/c/bluebird-coffee/banking");
    await page.getByRole("heading", { name: "Smart Connect" }).waitFor();
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Smart Connect" }).count(),
    ).resolves.toBe(1);
    await page.getByRole("button", { name: "Add bank account" }).waitFor();
    await portal.t.shot("banking-01-smart-connect");

    await page.getByRole("button", { name: "Add bank account" }).click();
    const dialog = page.getByRole("dialog", { name: "Add bank account" });
    await field(dialog, "Name").fill("Reserve Savings");
    await field(dialog, "Bank").fill("Harbor Credit Union");
    await field(dialog, "Last 4 digits").fill("0234");
    await choose(portal.t, "Ledger account", /1020 · Cash and Bank:Savings/);
    await portal.t.shot("banking-02-add-bank-account", { fullPage: false });
    await dialog.getByRole("button", { name: "Add account" }).click();
    await dialog.waitFor({ state: "detached" });
    const card = page.getByRole("article", { name: "Harbor Credit Union" });
    await card.getByRole("link", { name: "Reserve Savings", exact: true }).waitFor();
    await expect(card.getByLabel("Reserve Savings balance").textContent()).resolves.toBe("No balance yet");
    await expect(card.getByText("Not connected").count()).resolves.toBe(1);
  });

  it("imports a CSV statement: detected format, first lines, column mapping with live preview, summary", async () => {
    const { page } = portal.t;
    await page.getByRole("link", { name: "Import statement" }).first().click();
    await page.getByRole("heading", { name: "Import a statement" }).waitFor();
    await uploadAndPreview(portal.t, { account: true });
    await expect(page.getByLabel("Detected format").textContent()).resolves.toBe("CSV");
    const lines = page.getByRole("table", { name: "First lines" });
    await expect(lines.getByRole("row").count()).resolves.toBe(3);
    await lines.getByRole("row", { name: /Interest Paid/ }).waitFor();
    // The column mapping: the file's rows with the role of each column, and the live preview.
    const mapping = page.getByLabel("Column mapping");
    await mapping.getByRole("table", { name: "File rows" }).getByText("Electronic Withdrawal").waitFor();
    await portal.t.shot("banking-03-import-preview");
    await choose(portal.t, "Description column", /^3\. Type$/);
    await lines.getByRole("row", { name: /INTADJUST/ }).waitFor();
    await portal.t.shot("banking-04-import-mapping-changed");
    await choose(portal.t, "Description column", /^5\. Description$/);
    await lines.getByRole("row", { name: /Interest Paid/ }).waitFor();

    await page.getByRole("button", { name: "Import 2 lines" }).click();
    const summary = page.getByRole("group", { name: "Import summary" });
    await summary.waitFor();
    await expect(summary.getByLabel("New lines").textContent()).resolves.toContain("2");
    await expect(summary.getByLabel("Duplicates skipped").textContent()).resolves.toContain("0");
    await page.getByText("The column layout was saved for Reserve Savings").waitFor();
    await portal.t.shot("banking-05-import-summary");
  });

  it("imports the same file again: nothing new, every line a duplicate", async () => {
    const { page } = portal.t;
    await page.getByRole("button", { name: "Import another file" }).click();
    // The account stays chosen for the next file.
    await expect(field(page, "Bank account").inputValue()).resolves.toContain("Reserve Savings");
    await uploadAndPreview(portal.t, { account: false });
    await page.getByText("This exact file was imported into this account").waitFor();
    await page.getByRole("button", { name: "Import 2 lines" }).click();
    const summary = page.getByRole("group", { name: "Import summary" });
    await summary.waitFor();
    await expect(summary.getByLabel("New lines").textContent()).resolves.toContain("0");
    await expect(summary.getByLabel("Duplicates skipped").textContent()).resolves.toContain("2");
    await portal.t.shot("banking-06-import-again-duplicates");
    await page.getByRole("link", { name: "View bank lines" }).click();
    const table = page.getByRole("table", { name: "Bank lines" });
    await table.getByRole("row", { name: /Interest Paid/ }).waitFor();
    await expect(table.getByRole("row").count()).resolves.toBe(3);
    await portal.t.shot("banking-07-bank-lines");
  });

  it("shows the institution card with its balance and the totals", async () => {
    const { page } = portal.t;
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Smart Connect" }).click();
    const card = page.getByRole("article", { name: "Harbor Credit Union" });
    await expect.poll(() => card.getByLabel("Reserve Savings balance").textContent()).toContain("2.00");
    // The totals are the server's (other demo accounts count too): the cards show them as given.
    const overview = (await (
      await page.request.get("/api/clients/bluebird-coffee/bank-accounts")
    ).json()) as { totals: Array<Record<string, string>> };
    const usd = overview.totals.find((x) => x.currency === "USD")!;
    expect(Number(usd.cashAvailable)).toBeGreaterThanOrEqual(2);
    for (const [label, key] of [
      ["Cash available", "cashAvailable"],
      ["Credit used", "creditUsed"],
      ["Net cash", "netCash"],
    ] as const) {
      const shown = (await page
        .getByRole("group", { name: "Totals in USD" })
        .getByLabel(label)
        .textContent())!.replace(/,/g, "");
      expect(shown).toContain(usd[key]);
    }
    await portal.t.shot("banking-08-smart-connect-balances");
  });

  it("requests a connection from the client, then sets it up as a drop folder", async () => {
    const { page } = portal.t;
    await page.getByRole("button", { name: "Request connection" }).click();
    const dialog = page.getByRole("dialog", { name: "Request a connection" });
    await field(dialog, "Bank").fill("Harbor Credit Union");
    await field(dialog, "Message").fill("Please connect the operating account");
    await dialog.getByRole("button", { name: "Send request" }).click();
    await dialog.waitFor({ state: "detached" });
    const card = page.getByRole("article", { name: "Harbor Credit Union" });
    await card.getByText("Connection requested").waitFor();
    await expect(card.getByText("Please connect the operating account").count()).resolves.toBe(1);
    await portal.t.shot("banking-09-connection-requested");
    await card.getByRole("button", { name: "Set up now" }).click();
    await card.getByText("Drop statement files into").waitFor();
    await expect(card.getByText("Connected", { exact: true }).count()).resolves.toBeGreaterThan(0);
    await portal.t.shot("banking-10-connection-connected");
    expect(portal.t.errors).toEqual([]);
  });

  it("imports a PDF statement: detected, its period and checked balances shown, its lines imported", async () => {
    const { page } = portal.t;
    const file = path.join(mkdtempSync(path.join(tmpdir(), "closebook-pdf-")), "january.pdf");
    writeFileSync(file, await statementPdf({ ...SIGNED_SAMPLE, account: "XXXX-0234" }));
    await page.getByRole("link", { name: "Import statement" }).first().click();
    await page.getByRole("heading", { name: "Import a statement" }).waitFor();
    await choose(portal.t, "Bank account", /Reserve Savings/);
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByRole("button", { name: "Preview", exact: true }).click();
    await page.getByRole("table", { name: "First lines" }).waitFor();
    await expect(page.getByLabel("Detected format").textContent()).resolves.toBe("PDF statement");
    const figures = await page.getByLabel("Statement", { exact: true }).textContent();
    expect(figures).toContain("Jan 1, 2024");
    expect(figures).toMatch(/Opening balance.*1,000\.00/);
    expect(figures).toMatch(/Closing balance.*1,393\.37/);
    await portal.t.shot("banking-11-import-pdf-preview");
    await page.getByRole("button", { name: "Import 7 lines" }).click();
    const summary = page.getByRole("group", { name: "Import summary" });
    await summary.waitFor();
    await expect(summary.getByLabel("New lines").textContent()).resolves.toContain("7");
    expect(portal.t.errors).toEqual([]);
  });
});
