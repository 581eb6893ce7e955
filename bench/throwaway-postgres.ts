// A throwaway PostgreSQL database for a benchmark on the server DATABASE_URL names: created empty,
// handed to the measurement, dropped afterwards even when the measurement fails.
import crypto from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "../src/platform/db.ts";

/** Runs `measure` on a new database of the DATABASE_URL server; undefined when none is set. */
export async function onThrowawayPostgres<T>(
  measure: (database: Database) => Promise<T>,
): Promise<T | undefined> {
  if (!process.env.DATABASE_URL) return undefined;
  const name = `cb_bench_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString() });
    try {
      return await measure(database);
    } finally {
      await database.close();
      await admin.query(`drop database if exists ${name} with (force)`);
    }
  } finally {
    await admin.end();
  }
}
