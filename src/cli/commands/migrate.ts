// `closebook migrate`: applies pending migrations and says which.
import { loadConfig, pgliteDir } from "../../platform/config.ts";
import { openDatabase } from "../../platform/db.ts";
import { migrate } from "../../platform/migrate.ts";
import { parse } from "../args.ts";

export async function run(argv: string[]): Promise<number> {
  parse(argv, {}, "closebook migrate");
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: pgliteDir(config) });
  try {
    const applied = await migrate(database);
    process.stdout.write(
      applied.length
        ? `applied ${applied.length} migration(s): ${applied.join(", ")}\n`
        : "the database is up to date\n",
    );
    return 0;
  } finally {
    await database.close();
  }
}
