// The first sign-in of `npm start`: the demo firm's Partner Admin signs in with the printed
// password and the e-mail code shown on the code screen (trial mode: no mail server configured).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { testServer } from "../../../test/support/server.ts";
import type { App } from "../../platform/http.ts";
import { DEMO_USERS, seedDemo } from "./seed.ts";

let t: TestDb;
let app: App;

beforeAll(async () => {
  t = await testDb();
  app = await testServer(t, { anonymous: true });
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

describe("the demo's first sign-in", () => {
  it("signs the demo admin in with the printed password and the code from the code screen", async () => {
    const demo = await seedDemo(t.ctx);
    expect(demo.users.map((u) => u.email)).toEqual(DEMO_USERS.map((u) => u.email));
    expect((await seedDemo(t.ctx)).created).toBe(false);
    const admin = DEMO_USERS[0];
    const first = await app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: { email: admin.email, password: admin.password },
    });
    expect(first.json()).toMatchObject({ next: "2fa", challenge: { method: "email", outbox: true } });
    const cookie = `cb_challenge=${first.cookies.find((c) => c.name === "cb_challenge")!.value}`;
    const outbox = (await app.inject({ url: "/api/auth/2fa/outbox", headers: { cookie } })).json();
    const code = /\b(\d{6})\b/.exec(outbox.messages[0].text)![1]!;
    const done = await app.inject({
      method: "POST",
      url: "/api/auth/2fa/verify",
      payload: { code },
      headers: { cookie },
    });
    expect(done.statusCode).toBe(200);
    const session = `cb_session=${done.cookies.find((c) => c.name === "cb_session")!.value}`;
    const me = (await app.inject({ url: "/api/me", headers: { cookie: session } })).json();
    expect(me).toMatchObject({
      user: { email: admin.email, role: "partner_admin" },
      firm: { slug: "demo", name: "Northwind Bookkeeping" },
    });
    expect(me.clients.map((c: { slug: string }) => c.slug)).toEqual(
      expect.arrayContaining(demo.clients.map((c) => c.slug)),
    );
    const tb = await app.inject({
      url: "/api/clients/bluebird-coffee/reports/trial-balance?format=text",
      headers: { cookie: session },
    });
    expect(tb.statusCode).toBe(200);
  }, 300_000);

  it("lets the demo client owner see only its own client", async () => {
    const owner = DEMO_USERS[1];
    const first = await app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: { email: owner.email, password: owner.password },
    });
    const cookie = `cb_challenge=${first.cookies.find((c) => c.name === "cb_challenge")!.value}`;
    const code = /\b(\d{6})\b/.exec(
      (await app.inject({ url: "/api/auth/2fa/outbox", headers: { cookie } })).json().messages[0].text,
    )![1]!;
    const done = await app.inject({
      method: "POST",
      url: "/api/auth/2fa/verify",
      payload: { code },
      headers: { cookie },
    });
    const me = (
      await app.inject({
        url: "/api/me",
        headers: { cookie: `cb_session=${done.cookies.find((c) => c.name === "cb_session")!.value}` },
      })
    ).json();
    expect(me).toMatchObject({ side: "client", clients: [{ slug: "bluebird-coffee" }] });
  });
});
