// Database access: one Kysely instance over PGlite (embedded, default) or PostgreSQL (DATABASE_URL).
// Both drivers are told to return the same JS values: int8 → bigint, date → "YYYY-MM-DD" string,
// numeric → string, so code above this file never knows which database it runs on.
import { Kysely, PGliteDialect, PostgresDialect, sql } from "kysely";
import type { Transaction } from "kysely";
import type pg from "pg";
import fs from "node:fs";
import type { PGlite } from "@electric-sql/pglite";
import type { PlatformTables } from "./tables.ts";
import { scopedDialect } from "./scoped-driver.ts";
import { runInTransactionScope } from "./tenant-scope.ts";

export type DbKind = "pglite" | "postgres";
export type Db = Kysely<PlatformTables>;
export type Tx = Transaction<PlatformTables>;
/** Any query executor: the database itself or an open transaction. */
export type Executor = Kysely<PlatformTables>;

export interface Database {
  kind: DbKind;
  db: Db;
  /** The embedded engine, when kind is "pglite" (used for snapshots and COPY). */
  pglite?: PGlite;
  close(): Promise<void>;
}

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

const parsers: Record<number, (value: string) => unknown> = {
  [INT8]: (v) => BigInt(v),
  [NUMERIC]: (v) => v,
  [DATE]: (v) => v,
};

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** PGlite data directory; "memory://" or undefined for an in-memory database. */
  dataDir?: string | undefined;
  /** A PGlite data dir tarball to start from (test snapshots). */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
  /**
   * PGlite's buffer cache (PostgreSQL's shared_buffers, 128MB by default). A short command that
   * reads little opens ~15% faster with 16MB and peaks ~130 MB lower: PGlite zeroes it at start.
   */
  sharedBuffers?: string | undefined;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataDir, options.loadDataDir, options.sharedBuffers);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  // Loaded only when used, so that commands on PGlite do not pay for the driver.
  const { default: pg } = await import("pg");
  const types = {
    getTypeParser: (oid: number, format?: string) =>
      parsers[oid] ?? (pg.types.getTypeParser as (o: number, f?: string) => unknown)(oid, format),
  };
  const pool = new pg.Pool({ connectionString: url, max, types: types as pg.CustomTypesConfig });
  // An idle pooled connection can be closed by the server (restart, dropped database, admin
  // command); pg then emits "error" on the pool, which would crash the process if unhandled. The
  // pool discards that client and opens a new one when needed, so this is worth a log line only.
  pool.on("error", (error) =>
    process.stderr.write(`database: an idle connection was closed (${error.message})\n`),
  );
  const db = new Kysely<PlatformTables>({
    dialect: scopedDialect(new PostgresDialect({ pool }), { singleSession: false }),
  });
  return { kind: "postgres", db, close: () => db.destroy() };
}

async function openPglite(
  dataDir: string | undefined,
  loadDataDir: Blob | undefined,
  sharedBuffers: string | undefined,
): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  // The trigram index of the Transaction Manager's search (migration 0029) needs pg_trgm.
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  if (dataDir && !dataDir.startsWith("memory://")) fs.mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(sharedBuffers
      ? { startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${sharedBuffers}`] }
      : {}),
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    parsers,
    extensions: { pg_trgm },
  });
  const db = new Kysely<PlatformTables>({
    dialect: scopedDialect(new PGliteDialect({ pglite }), { singleSession: true }),
  });
  return {
    kind: "pglite",
    db,
    pglite,
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

/** True when the error is PostgreSQL's unique violation (23505), whichever driver raised it. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === "23505";
}

export { sql };

/** Runs `fn` in a transaction: a new one, or the caller's when `ex` already is one. */
export async function inTransaction<T>(ex: Executor, fn: (tx: Executor) => Promise<T>): Promise<T> {
  if (ex.isTransaction) return fn(ex);
  return ex.transaction().execute((tx) => runInTransactionScope(() => fn(tx)));
}
