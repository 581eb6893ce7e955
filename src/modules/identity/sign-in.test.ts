// Password sign-in with its mandatory second factor, over HTTP: e-mail codes (read from the
// outbox), authenticator codes, recovery codes, Resend, wrong/expired/reused codes, lockouts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { testServer } from "../../../test/support/server.ts";
import { createUser, TEST_PASSWORD } from "../../../test/support/auth.ts";
import { testClock, MINUTE } from "../../../test/support/clock.ts";
import type { App } from "../../platform/http.ts";
import { withTables } from "../../platform/tables.ts";
import type { IdentityTables } from "./tables.ts";
import * as access from "../access/index.ts";
import { newTotpSecret, totpCode } from "./totp.ts";

const clock = testClock();
let t: TestDb;
let app: App;
let firmId: string;

beforeAll(async () => {
  t = await testDb({ clock });
  app = await testServer(t, { anonymous: true });
  firmId = (await access.createFirm(t.ctx.db, { slug: "signin-firm", name: "Sign-in Firm" })).id;
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});
beforeEach(() => clock.advance(60 * MINUTE));

/** A browser: keeps the cookies the server sets, sends the CSRF header once it knows it. */
function browser() {
  const jar = new Map<string, string>();
  let csrf = "";
  const send = async (method: string, url: string, payload?: unknown) => {
    const res = await app.inject({
      method: method as "GET",
      url,
      ...(payload !== undefined ? { payload: payload as object } : {}),
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
        ...(csrf ? { "x-csrf-token": csrf } : {}),
      },
    });
    for (const c of res.cookies) {
      if (c.value === "" || (c.expires && c.expires.getTime() < Date.now() - 1000)) jar.delete(c.name);
      else jar.set(c.name, c.value);
    }
    if (
      res.statusCode === 200 &&
      typeof res.json === "function" &&
      res.headers["content-type"]?.toString().includes("json")
    ) {
      const body = res.json();
      if (body?.csrfToken) csrf = body.csrfToken;
    }
    return res;
  };
  return {
    send,
    jar,
    get: (url: string) => send("GET", url),
    post: (url: string, payload?: unknown) => send("POST", url, payload ?? {}),
  };
}

const lastCode = async (to: string) => {
  const row = await t.ctx.db
    .selectFrom("outbox_messages")
    .select(["body"])
    .where("recipient", "=", to)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
  return /\b(\d{6})\b/.exec(row.body)![1]!;
};

describe("password sign-in with an e-mail code", () => {
  it("signs in with password then the code from the outbox, and knows who is signed in", async () => {
    const user = await createUser(t, {
      firmId,
      role: "partner_admin",
      email: "ann@signin.test",
      password: TEST_PASSWORD,
      twoFactor: { method: "email" },
    });
    const b = browser();
    const first = await b.post("/api/auth/sign-in", { email: "Ann@Signin.test ", password: TEST_PASSWORD });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      next: "2fa",
      challenge: { method: "email", destination: "a••@signin.test", outbox: true, resendsLeft: 4 },
    });
    expect(first.cookies.find((c) => c.name === "cb_challenge")).toMatchObject({
      httpOnly: true,
      sameSite: "Strict",
    });
    const outbox = (await b.get("/api/auth/2fa/outbox")).json();
    expect(outbox.messages[0]).toMatchObject({ channel: "email", to: "ann@signin.test" });
    const code = await lastCode("ann@signin.test");
    expect(outbox.messages[0].text).toContain(code);
    const done = await b.post("/api/auth/2fa/verify", { code });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ next: "done", csrfToken: expect.any(String) });
    expect(done.cookies.find((c) => c.name === "cb_session")).toMatchObject({
      httpOnly: true,
      sameSite: "Lax",
      secure: true,
      path: "/",
    });
    const me = (await b.get("/api/me")).json();
    expect(me).toMatchObject({
      user: { id: user.id, email: "ann@signin.test", role: "partner_admin", twoFactor: { method: "email" } },
      side: "partner",
      firm: { slug: "signin-firm" },
    });
    expect(me.permissions).toContain("user.2fa.reset");
    // The code was used: it cannot be used again.
    expect((await b.post("/api/auth/2fa/verify", { code })).statusCode).toBe(401);
  });
});

