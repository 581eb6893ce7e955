// Applies the SQL files in migrations/ in name order, each in its own transaction, once.
// A landed migration is never edited: a changed checksum stops the start with a clear message, and
// so does a new file numbered below one already applied (it would run in a different order on old
// and new databases) or two files sharing a number.
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
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const text = fs.readFileSync(path.join(dir, name), "utf8");
      return { name, sql: text, checksum: crypto.createHash("sha256").update(text).digest("hex") };
    });
  const problem = numberingProblem(files.map((f) => f.name));
  if (problem) throw new Error(problem);
  return files;
}

/** Two files with one number would apply in an order that depends on the rest of their names. */
export function numberingProblem(names: string[]): string | null {
  const seen = new Map<string, string>();
  for (const name of names) {
    const number = name.slice(0, 4);
    const other = seen.get(number);
    if (other) return `migrations ${other} and ${name} share the number ${number}; renumber the new one`;
    seen.set(number, name);
  }
  return null;
}

/**
 * A pending file that sorts before an applied one was numbered into a gap after the database moved
 * past it: a new database would run it earlier than this one did. Refused, naming both files.
 */
export function orderProblem(pending: string[], applied: string[]): string | null {
  const highest = [...applied].sort().at(-1);
  const early = pending.filter((name) => highest !== undefined && name < highest).sort();
  if (early.length === 0) return null;
  return (
    `migration ${early[0]} is numbered below ${highest}, which this database already applied; ` +
    `number new migrations after the highest (${highest})`
  );
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
      const outOfOrder = orderProblem(
        files.filter((f) => !done.has(f.name)).map((f) => f.name),
        [...done.keys()],
      );
      if (outOfOrder) throw new Error(outOfOrder);
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
