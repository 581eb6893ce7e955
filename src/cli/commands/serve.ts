// `closebook serve`: migrates the database and serves the API and the web portal (built first when
// it is missing or older than its sources, as `npm start` does). On the embedded database the
// server holds the data folder: a `closebook` command run meanwhile is sent to it (local-server.ts).
import { openRuntime } from "../../app/runtime.ts";
import { createServer } from "../../app/server.ts";
import { appServices } from "../../app/services.ts";
import { startMaintenance } from "../../app/maintenance.ts";
import { requeueLostImports } from "../../app/work.ts";
import { loadConfig } from "../../platform/config.ts";
import { parse } from "../args.ts";
import { processIo, type CommandIo } from "../io.ts";
import { advertiseToLocalCli, localCliRoutes } from "../local-server.ts";

const USAGE =
  "closebook serve [--no-web-build]   (settings come from PORT, HOST, DATABASE_URL, CLOSEBOOK_DATA_DIR)";

export async function run(argv: string[], io: CommandIo = processIo()): Promise<number> {
  const { values } = parse(argv, { "no-web-build": { type: "boolean", default: false } }, USAGE);
  const runtime = await openRuntime(loadConfig(), { command: "serve" });
  if (!values["no-web-build"]) await ensurePortal(io);
  const app = await createServer(runtime);
  await app.register(localCliRoutes(runtime));
  const services = appServices(runtime.config, runtime.ctx);
  const stopMaintenance = await startMaintenance(runtime, services);
  await runtime.ctx.jobs.start();
  const address = await app.listen({ port: runtime.config.port, host: runtime.config.host });
  advertiseToLocalCli(app, runtime);
  io.stdout(`Closebook is listening on ${address} (database: ${runtime.database.kind})\n`);
  recoverLostWork(runtime, io);
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

/** Builds the portal when it is missing or stale; without the build tools, `/` says how instead. */
export async function ensurePortal(io: CommandIo): Promise<void> {
  try {
    const builder = new URL("../../../scripts/build-web.mjs", import.meta.url).href;
    const { ensureWebBuilt } = (await import(builder)) as { ensureWebBuilt(): Promise<boolean> };
    await ensureWebBuilt();
  } catch (error) {
    io.stderr(
      `warning: the web portal could not be built (${(error as Error).message.split("\n")[0]}); the API works, and / says how to build the portal\n`,
    );
  }
}

/** Imports whose job was lost are queued again, after the server listens. */
export function recoverLostWork(runtime: Awaited<ReturnType<typeof openRuntime>>, io: CommandIo): void {
  requeueLostImports(runtime.ctx).then(
    (queued) =>
      queued && io.stdout(`queued again ${queued} import(s) whose bank lines had no transactions\n`),
    (error: Error) => io.stderr(`warning: could not look for lost imports: ${error.message}\n`),
  );
}
