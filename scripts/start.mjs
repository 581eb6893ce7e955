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
  ({ start } = await import("../src/app/start.ts"));
} else {
  await ensureCliBuilt();
  ({ start } = await import("../dist/cli/start.js"));
}
await start();
