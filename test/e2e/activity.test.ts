// The Activity Hub in the browser: the demo firm's Partner Admin opens Activity from the
// navigation (its unread count shown, then cleared by opening it), sees the firm's feed
// (sentences that link to their objects), narrows it to one client, follows an item to its page,
// loads an older page and marks everything read.
import { describe, expect, it } from "vitest";
import { hasChromium } from "./support/browser.ts";
import { portalSession } from "./support/portal.ts";
import type { ActivityPage } from "../../web/src/api/activity.ts";

const portal = portalSession();

describe.skipIf(!hasChromium)("Activity Hub", () => {
  it("shows the firm's feed, filters it by client and follows an item to its object", async () => {
    const { page } = portal.t;
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Main" });
    // The navigation counts what happened since the admin last opened the hub (never, so far).
    const badge = nav.getByLabel(/^(\d+|99\+) unread$/);
    await badge.waitFor();
    const shown = await badge.innerText();
    const counted = (await (await portal.t.context.request.get("/api/activity/unread")).json()) as {
      unread: number;
      capped: boolean;
    };
    expect(shown).toBe(counted.capped ? "99+" : String(counted.unread));
    expect(counted.unread).toBeGreaterThan(0);
    await nav.getByRole("link", { name: /^Activity/ }).click();
    await page.getByRole("heading", { name: "Activity" }).waitFor();
    const feed = page.getByLabel("Activity feed");
    await feed.waitFor();
    const items = feed.getByLabel(/^Activity: /);
    expect(await items.count()).toBeGreaterThan(5);
    // Opening the hub cleared the count; this visit's items still say which are new.
    await expect.poll(() => badge.count()).toBe(0);
    expect(await feed.locator("[data-unread]").count()).toBeGreaterThan(0);
    expect(
      ((await (await portal.t.context.request.get("/api/activity/unread")).json()) as { unread: number })
        .unread,
    ).toBe(0);
    await portal.t.shot("activity-01-feed");

    await page.getByPlaceholder("All clients").click();
    await page
      .getByRole("option", { name: /Bluebird/ })
      .first()
      .click();
    await expect
      .poll(async () =>
        (await items.allInnerTexts()).every((s) => s.includes("for Bluebird Coffee Roasters")),
      )
      .toBe(true);
    expect(await items.count()).toBeGreaterThan(0);
    // The API agrees: every item of the filtered page is Bluebird's.
    const api = (await (
      await portal.t.context.request.get("/api/activity?client=bluebird-coffee")
    ).json()) as ActivityPage;
    expect(api.items.length).toBeGreaterThan(0);
    expect(api.items.every((i) => i.client?.slug === "bluebird-coffee")).toBe(true);
    await portal.t.shot("activity-02-one-client");

    // An older page by cursor, then an item's link leads to its object in the client view.
    const before = await items.count();
    const more = page.getByRole("button", { name: "Load more" });
    if (await more.isVisible()) {
      await more.click();
      await expect.poll(() => items.count()).toBeGreaterThan(before);
    }
    await page.getByRole("button", { name: "Mark all as read" }).click();
    await page.getByLabel("Unread only").check();
    await page.getByText("Nothing new since you last marked the feed read.").waitFor();
    await page.getByLabel("Unread only").uncheck();
    const link = feed.getByRole("link").first();
    const href = await link.getAttribute("href");
    expect(href).toMatch(/^\/c\/bluebird-coffee\//);
    await link.click();
    await page.waitForURL((url) => url.pathname.startsWith("/c/bluebird-coffee/"));
  });
});
