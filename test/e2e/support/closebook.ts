// A real Closebook for browser tests: a fresh PGlite data dir holding the demo firm (a copy of the
// run's seeded template) with an invited Partner Admin, a real SMTP server on 127.0.0.1 for its
// e-mail, and the HTTP server listening on a free 127.0.0.1 port — what `npm start` runs.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { loadConfig } from "../../../src/platform/config.ts";
import { openRuntime, type Runtime } from "../../../src/app/runtime.ts";
import { createServer } from "../../../src/app/server.ts";
import { seedDemo } from "../../../src/app/demo/seed.ts";
import { documentsCtx, vaultCtx } from "../../../src/app/services.ts";
import { invitePartnerAdmin } from "./bootstrap.ts";
import { copyDemoTemplate } from "./demo-template.ts";
import { startMailbox, type Mailbox } from "./mailbox.ts";

export interface Person {
  email: string;
  name: string;
  password: string;
}

export interface RunningCloseBook {
  url: string;
  dataDir: string;
  mailbox: Mailbox;
  /** The server's database and services, for setting up what a test needs through the modules. */
  runtime: Runtime;
  /** The demo firm's Partner Admin: invited at start; the tests accept the invitation. */
  admin: Person & { totpSecret?: string };
  stop(): Promise<void>;
}

export const DEMO_ADMIN: Person = {
  email: "pat@northwind.example",
  name: "Pat Partner",
  password: "northwind-ledger-keeper-19",
};

export async function startCloseBook(env: Record<string, string> = {}): Promise<RunningCloseBook> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "closebook-e2e-"));
  const mailbox = await startMailbox();
  // The base URL is only known once listening; e-mailed links are rebased onto the real port.
  const config = loadConfig({
    CLOSEBOOK_DATA_DIR: dataDir,
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    SMTP_URL: mailbox.url,
    ...env,
  });
  const copiedTemplate = copyDemoTemplate(dataDir);
  const runtime = await openRuntime(config);
  // The demo seeded once for the run (global set-up) is copied in; seeded here when there is none.
  if (!copiedTemplate)
    await seedDemo(runtime.ctx, documentsCtx(config, runtime.ctx), vaultCtx(config, runtime.ctx));
  await invitePartnerAdmin(runtime, DEMO_ADMIN);
  const app = await createServer(runtime);
  await runtime.ctx.jobs.start();
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    mailbox,
    runtime,
    admin: { ...DEMO_ADMIN },
    async stop() {
      await app.close();
      await runtime.close();
      await mailbox.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
