// Serving a runtime, in the order that keeps the server answering: the HTTP server and the hourly
// upkeep are set up, the server listens, and only then does the process catch up on work — the
// scan for imports whose job was lost, then the job runner with whatever is queued. Work queued
// before a restart (a 200,000-line import) used to run before the server listened; on PGlite,
// where jobs share the process's one database session, nobody could connect until it was done.
// Used by `npm start` and `closebook serve`.
import type { FastifyPluginAsync } from "fastify";
import type { App } from "../platform/http.ts";
import { runInBackground } from "../platform/tenant-scope.ts";
import type { Runtime } from "./runtime.ts";
import { createServer, type ServerOptions } from "./server.ts";
import { appServices, type AppServices } from "./services.ts";
import { startMaintenance } from "./maintenance.ts";
import { requeueLostImports } from "./work.ts";

export interface LaunchOptions extends ServerOptions {
  /** Routes added beside the API before the server listens (the CLI's local command route). */
  plugins?: ReadonlyArray<FastifyPluginAsync> | undefined;
  /** Where start-up tells what it did (stdout by default). */
  say?: ((line: string) => void) | undefined;
  /** Where start-up warns (stderr by default). */
  warn?: ((line: string) => void) | undefined;
}

export interface Launched {
  app: App;
  services: AppServices;
  /** The address the server listens on. */
  address: string;
  /** Settles when the lost-work scan is done and the job runner has started (never rejects). */
  caughtUp: Promise<void>;
  /** Stops the upkeep, the server (requests in flight finish) and the delivery of messages. */
  stop(): Promise<void>;
}

export async function launch(runtime: Runtime, options: LaunchOptions = {}): Promise<Launched> {
  const say = options.say ?? ((line: string) => process.stdout.write(`${line}\n`));
  const warn = options.warn ?? ((line: string) => process.stderr.write(`${line}\n`));
  const app = await createServer(runtime, options);
  for (const plugin of options.plugins ?? []) await app.register(plugin);
  const services = appServices(runtime.config, runtime.ctx, options);
  // Maintenance queues its jobs (and on PostgreSQL starts pg-boss, once) before the runner starts.
  const stopMaintenance = await startMaintenance(runtime, services);
  const address = await app.listen({ port: runtime.config.port, host: runtime.config.host });
  advertiseToLocalCli(app, runtime);
  // In the background lane: on PGlite the requests that arrive meanwhile go first.
  const caughtUp = runInBackground(() => catchUp(runtime, say, warn));
  return {
    app,
    services,
    address,
    caughtUp,
    stop: async () => {
      stopMaintenance();
      await caughtUp;
      await app.close();
      await services.delivery.close();
    },
  };
}

/** After listening: imports whose job was lost are queued again, then the queue is worked. */
async function catchUp(
  runtime: Runtime,
  say: (line: string) => void,
  warn: (line: string) => void,
): Promise<void> {
  try {
    const queued = await requeueLostImports(runtime.ctx);
    if (queued) say(`queued again ${queued} import(s) whose bank lines had no transactions`);
  } catch (error) {
    warn(`warning: could not look for lost imports: ${(error as Error).message}`);
  }
  try {
    await runtime.ctx.jobs.start();
  } catch (error) {
    warn(`warning: the job runner did not start: ${(error as Error).message}`);
  }
}

/**
 * Once the server listens, on the embedded database: writes its loopback URL and a new local token
 * into the data folder's lock file, so that a `closebook` command run meanwhile is sent here.
 */
export function advertiseToLocalCli(app: App, runtime: Runtime): void {
  const address = app.server.address();
  if (!runtime.lock || !address || typeof address === "string") return;
  const host = ["0.0.0.0", "::"].includes(address.address)
    ? "127.0.0.1"
    : address.family === "IPv6"
      ? `[${address.address}]`
      : address.address;
  runtime.lock.advertise(`http://${host}:${address.port}`);
}