describe("bad input and attacks on sign-in", () => {
  it("answers a wrong password and an unknown e-mail alike, and audits both", async () => {
    await createUser(t, { firmId, role: "partner_ops", email: "bob@signin.test", password: TEST_PASSWORD });
    const wrong = await app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: { email: "bob@signin.test", password: "not the password" },
    });
    const unknown = await app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: { email: "nobody@signin.test", password: "not the password" },
    });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json()).toMatchObject({
        code: "identity/invalid-credentials",
        detail: "the e-mail address or the password is not right",
      });
      expect(res.cookies).toHaveLength(0);
    }
    const events = await t.ctx.db
      .selectFrom("audit_events")
      .select(["action", "firm_id", "after"])
      .where("action", "=", "identity.sign_in.failed")
      .execute();
    expect(events.map((e) => (e.after as { reason: string }).reason).sort()).toEqual([
      "unknown-email",
      "wrong-password",
    ]);
    expect(JSON.stringify(events)).not.toContain("not the password");
  });

  it("locks an account for 15 minutes after 5 wrong passwords, even against the right one", async () => {
    await createUser(t, { firmId, role: "partner_ops", email: "carl@signin.test", password: TEST_PASSWORD });
    for (let i = 0; i < 5; i++) {
      expect(
        (
          await app.inject({
            method: "POST",
            url: "/api/auth/sign-in",
            payload: { email: "carl@signin.test", password: `guess ${i}` },
          })
        ).statusCode,
      ).toBe(401);
    }
    const locked = await app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: { email: "carl@signin.test", password: TEST_PASSWORD },
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: "identity/locked", retryAfter: 900 });
    expect(locked.headers["retry-after"]).toBe("900");
    clock.advance(15 * MINUTE);
    expect(
      (
        await app.inject({
          method: "POST",
          url: "/api/auth/sign-in",
          payload: { email: "carl@signin.test", password: TEST_PASSWORD },
        })
      ).statusCode,
    ).toBe(200);
  });

  it("refuses a deactivated account after its password, and a malformed e-mail with 400", async () => {
    const u = await createUser(t, {
      firmId,
      role: "partner_ops",
      email: "dora@signin.test",
      password: TEST_PASSWORD,
    });
    await withTables<IdentityTables>(t.ctx.db)
      .updateTable("users")
      .set({ status: "deactivated" })
      .where("id", "=", u.id)
      .execute();
    const res = await app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: { email: "dora@signin.test", password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("identity/account-inactive");
    const bad = await app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: { email: "not-an-address", password: "x" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: "identity/invalid-email", field: "email" });
  });

  it("needs the code step: the challenge cookie alone opens nothing, a forged one nothing either", async () => {
    await createUser(t, {
      firmId,
      role: "partner_ops",
      email: "emil@signin.test",
      password: TEST_PASSWORD,
      twoFactor: { method: "email" },
    });
    const b = browser();
    await b.post("/api/auth/sign-in", { email: "emil@signin.test", password: TEST_PASSWORD });
    expect((await b.get("/api/me")).statusCode).toBe(401);
    const forged = await app.inject({
      method: "POST",
      url: "/api/auth/2fa/verify",
      payload: { code: "123456" },
      headers: { cookie: "cb_challenge=forged-challenge-token" },
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().code).toBe("identity/no-challenge");
  });
});

