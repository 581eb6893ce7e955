// E-mail codes at sign-in, over HTTP: a code expires after 10 minutes, Resend replaces it, waits
// 30 seconds between codes and sends at most 5 per sign-in.
import { describe, expect, it } from "vitest";
import { createUser, TEST_PASSWORD } from "../../../test/support/auth.ts";
import { MINUTE } from "../../../test/support/clock.ts";
import { browser, clock, firmId, lastCode, t, useSignInServer } from "./sign-in-test-support.ts";

useSignInServer();

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
