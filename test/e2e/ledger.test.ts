// The ledger in the browser: pick a client in the selector, read the chart of accounts, create an
// entry (refused while out of balance), post it, reverse it, and see it in the trial balance and
// the general ledger — with amounts right-aligned and grouped by thousands.
import { describe, expect, it } from "vitest";
import { hasChromium, type TestPage } from "./support/browser.ts";
import { portalSession } from "./support/portal.ts";

const portal = portalSession();

describe.skipIf(!hasChromium)("ledger pages", () => {
  it("opens a client from the selector into the client view with the ledger navigation", async () => {
    const { page } = portal.t;
    await page.goto("/");
    await page.getByRole("heading", { name: "Overview" }).waitFor();
    await portal.t.shot("01-global-overview");
    await page.getByRole("combobox", { name: "Client" }).click();
    await page.getByRole("combobox", { name: "Client" }).fill("blue");
    await page.getByRole("option", { name: "Bluebird Coffee Roasters" }).click();
    await page.waitForURL("**/c/bluebird-coffee");
    // The client's overview loads on first use: wait for the shell to say which view it shows.
    await page
      .getByLabel("View", { exact: true })
      .filter({ hasText: "Client view: Bluebird Coffee Roasters" })
      .waitFor();
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const item of ["Chart of accounts", "Journal entries", "Trial balance", "General ledger"]) {
      await expect(nav.getByRole("link", { name: item }).count()).resolves.toBe(1);
    }
    await portal.t.shot("02-client-overview");
  });

  it("lists the chart of accounts and filters it", async () => {
    const { page } = portal.t;
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Chart of accounts" })
      .click();
    const table = page.getByRole("table", { name: "Accounts" });
    await table.getByRole("row").nth(1).waitFor();
    const all = await table.getByRole("row").count();
    expect(all).toBeGreaterThan(20);
    await page.getByRole("textbox", { name: "Search accounts" }).fill("checking");
    await expect.poll(() => table.getByRole("row").count()).toBeLessThan(all);
    await expect(table.getByRole("row", { name: /Operating Checking/ }).count()).resolves.toBe(1);
    await page.getByRole("textbox", { name: "Search accounts" }).fill("");
    await portal.t.shot("03-chart-of-accounts");
  });

  it("creates an entry, refuses to post it out of balance, posts it, and reverses it", async () => {
    const { page } = portal.t;
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Journal entries" })
      .click();
    await page.getByRole("table", { name: "Journal entries" }).getByRole("row").nth(1).waitFor();
    await portal.t.shot("04-journal-entries");
    await page.getByRole("link", { name: "New entry" }).click();
    await page.getByRole("textbox", { name: "Date", exact: true }).fill("2026-11-02");
    await page.getByRole("textbox", { name: "Description", exact: true }).fill("Espresso machine purchase");
    await page.getByRole("textbox", { name: "Reference", exact: true }).fill("INV-9001");
    await chooseAccount(portal.t, "Line 1 account", "Operating Checking");
    await page.getByLabel("Line 1 credit").fill("12,345.60");
    await chooseAccount(portal.t, "Line 2 account", "Equipment");
    await page.getByLabel("Line 2 debit").fill("12345.00");
    await expect(
      page.getByRole("status").filter({ hasText: "Out of balance" }).textContent(),
    ).resolves.toContain("Out of balance by 0.60");
    await expect(page.getByRole("button", { name: "Post entry" }).isDisabled()).resolves.toBe(true);
    await portal.t.shot("05-new-entry-unbalanced");
    await page.getByLabel("Line 2 debit").fill("12345.60");
    await expect(page.getByRole("status").filter({ hasText: "Balanced" }).count()).resolves.toBe(1);
    await expect(page.getByLabel("Total debits").textContent()).resolves.toBe("12,345.60");
    await page.getByRole("button", { name: "Post entry" }).click();
    await page.getByRole("heading", { name: /^Journal entry \d+$/ }).waitFor();
    const number = (await page.getByRole("heading", { name: /^Journal entry \d+$/ }).textContent())!.replace(
      "Journal entry ",
      "",
    );
    const lines = page.getByRole("table", { name: "Entry lines" });
    await expect(lines.getByText("12,345.60").count()).resolves.toBe(4); // debit, credit, and the two totals
    // Amounts are right-aligned.
    const align = await lines
      .getByText("12,345.60")
      .first()
      .evaluate((el) => getComputedStyle(el.closest("td,th")!).textAlign);
    expect(align).toBe("right");
    await portal.t.shot("06-entry-posted");

    await page.getByRole("button", { name: "Reverse" }).click();
    await page.getByRole("dialog").getByLabel("Reversal date").fill("2026-11-03");
    await page.getByRole("dialog").getByRole("button", { name: "Reverse entry" }).click();
    await page.getByRole("link", { name: "Reverses an entry" }).waitFor();
    await expect(
      page.getByText(`Reversal of entry ${number}: Espresso machine purchase`).count(),
    ).resolves.toBe(1);
    await portal.t.shot("07-entry-reversal");
    await page.getByRole("link", { name: "Reverses an entry" }).click();
    await page.getByRole("link", { name: "Reversed by an entry" }).waitFor();
    await expect(page.getByRole("button", { name: "Reverse" }).count()).resolves.toBe(0);
  });

  it("saves a draft, which posting later turns into an entry", async () => {
    const { page } = portal.t;
    await page.goto("/c/bluebird-coffee/ledger/entries/new");
    await page.getByRole("textbox", { name: "Description", exact: true }).fill("Draft accrual");
    await chooseAccount(portal.t, "Line 1 account", "Operating Checking");
    await page.getByLabel("Line 1 debit").fill("10");
    await chooseAccount(portal.t, "Line 2 account", "Equipment");
    await page.getByLabel("Line 2 credit").fill("10");
    await page.getByRole("button", { name: "Save as draft" }).click();
    await page.getByRole("heading", { name: "Draft journal entry" }).waitFor();
    await page.getByRole("link", { name: "← All journal entries" }).click();
    await page.locator("label", { hasText: /^Drafts$/ }).click();
    await expect.poll(() => page.getByRole("radio", { name: "Drafts" }).isChecked()).toBe(true);
    await page
      .getByRole("table", { name: "Journal entries" })
      .getByRole("link", { name: "Draft accrual" })
      .click();
    await page.getByRole("button", { name: "Post" }).click();
    await page.getByRole("heading", { name: /^Journal entry \d+$/ }).waitFor();
  });

  it("shows a balanced trial balance with grouped, right-aligned amounts", async () => {
    const { page } = portal.t;
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Trial balance" }).click();
    const table = page.getByRole("table", { name: "Trial balance" });
    await table.getByRole("row").nth(1).waitFor();
    const totals = await table.locator("tfoot th").allTextContents();
    expect(totals[0]).toBe("Total");
    expect(totals[1]).toBe(totals[2]);
    expect(totals[1]).toMatch(/^\d{1,3}(,\d{3})+\.\d{2}$/);
    await portal.t.shot("08-trial-balance");
  });

  it("shows the general ledger of one account with running balances", async () => {
    const { page } = portal.t;
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "General ledger" })
      .click();
    await page.getByRole("textbox", { name: "From", exact: true }).fill("2026-11-01");
    await page.getByRole("textbox", { name: "To", exact: true }).fill("2026-11-30");
    await chooseAccount(portal.t, "Account", "Equipment");
    const section = page.getByRole("region", { name: /Equipment/ }).first();
    await section.getByText("Espresso machine purchase").first().waitFor();
    await expect(section.getByText(/^Reversal of entry/).count()).resolves.toBe(1);
    await portal.t.shot("09-general-ledger");
    expect(portal.t.errors).toEqual([]);
  });

  it("links each page title's ? to that page's help section", async () => {
    const { page } = portal.t;
    await page.getByRole("link", { name: "Help: General ledger" }).click();
    await page.waitForURL("**/help/ledger#general-ledger");
    await page.getByRole("heading", { name: "General ledger", level: 2 }).waitFor();
  });
});

async function chooseAccount(t: TestPage, label: string, account: string) {
  const input = t.page.getByRole("combobox", { name: label, exact: true });
  await input.click();
  await input.fill(account);
  await t.page
    .getByRole("option", { name: new RegExp(account) })
    .first()
    .click();
}
