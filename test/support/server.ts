// An in-process HTTP server over a test database, called through Fastify's inject (no socket).
import { createServer } from "../../src/app/server.ts";
import { loadConfig } from "../../src/platform/config.ts";
import type { App } from "../../src/platform/http.ts";
import type { TestDb } from "./db.ts";

export async function testServer(t: TestDb): Promise<App> {
  const config = { ...loadConfig({}), logLevel: "silent" as const };
  return createServer({ config, database: t.database, ctx: t.ctx, close: t.close });
}
