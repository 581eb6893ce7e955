// The sign-in and user-management scenario of the identity issue, in the browser against a real
// server and a real SMTP server: a Partner Admin signs in with password + TOTP and invites a
// Client Admin; the invitee opens the e-mailed link, sets a password, enrols 2FA by e-mail code
// (using Resend once) and sees only their client, with the firm's branding; a Partner Ops user
// finds no "Reset 2FA" action. Every page is saved as a screenshot.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { generate } from "otplib";
import { hasChromium, launch, newPage, type TestPage } from "./support/browser.ts";
import { notifyByEmail } from "./support/bootstrap.ts";
import { startCloseBook, type RunningCloseBook } from "./support/closebook.ts";
import { codeIn, linkIn, type Mailbox } from "./support/mailbox.ts";
import { acceptAdminInvitation } from "./support/portal.ts";

let mailbox: Mailbox;
let server: RunningCloseBook;
let browser: Browser;
let adminTotpSecret = "";
let opsTotpSecret = "";

const CLIENT_ADMIN = {
  email: "casey@bluebird.example",
  name: "Casey Client",
  password: "bluebird-roasts-daily-42",
};
const PARTNER_OPS = {
  email: "olivia@northwind.example",
  name: "Olivia Ops",
  password: "northwind-ops-night-77",
};

const totpAt = (secret: string, offsetSeconds = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });

