// The Transaction Manager in the browser: import a statement through the wizard, see the bot's
// predictions with their confidence marks and explanation, correct one in place, make a rule of the
// correction (listed as learned on the Rules page), mark it reviewed, and find its journal entry in
// the general ledger detail; then the AI settings page with its "last updated by".
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hasChromium, type TestPage } from "./support/browser.ts";
import { portalSession } from "./support/portal.ts";

let statement: string;

const CLIENT = "harbor-dental";
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const NEW_VENDOR = "HARBOR COFFEE CART STAFF MEETING";

const portal = portalSession(() => {
  statement = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "closebook-e2e-tx-")), "april-checking.csv");
  fs.writeFileSync(
    statement,
    [
      "Date,Description,Amount",
      `${day(-3)},KEYSTONE MUTUAL INSURANCE MALPRACTICE INSURANCE,-1080.00`,
      `${day(-2)},${NEW_VENDOR},-86.40`,
      `${day(-1)},BRIGHTSMILE DENTAL SUPPLY DENTAL SUPPLIES,-2411.95`,
    ].join("\n") + "\n",
  );
});
afterAll(() => {
  if (statement) fs.rmSync(path.dirname(statement), { recursive: true, force: true });
});

/** A form field by its label (a required field's label ends in " *"). */
const field = (scope: Pick<TestPage["page"], "getByLabel">, label: string) =>
  scope.getByLabel(new RegExp(`^${label}( \\*)?$`)).first();

async function choose(t: TestPage, label: string, option: RegExp) {
  await field(t.page, label).click();
  await t.page.getByRole("option", { name: option }).first().click();
}

/** The Transaction Manager's row of a line, found by search (the import's job may still be running). */
async function rowOf(t: TestPage, text: string) {
  const { page } = t;
  const table = page.getByRole("table", { name: "Transactions" });
  const row = table.getByRole("row", { name: new RegExp(text) });
  await expect
    .poll(
      async () => {
        await page.getByRole("textbox", { name: "Search transactions" }).fill("");
        await page.getByRole("textbox", { name: "Search transactions" }).fill(text.slice(0, 18));
        return row.count();
      },
      { timeout: 30_000, interval: 1_000 },
    )
    .toBe(1);
  return row;
}

