// `npm start`: runs Closebook with the demo firm, after building the web portal (web/dist) and the
// compiled server (dist/cli) when either is missing or older than its sources.
// CLOSEBOOK_FROM_SOURCES=1 runs the TypeScript sources through tsx instead (development).
import { ensureWebBuilt } from "./build-web.mjs";
import { ensureCliBuilt } from "./build-cli.mjs";

await ensureWebBuilt();
let start;
if (process.env.CLOSEBOOK_FROM_SOURCES === "1") {
  const { register } = await import("tsx/esm/api");
  register();
  ({ start } = await import("../src/cli/start.ts"));
} else {
  await ensureCliBuilt();
  ({ start } = await import("../dist/cli/start.js"));
}
try {
  await start();
} catch (error) {
  // Another Closebook holds the data folder (a server, or a command still running): say so plainly.
  if (!error?.holder) throw error;
  process.stderr.write(
    `npm start: ${error.message}. Stop it first (Ctrl-C in its terminal, or kill ${error.holder.pid})${error.holder.url ? `, or open ${error.holder.url}` : ""}.\n`,
  );
  process.exitCode = 1;
}
