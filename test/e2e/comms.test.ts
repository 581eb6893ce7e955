// Comments in the browser: the Partner Admin opens a transaction's comments in the Transaction
// Manager, mentions a colleague through the autocomplete and posts; the colleague signs in and
// finds the mention in the notification bell.
import { afterAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { systemActor } from "../../src/platform/actor.ts";
import * as access from "../../src/modules/access/index.ts";
import * as identity from "../../src/modules/identity/index.ts";
import { hasChromium, launch, newPage } from "./support/browser.ts";
import { portalSession, signInViaApi } from "./support/portal.ts";

const portal = portalSession();
const COLLEAGUE = {
  email: "casey.colleague@northwind.example",
  name: "Casey Colleague",
  password: "casey-reviews-the-ledger-42",
};
let second: Browser | undefined;
afterAll(async () => {
  await second?.close();
});

describe.skipIf(!hasChromium)("comments", () => {
  it("mentions a colleague on a transaction, and the colleague sees it in the bell", async () => {
    const { server, t } = portal;
    const db = server.runtime.ctx.db;
    const firm = (await access.firmBySlug(db, "demo"))!;
    await identity.createActiveUser(db, systemActor(firm.id), {
      ...COLLEAGUE,
      role: "partner_ops",
      clientAccess: { mode: "all", clientIds: [] },
      twoFactor: null,
    });
    const { page } = t;
    await page.goto("/c/bluebird-coffee/transactions");
    await page.getByRole("table", { name: "Transactions" }).waitFor();
    const open = page.getByRole("button", { name: /^Comments: / }).first();
    const label = (await open.getAttribute("aria-label"))!;
    await open.click();
    const drawer = page.getByRole("dialog", { name: label });
    const box = drawer.getByRole("textbox", { name: "New comment" });
    await box.click();
    await box.pressSequentially("Is this <b>the roaster</b>? @case");
    await page.getByRole("option", { name: /Casey Colleague/ }).click();
    await box.pressSequentially("please check");
    await portal.t.shot("comms-01-mention");
    await drawer.getByRole("button", { name: "Comment", exact: true }).click();
    // The markup shows as the characters typed.
    await drawer.getByText("Is this <b>the roaster</b>? @casey.colleague please check").waitFor();
    // Casey may see the transaction: no "not notified" warning.
    expect(await drawer.getByText("Not everyone was notified").count()).toBe(0);

    second = await launch();
    const colleague = await newPage(second, server.url);
    await signInViaApi(colleague, COLLEAGUE);
    await colleague.page.goto("/");
    await colleague.page.getByRole("button", { name: "Notifications (1 unread)" }).click();
    await colleague.page.getByText(/Pat Partner mentioned you on the transaction/).waitFor();
    await colleague.shot("comms-02-bell");
  });
});