describe("authenticator app (TOTP)", () => {
  it("accepts the current code once; a reused code is refused even in a new sign-in", async () => {
    const secret = newTotpSecret();
    await createUser(t, {
      firmId,
      role: "partner_ops",
      email: "fay@signin.test",
      password: TEST_PASSWORD,
      twoFactor: { method: "totp", secret },
    });
    const code = await totpCode(secret, clock.now());
    const b1 = browser();
    expect(
      (await b1.post("/api/auth/sign-in", { email: "fay@signin.test", password: TEST_PASSWORD })).json(),
    ).toMatchObject({ next: "2fa", challenge: { method: "totp", destination: null, resendsLeft: 0 } });
    expect((await b1.post("/api/auth/2fa/resend")).json().code).toBe("identity/nothing-to-resend");
    expect((await b1.post("/api/auth/2fa/verify", { code })).statusCode).toBe(200);
    const b2 = browser();
    await b2.post("/api/auth/sign-in", { email: "fay@signin.test", password: TEST_PASSWORD });
    const replay = await b2.post("/api/auth/2fa/verify", { code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ code: "identity/invalid-code", attemptsLeft: 4 });
    clock.advance(30_000);
    expect(
      (await b2.post("/api/auth/2fa/verify", { code: await totpCode(secret, clock.now()) })).statusCode,
    ).toBe(200);
  });

  it("ends a sign-in after 5 wrong codes, and locks 2FA for 15 minutes after 5 in a row", async () => {
    const secret = newTotpSecret();
    await createUser(t, {
      firmId,
      role: "partner_ops",
      email: "gus@signin.test",
      password: TEST_PASSWORD,
      twoFactor: { method: "totp", secret },
    });
    const b = browser();
    await b.post("/api/auth/sign-in", { email: "gus@signin.test", password: TEST_PASSWORD });
    const lefts: number[] = [];
    for (let i = 0; i < 4; i++)
      lefts.push((await b.post("/api/auth/2fa/verify", { code: "000000" })).json().attemptsLeft);
    expect(lefts).toEqual([4, 3, 2, 1]);
    const fifth = await b.post("/api/auth/2fa/verify", { code: "000000" });
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json()).toMatchObject({ code: "identity/locked", retryAfter: 900 });
    // Locked: even the right code of a new sign-in waits.
    const b2 = browser();
    await b2.post("/api/auth/sign-in", { email: "gus@signin.test", password: TEST_PASSWORD });
    expect(
      (await b2.post("/api/auth/2fa/verify", { code: await totpCode(secret, clock.now()) })).statusCode,
    ).toBe(429);
    clock.advance(15 * MINUTE);
    const b3 = browser();
    await b3.post("/api/auth/sign-in", { email: "gus@signin.test", password: TEST_PASSWORD });
    expect(
      (await b3.post("/api/auth/2fa/verify", { code: await totpCode(secret, clock.now()) })).statusCode,
    ).toBe(200);
    const audit = await t.ctx.db
      .selectFrom("audit_events")
      .select("action")
      .where("action", "=", "identity.2fa.failed")
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(5);
  });
});

describe("e-mail codes: expiry, Resend and its limits", () => {
  it("expires a code after 10 minutes; Resend sends a new one and the old one stops working", async () => {
    await createUser(t, {
      firmId,
      role: "partner_ops",
      email: "hal@signin.test",
      password: TEST_PASSWORD,
      twoFactor: { method: "email" },
    });
    const b = browser();
    await b.post("/api/auth/sign-in", { email: "hal@signin.test", password: TEST_PASSWORD });
    const old = await lastCode("hal@signin.test");
    clock.advance(11 * MINUTE);
    const expired = await b.post("/api/auth/2fa/verify", { code: old });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().code).toBe("identity/code-expired");
    const resent = await b.post("/api/auth/2fa/resend");
    expect(resent.statusCode).toBe(200);
    expect(resent.json().challenge).toMatchObject({ method: "email", resendsLeft: 3 });
    const fresh = await lastCode("hal@signin.test");
    if (fresh !== old) expect((await b.post("/api/auth/2fa/verify", { code: old })).statusCode).toBe(401);
    expect((await b.post("/api/auth/2fa/verify", { code: fresh })).statusCode).toBe(200);
  });

  it("waits 30 seconds between codes and sends at most 5 per sign-in", async () => {
    await createUser(t, {
      firmId,
      role: "partner_ops",
      email: "ida@signin.test",
      password: TEST_PASSWORD,
      twoFactor: { method: "email" },
    });
    const b = browser();
    await b.post("/api/auth/sign-in", { email: "ida@signin.test", password: TEST_PASSWORD });
    const soon = await b.post("/api/auth/2fa/resend");
    expect(soon.statusCode).toBe(429);
    expect(soon.json()).toMatchObject({ code: "identity/resend-too-soon", retryAfter: 30 });
    for (let i = 0; i < 4; i++) {
      clock.advance(31_000);
      expect((await b.post("/api/auth/2fa/resend")).statusCode).toBe(200);
    }
    clock.advance(31_000);
    const exhausted = await b.post("/api/auth/2fa/resend");
    expect(exhausted.statusCode).toBe(429);
    expect(exhausted.json().code).toBe("identity/too-many-codes");
    const sent = await t.ctx.db
      .selectFrom("outbox_messages")
      .select("id")
      .where("recipient", "=", "ida@signin.test")
      .execute();
    expect(sent).toHaveLength(5);
  });
});

