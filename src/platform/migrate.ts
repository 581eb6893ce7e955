// Applies the SQL files in migrations/ in name order, each in its own transaction, once.
// A landed migration is never edited: a changed checksum stops the start with a clear message.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import type { Kysely } from "kysely";
import type { Database } from "./db.ts";
import type { PlatformTables } from "./tables.ts";

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../migrations");

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const text = fs.readFileSync(path.join(dir, name), "utf8");
      return { name, sql: text, checksum: crypto.createHash("sha256").update(text).digest("hex") };
    });
}

/** Applies pending migrations; returns the names applied now. Safe to run from several processes. */
export async function migrate(database: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const { db } = database;
  const files = readMigrations(dir);
  await sql`create table if not exists schema_migrations (
    name text primary key,
    checksum text not null,
    applied_at timestamptz not null default now()
  )`.execute(db);
  const applied: string[] = [];
  await db.connection().execute(async (conn) => {
    // One migrator at a time across processes sharing a PostgreSQL server.
    await sql`select pg_advisory_lock(7201400)`.execute(conn);
    try {
      const done = new Map(
        (await conn.selectFrom("schema_migrations").select(["name", "checksum"]).execute()).map((r) => [
          r.name,
          r.checksum,
        ]),
      );
      for (const file of files) {
        const previous = done.get(file.name);
        if (previous !== undefined) {
          if (previous !== file.checksum) {
            throw new Error(
              `migration ${file.name} was edited after it was applied; add a new migration instead`,
            );
          }
          continue;
        }
        await applyOne(database, conn, file);
        applied.push(file.name);
      }
    } finally {
      await sql`select pg_advisory_unlock(7201400)`.execute(conn);
    }
  });
  return applied;
}

/**
 * Applies one migration file and records it, in one transaction. PGlite's `query` takes a single
 * statement (extended protocol), so on PGlite the script runs through its own transaction's `exec`
 * (the caller holds Kysely's only connection, so nothing else runs meanwhile); pg sends
 * parameterless text with the simple protocol, which accepts a whole script.
 */
async function applyOne(
  database: Database,
  conn: Kysely<PlatformTables>,
  file: MigrationFile,
): Promise<void> {
  if (database.kind === "pglite" && database.pglite) {
    await database.pglite.transaction(async (tx) => {
      await tx.exec(file.sql);
      await tx.query("insert into schema_migrations (name, checksum) values ($1, $2)", [
        file.name,
        file.checksum,
      ]);
    });
    return;
  }
  await conn.transaction().execute(async (tx) => {
    await sql.raw(file.sql).execute(tx);
    await tx.insertInto("schema_migrations").values({ name: file.name, checksum: file.checksum }).execute();
  });
}
