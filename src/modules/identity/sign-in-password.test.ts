// Password sign-in over HTTP: the password step then an e-mail code (read from the outbox), and
// bad input and attacks on it: wrong passwords and unknown e-mails alike, the 15-minute lockout,
// deactivated accounts, malformed e-mails, and a challenge cookie (real or forged) opening nothing.
import { describe, expect, it } from "vitest";
import { createUser, TEST_PASSWORD } from "../../../test/support/auth.ts";
import { MINUTE } from "../../../test/support/clock.ts";
import { withTables } from "../../platform/tables.ts";
import type { IdentityTables } from "./tables.ts";
import { app, browser, clock, firmId, lastCode, t, useSignInServer } from "./sign-in-test-support.ts";

useSignInServer();

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

  it("answers an unknown address exactly as a known one: locked after 5 wrong passwords (no enumeration)", async () => {
    await createUser(t, { firmId, role: "partner_ops", email: "erin@signin.test", password: TEST_PASSWORD });
    const attempt = (email: string, password: string) =>
      app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email, password } });
    const answers: Record<string, Array<[number, string]>> = {};
    for (const email of ["erin@signin.test", "nobody-here@signin.test"]) {
      answers[email] = [];
      for (let i = 0; i < 6; i++) {
        const res = await attempt(email, `guess number ${i}`);
        answers[email].push([res.statusCode, JSON.stringify({ ...res.json(), instance: undefined })]);
      }
    }
    expect(answers["nobody-here@signin.test"]).toEqual(answers["erin@signin.test"]);
    expect(answers["erin@signin.test"]!.map(([status]) => status)).toEqual([401, 401, 401, 401, 401, 429]);
    expect(JSON.parse(answers["nobody-here@signin.test"]![5]![1])).toMatchObject({
      code: "identity/locked",
      retryAfter: 900,
    });
    // The counter is kept under a hash: the table holds no address of someone without an account.
    const keys = await t.ctx.db
      .selectFrom("auth_throttles" as never)
      .select("key" as never)
      .execute();
    expect(JSON.stringify(keys)).not.toContain("nobody-here");
    // A lockout lifts for the unknown address as for the known one.
    clock.advance(15 * MINUTE);
    expect((await attempt("nobody-here@signin.test", "another guess")).statusCode).toBe(401);
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
