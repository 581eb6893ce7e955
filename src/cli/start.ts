// `npm start`: one process that opens the embedded database, makes sure the demo firm exists,
// serves Closebook and prints where to find it.
import { openRuntime } from "./runtime.ts";
import { createServer } from "./server.ts";
import { seedDemo } from "./demo/seed.ts";
import { appServices } from "./services.ts";
import { startMaintenance } from "./maintenance.ts";
import { requeueLostImports } from "./work.ts";
import { loadConfig } from "../platform/config.ts";
import { advertiseToLocalCli, localCliRoutes } from "../cli/local-server.ts";

export async function start(): Promise<void> {
  const runtime = await openRuntime(loadConfig(), { command: "start" });
  const demo = await seedDemo(runtime.ctx);
  const app = await createServer(runtime);
  // `closebook` commands run while this server holds the data folder are sent to it.
  await app.register(localCliRoutes(runtime));
  const services = appServices(runtime.config, runtime.ctx);
  const stopMaintenance = await startMaintenance(runtime, services);
  await runtime.ctx.jobs.start();
  await app.listen({ port: runtime.config.port, host: runtime.config.host });
  advertiseToLocalCli(app, runtime);
  // Imports whose job was lost (bank lines without transactions) are queued again.
  requeueLostImports(runtime.ctx).catch((error: Error) =>
    process.stderr.write(`warning: could not look for lost imports: ${error.message}\n`),
  );
  const url = runtime.config.baseUrl;
  const admin = demo.users.find((u) => u.role === "partner_admin");
  process.stdout.write(
    [
      "",
      `Closebook is running at ${url}  (database: ${runtime.database.kind}, data in ${runtime.config.dataDir})`,
      `Demo firm: Northwind Bookkeeping — clients ${demo.clients.map((c) => c.slug).join(", ")}`,
      ...(admin ? [`Sign in at ${url} as ${admin.email} with the password ${admin.password}`] : []),
      services.delivery.outboxEnabled
        ? '  The second step asks for a code sent by e-mail: no mail server is configured, so click "Show my code" on the code screen.'
        : "  The second step asks for a code sent by e-mail to that address (set CLOSEBOOK_OUTBOX=on to read it in the portal instead).",
      `API: ${url}/api/docs`,
      "Stop with Ctrl-C.",
      "",
    ].join("\n"),
  );
  const stop = async () => {
    stopMaintenance();
    await services.delivery.close();
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
