// `npm start`: runs Closebook from its TypeScript sources (tsx), with the demo firm, after
// building the web portal when it is missing or older than its sources.
import { register } from "tsx/esm/api";
import { ensureWebBuilt } from "./build-web.mjs";

await ensureWebBuilt();
register();
const { start } = await import("../src/app/start.ts");
await start();
