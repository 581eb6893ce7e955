// The Password Manager end to end on a test database: entries without their secrets everywhere but
// a reveal, reveal with a fresh second factor (logged), roles and the client-access setting, a
// credential request answered into the vault (the secret nowhere else in the database), tampered
// data refused, a wrong master key refusing to start, and the master key's rotation.
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { testClock, MINUTE } from "../../../test/support/clock.ts";
import { clientWithChart, type ClientFixture } from "../../../test/support/fixtures.ts";
import { TEST_VAULT_KEY, testServer } from "../../../test/support/server.ts";
import { createUser, sessionFor, signedIn, tokenCaller, type Caller } from "../../../test/support/auth.ts";
import type { App } from "../../platform/http.ts";
import * as identity from "../identity/index.ts";
import { withTables } from "../../platform/tables.ts";
import * as vault from "./index.ts";

const clock = testClock();
const PASSWORD = "Zq7-vault-secret-Pw!";
const ANSWERED = "Answered-secret-9Kx";
const logs: string[] = [];
let t: TestDb;
let app: App;
let a: ClientFixture;
let b: ClientFixture;
let partner: Caller;
let partnerSecret: string;
let ops: Caller;
let clientUser: Caller;
let otherClientUser: Caller;
let entryId: string;

/** The test's own look into the tables (sessions' second-factor time, the sealed rows). */
const db = () => withTables<vault.VaultTables & identity.IdentityTables>(t.ctx.db);
const url = (c: ClientFixture, rest = "") => `/api/clients/${c.slug}/vault${rest}`;

async function stepUp(who: Caller, secret: string) {
  const res = await who.inject({
    method: "POST",
    url: "/api/me/2fa/verify-current",
    payload: { code: await identity.totpCode(secret, clock.now()) },
  });
  expect(res.statusCode, res.body).toBe(200);
}

/** Every text and JSON value of every table that holds `needle` (table.column). */
async function tablesHolding(needle: string): Promise<string[]> {
  const columns = (
    await sql<{ table_name: string; column_name: string }>`
      select c.table_name, c.column_name from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
      where c.table_schema = current_schema() and c.data_type in ('text', 'jsonb', 'json', 'character varying', 'ARRAY')`.execute(
      t.ctx.db,
    )
  ).rows;
  const found: string[] = [];
  for (const c of columns) {
    const r = await sql<{ n: string }>`select count(*)::text as n from ${sql.table(c.table_name)}
      where ${sql.ref(c.column_name)}::text like ${`%${needle}%`}`.execute(t.ctx.db);
    if (r.rows[0]!.n !== "0") found.push(`${c.table_name}.${c.column_name}`);
  }
  return found;
}

