// `closebook serve`: migrates the database and serves the API (and, when built, the web app).
import { openRuntime } from "../../app/runtime.ts";
import { createServer } from "../../app/server.ts";
import { appServices } from "../../app/services.ts";
import { startMaintenance } from "../../app/maintenance.ts";
import { parse } from "../args.ts";

export async function run(argv: string[]): Promise<number> {
  parse(argv, {}, "closebook serve   (settings come from PORT, HOST, DATABASE_URL, CLOSEBOOK_DATA_DIR)");
  const runtime = await openRuntime();
  const app = await createServer(runtime);
  const services = appServices(runtime.config, runtime.ctx);
  const stopMaintenance = await startMaintenance(runtime, services);
  await runtime.ctx.jobs.start();
  const address = await app.listen({ port: runtime.config.port, host: runtime.config.host });
  process.stdout.write(`Closebook is listening on ${address} (database: ${runtime.database.kind})\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  stopMaintenance();
  await services.delivery.close();
  await app.close();
  await runtime.close();
  return 0;
}
