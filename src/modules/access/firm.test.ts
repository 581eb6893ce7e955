// The firm over HTTP: details and licences (Partner Admin edits; client users see name and
// branding only), logo and favicon uploaded as multipart and served to the firm's users.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { testServer } from "../../../test/support/server.ts";
import { signedIn, type Caller } from "../../../test/support/auth.ts";
import type { App } from "../../platform/http.ts";
import { systemActor } from "../../platform/actor.ts";
import * as access from "./index.ts";

let t: TestDb;
let app: App;
let firmId: string;
let admin: Caller;
let ops: Caller;
let client: Caller;

// A 1×1 transparent PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

function multipart(file: Buffer, filename: string, type: string) {
  const boundary = "----closebook-test-boundary";
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

beforeAll(async () => {
  t = await testDb();
  app = await testServer(t, { anonymous: true });
  firmId = (await access.createFirm(t.ctx.db, { slug: "brand-firm", name: "Brand Firm" })).id;
  const c = await access.createClient(t.ctx.db, systemActor(firmId), {
    slug: "brand-client",
    name: "Brand Client",
  });
  admin = await signedIn(t, app, { firmId, role: "partner_admin" });
  ops = await signedIn(t, app, { firmId, role: "partner_ops" });
  client = await signedIn(t, app, { firmId, role: "client_ops", clients: [c.id] });
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

describe("the firm", () => {
  it("is edited by Partner Admins only; client users see only its name and branding", async () => {
    const edited = await admin.inject({
      method: "PATCH",
      url: "/api/firm",
      payload: {
        legalName: "Brand Firm LLP",
        website: "https://brand.example",
        supportEmail: "Help@Brand.example",
      },
    });
    expect(edited.json()).toMatchObject({
      legalName: "Brand Firm LLP",
      supportEmail: "help@brand.example",
      licences: { paid: 25 },
    });
    expect(
      (
        await admin.inject({ method: "PATCH", url: "/api/firm", payload: { website: "javascript:alert(1)" } })
      ).json().code,
    ).toBe("access/invalid-url");
    expect(
      (await ops.inject({ method: "PATCH", url: "/api/firm", payload: { name: "Ops Firm" } })).statusCode,
    ).toBe(403);
    const seen = (await client.inject("/api/firm")).json();
    expect(seen).toEqual({
      id: firmId,
      slug: "brand-firm",
      name: "Brand Firm",
      branding: { name: "Brand Firm", logoUrl: null, faviconUrl: null, color: null },
    });
  });

  it("takes a logo upload from a Partner Admin and serves it to the firm's client users", async () => {
    expect(
      (
        await ops.inject({
          method: "PUT",
          url: "/api/firm/branding/logo",
          ...multipart(PNG, "logo.png", "image/png"),
        })
      ).statusCode,
    ).toBe(403);
    const up = await admin.inject({
      method: "PUT",
      url: "/api/firm/branding/logo",
      ...multipart(PNG, "logo.png", "image/png"),
    });
    expect(up.statusCode).toBe(200);
    const logoUrl: string = up.json().branding.logoUrl;
    expect(logoUrl).toMatch(/^\/api\/firm\/branding\/logo\?v=[0-9a-f]{12}$/);
    const me = (await client.inject("/api/me")).json();
    expect(me.firm.branding.logoUrl).toBe(logoUrl);
    const img = await client.inject(logoUrl);
    expect(img.statusCode).toBe(200);
    expect(img.headers["content-type"]).toBe("image/png");
    expect(img.headers["x-content-type-options"]).toBe("nosniff");
    expect(Buffer.compare(img.rawPayload, PNG)).toBe(0);
    const html = await admin.inject({
      method: "PUT",
      url: "/api/firm/branding/favicon",
      ...multipart(Buffer.from("<html><script>x</script></html>"), "x.png", "image/png"),
    });
    expect(html.json().code).toBe("access/unsupported-image");
    const svg = await admin.inject({
      method: "PUT",
      url: "/api/firm/branding/favicon",
      ...multipart(
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        "f.svg",
        "image/svg+xml",
      ),
    });
    expect(svg.json().code).toBe("access/unsafe-svg");
    expect(
      (await admin.inject({ method: "DELETE", url: "/api/firm/branding/logo" })).json().branding.logoUrl,
    ).toBeNull();
    expect((await client.inject("/api/firm/branding/logo")).statusCode).toBe(404);
  });

  it("keeps a brand colour set by a Partner Admin, refuses a bad one with the field, and audits the change", async () => {
    const set = await admin.inject({
      method: "PATCH",
      url: "/api/firm/branding",
      payload: { color: "#C0392B" },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json().branding.color).toBe("#c0392b");
    expect((await client.inject("/api/me")).json().firm.branding.color).toBe("#c0392b");
    expect((await admin.inject("/api/firm")).json().branding.color).toBe("#c0392b");
    for (const bad of ["red", "#c0392", "#c0392bb", "c0392b", "#gggggg", "rgb(192, 57, 43)"]) {
      const res = await admin.inject({ method: "PATCH", url: "/api/firm/branding", payload: { color: bad } });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json(), bad).toMatchObject({ code: "access/invalid-color", field: "color" });
    }
    expect(
      (await ops.inject({ method: "PATCH", url: "/api/firm/branding", payload: { color: "#000000" } }))
        .statusCode,
    ).toBe(403);
    expect((await admin.inject("/api/firm")).json().branding.color).toBe("#c0392b");
    const cleared = await admin.inject({
      method: "PATCH",
      url: "/api/firm/branding",
      payload: { color: null },
    });
    expect(cleared.json().branding.color).toBeNull();
    const audit = await t.ctx.db
      .selectFrom("audit_events")
      .select(["after", "id"])
      .where("firm_id", "=", firmId)
      .where("action", "=", "firm.branding.updated")
      .orderBy("id")
      .execute();
    const colors = audit
      .map((a) => a.after as { color?: string | null } | null)
      .filter((a) => a !== null && "color" in a)
      .map((a) => a!.color);
    expect(colors).toEqual(["#c0392b", null]);
  });
});
