// Payroll journal entries in the browser: the demo's posted Gusto payroll is listed, the Gusto
// preset fills the column mapping, and a register of another layout is refused on preview naming
// the columns the file lacks, while the Gusto fixture previews as one balanced entry per pay date.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { hasChromium } from "./support/browser.ts";
import { portalSession } from "./support/portal.ts";

const portal = portalSession();
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/payroll");

describe.skipIf(!hasChromium)("payroll page", () => {
  it("lists the demo's posted payroll and maps columns from the Gusto preset", async () => {
    const { page } = portal.t;
    await page.goto("/c/bluebird-coffee/journals");
    await page.getByRole("link", { name: "Payroll" }).click();
    await page.getByRole("heading", { name: "Payroll journal entries" }).waitFor();
    const entries = page.getByRole("table", { name: "Payroll entries" });
    await entries.waitFor();
    await expect(entries.locator("tbody tr").first().innerText()).resolves.toMatch(
      /gusto[\s\S]*5,?009\.09[\s\S]*posted/i,
    );
    await page.getByRole("button", { name: "Start from the gusto preset" }).click();
    await expect(page.getByLabel("Header 1").inputValue()).resolves.toBe("Check Date");
    await portal.t.shot("payroll-01-mapping");
  });

  it("refuses a register whose columns do not map, and previews the Gusto register", async () => {
    const { page } = portal.t;
    const upload = page.getByLabel("Register (CSV or XLSX)");
    await upload.click();
    const input = page.locator('input[type="file"]').first();
    await input.setInputFiles(path.join(FIXTURES, "paychex-payroll-journal.csv"));
    await page.getByRole("button", { name: "Preview" }).click();
    await page.getByText("The register cannot be booked").waitFor();
    await expect(page.getByText(/no column .*"Gross Earnings"/).count()).resolves.toBeGreaterThan(0);
    await input.setInputFiles(path.join(FIXTURES, "gusto-payroll-journal.csv"));
    await page.getByRole("button", { name: "Preview" }).click();
    await page.getByRole("table", { name: "Entry of 2026-03-13" }).waitFor();
    await page.getByRole("table", { name: "Entry of 2026-03-27" }).waitFor();
    await portal.t.shot("payroll-02-preview");
    expect(portal.t.errors).toEqual([]);
  });
});
