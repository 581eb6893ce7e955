// Client management in the browser: the clients table, the add-client wizard (left half-way and
// resumed), the client's details, and terminating a client then cancelling the termination.
import { describe, expect, it } from "vitest";
import { hasChromium } from "./support/browser.ts";
import { portalSession } from "./support/portal.ts";

const portal = portalSession();

describe.skipIf(!hasChromium)("clients", () => {
  it("lists the clients with their added date and status", async () => {
    const { page } = portal.t;
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Clients" }).click();
    const table = page.getByRole("table", { name: "Clients" });
    await table.getByRole("row", { name: /Bluebird Coffee Roasters/ }).waitFor();
    await expect(table.getByRole("row").count()).resolves.toBe(3);
    await expect(
      table
        .getByRole("row", { name: /Harbor Dental Studio/ })
        .getByText("Active")
        .count(),
    ).resolves.toBe(1);
    await portal.t.shot("40-clients");
  });

  it("adds a client with the wizard, leaves it half-way and resumes it", async () => {
    const { page } = portal.t;
    await page.getByRole("button", { name: "Quick actions" }).click();
    await page.getByRole("menuitem", { name: "Add client" }).click();
    await page.getByRole("heading", { name: "Add client" }).waitFor();
    await page.getByRole("textbox", { name: "Client name" }).fill("Cedar Bakery");
    await expect(page.getByRole("textbox", { name: /Short name/ }).inputValue()).resolves.toBe(
      "cedar-bakery",
    );
    await page.getByRole("textbox", { name: "Legal name" }).fill("Cedar Bakery LLC");
    await page.getByRole("combobox", { name: "Bookkeeping cadence" }).click();
    await page.getByRole("option", { name: "Monthly" }).click();
    await page.getByRole("textbox", { name: "Point of contact: name" }).fill("Cleo Cedar");
    await page.getByRole("textbox", { name: "Point of contact: e-mail" }).fill("cleo@cedar.example");
    await portal.t.shot("41-add-client-details");
    await page.getByRole("button", { name: "Create client and continue" }).click();
    await page.getByText("Connect the client's QuickBooks Online or Xero company").waitFor();
    await page.getByRole("button", { name: "Skip for now" }).click();
    await page.getByText("Connect the client's bank and card accounts").waitFor();
    await portal.t.shot("42-add-client-later-step");
    await page.getByRole("button", { name: "Save and exit" }).click();
    // The server keeps the progress: resuming works without this browser's saved draft too.
    await page.evaluate(() => window.localStorage.clear());
    await page.reload();

    const row = page.getByRole("table", { name: "Clients" }).getByRole("row", { name: /Cedar Bakery/ });
    await row.waitFor();
    await row.getByRole("link", { name: "Continue setup" }).click();
    await page.getByRole("heading", { name: "Add client: Cedar Bakery" }).waitFor();
    await page.getByText("Connect the client's bank and card accounts").waitFor();
    await page.getByRole("button", { name: "Skip for now" }).click();
    await page.getByRole("button", { name: "Skip for now" }).click();
    await page.getByRole("button", { name: "Finish" }).click();

    await page.getByRole("heading", { name: "Cedar Bakery", level: 2 }).waitFor();
    for (const text of ["Cedar Bakery LLC", "Monthly", "Cleo Cedar <cleo@cedar.example>"])
      await page.getByText(text, { exact: true }).waitFor();
    await portal.t.shot("43-client-details");
  });

  it("terminates a client (kept 90 days) and cancels the termination", async () => {
    const { page } = portal.t;
    await page.getByRole("button", { name: "Terminate client" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("button", { name: "Terminate client" }).isDisabled()).resolves.toBe(true);
    await dialog.getByRole("textbox", { name: /Type Cedar Bakery to confirm/ }).fill("Cedar Bakery");
    await dialog.getByRole("button", { name: "Terminate client" }).click();
    // The dialog fades out after the request: until it is gone its button is a second "Terminate client".
    await dialog.waitFor({ state: "detached" });
    const alert = page.getByText("This client is terminated");
    await alert.waitFor();
    const kept = new Date(Date.now() + 90 * 86_400_000).toLocaleDateString("en-US", {
      month: "short",
      day: "numeric",
      year: "numeric",
      timeZone: "UTC",
    });
    await page.getByText(`Its data is kept until ${kept}`).waitFor();
    await portal.t.shot("44-client-terminated");
    await page.getByRole("button", { name: "Cancel termination" }).click();
    await alert.waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Terminate client" }).waitFor();
    expect(portal.t.errors).toEqual([]);
  });
});
