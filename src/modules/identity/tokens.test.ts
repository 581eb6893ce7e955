// API tokens: shown once and stored hashed, scoped to a role the creator may grant and to a client,
// usable without CSRF, and no more than the creator can reach now.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { testServer } from "../../../test/support/server.ts";
import { signedIn, type Caller } from "../../../test/support/auth.ts";
import type { App } from "../../platform/http.ts";
import { systemActor } from "../../platform/actor.ts";
import { withTables } from "../../platform/tables.ts";
import * as access from "../access/index.ts";
import type { IdentityTables } from "./tables.ts";

let t: TestDb;
let app: App;
let firmId: string;
let c1: string;
let c2: string;
let admin: Caller;

beforeAll(async () => {
  t = await testDb();
  app = await testServer(t, { anonymous: true });
  firmId = (await access.createFirm(t.ctx.db, { slug: "token-firm", name: "Token Firm" })).id;
  c1 = (await access.createClient(t.ctx.db, systemActor(firmId), { slug: "tok-one", name: "Token One" })).id;
  c2 = (await access.createClient(t.ctx.db, systemActor(firmId), { slug: "tok-two", name: "Token Two" })).id;
  admin = await signedIn(t, app, { firmId, role: "partner_admin" });
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

const bearer = (token: string, url: string, method = "GET") =>
  app.inject({ method: method as "GET", url, headers: { authorization: `Bearer ${token}` } });

describe("API tokens", () => {
  it("is shown once, stored as a hash, and works as its role on its client only", async () => {
    const created = await admin.inject({
      method: "POST",
      url: "/api/tokens",
      payload: { name: "Bank feed", role: "client_ops", clientId: "tok-one" },
    });
    expect(created.statusCode).toBe(201);
    const { token, prefix, id } = created.json();
    expect(token).toMatch(/^cbt_[A-Za-z0-9_-]{43}$/);
    expect(token.startsWith(prefix)).toBe(true);
    const stored = await withTables<IdentityTables>(t.ctx.db)
      .selectFrom("api_tokens")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(token.slice(4));
    expect((await admin.inject("/api/tokens")).json().tokens[0]).not.toHaveProperty("token");
    expect((await bearer(token, "/api/clients")).json().clients.map((c: { id: string }) => c.id)).toEqual([
      c1,
    ]);
    expect((await bearer(token, `/api/clients/${c2}`)).statusCode).toBe(404);
    expect(
      (await bearer(token, "/api/users/00000000-0000-7000-8000-000000000000/deactivate", "POST")).statusCode,
    ).toBe(403);
    expect((await bearer(token, "/api/me")).statusCode).toBe(403);
    expect((await admin.inject({ method: "DELETE", url: `/api/tokens/${id}` })).statusCode).toBe(204);
    expect((await bearer(token, "/api/clients")).statusCode).toBe(401);
  });

  it("cannot be made with a role the creator cannot grant, nor for a client it cannot see", async () => {
    const ops = await signedIn(t, app, { firmId, role: "partner_ops", clients: [c1] });
    expect(
      (
        await ops.inject({
          method: "POST",
          url: "/api/tokens",
          payload: { name: "x", role: "partner_admin" },
        })
      ).json().code,
    ).toBe("access/cannot-grant-role");
    expect(
      (
        await ops.inject({
          method: "POST",
          url: "/api/tokens",
          payload: { name: "x", role: "client_ops", clientId: c2 },
        })
      ).statusCode,
    ).toBe(404);
    const co = await signedIn(t, app, { firmId, role: "client_ops", clients: [c1] });
    expect(
      (
        await co.inject({
          method: "POST",
          url: "/api/tokens",
          payload: { name: "x", role: "client_ops", clientId: c1 },
        })
      ).statusCode,
    ).toBe(403);
  });

  it("stops working when its creator is deactivated, and sees only the creator's clients", async () => {
    const ops = await signedIn(t, app, { firmId, role: "partner_ops", clients: [c2] });
    const { token } = (
      await ops.inject({
        method: "POST",
        url: "/api/tokens",
        payload: { name: "Ops bot", role: "partner_ops" },
      })
    ).json();
    expect((await bearer(token, "/api/clients")).json().clients.map((c: { id: string }) => c.id)).toEqual([
      c2,
    ]);
    expect(
      (await admin.inject({ method: "POST", url: `/api/users/${ops.userId}/deactivate` })).statusCode,
    ).toBe(200);
    expect((await bearer(token, "/api/clients")).statusCode).toBe(401);
  });
});
