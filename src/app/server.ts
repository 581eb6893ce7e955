// Composes the HTTP server: the platform's Fastify setup plus every module's routes, and the
// actor each API request acts as.
import type { FastifyRequest } from "fastify";
import { buildServer, type App } from "../platform/http.ts";
import { systemActor, type Actor } from "../platform/actor.ts";
import * as access from "../modules/access/index.ts";
import { ledgerRoutes } from "../modules/ledger/routes.ts";
import { accessRoutes } from "../modules/access/routes.ts";
import { helpRoutes, loadHelpLibrary } from "../modules/help/index.ts";
import { categorizeRoutes } from "../modules/categorize/index.ts";
import { transactionRoutes, trainingHistory } from "../modules/transactions/index.ts";
import { registerWork } from "./work.ts";
import { webRoutes } from "./web.ts";
import type { Runtime } from "./runtime.ts";
import { version } from "./version.ts";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor;
  }
}

export async function createServer(runtime: Runtime): Promise<App> {
  const { ctx } = runtime;
  // Until sign-in exists (identity module), API requests act as the system actor of the default
  // firm; the server therefore listens on 127.0.0.1 unless HOST says otherwise.
  const firm = await access.defaultFirm(ctx.db);
  const actor = systemActor(firm.id);
  const app = await buildServer({
    logLevel: runtime.config.logLevel,
    version,
    onApiRequest: async (request: FastifyRequest) => {
      request.actor = actor;
    },
    health: async () => ({ database: runtime.database.kind }),
    routes: [accessRoutes(ctx), ledgerRoutes(ctx), helpRoutes(loadHelpLibrary()),
      categorizeRoutes(ctx, { history: trainingHistory }),
      transactionRoutes(ctx),
      // Last: the portal's catch-all GET route for its own pages.
      webRoutes()],
  });
  await registerWork(ctx);
  return app;
}
