// The demo firm is seeded once per browser run, into a template data folder that each test file's
// server copies: seeding it (two years of books, the bot's training, reconciliations, the package)
// took most of each file's start-up, fourteen times over.
import fs from "node:fs";
import path from "node:path";
import { loadConfig } from "../../../src/platform/config.ts";
import { openRuntime } from "../../../src/app/runtime.ts";
import { seedDemo } from "../../../src/app/demo/seed.ts";
import { documentsCtx, vaultCtx } from "../../../src/app/services.ts";
import { LOCK_FILE } from "../../../src/platform/data-dir-lock.ts";

export const DEMO_TEMPLATE = path.resolve("test-results/e2e-demo-template");
const READY = ".seeded";

/** Seeds the demo into a fresh template folder (global set-up, before any test file). */
export async function seedDemoTemplate(): Promise<void> {
  fs.rmSync(DEMO_TEMPLATE, { recursive: true, force: true });
  fs.mkdirSync(DEMO_TEMPLATE, { recursive: true });
  const config = loadConfig({ CLOSEBOOK_DATA_DIR: DEMO_TEMPLATE, LOG_LEVEL: "silent" });
  const runtime = await openRuntime(config);
  try {
    await seedDemo(runtime.ctx, documentsCtx(config, runtime.ctx), vaultCtx(config, runtime.ctx));
  } finally {
    await runtime.close();
  }
  fs.writeFileSync(path.join(DEMO_TEMPLATE, READY), new Date().toISOString());
}

/** Copies the seeded template into `dataDir`; false when there is none (then the caller seeds). */
export function copyDemoTemplate(dataDir: string): boolean {
  if (!fs.existsSync(path.join(DEMO_TEMPLATE, READY))) return false;
  fs.cpSync(DEMO_TEMPLATE, dataDir, {
    recursive: true,
    filter: (source) => ![READY, LOCK_FILE].includes(path.basename(source)),
  });
  return true;
}

export function removeDemoTemplate(): void {
  fs.rmSync(DEMO_TEMPLATE, { recursive: true, force: true });
}
