// Shared setup for the connection tests: a fresh database with one bank client and a temp data folder
// per test file, the banking context (notifications in an outbox, no settle time), and small helpers.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { sql } from "kysely";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { AppError } from "../../platform/errors.ts";
import { composeDelivery } from "../../platform/delivery/index.ts";
import * as identity from "../identity/index.ts";
import { bankingCtx, type BankingCtx } from "./banking-ctx.ts";
import { bankClient, type BankFixture } from "../../../test/support/bank-fixtures.ts";

export let t: TestDb;
export let c: BankFixture;
export let b: BankingCtx;
export let dataDir: string;

/** Opens the test file's database, bank client and data folder before its tests, and removes them after. */
export function useConnectionDb(): void {
  beforeAll(async () => {
    t = await testDb();
    c = await bankClient(t.ctx, "conn-co", "firm-conn");
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "closebook-banking-"));
    const notify = {
      ...t.ctx,
      delivery: composeDelivery({ db: t.ctx.db, from: "test@closebook.local", outbox: true }),
      baseUrl: "http://127.0.0.1",
      emailsOf: identity.emailsOf,
    };
    b = bankingCtx(t.ctx, { dataDir, notify, settleMs: 0 });
  });
  afterAll(async () => {
    await t?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });
}

export async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

export async function notificationsOf(userId: string) {
  return (
    await sql<{
      title: string;
      link: string;
      event: string;
    }>`select title, link, event from notifications where user_id = ${userId} order by created_at`.execute(
      t.ctx.db,
    )
  ).rows;
}

export async function requestsOf(connectionId: string) {
  return (
    await sql<{
      kind: string;
      status: string;
      assignee_id: string | null;
    }>`select kind, status, assignee_id from connection_requests where connection_id = ${connectionId} order by created_at, kind`.execute(
      t.ctx.db,
    )
  ).rows;
}
