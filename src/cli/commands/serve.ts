// `closebook serve`: migrates the database and serves the API and the web portal (built first when
// it is missing or older than its sources, as `npm start` does). On the embedded database the
// server holds the data folder: a `closebook` command run meanwhile is sent to it (local-server.ts).
import { openRuntime } from "../../app/runtime.ts";
import { launch } from "../../app/launch.ts";
import { loadConfig } from "../../platform/config.ts";
import { parse } from "../args.ts";
import { processIo, type CommandIo } from "../io.ts";
import { localCliRoutes } from "../local-server.ts";

const USAGE =
  "closebook serve [--no-web-build]   (settings come from PORT, HOST, DATABASE_URL, CLOSEBOOK_DATA_DIR)";

export async function run(argv: string[], io: CommandIo = processIo()): Promise<number> {
  const { values } = parse(argv, { "no-web-build": { type: "boolean", default: false } }, USAGE);
  const runtime = await openRuntime(loadConfig(), { command: "serve" });
  if (!values["no-web-build"]) await ensurePortal(io);
  // Listens first; queued work (and lost imports) is caught up on in the background.
  const served = await launch(runtime, {
    plugins: [localCliRoutes(runtime)],
    say: (line) => io.stdout(`${line}\n`),
    warn: (line) => io.stderr(`${line}\n`),
  });
  io.stdout(`Closebook is listening on ${served.address} (database: ${runtime.database.kind})\n`);
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
  await served.stop();
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