describe("recovery codes and first enrolment", () => {
  it("enrols an authenticator at first sign-in, shows 10 recovery codes once, and each works once", async () => {
    await createUser(t, {
      firmId,
      role: "client_admin",
      email: "jo@signin.test",
      password: TEST_PASSWORD,
      twoFactor: null,
      clients: [
        (
          await access.createClient(t.ctx.db, (await import("../../platform/actor.ts")).systemActor(firmId), {
            slug: "jo-client",
            name: "Jo Client",
          })
        ).id,
      ],
    });
    const b = browser();
    const first = await b.post("/api/auth/sign-in", { email: "jo@signin.test", password: TEST_PASSWORD });
    expect(first.json()).toMatchObject({
      next: "enrol-2fa",
      enrolment: { methods: ["totp", "email", "sms"], smsAvailable: true },
    });
    expect((await b.get("/api/auth/challenge")).json()).toMatchObject({ next: "enrol-2fa" });
    const start = (await b.post("/api/auth/2fa/enrol/totp")).json();
    expect(start).toMatchObject({
      method: "totp",
      secret: expect.stringMatching(/^[A-Z2-7]+$/),
      otpauthUrl: expect.stringMatching(/^otpauth:\/\/totp\/Closebook:jo%40signin.test\?secret=/),
    });
    expect(start.qrSvg).toContain("<svg");
    expect((await b.post("/api/auth/2fa/enrol/confirm", { code: "000000" })).statusCode).toBe(401);
    const confirmed = await b.post("/api/auth/2fa/enrol/confirm", {
      code: await totpCode(start.secret, clock.now()),
    });
    expect(confirmed.statusCode).toBe(200);
    const codes: string[] = confirmed.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect((await b.get("/api/me")).json().user.twoFactor).toMatchObject({
      method: "totp",
      recoveryCodesLeft: 10,
    });
    const stored = await withTables<IdentityTables>(t.ctx.db)
      .selectFrom("recovery_codes")
      .select("code_hash")
      .execute();
    expect(JSON.stringify(stored)).not.toContain(codes[0]);

    const b2 = browser();
    await b2.post("/api/auth/sign-in", { email: "jo@signin.test", password: TEST_PASSWORD });
    const viaRecovery = await b2.post("/api/auth/2fa/verify", {
      code: codes[3]!.toUpperCase().replace("-", " "),
    });
    expect(viaRecovery.statusCode).toBe(200);
    expect(viaRecovery.json().recoveryCodesLeft).toBe(9);
    const notice = await t.ctx.db
      .selectFrom("outbox_messages")
      .select(["subject"])
      .where("recipient", "=", "jo@signin.test")
      .execute();
    expect(notice.map((n) => n.subject)).toContain("A recovery code was used");
    const b3 = browser();
    await b3.post("/api/auth/sign-in", { email: "jo@signin.test", password: TEST_PASSWORD });
    expect((await b3.post("/api/auth/2fa/verify", { code: codes[3] })).statusCode).toBe(401);
  });

  it("enrols SMS codes to a number in E.164 form", async () => {
    await createUser(t, {
      firmId,
      role: "partner_ops",
      email: "kim@signin.test",
      password: TEST_PASSWORD,
      twoFactor: null,
    });
    const b = browser();
    await b.post("/api/auth/sign-in", { email: "kim@signin.test", password: TEST_PASSWORD });
    expect((await b.post("/api/auth/2fa/enrol/sms", { phone: "555 1234" })).json()).toMatchObject({
      code: "identity/invalid-phone",
      field: "phone",
    });
    const start = await b.post("/api/auth/2fa/enrol/sms", { phone: "+1 (555) 010-4567" });
    expect(start.json()).toMatchObject({
      method: "sms",
      challenge: { method: "sms", destination: "+1••••••4567" },
    });
    const code = await lastCode("+15550104567");
    const done = await b.post("/api/auth/2fa/enrol/confirm", { code });
    expect(done.statusCode).toBe(200);
    expect((await b.get("/api/me")).json().user).toMatchObject({
      phone: "+15550104567",
      twoFactor: { method: "sms" },
    });
  });
});
