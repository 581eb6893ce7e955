// `closebook serve`: migrates the database and serves the API (and, when built, the web app).
import { openRuntime } from "../../app/runtime.ts";
import { createServer } from "../../app/server.ts";
import { parse } from "../args.ts";

export async function run(argv: string[]): Promise<number> {
  parse(argv, {}, "closebook serve   (settings come from PORT, HOST, DATABASE_URL, CLOSEBOOK_DATA_DIR)");
  const runtime = await openRuntime();
  const app = await createServer(runtime);
  await runtime.ctx.jobs.start();
  const address = await app.listen({ port: runtime.config.port, host: runtime.config.host });
  process.stdout.write(`Closebook is listening on ${address} (database: ${runtime.database.kind})\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await app.close();
  await runtime.close();
  return 0;
}
