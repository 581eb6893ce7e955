// Test helpers only, shared by the sign-in test files: a fresh database and server per file with a
// firm to sign in to, a test clock that moves an hour before each test, a cookie-keeping browser,
// and the last code sent to an address (read from the outbox).
import { afterAll, beforeAll, beforeEach } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { testServer } from "../../../test/support/server.ts";
import { testClock, MINUTE } from "../../../test/support/clock.ts";
import type { App } from "../../platform/http.ts";
import * as access from "../access/index.ts";

export const clock = testClock();
export let t: TestDb;
export let app: App;
export let firmId: string;

/** Registers the file's hooks: database, server and firm before its tests, closed after them. */
export function useSignInServer(): void {
  beforeAll(async () => {
    t = await testDb({ clock });
    app = await testServer(t, { anonymous: true });
    firmId = (await access.createFirm(t.ctx.db, { slug: "signin-firm", name: "Sign-in Firm" })).id;
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });
  beforeEach(() => clock.advance(60 * MINUTE));
}

/** A browser: keeps the cookies the server sets, sends the CSRF header once it knows it. */
export function browser() {
  const jar = new Map<string, string>();
  let csrf = "";
  const send = async (method: string, url: string, payload?: unknown) => {
    const res = await app.inject({
      method: method as "GET",
      url,
      ...(payload !== undefined ? { payload: payload as object } : {}),
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
        ...(csrf ? { "x-csrf-token": csrf } : {}),
      },
    });
    for (const c of res.cookies) {
      if (c.value === "" || (c.expires && c.expires.getTime() < Date.now() - 1000)) jar.delete(c.name);
      else jar.set(c.name, c.value);
    }
    if (
      res.statusCode === 200 &&
      typeof res.json === "function" &&
      res.headers["content-type"]?.toString().includes("json")
    ) {
      const body = res.json();
      if (body?.csrfToken) csrf = body.csrfToken;
    }
    return res;
  };
  return {
    send,
    jar,
    get: (url: string) => send("GET", url),
    post: (url: string, payload?: unknown) => send("POST", url, payload ?? {}),
  };
}

export const lastCode = async (to: string) => {
  const row = await t.ctx.db
    .selectFrom("outbox_messages")
    .select(["body"])
    .where("recipient", "=", to)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
  return /\b(\d{6})\b/.exec(row.body)![1]!;
};
