// Before the browser tests: build the web portal when web/dist is missing or stale, make sure the
// screenshots folder exists, and seed the demo firm once into the template every server copies.
import fs from "node:fs";
import { removeDemoTemplate, seedDemoTemplate } from "./demo-template.ts";
// @ts-expect-error -- a plain ES module script without type declarations
import { ensureWebBuilt } from "../../../scripts/build-web.mjs";

export default async function setup(): Promise<() => void> {
  await (ensureWebBuilt as () => Promise<boolean>)();
  fs.mkdirSync("test-results/screenshots", { recursive: true });
  await seedDemoTemplate();
  return removeDemoTemplate;
}
