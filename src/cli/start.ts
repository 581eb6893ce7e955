// `npm start`: one process that opens the embedded database, makes sure the demo firm exists,
// serves Closebook and prints where to find it. An entry point like main.ts (scripts/start.mjs
// loads it, compiled or from the sources): it composes the app (launch.ts) with the CLI's own
// route for `closebook` commands run while this server holds the data folder.
import { openRuntime } from "../app/runtime.ts";
import { launch } from "../app/launch.ts";
import { seedDemo } from "../app/demo/seed.ts";
import { documentsCtx, vaultCtx } from "../app/services.ts";
import { loadConfig } from "../platform/config.ts";
import { localCliRoutes } from "./local-server.ts";

export async function start(): Promise<void> {
  const runtime = await openRuntime(loadConfig(), { command: "start" });
  const demo = await seedDemo(
    runtime.ctx,
    documentsCtx(runtime.config, runtime.ctx),
    vaultCtx(runtime.config, runtime.ctx),
  );
  // Listens first; queued work (and lost imports) is caught up on in the background.
  const served = await launch(runtime, { plugins: [localCliRoutes(runtime)] });
  const url = runtime.config.baseUrl;
  const admin = demo.users.find((u) => u.role === "partner_admin");
  process.stdout.write(
    [
      "",
      `Closebook is running at ${url}  (database: ${runtime.database.kind}, data in ${runtime.config.dataDir})`,
      `Demo firm: Northwind Bookkeeping — clients ${demo.clients.map((c) => c.slug).join(", ")}`,
      ...(admin ? [`Sign in at ${url} as ${admin.email} with the password ${admin.password}`] : []),
      served.services.delivery.outboxEnabled
        ? '  The second step asks for a code sent by e-mail: no mail server is configured, so click "Show my code" on the code screen.'
        : "  The second step asks for a code sent by e-mail to that address (set CLOSEBOOK_OUTBOX=on to read it in the portal instead).",
      `API: ${url}/api/docs`,
      "Stop with Ctrl-C.",
      "",
    ].join("\n"),
  );
  const stop = async () => {
    await served.stop();
    await runtime.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
