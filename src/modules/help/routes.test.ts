// The help center's API over the guides shipped in docs/help: list, search, one article, 404.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { testServer } from "../../../test/support/server.ts";
import type { App } from "../../platform/http.ts";

let t: TestDb;
let app: App;

beforeAll(async () => {
  t = await testDb();
  app = await testServer(t);
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

describe("help API", () => {
  it("lists the shipped guides, portal first, with their sections", async () => {
    const res = await app.inject({ url: "/api/help" });
    expect(res.statusCode).toBe(200);
    const { articles } = res.json() as {
      articles: Array<{ slug: string; title: string; sections: Array<{ id: string }> }>;
    };
    expect(articles[0]!.slug).toBe("portal");
    expect(articles.map((a) => a.slug)).toEqual(expect.arrayContaining(["ledger", "portal", "whats-new"]));
    expect(articles.find((a) => a.slug === "ledger")!.sections.map((s) => s.id)).toEqual(
      expect.arrayContaining(["journal-entries", "period-locks", "troubleshooting"]),
    );
  });

  it("serves one guide as HTML and markdown, and 404s an unknown one as problem+json", async () => {
    const res = await app.inject({ url: "/api/help/ledger" });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { title: string; html: string; markdown: string };
    expect(body.title).toBe("Ledger");
    expect(body.html).toContain('<h2 id="trial-balance">Trial balance</h2>');
    expect(body.markdown.startsWith("# Ledger")).toBe(true);
    const missing = await app.inject({ url: "/api/help/no-such-guide" });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers["content-type"]).toContain("application/problem+json");
    expect(missing.json()).toMatchObject({ code: "help/no-such-article" });
  });

  it("searches, best section first", async () => {
    const res = await app.inject({ url: "/api/help/search?q=period%20locked" });
    const { results } = res.json() as { results: Array<{ slug: string; sectionTitle: string | null }> };
    expect(results[0]).toMatchObject({ slug: "ledger" });
    expect(results.slice(0, 2).map((r) => r.sectionTitle)).toContain('"The period is locked"');
    expect((await app.inject({ url: "/api/help/search?q=" })).json()).toEqual({ query: "", results: [] });
    // The product's own example question finds its answer first.
    const twoFactor = (
      await app.inject({ url: "/api/help/search?q=I%20did%20not%20receive%20my%202FA%20code" })
    ).json() as { results: Array<{ slug: string; sectionId: string | null }> };
    // Both the sign-in guide and the clients-and-users guide answer it; either may rank first.
    expect(twoFactor.results[0]).toMatchObject({
      sectionId: "i-did-not-receive-my-2fa-code-or-it-does-not-work",
    });
    expect(["sign-in-and-security", "clients-and-users"]).toContain(twoFactor.results[0]!.slug);
  });

  it("is described in the OpenAPI document", async () => {
    const doc = (await app.inject({ url: "/api/openapi.json" })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/help", "/api/help/search", "/api/help/{slug}"]),
    );
  });
});
