// Sessions over HTTP: cookie and CSRF header, forged and replayed sessions, idle and absolute
// timeouts, sign-out, sign-out everywhere, API tokens, and switching 2FA method (current factor first).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { testServer } from "../../../test/support/server.ts";
import { createUser, sessionFor, signedIn, tokenCaller } from "../../../test/support/auth.ts";
import { testClock, MINUTE } from "../../../test/support/clock.ts";
import type { App } from "../../platform/http.ts";
import { withTables } from "../../platform/tables.ts";
import type { IdentityTables } from "./tables.ts";
import { systemActor } from "../../platform/actor.ts";
import * as access from "../access/index.ts";
import { newTotpSecret, totpCode } from "./totp.ts";

const clock = testClock();
let t: TestDb;
let app: App;
let firmId: string;

beforeAll(async () => {
  t = await testDb({ clock });
  app = await testServer(t, { anonymous: true });
  firmId = (await access.createFirm(t.ctx.db, { slug: "session-firm", name: "Session Firm" })).id;
  await access.createClient(t.ctx.db, systemActor(firmId), { slug: "sess-client", name: "Session Client" });
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

describe("authentication of API requests", () => {
  it("answers 401 problem+json without credentials, before validating the body", async () => {
    const res = await app.inject({ method: "POST", url: "/api/clients", payload: { nonsense: true } });
    expect(res.statusCode).toBe(401);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json()).toMatchObject({ code: "identity/unauthenticated" });
  });

  it("refuses a forged session cookie, and a session replayed after sign-out", async () => {
    const forged = await app.inject({
      url: "/api/me",
      headers: { cookie: "cb_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" },
    });
    expect(forged.statusCode).toBe(401);
    const me = await signedIn(t, app, { firmId, role: "partner_ops" });
    expect((await me.inject("/api/me")).statusCode).toBe(200);
    const out = await me.inject({ method: "POST", url: "/api/auth/sign-out" });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === "cb_session")?.value).toBe("");
    const replay = await me.inject("/api/me");
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe("identity/session-ended");
  });

  it("needs the CSRF header on every change made with the cookie; bearer tokens need none", async () => {
    const me = await signedIn(t, app, { firmId, role: "partner_admin" });
    const without = await app.inject({
      method: "POST",
      url: "/api/clients",
      payload: { name: "No Csrf" },
      headers: { cookie: me.cookie },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe("identity/csrf");
    const wrong = await app.inject({
      method: "POST",
      url: "/api/clients",
      payload: { name: "No Csrf" },
      headers: { cookie: me.cookie, "x-csrf-token": "x".repeat(43) },
    });
    expect(wrong.statusCode).toBe(403);
    expect(
      (await me.inject({ method: "POST", url: "/api/clients", payload: { name: "With Csrf" } })).statusCode,
    ).toBe(201);
    // Reading needs no header.
    expect((await app.inject({ url: "/api/clients", headers: { cookie: me.cookie } })).statusCode).toBe(200);
    const names = (await app.inject({ url: "/api/clients", headers: { cookie: me.cookie } }))
      .json()
      .clients.map((c: { name: string }) => c.name);
    expect(names).not.toContain("No Csrf");
    const bot = await tokenCaller(t, app, { firmId, role: "partner_ops" });
    expect(
      (await bot.inject({ method: "POST", url: "/api/clients", payload: { name: "By Token" } })).statusCode,
    ).toBe(201);
    expect(
      (await app.inject({ url: "/api/clients", headers: { authorization: "Bearer cbt_not-a-real-token" } }))
        .statusCode,
    ).toBe(401);
    expect(
      (await app.inject({ url: "/api/clients", headers: { authorization: "Basic dXNlcjpwYXNz" } }))
        .statusCode,
    ).toBe(401);
  });

  it("ends a session after the idle timeout, and after the absolute timeout even when active", async () => {
    const idle = await signedIn(t, app, { firmId, role: "partner_ops" });
    clock.advance(59 * MINUTE);
    expect((await idle.inject("/api/me")).statusCode).toBe(200);
    clock.advance(59 * MINUTE);
    expect((await idle.inject("/api/me")).statusCode).toBe(200);
    clock.advance(61 * MINUTE);
    const expired = await idle.inject("/api/me");
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe("identity/session-expired");

    const busy = await signedIn(t, app, { firmId, role: "partner_ops" });
    for (let i = 0; i < 14; i++) {
      clock.advance(50 * MINUTE);
      expect((await busy.inject("/api/me")).statusCode).toBe(200);
    }
    clock.advance(50 * MINUTE);
    expect((await busy.inject("/api/me")).statusCode).toBe(401);
  });

  it("signs out everywhere: every session of the user ends, others' do not", async () => {
    const user = await createUser(t, { firmId, role: "partner_ops" });
    const laptop = await sessionFor(t, app, user);
    const phone = await sessionFor(t, app, user);
    const colleague = await signedIn(t, app, { firmId, role: "partner_ops" });
    expect((await laptop.inject("/api/me/sessions")).json().sessions).toHaveLength(2);
    expect((await laptop.inject({ method: "POST", url: "/api/auth/sign-out-everywhere" })).statusCode).toBe(
      204,
    );
    expect((await laptop.inject("/api/me")).statusCode).toBe(401);
    expect((await phone.inject("/api/me")).statusCode).toBe(401);
    expect((await colleague.inject("/api/me")).statusCode).toBe(200);
  });

  it("ends a session of a user who is deactivated meanwhile", async () => {
    const user = await createUser(t, { firmId, role: "partner_ops" });
    const s = await sessionFor(t, app, user);
    await withTables<IdentityTables>(t.ctx.db)
      .updateTable("users")
      .set({ status: "deactivated" })
      .where("id", "=", user.id)
      .execute();
    expect((await s.inject("/api/me")).statusCode).toBe(401);
  });
});

describe("switching two-factor method", () => {
  it("needs the current factor first, then confirms the new one and replaces the recovery codes", async () => {
    const secret = newTotpSecret();
    const me = await signedIn(t, app, {
      firmId,
      role: "partner_ops",
      email: "switch@session.test",
      twoFactor: { method: "totp", secret },
    });
    const refused = await me.inject({ method: "POST", url: "/api/me/2fa/enrol/email" });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe("identity/step-up-required");
    expect(
      (await me.inject({ method: "POST", url: "/api/me/2fa/verify-current", payload: { code: "000000" } }))
        .statusCode,
    ).toBe(401);
    const proven = await me.inject({
      method: "POST",
      url: "/api/me/2fa/verify-current",
      payload: { code: await totpCode(secret, clock.now()) },
    });
    expect(proven.statusCode).toBe(200);
    expect(new Date(proven.json().verifiedUntil).getTime()).toBe(clock.now().getTime() + 10 * MINUTE);
    const start = await me.inject({ method: "POST", url: "/api/me/2fa/enrol/email" });
    expect(start.json()).toMatchObject({ method: "email", challenge: { method: "email" } });
    const mail = await t.ctx.db
      .selectFrom("outbox_messages")
      .select("body")
      .where("recipient", "=", "switch@session.test")
      .orderBy("created_at", "desc")
      .executeTakeFirstOrThrow();
    const code = /\b(\d{6})\b/.exec(mail.body)![1]!;
    const confirmed = await me.inject({
      method: "POST",
      url: "/api/me/2fa/enrol/confirm",
      payload: { code },
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ method: "email", recoveryCodes: expect.any(Array) });
    expect((await me.inject("/api/me")).json().user.twoFactor).toMatchObject({
      method: "email",
      recoveryCodesLeft: 10,
    });
    const events = await t.ctx.db
      .selectFrom("audit_events")
      .select("action")
      .where("subject_id", "=", me.userId)
      .execute();
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(["identity.2fa.verified_current", "identity.2fa.method_changed"]),
    );
    // The change used up the proof: another change needs the current factor again.
    expect((await me.inject({ method: "POST", url: "/api/me/2fa/enrol/totp" })).statusCode).toBe(403);
    expect((await me.inject({ method: "POST", url: "/api/me/2fa/recovery-codes" })).statusCode).toBe(403);
  });

  it("has no code to send to an authenticator app, nor to a user with no method yet, and says which", async () => {
    const app_ = await signedIn(t, app, {
      firmId,
      role: "partner_ops",
      email: "app-user@session.test",
      twoFactor: { method: "totp", secret: newTotpSecret() },
    });
    const none = await signedIn(t, app, {
      firmId,
      role: "partner_ops",
      email: "no-method@session.test",
      twoFactor: null,
    });
    const fromApp = await app_.inject({ method: "POST", url: "/api/me/2fa/send-code" });
    const fromNone = await none.inject({ method: "POST", url: "/api/me/2fa/send-code" });
    expect([fromApp.statusCode, fromNone.statusCode]).toEqual([403, 403]);
    expect(fromApp.json()).toMatchObject({ code: "identity/nothing-to-send" });
    expect(fromApp.json().detail).toMatch(/authenticator app/);
    expect(fromNone.json()).toMatchObject({ code: "identity/nothing-to-send" });
    expect(fromNone.json().detail).toMatch(/no two-step method yet/);
  });
});

