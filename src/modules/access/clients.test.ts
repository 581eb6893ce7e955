// Clients over HTTP: the table, the wizard's first step and saved progress, details (internal
// notes hidden from client users), termination with 90 days' retention, its cancellation, the purge.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { testServer } from "../../../test/support/server.ts";
import { createUser, sessionFor, signedIn, type Caller } from "../../../test/support/auth.ts";
import { clientWithChart } from "../../../test/support/fixtures.ts";
import { testClock } from "../../../test/support/clock.ts";
import type { App } from "../../platform/http.ts";
import * as ledger from "../ledger/index.ts";
import * as access from "./index.ts";
import * as identity from "../identity/index.ts";
import type { User } from "../identity/index.ts";

const clock = testClock();
let t: TestDb;
let app: App;
let firmId: string;
let adminUser: User;
let admin: Caller;

beforeAll(async () => {
  t = await testDb({ clock });
  app = await testServer(t, { anonymous: true });
  firmId = (await access.createFirm(t.ctx.db, { slug: "clients-firm", name: "Clients Firm" })).id;
  adminUser = await createUser(t, { firmId, role: "partner_admin" });
  admin = await sessionFor(t, app, adminUser);
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

const DAY = 86_400_000;

describe("clients", () => {
  it("adds a client with its details (the wizard's first step) and resumes the wizard where it was left", async () => {
    const res = await admin.inject({
      method: "POST",
      url: "/api/clients",
      payload: {
        name: "Harbor Dental, PLLC",
        legalName: "Harbor Dental PLLC",
        dba: "Harbor Smiles",
        industry: "Dental",
        accountingSystem: "quickbooks_online",
        bookkeepingCadence: "monthly",
        closeDay: 10,
        serviceStartDate: "2026-01-01",
        pointOfContact: { name: "Dr. Ruiz", email: "ruiz@harbor.test" },
        bankStatementContact: { name: "Mel", email: "mel@harbor.test", phone: "+1 555 0100" },
        notes: "pays late",
      },
    });
    expect(res.statusCode).toBe(201);
    const client = res.json();
    expect(client).toMatchObject({
      slug: "harbor-dental-pllc",
      status: "active",
      legalName: "Harbor Dental PLLC",
      dba: "Harbor Smiles",
      closeDay: 10,
      pointOfContact: { name: "Dr. Ruiz", email: "ruiz@harbor.test", phone: null },
      notes: "pays late",
      onboarding: { step: "ledger", completedSteps: ["details"] },
    });
    expect(Number.isNaN(Date.parse(client.createdAt))).toBe(false);
    const saved = await admin.inject({
      method: "PUT",
      url: `/api/clients/${client.slug}/onboarding`,
      payload: { step: "ledger", completed: false, data: { system: "quickbooks_online" } },
    });
    expect(saved.json().onboarding).toMatchObject({
      step: "ledger",
      data: { ledger: { system: "quickbooks_online" } },
    });
    expect((await admin.inject(`/api/clients/${client.id}`)).json().onboarding.step).toBe("ledger");
    const bad = await admin.inject({
      method: "PATCH",
      url: `/api/clients/${client.slug}`,
      payload: { closeDay: 0 },
    });
    expect(bad.statusCode).toBe(400);
    const bad2 = await admin.inject({
      method: "PATCH",
      url: `/api/clients/${client.slug}`,
      payload: { serviceStartDate: "2026-13-01" },
    });
    expect(bad2.json()).toMatchObject({ code: "date/invalid", field: "serviceStartDate" });
    const patched = await admin.inject({
      method: "PATCH",
      url: `/api/clients/${client.slug}`,
      payload: { bookkeepingCadence: "weekly", pointOfContact: null },
    });
    expect(patched.json()).toMatchObject({
      bookkeepingCadence: "weekly",
      pointOfContact: null,
      closeDay: 10,
    });
    const audit = await t.ctx.db
      .selectFrom("audit_events")
      .select("action")
      .where("client_id", "=", client.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["client.created", "client.onboarding.saved", "client.updated"]),
    );
  });

  it("shows client users their own client without the firm's notes, and lets them neither add nor terminate", async () => {
    const client = (await admin.inject("/api/clients"))
      .json()
      .clients.find((c: { slug: string }) => c.slug === "harbor-dental-pllc");
    const owner = await signedIn(t, app, { firmId, role: "client_self_service", clients: [client.id] });
    const seen = (await owner.inject("/api/clients")).json().clients;
    expect(seen).toHaveLength(1);
    expect(seen[0]).not.toHaveProperty("notes");
    expect(
      (await owner.inject({ method: "PATCH", url: `/api/clients/${client.id}`, payload: { notes: "mine" } }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await owner.inject({
          method: "PATCH",
          url: `/api/clients/${client.id}`,
          payload: { dba: "Harbor Smiles & Co" },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await owner.inject({ method: "POST", url: "/api/clients", payload: { name: "Side Business" } }))
        .statusCode,
    ).toBe(403);
    expect(
      (await owner.inject({ method: "POST", url: `/api/clients/${client.id}/terminate` })).statusCode,
    ).toBe(403);
  });

  it("gives a partner user with a chosen list the client it adds", async () => {
    const ops = await signedIn(t, app, { firmId, role: "partner_ops", clients: [] });
    expect((await ops.inject("/api/clients")).json().clients).toEqual([]);
    const created = (
      await ops.inject({ method: "POST", url: "/api/clients", payload: { name: "Ops Own Client" } })
    ).json();
    // The list is read when the session is resolved: the next request sees the new client.
    const again = await sessionFor(t, app, (await identity.users.userById(t.ctx.db, ops.userId))!);
    expect((await again.inject("/api/clients")).json().clients.map((c: { id: string }) => c.id)).toEqual([
      created.id,
    ]);
  });
});

describe("termination", () => {
  it("keeps the data 90 days, can be cancelled meanwhile, then purges every row of the client", async () => {
    const fx = await clientWithChart(t.ctx, "doomed-co", "clients-firm");
    await ledger.postEntry(t.ctx, fx.actor, fx.slug, {
      date: "2026-05-01",
      description: "Seed",
      lines: [
        { accountId: fx.account("1010"), amount: 10000n, currency: "USD" },
        { accountId: fx.account("3100"), amount: -10000n, currency: "USD" },
      ],
    });
    const keep = await clientWithChart(t.ctx, "keeper-co", "clients-firm");
    const terminated = await admin.inject({
      method: "POST",
      url: "/api/clients/doomed-co/terminate",
      payload: { reason: "sold the business" },
    });
    expect(terminated.json()).toMatchObject({
      status: "terminated",
      purgeAfter: new Date(clock.now().getTime() + 90 * DAY).toISOString(),
    });
    expect((await admin.inject({ method: "POST", url: "/api/clients/doomed-co/terminate" })).statusCode).toBe(
      409,
    );
    expect(
      (await admin.inject({ method: "POST", url: "/api/clients/doomed-co/cancel-termination" })).json()
        .status,
    ).toBe("active");
    await admin.inject({ method: "POST", url: "/api/clients/doomed-co/terminate" });

    clock.advance(89 * DAY);
    expect(await access.purgeDueClients(t.ctx)).toEqual([]);
    clock.advance(DAY);
    expect(await access.purgeDueClients(t.ctx)).toEqual([fx.clientId]);
    for (const table of [
      "clients",
      "accounts",
      "journal_entries",
      "journal_lines",
      "account_balances",
      "currencies",
      "audit_events",
    ]) {
      const column = table === "clients" ? "id" : "client_id";
      const n = (
        await sql<{
          n: bigint;
        }>`select count(*) as n from ${sql.table(table)} where ${sql.ref(column)} = ${fx.clientId}::uuid`.execute(
          t.ctx.db,
        )
      ).rows[0]!.n;
      expect(n, table).toBe(0n);
    }
    const kept = (
      await sql<{
        n: bigint;
      }>`select count(*) as n from accounts where client_id = ${keep.clientId}::uuid`.execute(t.ctx.db)
    ).rows[0]!.n;
    expect(kept).toBeGreaterThan(0n);
    const purged = await t.ctx.db
      .selectFrom("audit_events")
      .select(["action", "before"])
      .where("subject_id", "=", fx.clientId)
      .where("action", "=", "client.purged")
      .executeTakeFirstOrThrow();
    expect(purged.before).toMatchObject({ slug: "doomed-co" });
    admin = await sessionFor(t, app, adminUser);
    expect((await admin.inject("/api/clients/doomed-co")).statusCode).toBe(404);
  });
});