beforeAll(async () => {
  t = await testDb({ clock });
  app = await testServer(t, {
    anonymous: true,
    env: { LOG_LEVEL: "info" },
    logStream: new Writable({
      write(chunk, _enc, done) {
        logs.push(String(chunk));
        done();
      },
    }),
  });
  a = await clientWithChart(t.ctx, "vault-a", "firm-vault");
  b = await clientWithChart(t.ctx, "vault-b", "firm-vault");
  partnerSecret = identity.newTotpSecret();
  partner = await signedIn(t, app, {
    firmId: a.firmId,
    role: "partner_admin",
    twoFactor: { method: "totp", secret: partnerSecret },
  });
  ops = await signedIn(t, app, { firmId: a.firmId, role: "partner_ops" });
  clientUser = await signedIn(t, app, { firmId: a.firmId, role: "client_admin", clients: [a.clientId] });
  otherClientUser = await signedIn(t, app, { firmId: a.firmId, role: "client_admin", clients: [b.clientId] });
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

describe("entries", () => {
  it("keeps a login, and no listing, read or audit row carries its password or notes", async () => {
    const created = await partner.inject({
      method: "POST",
      url: url(a),
      payload: {
        site: "Gusto",
        url: "payroll.example.com",
        username: "owner@vault-a.test",
        password: PASSWORD,
        nickname: "Payroll",
        notes: "Security answer: Zebra-notes",
        tags: ["Payroll", "payroll", " HR "],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const entry = created.json() as vault.EntryView;
    entryId = entry.id;
    expect(entry).toMatchObject({
      site: "Gusto",
      url: "https://payroll.example.com/",
      username: "owner@vault-a.test",
      tags: ["payroll", "hr"],
    });
    const list = await partner.inject(url(a, "?q=payroll"));
    expect(list.json().entries.map((e: vault.EntryView) => e.id)).toEqual([entryId]);
    expect((await partner.inject(url(a, "?q=nothing-like-it"))).json().entries).toEqual([]);
    const one = await partner.inject(url(a, `/${entryId}`));
    for (const res of [created, list, one]) {
      expect(res.body).not.toContain(PASSWORD);
      expect(res.body).not.toContain("Zebra-notes");
    }
    const changed = await partner.inject({
      method: "PATCH",
      url: url(a, `/${entryId}`),
      payload: { nickname: "Payroll (main)", password: `${PASSWORD}-2` },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.body).not.toContain(PASSWORD);
    // The vault itself holds only ciphertext.
    expect(await tablesHolding(PASSWORD)).toEqual([]);
    expect(await tablesHolding("Zebra-notes")).toEqual([]);
    expect(await tablesHolding("owner@vault-a.test")).toEqual([]);
  });

  it("refuses bad input with the field, changing nothing", async () => {
    for (const [payload, field] of [
      [{ site: "  " }, "site"],
      [{ site: "X", url: "javascript:alert(1)" }, "url"],
      [{ site: "X", tags: ["x".repeat(51)] }, "tags.0"],
    ] as const) {
      const res = await partner.inject({ method: "POST", url: url(a), payload });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().field).toBe(field);
    }
    expect((await partner.inject(url(a))).json().entries).toHaveLength(1);
  });
});

describe("reveal", () => {
  it("needs a second factor from the last 5 minutes, says how to give one, and is logged", async () => {
    const reveal = () => partner.inject({ method: "POST", url: url(a, `/${entryId}/reveal`), payload: {} });
    const refused = await reveal();
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      code: "vault/step-up-required",
      stepUp: { verify: "/api/me/2fa/verify-current", method: "totp", withinMinutes: 5 },
    });
    expect(refused.body).not.toContain(PASSWORD);
    await stepUp(partner, partnerSecret);
    const shown = await reveal();
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toMatchObject({ password: `${PASSWORD}-2`, notes: "Security answer: Zebra-notes" });
    const copied = await partner.inject({
      method: "POST",
      url: url(a, `/${entryId}/reveal`),
      payload: { purpose: "copy" },
    });
    expect(copied.statusCode).toBe(200);
    clock.advance(6 * MINUTE);
    expect((await reveal()).statusCode).toBe(403);
    const audits = await t.ctx.db
      .selectFrom("audit_events")
      .select(["action", "actor_id", "subject_id", "occurred_at"])
      .where("subject_id", "=", entryId)
      .where("action", "in", ["vault.entry.revealed", "vault.entry.copied"])
      .orderBy("id")
      .execute();
    expect(audits.map((r) => [r.action, r.actor_id])).toEqual([
      ["vault.entry.revealed", partner.userId],
      ["vault.entry.copied", partner.userId],
    ]);
  });

  it("counts a sign-in with a second factor as fresh, and never an API token", async () => {
    const user = await createUser(t, { firmId: a.firmId, role: "partner_ops" });
    const opened = await sessionFor(t, app, user);
    await db()
      .updateTable("sessions")
      .set({ factor_verified_at: clock.now() })
      .where("user_id", "=", user.id)
      .execute();
    const res = await opened.inject({ method: "POST", url: url(a, `/${entryId}/reveal`) });
    expect(res.statusCode, res.body).toBe(200);
    const bot = await tokenCaller(t, app, { firmId: a.firmId, role: "partner_admin" });
    const byToken = await bot.inject({ method: "POST", url: url(a, `/${entryId}/reveal`) });
    expect(byToken.statusCode).toBe(403);
    expect(byToken.json().code).toBe("vault/step-up-required");
  });
});

describe("reveal without a second factor of one's own", () => {
  // An SSO sign-in whose identity provider checks the second factor opens a session with no local
  // factor proven ("sso", like this test's sessions); a user with no local method then has no
  // code to prove it with. The Password Manager's help page says so.
  it("stays refused: no code can be sent or accepted until the person sets up a method", async () => {
    const user = await createUser(t, { firmId: a.firmId, role: "partner_admin", twoFactor: null });
    const sso = await sessionFor(t, app, user);
    const reveal = () => sso.inject({ method: "POST", url: url(a, `/${entryId}/reveal`), payload: {} });
    const refused = await reveal();
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      code: "vault/step-up-required",
      stepUp: { method: null, sendCode: null },
    });
    const send = await sso.inject({ method: "POST", url: "/api/me/2fa/send-code", payload: {} });
    expect(send.statusCode).toBe(403);
    const verify = await sso.inject({
      method: "POST",
      url: "/api/me/2fa/verify-current",
      payload: { code: "123456" },
    });
    expect(verify.statusCode, verify.body).toBeGreaterThanOrEqual(400);
    expect((await reveal()).statusCode).toBe(403);
  });
});

describe("who may use a client's vault", () => {
  it("keeps client users out until the firm allows it, and always out of other clients", async () => {
    expect((await clientUser.inject(url(a))).json().code).toBe("vault/client-access-off");
    const refused = await clientUser.inject({
      method: "PUT",
      url: url(a, "/settings"),
      payload: { clientAccess: true },
    });
    expect(refused.statusCode).toBe(403);
    const allowed = await ops.inject({
      method: "PUT",
      url: url(a, "/settings"),
      payload: { clientAccess: true },
    });
    expect(allowed.json()).toMatchObject({ clientAccess: true });
    const list = await clientUser.inject(url(a));
    expect(list.statusCode).toBe(200);
    expect(list.json().entries).toHaveLength(1);
    expect((await otherClientUser.inject(url(a))).statusCode).toBe(404);
    expect((await otherClientUser.inject(url(a, `/${entryId}`))).statusCode).toBe(404);
    // Another client's id under one's own client is no entry.
    expect((await partner.inject(url(b, `/${entryId}`))).statusCode).toBe(404);
  });
});

describe("credential requests", () => {
  it("asks the client, whose answer goes into the vault and nowhere else, and closes the task", async () => {
    const asked = await partner.inject({
      method: "POST",
      url: url(a, "/requests"),
      payload: { site: "Bank portal", url: "https://bank.example", note: "read-only user please" },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const taskId = asked.json().taskId as string;
    expect(
      (await clientUser.inject({ method: "POST", url: url(a, "/requests"), payload: { site: "X" } }))
        .statusCode,
    ).toBe(403);
    const open = await clientUser.inject(url(a, "/requests"));
    expect(open.json().requests.map((r: { taskId: string }) => r.taskId)).toContain(taskId);
    expect((await otherClientUser.inject(url(a, "/requests"))).statusCode).toBe(404);
    const answer = (who: Caller) =>
      who.inject({
        method: "POST",
        url: url(a, `/requests/${taskId}/answer`),
        payload: { username: "readonly@vault-a.test", password: ANSWERED, notes: "Answer-notes-77" },
      });
    expect((await answer(otherClientUser)).statusCode).toBe(404);
    const answered = await answer(clientUser);
    expect(answered.statusCode, answered.body).toBe(201);
    expect(answered.json()).toMatchObject({
      site: "Bank portal",
      url: "https://bank.example/",
      requestTaskId: taskId,
    });
    expect(answered.body).not.toContain(ANSWERED);
    expect((await answer(clientUser)).json().code).toBe("vault/request-closed");
    const task = await partner.inject(`/api/tasks/${taskId}`);
    expect(task.json().status).toBe("done");
    expect(task.body).not.toContain(ANSWERED);
    // Nowhere in the database in clear: not the task, its history, a notification, the audit trail.
    expect(await tablesHolding(ANSWERED)).toEqual([]);
    expect(await tablesHolding("Answer-notes-77")).toEqual([]);
    const history = await partner.inject(`/api/tasks/${taskId}/history`);
    expect(history.body).not.toContain(ANSWERED);
  });

  it("sends a request to one named user of the client, who is told and sees it; no one else's", async () => {
    const colleague = await signedIn(t, app, {
      firmId: a.firmId,
      role: "client_admin",
      clients: [a.clientId],
      name: "Cleo Colleague",
    });
    const recipients = await ops.inject(url(a, "/recipients"));
    expect(recipients.statusCode, recipients.body).toBe(200);
    const ids = (recipients.json().recipients as { id: string }[]).map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([clientUser.userId, colleague.userId]));
    for (const outsider of [partner, ops, otherClientUser]) expect(ids).not.toContain(outsider.userId);
    expect((await clientUser.inject(url(a, "/recipients"))).statusCode).toBe(403);

    const before = (await partner.inject(url(a, "/requests"))).json().requests.length as number;
    for (const wrong of [ops.userId, otherClientUser.userId, crypto.randomUUID()]) {
      const refused = await ops.inject({
        method: "POST",
        url: url(a, "/requests"),
        payload: { site: "Payroll portal", assignee: { kind: "user", userId: wrong } },
      });
      expect(refused.statusCode, refused.body).toBe(422);
      expect(refused.json()).toMatchObject({
        code: "vault/recipient-not-client-user",
        field: "assignee.userId",
      });
    }
    expect((await partner.inject(url(a, "/requests"))).json().requests).toHaveLength(before);

    const asked = await ops.inject({
      method: "POST",
      url: url(a, "/requests"),
      payload: { site: "Payroll portal", assignee: { kind: "user", userId: clientUser.userId } },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json().assignee).toEqual({ kind: "user", userId: clientUser.userId });
    const taskId = asked.json().taskId as string;
    const notices = async (who: Caller) =>
      (
        (await who.inject("/api/notifications")).json().notifications as { title: string; link: string }[]
      ).filter((n) => n.title.includes("Payroll portal"));
    expect(await notices(clientUser)).toEqual([
      expect.objectContaining({
        link: `/c/${a.slug}/vault`,
        title: expect.stringContaining("share the login"),
      }),
    ]);
    expect(await notices(colleague)).toEqual([]);
    const listed = async (who: Caller) =>
      ((await who.inject(url(a, "/requests"))).json().requests as { taskId: string }[]).map((r) => r.taskId);
    expect(await listed(clientUser)).toContain(taskId);
    expect(await listed(colleague)).not.toContain(taskId);

    // To the client as a whole: every user of the client hears of it.
    const all = await ops.inject({
      method: "POST",
      url: url(a, "/requests"),
      payload: { site: "Tax office" },
    });
    expect(all.statusCode, all.body).toBe(201);
    for (const who of [clientUser, colleague]) {
      const titles = (
        (await who.inject("/api/notifications")).json().notifications as { title: string }[]
      ).map((n) => n.title);
      expect(titles.some((x) => x.includes("Tax office"))).toBe(true);
    }
  });

  it("wrote no secret into the server's log", () => {
    const text = logs.join("");
    expect(text.length).toBeGreaterThan(0);
    for (const secret of [PASSWORD, ANSWERED, "Zebra-notes", "Answer-notes-77"])
      expect(text).not.toContain(secret);
  });
});

describe("tampering and keys", () => {
  it("refuses a tampered entry or wrapped key with a clear 409, never garbage", async () => {
    const created = await partner.inject({
      method: "POST",
      url: url(b, ""),
      payload: { site: "Tamper", username: "u", password: "p-tamper-123" },
    });
    const id = created.json().id as string;
    await stepUp(partner, partnerSecret);
    const other = await partner.inject({
      method: "POST",
      url: url(b),
      payload: { site: "Other", password: "x" },
    });
    // Another entry's sealed secret under this entry's id: the entry id is the additional data.
    const sealed = await db()
      .selectFrom("vault_entries")
      .select("secret_sealed")
      .where("id", "=", other.json().id)
      .executeTakeFirstOrThrow();
    await db()
      .updateTable("vault_entries")
      .set({ secret_sealed: sealed.secret_sealed })
      .where("id", "=", id)
      .execute();
    const swapped = await partner.inject({ method: "POST", url: url(b, `/${id}/reveal`) });
    expect(swapped.statusCode).toBe(409);
    expect(swapped.json().code).toBe("vault/entry-unreadable");
    const wrapped = await db()
      .selectFrom("vault_clients")
      .select("wrapped_key")
      .where("client_id", "=", b.clientId)
      .executeTakeFirstOrThrow();
    const flipped = `${wrapped.wrapped_key.slice(0, -2)}${wrapped.wrapped_key.endsWith("A") ? "B" : "A"}${wrapped.wrapped_key.slice(-1)}`;
    await db()
      .updateTable("vault_clients")
      .set({ wrapped_key: flipped })
      .where("client_id", "=", b.clientId)
      .execute();
    const list = await partner.inject(url(b));
    expect(list.statusCode).toBe(409);
    expect(list.json().code).toBe("vault/key-unreadable");
    await db().updateTable("vault_clients").set(wrapped).where("client_id", "=", b.clientId).execute();
    expect((await partner.inject(url(b))).statusCode).toBe(200);
  });

  it("refuses to start with another master key, naming the setting", async () => {
    await expect(
      testServer(t, { vaultKey: { key: Buffer.alloc(32, 3), source: "VAULT_MASTER_KEY" } }),
    ).rejects.toThrow(/VAULT_MASTER_KEY is not the master key/);
  });

  it("rotates the master key: data keys re-wrapped, entries untouched, audited; the old key refused", async () => {
    const before = await db()
      .selectFrom("vault_entries")
      .select(["id", "secret_sealed"])
      .orderBy("id")
      .execute();
    const next = Buffer.alloc(32, 4);
    expect(await vault.rotateMasterKey(t.ctx, TEST_VAULT_KEY, next)).toBe(2);
    expect(
      await db().selectFrom("vault_entries").select(["id", "secret_sealed"]).orderBy("id").execute(),
    ).toEqual(before);
    const audits = await t.ctx.db
      .selectFrom("audit_events")
      .select("after")
      .where("action", "=", "vault.master_key.rotated")
      .execute();
    expect(audits.map((r) => r.after)).toEqual([{ keysRewrapped: 2 }]);
    await expect(testServer(t)).rejects.toThrow(/VAULT_MASTER_KEY/);
    const rotated = await testServer(t, {
      anonymous: true,
      vaultKey: { key: next, source: "VAULT_MASTER_KEY" },
    });
    try {
      const me = await sessionFor(t, rotated, (await identity.users.userById(t.ctx.db, partner.userId))!);
      await db()
        .updateTable("sessions")
        .set({ factor_verified_at: clock.now() })
        .where("user_id", "=", partner.userId)
        .execute();
      const shown = await me.inject({ method: "POST", url: url(a, `/${entryId}/reveal`) });
      expect(shown.statusCode, shown.body).toBe(200);
      expect(shown.json().password).toBe(`${PASSWORD}-2`);
    } finally {
      await rotated.close();
    }
  });
});
