// `npm start`: runs Closebook from its TypeScript sources (tsx), with the demo firm.
import { register } from "tsx/esm/api";

register();
const { start } = await import("../src/app/start.ts");
await start();
