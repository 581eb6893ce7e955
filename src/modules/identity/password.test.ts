// Passwords over HTTP: reset by e-mailed link (once, within the hour, no hint whether the address
// exists), and change while signed in; both end the other sessions and send a notice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { testServer } from "../../../test/support/server.ts";
import { createUser, sessionFor, TEST_PASSWORD } from "../../../test/support/auth.ts";
import { testClock, MINUTE } from "../../../test/support/clock.ts";
import type { App } from "../../platform/http.ts";
import * as access from "../access/index.ts";

const clock = testClock();
let t: TestDb;
let app: App;
let firmId: string;

beforeAll(async () => {
  t = await testDb({ clock });
  app = await testServer(t, { anonymous: true });
  firmId = (await access.createFirm(t.ctx.db, { slug: "pw-firm", name: "Password Firm" })).id;
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

const mails = (to: string) =>
  t.ctx.db
    .selectFrom("outbox_messages")
    .select(["subject", "body"])
    .where("recipient", "=", to)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
const tokenIn = (body: string) => /#token=([A-Za-z0-9_-]+)/.exec(body)![1]!;
const signIn = (email: string, password: string) =>
  app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email, password } });

describe("password reset", () => {
  it("e-mails a link; the new password works, the old does not, sessions end; the link works once", async () => {
    const user = await createUser(t, {
      firmId,
      role: "partner_ops",
      email: "reset@pw.test",
      password: TEST_PASSWORD,
    });
    const session = await sessionFor(t, app, user);
    const asked = await app.inject({
      method: "POST",
      url: "/api/auth/password-reset",
      payload: { email: "RESET@pw.test" },
    });
    expect(asked.statusCode).toBe(202);
    const [mail] = await mails("reset@pw.test");
    expect(mail!.subject).toBe("Reset your Closebook password");
    expect(mail!.body).toContain("/reset-password#token=");
    const token = tokenIn(mail!.body);
    const weak = await app.inject({
      method: "POST",
      url: "/api/auth/password-reset/confirm",
      payload: { token, password: "too short" },
    });
    expect(weak.json()).toMatchObject({ code: "identity/weak-password" });
    const ok = await app.inject({
      method: "POST",
      url: "/api/auth/password-reset/confirm",
      payload: { token, password: "a brand new passphrase" },
    });
    expect(ok.json()).toEqual({ next: "sign-in" });
    expect((await signIn("reset@pw.test", TEST_PASSWORD)).statusCode).toBe(401);
    expect((await signIn("reset@pw.test", "a brand new passphrase")).statusCode).toBe(200);
    expect((await session.inject("/api/me")).statusCode).toBe(401);
    const reused = await app.inject({
      method: "POST",
      url: "/api/auth/password-reset/confirm",
      payload: { token, password: "another new passphrase" },
    });
    expect(reused.statusCode).toBe(410);
    expect((await mails("reset@pw.test")).map((m) => m.subject)).toContain(
      "Your Closebook password was changed",
    );
  });

  it("answers the same for an unknown address and sends nothing; a link expires after an hour", async () => {
    const unknown = await app.inject({
      method: "POST",
      url: "/api/auth/password-reset",
      payload: { email: "nobody@pw.test" },
    });
    expect(unknown.statusCode).toBe(202);
    expect(await mails("nobody@pw.test")).toHaveLength(0);
    await createUser(t, { firmId, role: "partner_ops", email: "slow@pw.test", password: TEST_PASSWORD });
    await app.inject({ method: "POST", url: "/api/auth/password-reset", payload: { email: "slow@pw.test" } });
    const token = tokenIn((await mails("slow@pw.test"))[0]!.body);
    clock.advance(61 * MINUTE);
    const late = await app.inject({
      method: "POST",
      url: "/api/auth/password-reset/confirm",
      payload: { token, password: "a brand new passphrase" },
    });
    expect(late.statusCode).toBe(410);
    expect(late.json().code).toBe("identity/token-expired");
  });

  it("sends at most 3 reset e-mails an hour to one account", async () => {
    await createUser(t, { firmId, role: "partner_ops", email: "spam@pw.test", password: TEST_PASSWORD });
    for (let i = 0; i < 5; i++)
      expect(
        (
          await app.inject({
            method: "POST",
            url: "/api/auth/password-reset",
            payload: { email: "spam@pw.test" },
          })
        ).statusCode,
      ).toBe(202);
    expect(await mails("spam@pw.test")).toHaveLength(3);
  });
});

describe("changing one's password", () => {
  it("needs the current password, ends the other sessions and keeps this one", async () => {
    const user = await createUser(t, {
      firmId,
      role: "partner_ops",
      email: "change@pw.test",
      password: TEST_PASSWORD,
    });
    const here = await sessionFor(t, app, user);
    const there = await sessionFor(t, app, user);
    const wrong = await here.inject({
      method: "POST",
      url: "/api/me/password",
      payload: { currentPassword: "nope nope nope", newPassword: "another fine passphrase" },
    });
    expect(wrong.json()).toMatchObject({ code: "identity/wrong-password", field: "currentPassword" });
    const ok = await here.inject({
      method: "POST",
      url: "/api/me/password",
      payload: { currentPassword: TEST_PASSWORD, newPassword: "another fine passphrase" },
    });
    expect(ok.statusCode).toBe(204);
    expect((await here.inject("/api/me")).statusCode).toBe(200);
    expect((await there.inject("/api/me")).statusCode).toBe(401);
    expect((await signIn("change@pw.test", "another fine passphrase")).statusCode).toBe(200);
  });
});
