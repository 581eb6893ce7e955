// Gets a browser into the portal as the demo firm's Partner Admin: accepting the e-mailed
// invitation and enrolling an authenticator app the first time, signing in with password and
// TOTP after that — through the same API calls the portal makes.
import { generate } from "otplib";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { hasChromium, launch, newPage, type TestPage } from "./browser.ts";
import { startCloseBook, type RunningCloseBook, type Person } from "./closebook.ts";
import { linkIn } from "./mailbox.ts";

const totp = (secret: string, offsetSeconds = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });

/** The invitation token e-mailed to someone. */
export async function invitationToken(server: RunningCloseBook, email: string): Promise<string> {
  const mail = await server.mailbox.waitFor(email, (m) => m.text.includes("/invitation#token="));
  return new URL(linkIn(mail, "/invitation#token=")).hash.replace("#token=", "");
}

/** Accepts the admin's invitation (sets the password) without enrolling 2FA yet. */
export async function acceptAdminInvitation(t: TestPage, server: RunningCloseBook): Promise<void> {
  const token = await invitationToken(server, server.admin.email);
  const res = await t.context.request.post(`/api/invitations/${token}/accept`, {
    data: { name: server.admin.name, password: server.admin.password },
  });
  if (!res.ok()) throw new Error(`accepting the invitation failed: ${res.status()} ${await res.text()}`);
}

/** Signs in through the API, enrolling an authenticator app when asked; returns its secret. */
export async function signInViaApi(t: TestPage, who: Person, totpSecret?: string): Promise<string> {
  const api = t.context.request;
  const step = await (
    await api.post("/api/auth/sign-in", { data: { email: who.email, password: who.password } })
  ).json();
  if (step.next === "2fa") {
    if (!totpSecret) throw new Error(`${who.email} is enrolled: pass the TOTP secret`);
    // A code is accepted once: use the next time step's code, which is accepted too.
    const res = await api.post("/api/auth/2fa/verify", { data: { code: await totp(totpSecret, 30) } });
    if (!res.ok()) throw new Error(`2FA verify failed: ${res.status()} ${await res.text()}`);
    return totpSecret;
  }
  if (step.next !== "enrol-2fa") throw new Error(`unexpected sign-in answer ${JSON.stringify(step)}`);
  const { secret } = (await (await api.post("/api/auth/2fa/enrol/totp", { data: {} })).json()) as {
    secret: string;
  };
  const res = await api.post("/api/auth/2fa/enrol/confirm", { data: { code: await totp(secret) } });
  if (!res.ok()) throw new Error(`2FA enrolment failed: ${res.status()} ${await res.text()}`);
  return secret;
}

/** Opens the portal signed in as the Partner Admin. */
export async function enterPortal(t: TestPage, server: RunningCloseBook): Promise<void> {
  if (!server.admin.totpSecret) await acceptAdminInvitation(t, server);
  server.admin.totpSecret = await signInViaApi(t, server.admin, server.admin.totpSecret);
  await t.page.goto("/");
  await t.page.getByRole("navigation", { name: "Main" }).waitFor();
}

/** A running Closebook and a page signed in to its portal, shared by the tests of one file. */
export interface PortalSession {
  server: RunningCloseBook;
  t: TestPage;
}

/**
 * Starts Closebook and a browser before the file's tests (after `prepare`, when given), signs in
 * to the portal, and stops both after the tests. Without Chromium it does nothing (the tests skip).
 */
export function portalSession(prepare?: () => void | Promise<void>): PortalSession {
  const session = {} as PortalSession;
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!hasChromium) return;
    await prepare?.();
    session.server = await startCloseBook();
    browser = await launch();
    session.t = await newPage(browser, session.server.url);
    await enterPortal(session.t, session.server);
  });
  afterAll(async () => {
    await browser?.close();
    await session.server?.stop();
  });
  return session;
}
