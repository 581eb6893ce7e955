// The help center in the browser: the guides index, search with ranked results that open the
// guide at the matching section, links between guides, and the "What's new" page.
import { describe, expect, it } from "vitest";
import { hasChromium } from "./support/browser.ts";
import { portalSession } from "./support/portal.ts";

const portal = portalSession();

describe.skipIf(!hasChromium)("help center", () => {
  it("lists a guide per module from the navigation", async () => {
    const { page } = portal.t;
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Help center" }).click();
    await page.getByRole("heading", { name: "Help center", level: 2 }).waitFor();
    for (const guide of ["Ledger", "Using the portal"]) {
      await expect(page.getByRole("article", { name: guide }).count()).resolves.toBe(1);
    }
    await portal.t.shot("10-help-index");
  });

  it("searches and opens the best answer at its section", async () => {
    const { page } = portal.t;
    await page
      .getByRole("searchbox", { name: "Search help" })
      .or(page.getByRole("textbox", { name: "Search help" }))
      .first()
      .fill("period is locked");
    await page.keyboard.press("Enter");
    await page.waitForURL("**/help/search?q=period%20is%20locked");
    const results = page.getByRole("list", { name: "Search results" });
    await results.getByRole("listitem").first().waitFor();
    await expect(results.getByRole("listitem").first().getByRole("link").textContent()).resolves.toBe(
      '"The period is locked"',
    );
    await portal.t.shot("11-help-search");
    await results.getByRole("listitem").first().getByRole("link").click();
    await page.waitForURL("**/help/ledger#the-period-is-locked");
    await page.getByRole("heading", { name: '"The period is locked"', level: 3 }).waitFor();
    const inView = await page
      .getByRole("heading", { name: '"The period is locked"', level: 3 })
      .evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.top < window.innerHeight;
      });
    expect(inView).toBe(true);
    await portal.t.shot("12-help-article", { fullPage: false });
  });

  it("says so when nothing matches", async () => {
    const { page } = portal.t;
    await page.goto("/help/search?q=zzyzx");
    await page.getByText("Nothing in the help center matches “zzyzx”").waitFor();
  });

  it("follows links between guides inside the portal and shows What's new", async () => {
    const { page } = portal.t;
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "What's new" }).click();
    await page.getByRole("heading", { name: "What's new", level: 2 }).waitFor();
    await page.getByRole("link", { name: "Ledger" }).first().click();
    await page.waitForURL("**/help/ledger");
    await page.getByRole("heading", { name: "Ledger", level: 2, exact: true }).waitFor();
    await expect(
      page
        .getByRole("navigation", { name: "On this page" })
        .getByRole("link", { name: "Period locks" })
        .count(),
    ).resolves.toBe(1);
    expect(portal.t.errors).toEqual([]);
  });
});