beforeAll(async () => {
  if (!hasChromium) return;
  server = await startCloseBook();
  mailbox = server.mailbox;
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.skipIf(!hasChromium)("sign-in, invitations and 2FA", () => {
  let pa: TestPage;

  it("a Partner Admin enrols an authenticator app, then signs in with password + TOTP", async () => {
    pa = await newPage(browser, server.url);
    const { page } = pa;
    const admin = server.admin;
    // The firm's first Partner Admin was invited at start; the password is set, 2FA is not yet.
    await acceptAdminInvitation(pa, server);
    await page.goto("/");
    await page.waitForURL("**/sign-in");
    await pa.shot("20-sign-in");
    await page.getByRole("textbox", { name: "E-mail" }).fill(admin.email);
    await page.getByRole("textbox", { name: "Password" }).fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    // First sign-in: two-factor authentication is mandatory, so enrolment comes first.
    await page.getByRole("heading", { name: "Set up two-step verification" }).waitFor();
    await pa.shot("21-enrol-choose-method");
    await page.getByRole("radio", { name: /Authenticator app/ }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("img", { name: "QR code for your authenticator app" }).waitFor();
    adminTotpSecret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
    expect(adminTotpSecret).toMatch(/^[A-Z2-7]{16,}$/);
    await pa.shot("22-enrol-totp-qr");
    await page.getByRole("textbox", { name: "Code from the app" }).fill(await totpAt(adminTotpSecret));
    await page.getByRole("button", { name: "Verify and turn on" }).click();
    await page.getByRole("heading", { name: "Save your recovery codes" }).waitFor();
    await expect(
      page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem").count(),
    ).resolves.toBe(10);
    await pa.shot("23-recovery-codes");
    await page.getByLabel("I have saved my recovery codes").check();
    await page.getByRole("button", { name: "Continue to Closebook" }).click();
    await page.getByRole("navigation", { name: "Main" }).waitFor();

    // Sign out and in again: password, then the app's next code.
    await page.getByRole("button", { name: /Profile menu/ }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await page.waitForURL("**/sign-in");
    await page.getByRole("textbox", { name: "E-mail" }).fill(admin.email);
    await page.getByRole("textbox", { name: "Password" }).fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Two-step verification" }).waitFor();
    await page.getByText("authenticator app").waitFor();
    await expect(page.getByRole("button", { name: /Resend/ }).count()).resolves.toBe(0); // nothing to resend for an app
    await pa.shot("24-2fa-totp");
    // A code is accepted once: the enrolment used this step's code, so sign in with the next step's.
    await page.getByRole("textbox", { name: "Code" }).fill(await totpAt(adminTotpSecret, 30));
    await page.getByRole("button", { name: "Verify" }).click();
    await page.getByRole("navigation", { name: "Main" }).waitFor();
    await expect(page.getByTestId("firm-name").textContent()).resolves.toBe("Northwind Bookkeeping");
    await pa.shot("25-partner-admin-overview");
    expect(pa.errors).toEqual([]);
  });

  it("the Partner Admin uploads the firm's logo", async () => {
    const { page } = pa;
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Firm branding" }).click();
    await page.getByRole("heading", { name: "Firm branding" }).waitFor();
    const logo = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="32" viewBox="0 0 120 32"><rect width="32" height="32" rx="6" fill="#0b7a5c"/><text x="40" y="22" font-family="sans-serif" font-size="16" fill="#0b7a5c">Northwind</text></svg>`;
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Upload logo" }).click();
    await (
      await chooser
    ).setFiles({ name: "northwind.svg", mimeType: "image/svg+xml", buffer: Buffer.from(logo) });
    await page.getByRole("img", { name: "Current logo" }).waitFor();
    await page.getByRole("img", { name: "Northwind Bookkeeping logo" }).waitFor();
    await pa.shot("26-firm-branding");
  });

  it("the Partner Admin invites a Client Admin and a Partner Ops user", async () => {
    const { page } = pa;
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
    await page.getByRole("table", { name: "Users" }).waitFor();
    await pa.shot("27-users");
    await invite(pa, CLIENT_ADMIN, "Client Admin", "Bluebird Coffee Roasters");
    await pa.shot("28-invite-user");
    await page.getByRole("dialog").getByRole("button", { name: "Send invitation" }).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await page
      .getByRole("row", { name: new RegExp(CLIENT_ADMIN.email) })
      .getByText("Invited")
      .waitFor();
    await invite(pa, PARTNER_OPS, "Partner Ops");
    await page.getByRole("dialog").getByRole("button", { name: "Send invitation" }).click();
    await page.getByRole("row", { name: new RegExp(PARTNER_OPS.email) }).waitFor();
  });

  it("the invitee accepts from the e-mail, enrols 2FA by e-mail code using Resend once, and sees only their client", async () => {
    const mail = await mailbox.waitFor(CLIENT_ADMIN.email, (m) => m.text.includes("/invitation#token="));
    const link = linkIn(mail, "/invitation#token=");
    const ca = await newPage(browser, server.url);
    const { page } = ca;
    await page.goto(link.replace(/^https?:\/\/[^/]+/, server.url));
    await page.getByRole("heading", { name: "Accept your invitation" }).waitFor();
    await page.getByText(CLIENT_ADMIN.email).waitFor();
    await ca.shot("30-accept-invitation");
    await page.getByLabel("Your name").fill(CLIENT_ADMIN.name);
    await page.getByRole("textbox", { name: "Choose a password" }).fill(CLIENT_ADMIN.password);
    await page.getByRole("textbox", { name: "Repeat the password" }).fill(CLIENT_ADMIN.password);
    await page.getByRole("button", { name: "Set password and continue" }).click();

    await page.getByRole("heading", { name: "Set up two-step verification" }).waitFor();
    await page.getByRole("radio", { name: /code by e-mail/ }).check();
    const before = mailbox.messages.length;
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("heading", { name: "Confirm your e-mail" }).waitFor();
    const first = await mailbox.waitFor(CLIENT_ADMIN.email, (m) => /\b\d{6}\b/.test(m.text), {
      since: before,
    });
    await ca.shot("31-enrol-email-code");

    // Resend once: a new code arrives and the first one stops working.
    const resend = page.getByRole("button", { name: /Resend code/ });
    await expect.poll(() => resend.isEnabled(), { timeout: 90_000, interval: 1000 }).toBe(true);
    const beforeResend = mailbox.messages.length;
    await resend.click();
    await page.getByRole("status").filter({ hasText: "A new code was sent" }).waitFor();
    const second = await mailbox.waitFor(CLIENT_ADMIN.email, (m) => /\b\d{6}\b/.test(m.text), {
      since: beforeResend,
    });
    expect(codeIn(second)).not.toBe(codeIn(first));
    // Asking again at once is throttled, and the page says so.
    if (await resend.isEnabled()) {
      await resend.click();
      await page
        .getByRole("alert")
        .filter({ hasText: /wait|too soon|seconds/i })
        .waitFor();
    } else {
      await expect(resend.textContent()).resolves.toMatch(/in \d+ s/);
    }
    await ca.shot("32-enrol-email-resent");
    await page.getByRole("textbox", { name: "Code" }).fill(codeIn(first));
    await page.getByRole("button", { name: "Verify" }).click();
    await page.getByRole("alert").filter({ hasText: /code/i }).waitFor();
    await page.getByRole("textbox", { name: "Code" }).fill(codeIn(second));
    await page.getByRole("button", { name: "Verify" }).click();
    await page.getByRole("heading", { name: "Save your recovery codes" }).waitFor();
    await page.getByLabel("I have saved my recovery codes").check();
    await page.getByRole("button", { name: "Continue to Closebook" }).click();

    // Only their client: straight into its client view, and the selector offers nothing else.
    await page.waitForURL("**/c/bluebird-coffee");
    await expect(page.getByTestId("firm-name").textContent()).resolves.toBe("Northwind Bookkeeping");
    // The firm's logo, not Closebook's mark.
    await page.getByRole("banner").getByRole("img", { name: "Northwind Bookkeeping logo" }).waitFor();
    await page.getByRole("combobox", { name: "Client" }).click();
    const options = await page.getByRole("option").allTextContents();
    expect(options).toEqual(["Bluebird Coffee Roasters"]);
    await page.keyboard.press("Escape");
    const clients = await page.evaluate(() => fetch("/api/clients").then((r) => r.json()));
    expect((clients as { clients: Array<{ slug: string }> }).clients.map((c) => c.slug)).toEqual([
      "bluebird-coffee",
    ]);
    expect((await page.request.get(`${server.url}/api/clients/harbor-dental`)).status()).toBe(404);
    await ca.shot("33-client-admin-client-view");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Trial balance" }).click();
    await page.getByRole("table", { name: "Trial balance" }).waitFor();
    await ca.shot("34-client-admin-trial-balance");
    expect(ca.errors).toEqual([]);
  });

  it("the Partner Admin sees a notification in the bell, opens it, and sets notifications", async () => {
    const { page } = pa;
    await notifyByEmail(server.runtime, server.admin.email, {
      event: "task.assigned",
      title: "Review Bluebird's October bank feed",
      body: "Assigned to you by the close checklist.",
      link: "/c/bluebird-coffee/ledger/entries",
    });
    await page.goto("/");
    const bell = page.getByRole("button", { name: "Notifications (1 unread)" });
    await bell.waitFor();
    await bell.click();
    await page.getByRole("listitem").filter({ hasText: "Review Bluebird's October bank feed" }).waitFor();
    await pa.shot("29-notifications-bell", { fullPage: false });
    await page.getByRole("listitem").filter({ hasText: "Review Bluebird's October bank feed" }).click();
    await page.waitForURL("**/c/bluebird-coffee/ledger/entries");
    await page.getByRole("button", { name: "Notifications", exact: true }).waitFor();

    await page.getByRole("button", { name: /Profile menu/ }).click();
    await page.getByRole("menuitem", { name: "Notification settings" }).click();
    const table = page.getByRole("table", { name: "Notification settings" });
    await table.getByRole("row").nth(1).waitFor();
    await table.getByRole("combobox", { name: "A client was terminated: e-mail" }).click();
    await page.getByRole("option", { name: "Weekly digest" }).click();
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
    await page.reload();
    await expect(
      page.getByRole("combobox", { name: "A client was terminated: e-mail" }).inputValue(),
    ).resolves.toBe("Weekly digest");
    await pa.shot("2a-notification-settings");

    await page.getByRole("button", { name: /Profile menu/ }).click();
    await page.getByRole("menuitem", { name: "Profile and security" }).click();
    await page.getByText("Authenticator app · 10 recovery codes left").waitFor();
    await pa.shot("2b-profile");
    expect(pa.errors).toEqual([]);
  });

  it("a Partner Admin has Reset 2FA for an enrolled user; a Partner Ops user finds none", async () => {
    // The Partner Admin sees the action for the Client Admin, who is now enrolled.
    await pa.page.goto("/users");
    await pa.page.getByRole("button", { name: `Actions for ${CLIENT_ADMIN.name}` }).click();
    await pa.page.getByRole("menuitem", { name: "Reset 2FA" }).waitFor();
    await pa.shot("35-partner-admin-user-actions");
    await pa.page.keyboard.press("Escape");
    await pa.page.getByRole("menu").waitFor({ state: "hidden" });

    const mail = await mailbox.waitFor(PARTNER_OPS.email, (m) => m.text.includes("/invitation#token="));
    const po = await newPage(browser, server.url);
    const { page } = po;
    await page.goto(linkIn(mail, "/invitation#token=").replace(/^https?:\/\/[^/]+/, server.url));
    await page.getByLabel("Your name").fill(PARTNER_OPS.name);
    await page.getByRole("textbox", { name: "Choose a password" }).fill(PARTNER_OPS.password);
    await page.getByRole("textbox", { name: "Repeat the password" }).fill(PARTNER_OPS.password);
    await page.getByRole("button", { name: "Set password and continue" }).click();
    await page.getByRole("radio", { name: /Authenticator app/ }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
    opsTotpSecret = secret;
    await page.getByRole("textbox", { name: "Code from the app" }).fill(await totpAt(secret));
    await page.getByRole("button", { name: "Verify and turn on" }).click();
    await page.getByLabel("I have saved my recovery codes").check();
    await page.getByRole("button", { name: "Continue to Closebook" }).click();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
    await page.getByRole("row", { name: new RegExp(CLIENT_ADMIN.email) }).waitFor();
    await page.getByRole("button", { name: `Actions for ${CLIENT_ADMIN.name}` }).click();
    await page.getByRole("menuitem", { name: "Edit" }).waitFor();
    await expect(page.getByRole("menuitem", { name: "Reset 2FA" }).count()).resolves.toBe(0);
    await po.shot("36-partner-ops-user-actions");
    await page.keyboard.press("Escape");
    await page.getByRole("menu").waitFor({ state: "hidden" });
    // Not in any row's menu either, and the server refuses it outright.
    for (const row of await page.getByRole("button", { name: /^Actions for / }).all()) {
      await row.click();
      const menu = page.getByRole("menu");
      await menu.getByRole("menuitem").first().waitFor();
      await expect(menu.getByRole("menuitem", { name: "Reset 2FA" }).count()).resolves.toBe(0);
      await page.keyboard.press("Escape");
      await menu.waitFor({ state: "hidden" });
    }
    expect(po.errors).toEqual([]);
  });

  it("a user who forgot the password resets it from the e-mailed link and signs in", async () => {
    const t = await newPage(browser, server.url);
    const { page } = t;
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await page.getByRole("textbox", { name: "E-mail" }).fill(PARTNER_OPS.email);
    const before = mailbox.messages.length;
    await page.getByRole("button", { name: "Send the link" }).click();
    await page.getByRole("status").filter({ hasText: "we sent it a link" }).waitFor();
    await t.shot("37-password-reset-requested");
    const mail = await mailbox.waitFor(PARTNER_OPS.email, (m) => m.text.includes("/reset-password#token="), {
      since: before,
    });
    await page.goto(linkIn(mail, "/reset-password#token=").replace(/^https?:\/\/[^/]+/, server.url));
    const fresh = "a-brand-new-passphrase-2026";
    await page.getByRole("textbox", { name: "New password", exact: true }).fill(fresh);
    await page.getByRole("textbox", { name: "Repeat the new password" }).fill(fresh);
    await t.shot("38-password-reset-confirm");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByRole("status").filter({ hasText: "Your password is changed" }).waitFor();
    await page.getByRole("link", { name: "Sign in" }).click();
    await page.getByRole("textbox", { name: "E-mail" }).fill(PARTNER_OPS.email);
    await page.getByRole("textbox", { name: "Password" }).fill(PARTNER_OPS.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").filter({ hasText: "Could not sign in" }).waitFor();
    await page.getByRole("textbox", { name: "Password" }).fill(fresh);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Two-step verification" }).waitFor();
    await page.getByRole("textbox", { name: "Code" }).fill(await totpAt(opsTotpSecret, 30));
    await page.getByRole("button", { name: "Verify" }).click();
    await page.getByRole("navigation", { name: "Main" }).waitFor();
    expect(t.errors).toEqual([]);
  });
});

async function invite(t: TestPage, who: { email: string; name: string }, role: string, client?: string) {
  const { page } = t;
  await page.getByRole("button", { name: "Invite user" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("textbox", { name: "E-mail" }).fill(who.email);
  await dialog.getByLabel("Name").fill(who.name);
  await dialog.getByRole("combobox", { name: "Role" }).click();
  await page.getByRole("option", { name: role, exact: true }).click();
  if (client) {
    await dialog.getByRole("combobox", { name: "Client" }).click();
    await page.getByRole("option", { name: client }).click();
  }
}
