// `closebook migrate`: applies pending migrations and says which.
import { migrate } from "../../platform/migrate.ts";
import { parse } from "../args.ts";
import { processIo, type CommandIo } from "../io.ts";

export async function run(argv: string[], io: CommandIo = processIo()): Promise<number> {
  parse(argv, {}, "closebook migrate");
  const { loadConfig } = await import("../../platform/config.ts");
  const { openRuntime } = await import("../../app/runtime.ts");
  const runtime = await openRuntime(loadConfig(), { migrate: false, command: "migrate", light: true });
  try {
    const applied = await migrate(runtime.database);
    io.stdout(
      applied.length
        ? `applied ${applied.length} migration(s): ${applied.join(", ")}\n`
        : "the database is up to date\n",
    );
    return 0;
  } finally {
    await runtime.close();
  }
}
