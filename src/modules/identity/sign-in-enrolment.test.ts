// First sign-in without a second factor, over HTTP: enrolling an authenticator (with 10 recovery
// codes, shown once, each working once) or SMS codes to a number in E.164 form.
import { describe, expect, it } from "vitest";
import { createUser, TEST_PASSWORD } from "../../../test/support/auth.ts";
import { withTables } from "../../platform/tables.ts";
import type { IdentityTables } from "./tables.ts";
import * as access from "../access/index.ts";
import { totpCode } from "./totp.ts";
import { browser, clock, firmId, lastCode, t, useSignInServer } from "./sign-in-test-support.ts";

useSignInServer();

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
