// A real Closebook for browser tests: a fresh PGlite data dir, the demo firm, and the HTTP server
// listening on a free 127.0.0.1 port — the same composition `npm start` runs.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { loadConfig } from "../../../src/platform/config.ts";
import { openRuntime } from "../../../src/app/runtime.ts";
import { createServer } from "../../../src/app/server.ts";
import { seedDemo } from "../../../src/app/demo/seed.ts";

export interface RunningCloseBook {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startCloseBook(env: Record<string, string> = {}): Promise<RunningCloseBook> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "closebook-e2e-"));
  const config = loadConfig({ CLOSEBOOK_DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", ...env });
  const runtime = await openRuntime(config);
  await seedDemo(runtime.ctx);
  const app = await createServer(runtime);
  await runtime.ctx.jobs.start();
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    async stop() {
      await app.close();
      await runtime.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
