// A fresh, migrated database for each test file: PGlite restored from a snapshot made once per
// run (creating a PGlite from scratch takes seconds), or, when DATABASE_URL is set, a throwaway
// PostgreSQL database cloned from a migrated template.
import fs from "node:fs";
import crypto from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "../../src/platform/db.ts";
import { fixedClock, type Clock } from "../../src/platform/clock.ts";
import { InProcessJobs } from "../../src/platform/jobs.ts";
import type { Ctx } from "../../src/platform/context.ts";

export const onPostgres = Boolean(process.env.DATABASE_URL);

export interface TestDb {
  database: Database;
  ctx: Ctx;
  close(): Promise<void>;
}

export async function testDb(options: { clock?: Clock } = {}): Promise<TestDb> {
  const clock = options.clock ?? fixedClock("2026-06-15T12:00:00Z");
  if (onPostgres) {
    const template = process.env.CLOSEBOOK_TEST_TEMPLATE!;
    const name = `cb_test_${crypto.randomBytes(6).toString("hex")}`;
    await adminQuery(`create database ${name} template ${template}`);
    const url = databaseUrlFor(name);
    const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
    const jobs = new InProcessJobs(database.db);
    return {
      database,
      ctx: { db: database.db, clock, jobs },
      close: async () => {
        await jobs.stop();
        await database.close();
        await adminQuery(`drop database if exists ${name} with (force)`);
      },
    };
  }
  const snapshot = process.env.CLOSEBOOK_TEST_SNAPSHOT;
  if (!snapshot)
    throw new Error("the test snapshot is missing: run tests through vitest (test/global-setup.ts)");
  const database = await openDatabase({
    dataDir: "memory://",
    loadDataDir: new Blob([fs.readFileSync(snapshot)]),
  });
  const jobs = new InProcessJobs(database.db);
  return {
    database,
    ctx: { db: database.db, clock, jobs },
    close: async () => {
      await jobs.stop();
      await database.close();
    },
  };
}

export function databaseUrlFor(name: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
