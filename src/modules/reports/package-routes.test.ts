// The monthly package over HTTP: settings read and changed, a request answered 202 and made by the
// server's job runner, its status polled to done, the versions listed, the PDF and XLSX downloaded
// with their file names; bad input (400), a package not ready (409), client users (read, not
// generate: 403) and another firm (404).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { clientWithChart, type ClientFixture } from "../../../test/support/fixtures.ts";
import { testServer } from "../../../test/support/server.ts";
import { signedIn } from "../../../test/support/auth.ts";
import type { App } from "../../platform/http.ts";
import * as ledger from "../ledger/index.ts";

let t: TestDb;
let c: ClientFixture;
let app: App;

const url = (path: string) => `/api/clients/${c.slug}${path}`;

beforeAll(async () => {
  t = await testDb();
  c = await clientWithChart(t.ctx, "pkg-routes", "firm-pkg-routes");
  app = await testServer(t);
  await ledger.postEntry(t.ctx, c.actor, c.slug, {
    date: "2026-03-05",
    description: "March sales",
    lines: [
      { accountId: c.account("1010"), amount: 123_456n, currency: "USD" },
      { accountId: c.account("4000"), amount: -123_456n, currency: "USD" },
    ],
  });
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

describe("report package API", () => {
  it("reads and changes the package settings", async () => {
    const got = await app.inject(url("/report-package-settings"));
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({ client: "pkg-routes", rounding: true, lastUpdated: null });
    const patched = await app.inject({
      method: "PATCH",
      url: url("/report-package-settings"),
      payload: { notes: "Prepared from the March statements.", statements: ["profit-loss", "balance-sheet"] },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      notes: "Prepared from the March statements.",
      statements: ["profit-loss", "balance-sheet"],
    });
    const bad = await app.inject({
      method: "PATCH",
      url: url("/report-package-settings"),
      payload: { statements: ["trial-balance"] },
    });
    expect(bad.statusCode).toBe(400);
  });

  it("generates a package as a job, polled to done, listed and downloaded", async () => {
    const res = await app.inject({
      method: "POST",
      url: url("/report-packages"),
      payload: { month: "2026-03" },
    });
    expect(res.statusCode).toBe(202);
    const { id, status, version } = res.json();
    expect({ status, version }).toEqual({ status: "queued", version: 1 });
    const early = await app.inject(url(`/report-packages/${id}/pdf`));
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe("reports/package-not-ready");
    await t.ctx.jobs.drain();
    const polled = await app.inject(url(`/report-packages/${id}`));
    expect(polled.statusCode).toBe(200);
    expect(polled.json()).toMatchObject({ id, status: "done", progress: 100, month: "2026-03", version: 1 });
    const list = await app.inject(url("/report-packages?month=2026-03"));
    expect(list.json().packages.map((p: { id: string }) => p.id)).toEqual([id]);
    const pdf = await app.inject(url(`/report-packages/${id}/pdf`));
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.headers["content-disposition"]).toContain("pkg-routes-package-2026-03-v1.pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const xlsx = await app.inject(url(`/report-packages/${id}/xlsx`));
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-disposition"]).toContain("pkg-routes-package-2026-03-v1.xlsx");
  });

  it("refuses bad input, unknown packages, client users generating and other firms", async () => {
    for (const month of ["2026-13", "26-03", "2026-03-01"]) {
      const r = await app.inject({ method: "POST", url: url("/report-packages"), payload: { month } });
      expect(r.statusCode, month).toBe(400);
    }
    const missing = await app.inject(url("/report-packages/0190a8f0-0000-7000-8000-000000000000"));
    expect(missing.statusCode).toBe(404);
    const reader = await signedIn(t, app, { firmId: c.firmId, role: "client_admin", clients: [c.clientId] });
    expect((await reader.inject(url("/report-packages"))).statusCode).toBe(200);
    const refused = await reader.inject({
      method: "POST",
      url: url("/report-packages"),
      payload: { month: "2026-03" },
    });
    expect(refused.statusCode).toBe(403);
    const other = await clientWithChart(t.ctx, "other-pkg", "firm-other-pkg");
    const stranger = await signedIn(t, app, { firmId: other.firmId, role: "partner_admin" });
    expect((await stranger.inject(url("/report-packages"))).statusCode).toBe(404);
    const list = await app.inject(url("/report-packages"));
    expect(list.json().packages).toHaveLength(1);
  });
});
