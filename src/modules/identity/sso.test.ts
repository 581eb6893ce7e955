// Single sign-on end to end through a real OpenID provider (oidc-provider) on 127.0.0.1: settings
// (Partner Admin), discovery by domain, redirect, PKCE + state + nonce, first sign-in with the
// default role, local 2FA unless the provider enforces MFA, "require SSO", replayed states.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { testServer } from "../../../test/support/server.ts";
import { createUser, signedIn, TEST_PASSWORD, type Caller } from "../../../test/support/auth.ts";
import { startIdp, type TestIdp } from "../../../test/support/oidc.ts";
import type { App } from "../../platform/http.ts";
import * as access from "../access/index.ts";

const BASE = "http://127.0.0.1:3999";
let t: TestDb;
let app: App;
let idp: TestIdp;
let firmId: string;
let admin: Caller;

beforeAll(async () => {
  t = await testDb();
  app = await testServer(t, { anonymous: true, env: { CLOSEBOOK_BASE_URL: BASE } });
  firmId = (await access.createFirm(t.ctx.db, { slug: "sso-firm", name: "SSO Firm" })).id;
  admin = await signedIn(t, app, { firmId, role: "partner_admin" });
  idp = await startIdp({ redirectUri: `${BASE}/api/auth/sso/sso-firm/callback`, domain: "ssofirm.test" });
});
afterAll(async () => {
  await app?.close();
  await idp?.close();
  await t?.close();
});

const settings = (over: object = {}) => ({
  issuerUrl: idp.issuer,
  clientId: idp.clientId,
  clientSecret: idp.clientSecret,
  emailDomains: ["SSOfirm.test"],
  defaultRole: "partner_ops",
  defaultClientAccess: "none",
  requireSso: false,
  idpEnforcesMfa: true,
  ...over,
});

async function ssoSignIn(accountId: string) {
  const start = await app.inject(`/api/auth/sso/sso-firm/start?email=${accountId}@ssofirm.test`);
  expect(start.statusCode).toBe(302);
  const authorization = new URL(start.headers.location as string);
  expect(authorization.origin).toBe(idp.issuer);
  expect(authorization.searchParams.get("code_challenge_method")).toBe("S256");
  expect(authorization.searchParams.get("redirect_uri")).toBe(`${BASE}/api/auth/sso/sso-firm/callback`);
  const callback = await idp.signIn(authorization.href, accountId);
  const done = await app.inject(callback.pathname + callback.search);
  return { done, callback };
}

describe("single sign-on with OpenID Connect", () => {
  it("is set up by a Partner Admin only; the secret is never shown", async () => {
    const ops = await signedIn(t, app, { firmId, role: "partner_ops" });
    expect((await ops.inject({ method: "PUT", url: "/api/firm/sso", payload: settings() })).statusCode).toBe(
      403,
    );
    const saved = await admin.inject({ method: "PUT", url: "/api/firm/sso", payload: settings() });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().sso).toMatchObject({
      issuerUrl: idp.issuer,
      emailDomains: ["ssofirm.test"],
      hasClientSecret: true,
      callbackUrl: `${BASE}/api/auth/sso/sso-firm/callback`,
    });
    expect(saved.body).not.toContain(idp.clientSecret);
    expect(
      (
        await admin.inject({
          method: "PUT",
          url: "/api/firm/sso",
          payload: settings({ issuerUrl: "http://idp.example.com" }),
        })
      ).json().code,
    ).toBe("sso/invalid-issuer");
    expect((await app.inject("/api/auth/sso/discover?email=Someone@SSOfirm.test")).json()).toEqual({
      sso: {
        firm: "sso-firm",
        startUrl: "/api/auth/sso/sso-firm/start?email=someone%40ssofirm.test",
        required: false,
      },
    });
    expect((await app.inject("/api/auth/sso/discover?email=someone@elsewhere.test")).json()).toEqual({
      sso: null,
    });
  });

  it("signs a new person in end to end, with the firm's default role, and refuses the same state twice", async () => {
    const { done, callback } = await ssoSignIn("new.hire");
    expect(done.statusCode).toBe(302);
    expect(done.headers.location).toBe("/");
    const cookie = done.cookies.find((c) => c.name === "cb_session")!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    const me = (
      await app.inject({ url: "/api/me", headers: { cookie: `cb_session=${cookie.value}` } })
    ).json();
    expect(me.user).toMatchObject({ email: "new.hire@ssofirm.test", name: "new hire", role: "partner_ops" });
    expect(me.clients).toEqual([]);
    const replay = await app.inject(callback.pathname + callback.search);
    expect(replay.headers.location).toBe("/sign-in?error=sso%2Finvalid-state");
    const audit = await t.ctx.db
      .selectFrom("audit_events")
      .select(["action", "after"])
      .where("action", "in", ["user.provisioned_by_sso", "identity.signed_in"])
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["user.provisioned_by_sso", "identity.signed_in"]),
    );
  });

  it("asks for the local second factor when the provider does not enforce MFA", async () => {
    await admin.inject({
      method: "PUT",
      url: "/api/firm/sso",
      payload: settings({ idpEnforcesMfa: false, clientSecret: undefined }),
    });
    await createUser(t, {
      firmId,
      role: "partner_ops",
      email: "known.person@ssofirm.test",
      twoFactor: { method: "email" },
    });
    const { done } = await ssoSignIn("known.person");
    expect(done.headers.location).toBe("/sign-in/2fa");
    const challenge = done.cookies.find((c) => c.name === "cb_challenge")!;
    expect(done.cookies.find((c) => c.name === "cb_session")).toBeUndefined();
    const step = await app.inject({
      url: "/api/auth/challenge",
      headers: { cookie: `cb_challenge=${challenge.value}` },
    });
    expect(step.json()).toMatchObject({ next: "2fa", challenge: { method: "email" } });
  });

  it("requires SSO for the firm's people when set, keeping password sign-in for Partner Admins", async () => {
    await admin.inject({
      method: "PUT",
      url: "/api/firm/sso",
      payload: settings({ requireSso: true, clientSecret: undefined }),
    });
    await createUser(t, {
      firmId,
      role: "partner_ops",
      email: "pw.user@ssofirm.test",
      password: TEST_PASSWORD,
    });
    const refused = await app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: { email: "pw.user@ssofirm.test", password: TEST_PASSWORD },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      code: "identity/sso-required",
      ssoUrl: "/api/auth/sso/sso-firm/start?email=pw.user%40ssofirm.test",
    });
    await createUser(t, {
      firmId,
      role: "partner_admin",
      email: "break.glass@ssofirm.test",
      password: TEST_PASSWORD,
    });
    expect(
      (
        await app.inject({
          method: "POST",
          url: "/api/auth/sign-in",
          payload: { email: "break.glass@ssofirm.test", password: TEST_PASSWORD },
        })
      ).statusCode,
    ).toBe(200);
  });

  it("refuses an account of another firm, and a callback without a state it issued", async () => {
    const other = (await access.createFirm(t.ctx.db, { slug: "other-sso", name: "Other" })).id;
    await createUser(t, { firmId: other, role: "partner_ops", email: "elsewhere@ssofirm.test" });
    const { done } = await ssoSignIn("elsewhere");
    expect(done.headers.location).toBe("/sign-in?error=sso%2Fother-firm");
    const forged = await app.inject("/api/auth/sso/sso-firm/callback?code=abc&state=forged");
    expect(forged.headers.location).toBe("/sign-in?error=sso%2Finvalid-state");
    expect((await app.inject("/api/auth/sso/no-such-firm/start")).statusCode).toBe(404);
  });
});
