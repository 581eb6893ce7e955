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
  // Stop within 10 s of a signal: requests in flight finish (app.close waits for them), a running
  // job gets up to 8 s and is otherwise released to the queue; if anything still holds the
  // process after that, it exits anyway rather than running on unseen.
  setTimeout(() => {
    process.stderr.write("closebook serve: still stopping after 9 s; exiting now\n");
    process.exit(1);
  }, 9_000).unref();
  stopMaintenance();
  await app.close();
  await services.delivery.close();
  await runtime.close();
  return 0;
}
