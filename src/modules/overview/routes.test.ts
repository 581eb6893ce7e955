// GET /api/overview over HTTP with real sign-ins: each caller sees the clients it may reach and
// nothing of the others (a client user its own client, a token scoped to one client that one, a
// user of another firm its firm), figures as the Transaction Manager's own API counts them, the
// route in the OpenAPI document, and the Transaction Manager's untouched filter the overview links to.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testServer } from "../../../test/support/server.ts";
import { signedIn, tokenCaller } from "../../../test/support/auth.ts";
import type { App } from "../../platform/http.ts";
import { comcast, importLines, overviewWorld, unknown, type OverviewWorld } from "./overview-test-support.ts";
import type { z } from "zod";
import type { overviewOut } from "./schemas.ts";

type Overview = z.infer<typeof overviewOut>;

let w: OverviewWorld;
let app: App;

beforeAll(async () => {
  w = await overviewWorld("2026-07-01T09:00:00Z");
  await importLines(w.alpha, [...comcast("2026-06-30", 2), ...comcast("2026-07-01", 3)], "checking", "a.csv");
  await importLines(w.alpha, unknown("2026-06-12", 2), "checking", "b.csv");
  await importLines(w.beta, unknown("2026-06-28", 1), "checking", "c.csv");
  await importLines(w.gamma, [...unknown("2026-06-01", 4), ...comcast("2026-07-01", 4)], "checking", "g.csv");
  app = await testServer(w.t, { anonymous: true });
});
afterAll(async () => {
  await app?.close();
  await w?.t.close();
});

const slugs = (o: Overview) => o.clients.map((c) => c.slug);

describe("GET /api/overview", () => {
  it("answers 401 without credentials", async () => {
    expect((await app.inject({ url: "/api/overview" })).statusCode).toBe(401);
  });

  it("a Partner Admin sees every active client of the firm, figures as the Transaction Manager counts them", async () => {
    const admin = await signedIn(w.t, app, { firmId: w.alpha.firmId, role: "partner_admin" });
    const res = await admin.inject({ url: "/api/overview" });
    expect(res.statusCode).toBe(200);
    const o = res.json() as Overview;
    expect(o).toMatchObject({
      asOf: "2026-07-01",
      month: { from: "2026-07-01", to: "2026-07-31" },
      staleDays: 7,
    });
    expect(slugs(o)).toEqual(["alpha", "beta"]);
    const alpha = o.clients[0]!;
    const review = await admin.inject({ url: "/api/clients/alpha/transactions?tab=needs_review&limit=500" });
    const page = review.json() as { counts: { needsReview: number }; transactions: Array<{ date: string }> };
    expect(alpha.needsReview).toEqual({
      count: page.counts.needsReview,
      oldestDate: page.transactions.map((t) => t.date).sort()[0],
    });
    expect(alpha.needsReview).toEqual({ count: 2, oldestDate: "2026-06-12" });
    // The link behind "posted automatically this month" lists exactly what was counted.
    const linked = await admin.inject({
      url: `/api/clients/alpha/transactions?tab=processed&untouched=true&from=${o.month.from}&to=${o.month.to}`,
    });
    expect(linked.statusCode).toBe(200);
    const auto = linked.json() as { total: number; transactions: Array<{ date: string; reviewed: unknown }> };
    expect(alpha.autoPosted.count).toBe(3);
    expect(auto.total).toBe(alpha.autoPosted.count);
    expect(auto.transactions.every((t) => t.date === "2026-07-01" && t.reviewed === null)).toBe(true);
    expect(alpha.bankAccounts.total).toBe(2);
    expect(alpha.lastImport).toMatchObject({
      bankAccountName: "Operating Checking",
      newLines: 2,
      source: "upload",
    });
    expect(new Date(alpha.lastImport!.at).toISOString()).toBe(alpha.lastImport!.at);
  });

  it("a client user sees only its own client", async () => {
    const owner = await signedIn(w.t, app, {
      firmId: w.beta.firmId,
      role: "client_admin",
      clients: [w.beta.clientId],
    });
    const res = await owner.inject({ url: "/api/overview" });
    expect(res.statusCode).toBe(200);
    const o = res.json() as Overview;
    expect(slugs(o)).toEqual(["beta"]);
    expect(o.clients[0]!.needsReview).toEqual({ count: 1, oldestDate: "2026-06-28" });
    expect(res.body).not.toContain(w.alpha.clientId);
    expect(res.body).not.toContain("Client alpha");
  });

  it("a Partner Ops working on chosen clients, and a token scoped to one client, see those only", async () => {
    const ops = await signedIn(w.t, app, {
      firmId: w.alpha.firmId,
      role: "partner_ops",
      clients: [w.alpha.clientId],
    });
    expect(slugs((await ops.inject({ url: "/api/overview" })).json() as Overview)).toEqual(["alpha"]);
    const token = await tokenCaller(w.t, app, {
      firmId: w.alpha.firmId,
      role: "client_ops",
      clientId: w.beta.clientId,
    });
    const res = await token.inject({ url: "/api/overview" });
    expect(res.statusCode).toBe(200);
    expect(slugs(res.json() as Overview)).toEqual(["beta"]);
  });

  it("a user of another firm sees its own firm's client and nothing of this one", async () => {
    const stranger = await signedIn(w.t, app, { firmId: w.gamma.firmId, role: "partner_admin" });
    const res = await stranger.inject({ url: "/api/overview" });
    const o = res.json() as Overview;
    expect(slugs(o)).toEqual(["gamma"]);
    expect(o.clients[0]).toMatchObject({ needsReview: { count: 4 }, autoPosted: { count: 4 } });
    for (const id of [w.alpha.clientId, w.beta.clientId]) expect(res.body).not.toContain(id);
  });

  it("is in the OpenAPI document; a bad untouched flag is refused naming the field", async () => {
    const admin = await signedIn(w.t, app, { firmId: w.alpha.firmId, role: "partner_admin" });
    const doc = (await admin.inject({ url: "/api/openapi.json" })).json() as {
      paths: Record<string, unknown>;
    };
    expect(doc.paths["/api/overview"]).toHaveProperty("get");
    const bad = await admin.inject({ url: "/api/clients/alpha/transactions?untouched=maybe" });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers["content-type"]).toContain("application/problem+json");
    expect((bad.json() as { field?: string }).field).toBe("untouched");
  });
});
