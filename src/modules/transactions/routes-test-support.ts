// Test helpers only, shared by the routes test files: a fresh database per file with a bookkeeping
// client (a year of coded ledger history) and another firm's client, a server with Ada Admin signed
// in as partner admin, the client's route paths, and problem+json answers.
import { afterAll, beforeAll, expect } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { testServer } from "../../../test/support/server.ts";
import { signedIn, type Caller } from "../../../test/support/auth.ts";
import type { App } from "../../platform/http.ts";
import { bookkeepingClient, postHistory, type BooksFixture } from "../../../test/support/books.ts";

export let t: TestDb;
export let b: BooksFixture;
export let other: BooksFixture;
export let app: App;
export let admin: Caller;

/**
 * Registers the file's hooks: the database, both clients, the server and Ada Admin before its
 * tests (then `prepare`, when given), closed after them.
 */
export function useBooksServer(prepare?: () => Promise<void>): void {
  beforeAll(async () => {
    t = await testDb();
    b = await bookkeepingClient(t.ctx, "api-books", "firm-api-books");
    other = await bookkeepingClient(t.ctx, "other-books", "firm-other-books");
    await postHistory(b, "2026-02-28", 80);
    app = await testServer(t, { anonymous: true });
    admin = await signedIn(t, app, { firmId: b.firmId, role: "partner_admin", name: "Ada Admin" });
    await prepare?.();
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });
}

/** Trains the firm-wide model as Ada Admin, through the API, and waits for it. */
export async function trainFirm(): Promise<void> {
  const res = await admin.inject({
    method: "POST",
    url: url("/ai-settings/train"),
    payload: { scope: "firm", wait: true },
  });
  if (res.statusCode !== 200) throw new Error(`training the firm failed: ${res.statusCode} ${res.body}`);
}

export const url = (p: string, client = b.slug) => `/api/clients/${client}${p}`;
export const problemOf = (res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }) => {
  expect(res.headers["content-type"]).toContain("application/problem+json");
  return res.json() as { code: string; field?: string; detail: string; status: number };
};
