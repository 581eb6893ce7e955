// The Transaction Manager's routes in the OpenAPI document (none open to anonymous callers), AI
// settings with who changed each one, the taxonomy and learning on view, and what Client Self
// Service may do with its own books. The firm-wide model is trained before the tests.
import { describe, expect, it } from "vitest";
import { signedIn } from "../../../test/support/auth.ts";
import { admin, app, b, t, trainFirm, url, useBooksServer } from "./routes-test-support.ts";

useBooksServer(trainFirm);

describe("the API", () => {
  it("publishes its routes in the OpenAPI document and refuses anonymous callers", async () => {
    const doc = (await app.inject({ url: "/api/openapi.json" })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/clients/{client}/transactions",
        "/api/clients/{client}/transactions/{id}",
        "/api/clients/{client}/transactions/{id}/split",
        "/api/clients/{client}/transactions/{id}/review",
        "/api/clients/{client}/transactions/{id}/rule",
        "/api/clients/{client}/transactions/bulk",
        "/api/clients/{client}/rules",
        "/api/clients/{client}/rules/{id}",
        "/api/clients/{client}/rules/preview",
        "/api/clients/{client}/rules/{id}/apply",
        "/api/clients/{client}/ai-settings",
        "/api/clients/{client}/ai-settings/taxonomy",
        "/api/clients/{client}/ai-settings/learning",
        "/api/clients/{client}/ai-settings/train",
        "/api/clients/{client}/automation",
        "/api/clients/{client}/bank-accounts/{account}/automation",
      ]),
    );
    for (const p of ["/transactions", "/rules", "/ai-settings", "/automation"]) {
      const res = await app.inject({ url: url(p) });
      expect(res.statusCode, p).toBe(401);
    }
  });
});

describe("a review session", () => {
  it("keeps AI settings with who changed each one, and the taxonomy and learning on view", async () => {
    const patched = await admin.inject({
      method: "PATCH",
      url: url("/ai-settings"),
      payload: { materiality: "2500", lowConfidence: "hold", bands: { high: "99", medium: "92.5" } },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().settings).toMatchObject({
      materiality: "2500.00",
      lowConfidence: "hold",
      bands: { high: "99", medium: "92.5" },
      updated: { materiality: { name: "Ada Admin" }, lowConfidence: { name: "Ada Admin" } },
    });
    const taxonomy = (await admin.inject(url("/ai-settings/taxonomy"))).json();
    expect(taxonomy.categories.length).toBeGreaterThan(50);
    const put = await admin.inject({
      method: "PUT",
      url: url(`/ai-settings/taxonomy/${b.account("6600")}`),
      payload: { category: "it.hardware" },
    });
    expect(put.json()).toMatchObject({ category: "it.hardware", source: "set" });
    const learning = (await admin.inject(url("/ai-settings/learning"))).json();
    expect(
      learning.models.some((m: { scope: string; isCurrent: boolean }) => m.scope === "firm" && m.isCurrent),
    ).toBe(true);
    const queued = await admin.inject({
      method: "POST",
      url: url("/ai-settings/train"),
      payload: { scope: "client" },
    });
    expect(queued.statusCode).toBe(202);
  });

  it("lets Client Self Service run its own books but not train the firm-wide model", async () => {
    const own = await signedIn(t, app, {
      firmId: b.firmId,
      role: "client_self_service",
      clients: [b.clientId],
      name: "Sam Self",
    });
    expect((await own.inject(url("/transactions"))).statusCode).toBe(200);
    const auto = await own.inject({
      method: "PUT",
      url: url("/bank-accounts/card/automation"),
      payload: { mode: "none", startDate: null },
    });
    expect(auto.statusCode).toBe(200);
    const firm = await own.inject({
      method: "POST",
      url: url("/ai-settings/train"),
      payload: { scope: "firm", wait: true },
    });
    expect(firm.statusCode).toBe(403);
  });
});