describe("your own profile", () => {
  it("changes your name and phone with an audit event; the number that receives SMS codes stays", async () => {
    const me = await signedIn(t, app, { firmId, role: "partner_ops", name: "Old Name" });
    const changed = await me.inject({
      method: "PATCH",
      url: "/api/me",
      payload: { name: "  New Name ", phone: "+1 415 555 0100" },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().user).toMatchObject({ name: "New Name", phone: "+14155550100" });
    expect((await me.inject("/api/me")).json().user).toMatchObject({ name: "New Name" });
    const event = await t.ctx.db
      .selectFrom("audit_events")
      .select(["actor_id", "before", "after"])
      .where("subject_id", "=", me.userId)
      .where("action", "=", "user.profile.updated")
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({
      actor_id: me.userId,
      before: { name: "Old Name", phone: null },
      after: { name: "New Name", phone: "+14155550100" },
    });

    await withTables<IdentityTables>(t.ctx.db)
      .updateTable("users")
      .set({ twofa_method: "sms", totp_secret: null })
      .where("id", "=", me.userId)
      .execute();
    const refused = await me.inject({ method: "PATCH", url: "/api/me", payload: { phone: null } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe("identity/phone-is-2fa");
    expect((await me.inject("/api/me")).json().user.phone).toBe("+14155550100");
  });
});
