// Users over HTTP: invitations (7 days, accepted once, licences), role escalation, who may
// deactivate whom, admin 2FA reset (audited, e-mailed, re-enrol at next sign-in), the last admin.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { testServer } from "../../../test/support/server.ts";
import { createUser, sessionFor, signedIn, TEST_PASSWORD, type Caller } from "../../../test/support/auth.ts";
import type { User } from "./store.ts";
import { testClock, MINUTE } from "../../../test/support/clock.ts";
import type { App } from "../../platform/http.ts";
import { withTables } from "../../platform/tables.ts";
import type { IdentityTables } from "./tables.ts";
import { systemActor } from "../../platform/actor.ts";
import * as access from "../access/index.ts";

const clock = testClock();
let t: TestDb;
let app: App;
let firmId: string;
let c1: string;
let c2: string;
let admin: Caller;
let ops: Caller;
let adminUser: User;
let opsUser: User;

beforeAll(async () => {
  t = await testDb({ clock });
  app = await testServer(t, { anonymous: true });
  firmId = (await access.createFirm(t.ctx.db, { slug: "users-firm", name: "Users Firm" })).id;
  c1 = (await access.createClient(t.ctx.db, systemActor(firmId), { slug: "one", name: "Client One" })).id;
  c2 = (await access.createClient(t.ctx.db, systemActor(firmId), { slug: "two", name: "Client Two" })).id;
  adminUser = await createUser(t, {
    firmId,
    role: "partner_admin",
    email: "pat@users.test",
    name: "Pat Admin",
  });
  opsUser = await createUser(t, { firmId, role: "partner_ops", email: "olly@users.test" });
});
// Fresh sessions for every test: some move the clock by days.
beforeEach(async () => {
  admin = await sessionFor(t, app, adminUser);
  ops = await sessionFor(t, app, opsUser);
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

const outboxLink = async (to: string) => {
  const row = await t.ctx.db
    .selectFrom("outbox_messages")
    .select(["body", "subject"])
    .where("recipient", "=", to)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
  return { subject: row.subject, body: row.body, token: /#token=([A-Za-z0-9_-]+)/.exec(row.body)?.[1] ?? "" };
};

describe("invitations", () => {
  it("invites by e-mail, shows the invitation, accepts it once, then enrols 2FA", async () => {
    const res = await admin.inject({
      method: "POST",
      url: "/api/invitations",
      payload: {
        email: "New.Person@Users.test",
        name: "New Person",
        role: "partner_ops",
        clientAccess: { mode: "list", clientIds: [c1] },
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({
      email: "new.person@users.test",
      status: "invited",
      role: "partner_ops",
      clientAccess: { mode: "list", clientIds: [c1] },
      twoFactor: { enrolled: false },
    });
    expect(new Date(res.json().user.invitationExpiresAt).getTime()).toBe(
      clock.now().getTime() + 7 * 24 * 60 * MINUTE,
    );
    const mail = await outboxLink("new.person@users.test");
    expect(mail.subject).toBe("Pat Admin invited you to Users Firm on Closebook");
    expect(mail.body).toContain("/invitation#token=");
    const shown = await app.inject(`/api/invitations/${mail.token}`);
    expect(shown.json()).toMatchObject({
      email: "new.person@users.test",
      role: "partner_ops",
      firm: { name: "Users Firm", logoDataUrl: null },
    });
    const weak = await app.inject({
      method: "POST",
      url: `/api/invitations/${mail.token}/accept`,
      payload: { name: "New Person", password: "short" },
    });
    expect(weak.json()).toMatchObject({ code: "identity/weak-password", field: "password" });
    const accepted = await app.inject({
      method: "POST",
      url: `/api/invitations/${mail.token}/accept`,
      payload: { name: "New Person", password: TEST_PASSWORD },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ next: "enrol-2fa" });
    expect(accepted.cookies.find((c) => c.name === "cb_challenge")).toBeDefined();
    const again = await app.inject({
      method: "POST",
      url: `/api/invitations/${mail.token}/accept`,
      payload: { name: "X", password: TEST_PASSWORD },
    });
    expect(again.statusCode).toBe(410);
    expect(again.json().code).toBe("identity/invitation-used");
    const users = (await admin.inject("/api/users")).json();
    expect(users.users.find((u: { email: string }) => u.email === "new.person@users.test")).toMatchObject({
      status: "active",
    });
  });

  it("refuses an expired invitation (after 7 days) and an unknown one", async () => {
    await admin.inject({
      method: "POST",
      url: "/api/invitations",
      payload: {
        email: "late@users.test",
        role: "client_ops",
        clientAccess: { mode: "list", clientIds: [c2] },
      },
    });
    const { token } = await outboxLink("late@users.test");
    clock.advance(7 * 24 * 60 * MINUTE + 1000);
    admin = await sessionFor(t, app, adminUser);
    const late = await app.inject({
      method: "POST",
      url: `/api/invitations/${token}/accept`,
      payload: { name: "Late", password: TEST_PASSWORD },
    });
    expect(late.statusCode).toBe(410);
    expect(late.json().code).toBe("identity/invitation-expired");
    expect((await app.inject(`/api/invitations/${"x".repeat(43)}`)).statusCode).toBe(404);
    // A new invitation replaces the old link.
    const user = (await admin.inject("/api/users?status=invited"))
      .json()
      .users.find((u: { email: string }) => u.email === "late@users.test");
    expect((await admin.inject({ method: "POST", url: `/api/users/${user.id}/invitation` })).statusCode).toBe(
      200,
    );
    const fresh = await outboxLink("late@users.test");
    expect(fresh.token).not.toBe(token);
    expect((await app.inject(`/api/invitations/${fresh.token}`)).statusCode).toBe(200);
  });

  it("refuses role escalation: Partner Ops granting Partner Admin, a Client Admin granting a partner role or another client", async () => {
    const ca = await signedIn(t, app, { firmId, role: "client_admin", clients: [c1] });
    const cases: Array<[Caller, object, number, string]> = [
      [
        ops,
        { email: "esc1@users.test", role: "partner_admin", clientAccess: { mode: "all", clientIds: [] } },
        403,
        "access/cannot-grant-role",
      ],
      [
        ca,
        { email: "esc2@users.test", role: "partner_ops", clientAccess: { mode: "list", clientIds: [c1] } },
        403,
        "access/cannot-grant-role",
      ],
      [
        ca,
        { email: "esc3@users.test", role: "client_admin", clientAccess: { mode: "list", clientIds: [c2] } },
        403,
        "access/cannot-grant-clients",
      ],
      [
        admin,
        { email: "esc4@users.test", role: "client_admin", clientAccess: { mode: "all", clientIds: [] } },
        400,
        "access/client-role-needs-one-client",
      ],
    ];
    for (const [caller, payload, status, code] of cases) {
      const res = await caller.inject({ method: "POST", url: "/api/invitations", payload });
      expect(res.statusCode, code).toBe(status);
      expect(res.json().code).toBe(code);
    }
    const co = await signedIn(t, app, { firmId, role: "client_ops", clients: [c1] });
    expect(
      (
        await co.inject({
          method: "POST",
          url: "/api/invitations",
          payload: {
            email: "esc5@users.test",
            role: "client_ops",
            clientAccess: { mode: "list", clientIds: [c1] },
          },
        })
      ).statusCode,
    ).toBe(403);
    const created = await withTables<IdentityTables>(t.ctx.db)
      .selectFrom("users")
      .select("email")
      .where("email", "like", "esc%")
      .execute();
    expect(created).toHaveLength(0);
    // A Client Admin may invite into its own client.
    expect(
      (
        await ca.inject({
          method: "POST",
          url: "/api/invitations",
          payload: {
            email: "ok@users.test",
            role: "client_self_service",
            clientAccess: { mode: "list", clientIds: [c1] },
          },
        })
      ).statusCode,
    ).toBe(201);
  });

  it("refuses a taken address and an invitation past the paid licences", async () => {
    const dup = await admin.inject({
      method: "POST",
      url: "/api/invitations",
      payload: {
        email: "OLLY@users.test",
        role: "partner_ops",
        clientAccess: { mode: "all", clientIds: [] },
      },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: "identity/email-taken", field: "email" });
    const firm = (await admin.inject("/api/firm")).json();
    expect(firm.licences).toMatchObject({ used: expect.any(Number), paid: 25 });
    expect(
      (
        await admin.inject({
          method: "PATCH",
          url: "/api/firm",
          payload: { licencesPaid: firm.licences.used },
        })
      ).statusCode,
    ).toBe(200);
    const over = await admin.inject({
      method: "POST",
      url: "/api/invitations",
      payload: {
        email: "one-too-many@users.test",
        role: "partner_ops",
        clientAccess: { mode: "all", clientIds: [] },
      },
    });
    expect(over.statusCode).toBe(422);
    expect(over.json().code).toBe("access/licence-limit");
    await admin.inject({ method: "PATCH", url: "/api/firm", payload: { licencesPaid: 25 } });
  });
});

describe("managing users", () => {
  it("lets Partner Ops change roles but not deactivate, and never touch a Partner Admin", async () => {
    const target = await createUser(t, { firmId, role: "client_ops", clients: [c1] });
    const promote = await ops.inject({
      method: "PUT",
      url: `/api/users/${target.id}/role`,
      payload: { role: "client_admin", clientAccess: { mode: "list", clientIds: [c1] } },
    });
    expect(promote.statusCode).toBe(200);
    expect(promote.json().role).toBe("client_admin");
    expect((await ops.inject({ method: "POST", url: `/api/users/${target.id}/deactivate` })).statusCode).toBe(
      403,
    );
    const toAdmin = await ops.inject({
      method: "PUT",
      url: `/api/users/${target.id}/role`,
      payload: { role: "partner_admin", clientAccess: { mode: "all", clientIds: [] } },
    });
    expect(toAdmin.statusCode).toBe(403);
    const demoteAdmin = await ops.inject({
      method: "PUT",
      url: `/api/users/${admin.userId}/role`,
      payload: { role: "partner_ops", clientAccess: { mode: "all", clientIds: [] } },
    });
    expect(demoteAdmin.statusCode).toBe(403);
    const deactivated = await admin.inject({ method: "POST", url: `/api/users/${target.id}/deactivate` });
    expect(deactivated.json()).toMatchObject({ status: "deactivated" });
    const audit = await t.ctx.db
      .selectFrom("audit_events")
      .select("action")
      .where("subject_id", "=", target.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["user.role.changed", "user.deactivated"]),
    );
  });

  it("keeps one active Partner Admin and refuses acting on oneself", async () => {
    const solo = (await access.createFirm(t.ctx.db, { slug: "solo-firm", name: "Solo" })).id;
    const only = await signedIn(t, app, { firmId: solo, role: "partner_admin" });
    const self = await only.inject({ method: "POST", url: `/api/users/${only.userId}/deactivate` });
    expect(self.statusCode).toBe(403);
    expect(self.json().detail).toMatch(/own account/);
    // An integration acting as Partner Admin cannot remove the last person who is one.
    const created = await only.inject({
      method: "POST",
      url: "/api/tokens",
      payload: { name: "admin bot", role: "partner_admin" },
    });
    const bot = { authorization: `Bearer ${created.json().token}` };
    const last = await app.inject({
      method: "POST",
      url: `/api/users/${only.userId}/deactivate`,
      headers: bot,
    });
    expect(last.statusCode).toBe(422);
    expect(last.json().code).toBe("access/last-partner-admin");
    const demote = await app.inject({
      method: "PUT",
      url: `/api/users/${only.userId}/role`,
      headers: bot,
      payload: { role: "partner_ops", clientAccess: { mode: "all", clientIds: [] } },
    });
    expect(demote.json().code).toBe("access/last-partner-admin");
  });

  it("shows a Client Admin only its client's users, and lets it manage them", async () => {
    const ca = await signedIn(t, app, { firmId, role: "client_admin", clients: [c2] });
    const mine = await createUser(t, { firmId, role: "client_ops", clients: [c2] });
    const theirs = await createUser(t, { firmId, role: "client_ops", clients: [c1] });
    const list = (await ca.inject("/api/users")).json().users.map((u: { id: string }) => u.id);
    expect(list).toContain(mine.id);
    expect(list).not.toContain(theirs.id);
    expect(list).not.toContain(admin.userId);
    expect((await ca.inject(`/api/users/${theirs.id}`)).statusCode).toBe(404);
    expect((await ca.inject({ method: "POST", url: `/api/users/${theirs.id}/deactivate` })).statusCode).toBe(
      404,
    );
    expect((await ca.inject({ method: "POST", url: `/api/users/${mine.id}/deactivate` })).statusCode).toBe(
      200,
    );
  });
});

describe("admin 2FA reset", () => {
  it("is for Partner Admins, on Partner Admin/Ops and Client Admin/Ops users; the user re-enrols and is e-mailed", async () => {
    const victim = await createUser(t, {
      firmId,
      role: "client_admin",
      clients: [c1],
      email: "reset.me@users.test",
      password: TEST_PASSWORD,
    });
    const selfService = await createUser(t, { firmId, role: "client_self_service", clients: [c1] });
    expect((await ops.inject({ method: "POST", url: `/api/users/${victim.id}/reset-2fa` })).statusCode).toBe(
      403,
    );
    const ca = await signedIn(t, app, { firmId, role: "client_admin", clients: [c1] });
    expect((await ca.inject({ method: "POST", url: `/api/users/${victim.id}/reset-2fa` })).statusCode).toBe(
      403,
    );
    const selfServiceReset = await admin.inject({
      method: "POST",
      url: `/api/users/${selfService.id}/reset-2fa`,
    });
    expect(selfServiceReset.statusCode).toBe(403);
    expect(selfServiceReset.json().code).toBe("access/cannot-reset-2fa");
    expect(
      (await admin.inject({ method: "POST", url: `/api/users/${admin.userId}/reset-2fa` })).statusCode,
    ).toBe(403);
    const reset = await admin.inject({ method: "POST", url: `/api/users/${victim.id}/reset-2fa` });
    expect(reset.statusCode).toBe(200);
    expect(reset.json().twoFactor).toEqual({ enrolled: false, method: null });
    const audit = await t.ctx.db
      .selectFrom("audit_events")
      .select(["action", "actor_id"])
      .where("subject_id", "=", victim.id)
      .where("action", "=", "user.2fa.reset")
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(admin.userId);
    expect((await outboxLink("reset.me@users.test")).subject).toBe(
      "Your two-factor authentication was reset",
    );
    const signIn = await app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: { email: "reset.me@users.test", password: TEST_PASSWORD },
    });
    expect(signIn.json().next).toBe("enrol-2fa");
  });
});
