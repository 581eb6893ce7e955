// An in-process HTTP server over a test database, called through Fastify's inject (no socket).
// It uses a fixed server key (so test helpers can open sessions the server accepts) and keeps
// outgoing messages in the outbox unless a test passes its own delivery.
//
// Requests that carry no credentials act as a Partner Admin of the oldest firm — what the server
// did before sign-in existed — so tests of business modules need not care about signing in.
// Tests about authentication and tenancy pass `anonymous: true` and sign in explicitly (auth.ts).
import type { InjectOptions } from "fastify";
import { createServer, type ServerOptions } from "../../src/app/server.ts";
import { loadConfig, type Config } from "../../src/platform/config.ts";
import { createSecrets } from "../../src/platform/secrets.ts";
import type { App } from "../../src/platform/http.ts";
import type { TestDb } from "./db.ts";

export const TEST_SECRETS = createSecrets(Buffer.alloc(32, 7));
/** The vault's master key in tests (the data dir of tests does not exist). */
export const TEST_VAULT_KEY = { key: Buffer.alloc(32, 9), source: "VAULT_MASTER_KEY" };

export function testConfig(env: Record<string, string> = {}): Config {
  const config = loadConfig({ CLOSEBOOK_DATA_DIR: "/nonexistent-closebook-test", ...env });
  return { ...config, logLevel: env.LOG_LEVEL ? config.logLevel : "silent" };
}

export interface TestServerOptions extends ServerOptions {
  env?: Record<string, string>;
  /** Requests without credentials stay anonymous (401), as in production. */
  anonymous?: boolean;
}

export async function testServer(t: TestDb, options: TestServerOptions = {}): Promise<App> {
  const { env, anonymous, ...rest } = options;
  const config = testConfig(env);
  const app = await createServer(
    { config, database: t.database, ctx: t.ctx, close: t.close },
    { secrets: TEST_SECRETS, vaultKey: TEST_VAULT_KEY, ...rest },
  );
  if (anonymous) return app;
  const raw = app.inject.bind(app);
  let admin: Promise<Record<string, string>> | undefined;
  const credentials = () =>
    (admin ??= (async () => {
      const [{ defaultFirm }, { signedIn }] = await Promise.all([
        import("../../src/modules/access/index.ts"),
        import("./auth.ts"),
      ]);
      const firm = await defaultFirm(t.ctx.db);
      const caller = await signedIn(t, app, {
        firmId: firm.id,
        role: "partner_admin",
        email: `admin-${firm.slug}@example.test`,
      });
      return { cookie: caller.cookie, "x-csrf-token": caller.csrfToken };
    })());
  const inject = async (o: InjectOptions | string) => {
    const options: InjectOptions = typeof o === "string" ? { url: o } : o;
    const headers = (options.headers ?? {}) as Record<string, string>;
    if (headers.cookie || headers.authorization) return raw(options);
    return raw({ ...options, headers: { ...(await credentials()), ...headers } });
  };
  Object.assign(app, { inject });
  return app;
}
