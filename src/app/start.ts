// `npm start`: one process that opens the embedded database, makes sure the demo firm exists,
// serves Closebook and prints where to find it.
import { openRuntime } from "./runtime.ts";
import { createServer } from "./server.ts";
import { seedDemo } from "./demo/seed.ts";

export async function start(): Promise<void> {
  const runtime = await openRuntime();
  const demo = await seedDemo(runtime.ctx);
  const app = await createServer(runtime);
  await runtime.ctx.jobs.start();
  await app.listen({ port: runtime.config.port, host: runtime.config.host });
  const url = runtime.config.baseUrl;
  process.stdout.write(
    [
      "",
      `Closebook is running at ${url}  (database: ${runtime.database.kind}, data in ${runtime.config.dataDir})`,
      `Demo firm: Northwind Bookkeeping — clients ${demo.clients.map((c) => c.slug).join(", ")}`,
      `API: ${url}/api/docs   Trial balance: ${url}/api/clients/bluebird-coffee/reports/trial-balance?format=text`,
      "Sign-in arrives with the identity module; until then the API acts as the demo firm's administrator.",
      "Stop with Ctrl-C.",
      "",
    ].join("\n"),
  );
  const stop = async () => {
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