describe.skipIf(!hasChromium)("the Transaction Manager", () => {
  it("opens on the demo client's bank feed with the bot's predictions", async () => {
    const { page } = portal.t;
    await page.goto(`/c/${CLIENT}`);
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Transaction Manager" })
      .click();
    await page.getByRole("heading", { name: "Transaction Manager" }).waitFor();
    const table = page.getByRole("table", { name: "Transactions" });
    await table.getByRole("row").nth(1).waitFor();
    // Every line shows a confidence mark: green, orange or red with its percentage.
    await expect(
      table.getByRole("img", { name: /confidence: \d+(\.\d)?%/ }).count(),
    ).resolves.toBeGreaterThan(0);
    await expect(page.getByRole("tab", { name: /^Needs Review \(\d+\)$/ }).count()).resolves.toBe(1);
    await portal.t.shot("transactions-01-needs-review");
  });

  it("imports a statement, and its lines arrive predicted", async () => {
    const { page } = portal.t;
    await page.goto(`/c/${CLIENT}/banking/import`);
    await page.getByRole("heading", { name: "Import a statement" }).waitFor();
    await choose(portal.t, "Bank account", /Operating Checking/);
    await page.locator('input[type="file"]').setInputFiles(statement);
    await page.getByRole("button", { name: "Preview", exact: true }).click();
    await page.getByRole("table", { name: "First lines" }).waitFor();
    await page.getByRole("button", { name: "Import 3 lines" }).click();
    const summary = page.getByRole("group", { name: "Import summary" });
    await summary.waitFor();
    await expect(summary.getByLabel("New lines").textContent()).resolves.toContain("3");

    await page.goto(`/c/${CLIENT}/transactions`);
    const row = await rowOf(portal.t, NEW_VENDOR);
    await expect(row.getByRole("img", { name: /confidence/ }).count()).resolves.toBe(1);
    await portal.t.shot("transactions-02-imported-line");
  });

  it("shows why the bot chose what it chose", async () => {
    const { page } = portal.t;
    // The bot has learned the demo's books: a Keystone Mutual line is posted by AutoPush.
    await page.getByRole("tab", { name: /^Processed/ }).click();
    await page.getByRole("textbox", { name: "Search transactions" }).fill("KEYSTONE");
    const row = page
      .getByRole("table", { name: "Transactions" })
      .getByRole("row", { name: /KEYSTONE MUTUAL/ })
      .first();
    await row.getByRole("button", { name: /^Why:/ }).click();
    const why = page.getByRole("dialog", { name: "Why this coding" });
    await why.getByText(/earlier lines from “Keystone Mutual Insurance”/).waitFor();
    await portal.t.shot("transactions-03-explanation", { fullPage: false });
    await page.keyboard.press("Escape");
    await page.getByRole("tab", { name: /^Needs Review/ }).click();
  });

  it("takes a correction in place and makes a rule of it", async () => {
    const { page } = portal.t;
    const row = await rowOf(portal.t, NEW_VENDOR);
    await row.getByLabel(`Account of ${NEW_VENDOR}`).click();
    await page.getByRole("option", { name: /6350 · Meals/ }).click();
    await expect
      .poll(() => row.getByLabel(`Account of ${NEW_VENDOR}`).inputValue())
      .toContain("6350 · Meals");
    const payee = row.getByLabel(`Payee of ${NEW_VENDOR}`);
    await payee.fill("Harbor Coffee Cart");
    await payee.press("Enter");
    await expect.poll(() => row.getByLabel(`Payee of ${NEW_VENDOR}`).inputValue()).toBe("Harbor Coffee Cart");
    await portal.t.shot("transactions-04-corrected");

    await row.getByRole("button", { name: `More actions: ${NEW_VENDOR}` }).click();
    await page.getByRole("menuitem", { name: "Create rule from this…" }).click();
    const dialog = page.getByRole("dialog", { name: "Create a rule from this transaction" });
    await dialog.getByText(/will be coded to/).waitFor();
    await portal.t.shot("transactions-05-rule-from-correction", { fullPage: false });
    await dialog.getByRole("button", { name: "Create rule" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /Rule “Harbor Coffee Cart.* → Meals” created/ })
      .waitFor();

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Rules" }).click();
    const rules = page.getByRole("table", { name: "Rules" });
    const rule = rules.getByRole("row", { name: /Harbor Coffee Cart.* → Meals/ });
    await rule.waitFor();
    await expect(rule.getByText("Learned from a correction").count()).resolves.toBe(1);
    await expect(rule.getByText(/^payee is “Harbor Coffee Cart.*” and money out$/).count()).resolves.toBe(1);
    await portal.t.shot("transactions-06-rules");
  });

  it("marks it reviewed, and the general ledger shows its journal entry", async () => {
    const { page } = portal.t;
    await page.goto(`/c/${CLIENT}/transactions`);
    const row = await rowOf(portal.t, NEW_VENDOR);
    await row.getByRole("button", { name: `Mark reviewed: ${NEW_VENDOR}` }).click();
    await expect.poll(() => row.count()).toBe(0);
    await page.getByRole("tab", { name: /^Processed/ }).click();
    const processed = page
      .getByRole("table", { name: "Transactions" })
      .getByRole("row", { name: new RegExp(NEW_VENDOR) });
    await processed.waitFor();
    await expect(processed.getByText("Processed").count()).resolves.toBe(1);
    await portal.t.shot("transactions-07-processed");

    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "General ledger" })
      .click();
    await page.getByRole("heading", { name: "General ledger" }).waitFor();
    await page.getByRole("textbox", { name: "From", exact: true }).fill(day(-10));
    await page.getByRole("textbox", { name: "To", exact: true }).fill(day(0));
    await choose(portal.t, "Account", /6350 · Meals/);
    const meals = page.getByRole("region", { name: "Meals" });
    // Append-only: the account edit posted to Meals, the payee edit reversed that and posted again.
    const lines = meals.getByRole("row", { name: new RegExp(NEW_VENDOR) });
    await lines.first().waitFor();
    await expect(lines.count()).resolves.toBe(3);
    await expect(lines.nth(1).getByText(`Correction of: ${NEW_VENDOR}`).count()).resolves.toBe(1);
    await expect(meals.getByRole("cell", { name: "Harbor Coffee Cart", exact: true }).count()).resolves.toBe(
      1,
    );
    await portal.t.shot("transactions-08-general-ledger");
  });

  it("shows the AI settings with who changed them", async () => {
    const { page } = portal.t;
    await page.goto(`/c/${CLIENT}/transactions/ai-settings`);
    await page.getByRole("heading", { name: "AI settings" }).waitFor();
    const automation = page.getByRole("region", { name: "Automation per bank account" });
    await automation.getByRole("row", { name: /Operating Checking/ }).waitFor();
    await field(page, "Materiality threshold \\(USD\\)").fill("5000");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByRole("status").filter({ hasText: "Settings saved." }).waitFor();
    await page
      .getByText(/Last updated by Pat Partner/)
      .first()
      .waitFor();
    await portal.t.shot("transactions-09-ai-settings");
    expect(portal.t.errors).toEqual([]);
  });
});
