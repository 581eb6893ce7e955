// The authenticator-app (TOTP) second factor at sign-in, over HTTP: a code works once, even across
// sign-ins; 5 wrong codes end a sign-in, and 5 in a row lock 2FA for 15 minutes.
import { describe, expect, it } from "vitest";
import { createUser, TEST_PASSWORD } from "../../../test/support/auth.ts";
import { MINUTE } from "../../../test/support/clock.ts";
import { newTotpSecret, totpCode } from "./totp.ts";
import { browser, clock, firmId, t, useSignInServer } from "./sign-in-test-support.ts";

useSignInServer();

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
