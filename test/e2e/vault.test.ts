// The Password Manager in the browser: the Partner Admin asks Bluebird's owner by name for a login;
// the owner signs in, follows the notification to the request on the Password Manager page and
// answers it (the password is never shown back); the Partner Admin, whose last two-step code is
// older than 5 minutes, clicks "Show password", is asked for a code, enters it, and sees the
// password.
import { afterAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { sql } from "kysely";
import { generate } from "otplib";
import { systemActor } from "../../src/platform/actor.ts";
import * as access from "../../src/modules/access/index.ts";
import * as identity from "../../src/modules/identity/index.ts";
import { hasChromium, launch, newPage } from "./support/browser.ts";
import { portalSession, signInViaApi } from "./support/portal.ts";

const portal = portalSession();
const OWNER = {
  email: "robin.owner@bluebird.example",
  name: "Robin Owner",
  password: "bluebird-roasts-on-tuesdays-7",
};
const SECRET = "Payroll-Harbor-Secret-61";
let second: Browser | undefined;
afterAll(async () => {
  await second?.close();
});

describe.skipIf(!hasChromium)("password manager", () => {
  it("requests a login from the client, who answers; revealing it asks for a fresh code", async () => {
    const { server, t } = portal;
    const db = server.runtime.ctx.db;
    const firm = (await access.firmBySlug(db, "demo"))!;
    const bluebird = await access.requireClient(db, systemActor(firm.id), "bluebird-coffee");
    await identity.createActiveUser(db, systemActor(firm.id), {
      ...OWNER,
      role: "client_admin",
      clientAccess: { mode: "list", clientIds: [bluebird.id] },
      twoFactor: null,
    });

    // The firm asks.
    const { page } = t;
    await page.goto("/c/bluebird-coffee/vault");
    await page.getByRole("article", { name: /^Login First Harbor Bank/ }).waitFor();
    // Listings never carry a password.
    expect(await page.getByText("demo-Roast-Bank-2026!").count()).toBe(0);
    await page.getByRole("button", { name: "Request credentials from client" }).click();
    const ask = page.getByRole("dialog", { name: "Request credentials from the client" });
    await ask.getByRole("textbox", { name: "Site" }).fill("Harbor Payroll");
    await ask.getByRole("textbox", { name: "Address" }).fill("ftp://payroll.example");
    await ask.getByRole("button", { name: "Send request" }).click();
    // A refusal shows under its field, and nothing is sent.
    await ask.getByText("An address starts with https:// or http://").waitFor();
    await ask.getByRole("textbox", { name: "Address" }).fill("https://payroll.harbor.example");
    await ask.getByRole("textbox", { name: "Note to the client" }).fill("Read-only access is enough");
    // Sent to the owner by name (the picker lists the client's own users).
    await ask.getByLabel("Ask").click();
    await page.getByRole("option", { name: `${OWNER.name} (${OWNER.email})` }).click();
    await t.shot("vault-01-request");
    await ask.getByRole("button", { name: "Send request" }).click();
    await page.getByText("Waiting for the client: 2 logins").waitFor();

    // The client answers.
    second = await launch();
    const owner = await newPage(second, server.url);
    await signInViaApi(owner, OWNER);
    await owner.page.goto("/c/bluebird-coffee");
    // The owner was told: the bell's notification leads to the Password Manager.
    await owner.page.getByRole("button", { name: /^Notifications \(\d+ unread\)$/ }).click();
    await owner.page
      .getByText(/asks you to share the login for Harbor Payroll/)
      .first()
      .click();
    await owner.page.waitForURL((u) => u.pathname === "/c/bluebird-coffee/vault");
    await owner.page.getByText(/^Your firm asks for/).waitFor();
    // The firm has not shared the vault with the client's users: the logins stay hidden.
    await owner.page.getByText(/has not shared them here/).waitFor();
    expect(await owner.page.getByText("First Harbor Bank").count()).toBe(0);
    await owner.page.getByRole("button", { name: "Answer: Harbor Payroll" }).click();
    const form = owner.page.getByRole("dialog", { name: "Share the login for Harbor Payroll" });
    await form.getByText("Read-only access is enough").waitFor();
    await form.getByRole("textbox", { name: "Username" }).fill("bluebird.payroll");
    await form.getByRole("textbox", { name: "Password" }).fill(SECRET);
    await owner.shot("vault-02-answer");
    await form.getByRole("button", { name: "Save securely" }).click();
    await owner.page.getByText("the login for Harbor Payroll is stored securely").waitFor();
    expect(await owner.page.getByRole("button", { name: "Answer: Harbor Payroll" }).count()).toBe(0);
    expect(await owner.page.content()).not.toContain(SECRET);
    expect(owner.errors).toEqual([]);

    // The firm reveals it: the sign-in code is more than 5 minutes old, so a new one is asked for.
    await sql`update sessions set factor_verified_at = now() - interval '10 minutes'`.execute(db);
    await page.reload();
    const card = page.getByRole("article", { name: /^Login Harbor Payroll/ });
    await card.getByText("bluebird.payroll").waitFor();
    await page.getByText("Waiting for the client: 1 login").waitFor();
    await card.getByRole("button", { name: "Show password" }).click();
    const prompt = page.getByRole("dialog", { name: "Confirm it is you" });
    await prompt.getByRole("textbox", { name: "Verification code" }).fill("000000");
    await prompt.getByRole("button", { name: "Confirm" }).click();
    await prompt.locator(".mantine-TextInput-error").waitFor();
    const code = await generate({
      secret: server.admin.totpSecret!,
      epoch: Math.floor(Date.now() / 1000) + 30,
    });
    await prompt.getByRole("textbox", { name: "Verification code" }).fill(code);
    await t.shot("vault-03-step-up");
    await prompt.getByRole("button", { name: "Confirm" }).click();
    await card.getByLabel("Password of Harbor Payroll").getByText(SECRET).waitFor();
    expect(await prompt.count()).toBe(0);
    await t.shot("vault-04-revealed");
    expect(t.errors).toEqual([]);
  });
});
