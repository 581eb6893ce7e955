// Opens what a running Closebook needs: the database (migrated), the clock and the job runner.
// Used by the server, the CLI commands and the benchmarks.
import { loadConfig, pgliteDir, type Config } from "../platform/config.ts";
import { openDatabase, type Database } from "../platform/db.ts";
import { migrate } from "../platform/migrate.ts";
import { systemClock } from "../platform/clock.ts";
import { createJobs } from "../platform/jobs.ts";
import type { Ctx } from "../platform/context.ts";

export interface Runtime {
  config: Config;
  database: Database;
  ctx: Ctx;
  close(): Promise<void>;
}

export async function openRuntime(
  config: Config = loadConfig(),
  options: { migrate?: boolean } = {},
): Promise<Runtime> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: pgliteDir(config) });
  if (options.migrate !== false) await migrate(database);
  const jobs = createJobs(database, config.databaseUrl);
  const ctx: Ctx = { db: database.db, clock: systemClock, jobs };
  return {
    config,
    database,
    ctx,
    close: async () => {
      await jobs.stop();
      await database.close();
    },
  };
}
