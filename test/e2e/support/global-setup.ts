// Before the browser tests: build the web portal when web/dist is missing or stale, and make
// sure the screenshots folder exists.
import fs from "node:fs";
// @ts-expect-error -- a plain ES module script without type declarations
import { ensureWebBuilt } from "../../../scripts/build-web.mjs";

export default async function setup(): Promise<void> {
  await (ensureWebBuilt as () => Promise<boolean>)();
  fs.mkdirSync("test-results/screenshots", { recursive: true });
}
