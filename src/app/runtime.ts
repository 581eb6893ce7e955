// Opens what a running Closebook needs: the database (migrated), the clock and the job runner.
// Used by the server, the CLI commands and the benchmarks. On the embedded database the process
// first takes the data folder's lock: two processes must never open one PGlite folder.
import { loadConfig, pgliteDir, type Config } from "../platform/config.ts";
import { openDatabase, type Database } from "../platform/db.ts";
import { migrate } from "../platform/migrate.ts";
import { systemClock } from "../platform/clock.ts";
import { createJobs } from "../platform/jobs.ts";
import { lockDataDir, type DataDirLock } from "../platform/data-dir-lock.ts";
import type { Ctx } from "../platform/context.ts";

export interface Runtime {
  config: Config;
  database: Database;
  ctx: Ctx;
  /** The data folder's lock (embedded database only). */
  lock?: DataDirLock | undefined;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  migrate?: boolean;
  /** Who takes the data folder's lock (shown to a process that finds it taken); default "closebook". */
  command?: string;
  /** A short command that reads little: PGlite opens with a small buffer cache (see db.ts). */
  light?: boolean;
}

export async function openRuntime(
  config: Config = loadConfig(),
  options: RuntimeOptions = {},
): Promise<Runtime> {
  // Throws DataDirBusy, naming the holder, before anything is opened.
  const lock = config.databaseUrl ? undefined : lockDataDir(config.dataDir, options.command ?? "closebook");
  let database: Database | undefined;
  try {
    database = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: pgliteDir(config),
      sharedBuffers: options.light ? "16MB" : undefined,
    });
    if (options.migrate !== false) await migrate(database);
  } catch (error) {
    await database?.close().catch(() => undefined);
    lock?.release();
    throw error;
  }
  const jobs = createJobs(database, config.databaseUrl);
  const ctx: Ctx = { db: database.db, clock: systemClock, jobs };
  return {
    config,
    database,
    ctx,
    lock,
    close: async () => {
      try {
        await jobs.stop();
        await database.close();
      } finally {
        lock?.release();
      }
    },
  };
}
