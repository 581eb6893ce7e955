// What the server says about itself and what it writes to its log: security headers on every
// answer, and no password, code, token or cookie in the log lines of a whole sign-in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Writable } from "node:stream";
import { testDb, type TestDb } from "../../test/support/db.ts";
import { testServer } from "../../test/support/server.ts";
import { createUser, signedIn, TEST_PASSWORD } from "../../test/support/auth.ts";
import type { App } from "../platform/http.ts";
import * as access from "../modules/access/index.ts";

let t: TestDb;
let app: App;
let firmId: string;
const lines: string[] = [];

beforeAll(async () => {
  t = await testDb();
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  app = await testServer(t, { anonymous: true, logStream, env: { LOG_LEVEL: "info" } });
  firmId = (await access.createFirm(t.ctx.db, { slug: "log-firm", name: "Log Firm" })).id;
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

describe("the server's answers and log", () => {
  it("sends security headers", async () => {
    const res = await app.inject("/api/auth/sso/discover?email=a@b.test");
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["strict-transport-security"]).toContain("max-age=31536000");
    expect(res.headers["referrer-policy"]).toBe("no-referrer");
    expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
  });

  it("logs no password, code, token or cookie of a whole sign-in, invitation and reset", async () => {
    await createUser(t, {
      firmId,
      role: "partner_admin",
      email: "logged@log.test",
      password: TEST_PASSWORD,
      twoFactor: { method: "email" },
    });
    const first = await app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: { email: "logged@log.test", password: TEST_PASSWORD },
    });
    const challenge = first.cookies.find((c) => c.name === "cb_challenge")!.value;
    const mail = await t.ctx.db
      .selectFrom("outbox_messages")
      .select("body")
      .where("recipient", "=", "logged@log.test")
      .executeTakeFirstOrThrow();
    const code = /\b(\d{6})\b/.exec(mail.body)![1]!;
    await app.inject({
      method: "POST",
      url: "/api/auth/2fa/verify",
      payload: { code: "000000" },
      headers: { cookie: `cb_challenge=${challenge}` },
    });
    const done = await app.inject({
      method: "POST",
      url: "/api/auth/2fa/verify",
      payload: { code },
      headers: { cookie: `cb_challenge=${challenge}` },
    });
    const session = done.cookies.find((c) => c.name === "cb_session")!.value;
    const admin = await signedIn(t, app, { firmId, role: "partner_admin" });
    await admin.inject({
      method: "POST",
      url: "/api/invitations",
      payload: {
        email: "invitee@log.test",
        role: "partner_ops",
        clientAccess: { mode: "all", clientIds: [] },
      },
    });
    const invitation = /#token=([A-Za-z0-9_-]+)/.exec(
      (
        await t.ctx.db
          .selectFrom("outbox_messages")
          .select("body")
          .where("recipient", "=", "invitee@log.test")
          .executeTakeFirstOrThrow()
      ).body,
    )![1]!;
    await app.inject(`/api/invitations/${invitation}`);
    await app.inject({
      method: "POST",
      url: `/api/invitations/${invitation}/accept`,
      payload: { name: "In Vitee", password: "invitee passphrase 1" },
    });
    await app.inject({
      method: "POST",
      url: "/api/auth/password-reset/confirm",
      payload: { token: "x".repeat(43), password: "reset passphrase 22" },
    });
    await app.inject({
      url: `/api/auth/sso/log-firm/callback?code=secret-auth-code&state=${"s".repeat(43)}`,
    });
    const log = lines.join("");
    expect(log).toContain("request completed");
    for (const secret of [
      TEST_PASSWORD,
      code,
      challenge,
      session,
      admin.csrfToken,
      invitation,
      "invitee passphrase 1",
      "reset passphrase 22",
      "secret-auth-code",
    ]) {
      expect(log.includes(secret), `the log contains ${secret.slice(0, 6)}…`).toBe(false);
    }
    expect(log).toContain("/api/invitations/[redacted]");
  });
});
