// Composes the HTTP server: the platform's Fastify setup plus every module's routes, and the
// actor each API request acts as: the signed-in user of the session cookie, or the API token of
// the Authorization header (401 otherwise, except on public routes). Each handler then runs in its
// actor's database scope, so row-level security backs every query (migrations/0007_rls.sql).
import type { FastifyRequest } from "fastify";
import { buildServer, type App } from "../platform/http.ts";
import type { Actor } from "../platform/actor.ts";
import { runAsTenant, runUnscoped } from "../platform/tenant-scope.ts";
import { ledgerRoutes } from "../modules/ledger/index.ts";
import { accessRoutes, firmRoutes } from "../modules/access/index.ts";
import * as identity from "../modules/identity/index.ts";
import { notificationRoutes, unsubscribeRoutes } from "../modules/notifications/index.ts";
import { bankingRoutes } from "../modules/banking/index.ts";
import { categorizeRoutes } from "../modules/categorize/index.ts";
import { transactionRoutes, trainingHistory } from "../modules/transactions/index.ts";
import { registerWork } from "./work.ts";
import type { Pacing } from "../platform/pacing.ts";
import { appServices, type ServiceOverrides } from "./services.ts";
import { helpRoutes, loadHelpLibrary } from "../modules/help/index.ts";
import { overviewRoutes } from "../modules/overview/index.ts";
import { packageRoutes, reportRoutes } from "../modules/reports/index.ts";
import { workRoutes } from "../modules/work/index.ts";
import { documentsRoutes } from "../modules/documents/index.ts";
import { reconcileRoutes } from "../modules/reconcile/index.ts";
import { receiptsRoutes } from "../modules/receipts/index.ts";
import { registerReceiptWork } from "./receipts.ts";
import { checkMasterKey, vaultRoutes } from "../modules/vault/index.ts";
import { commsRoutes } from "../modules/comms/index.ts";
import { journalsRoutes } from "../modules/journals/index.ts";
import { activityRoutes } from "../modules/activity/index.ts";
import { commsCtx } from "./comms.ts";
import { closeRoutes } from "../modules/close/index.ts";
import { servicesRoutes } from "../modules/services/index.ts";
import { closeCtx } from "./close-blockers.ts";
import { journalsHooks } from "./journal-notices.ts";
import { webRoutes } from "./web.ts";
import { taskFileRoutes } from "./task-file-routes.ts";
import { syncReconnectTasks } from "./reconnect-tasks.ts";
import { bankingCtx } from "../modules/banking/index.ts";
import type { Runtime } from "./runtime.ts";
import { version } from "./version.ts";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor;
  }
}

/** API routes anyone may call: the help center (it answers "I cannot sign in" too). */
const PUBLIC_PREFIXES = ["/api/help"];

export interface ServerOptions extends ServiceOverrides {
  /** Where log lines go (tests read them); stdout by default. */
  logStream?: import("node:stream").Writable;
  /** How an import's job paces its batches (tests hold it between two; see work.ts). */
  importPacing?: Pacing | undefined;
}

export async function createServer(runtime: Runtime, options: ServerOptions = {}): Promise<App> {
  const { ctx } = runtime;
  const services = appServices(runtime.config, ctx, options);
  // A wrong vault master key stops the start here, naming the setting (a key check value).
  await checkMasterKey(ctx, services.vault.master);
  const isPublic = (request: FastifyRequest) =>
    request.routeOptions.config?.public === true ||
    PUBLIC_PREFIXES.some(
      (p) => request.url === p || request.url.startsWith(`${p}/`) || request.url.startsWith(`${p}?`),
    );
  const app = await buildServer({
    logLevel: runtime.config.logLevel,
    ...(options.logStream ? { logStream: options.logStream } : {}),
    trustProxy: runtime.config.trustProxy || false,
    version,
    onApiRequest: identity.authenticator(services.identity, isPublic),
    aroundApiHandler: (request, handler) => {
      const actor: Actor | undefined = request.actor;
      // People and tokens act inside their firm and clients; public routes run before anyone is known.
      return actor && actor.type !== "system"
        ? runAsTenant({ firmId: actor.firmId, clientIds: actor.clients }, handler)
        : runUnscoped(handler);
    },
    health: async () => ({ database: runtime.database.kind }),
    routes: [
      identity.authRoutes(services.identity),
      identity.meRoutes(services.identity),
      identity.usersRoutes(services.identity),
      identity.tokenRoutes(services.identity),
      identity.ssoRoutes(services.identity),
      accessRoutes(ctx, services.accessHooks),
      firmRoutes(ctx, { licencesUsed: (firmId) => identity.licencesUsed(ctx.db, firmId) }),
      notificationRoutes(ctx, { outboxEnabled: services.delivery.outboxEnabled }),
      ledgerRoutes(ctx),
      reportRoutes(ctx),
      packageRoutes(ctx),
      helpRoutes(loadHelpLibrary()),
      bankingRoutes(ctx, {
        dataDir: runtime.config.dataDir,
        notify: services.notify,
        pollSeconds: 60,
        // A connection that breaks gets its "reconnect the bank" task; one that works again closes it.
        onConnectionChanged: async (change) =>
          void (await syncReconnectTasks(ctx, bankingCtx(ctx, { dataDir: runtime.config.dataDir }), {
            firmId: change.firmId,
            clientIds: [change.clientId],
          })),
      }),
      categorizeRoutes(ctx, { history: trainingHistory }),
      transactionRoutes(ctx),
      reconcileRoutes(ctx),
      overviewRoutes(ctx),
      workRoutes(ctx),
      documentsRoutes(services.documents),
      receiptsRoutes(services.documents),
      taskFileRoutes(ctx, services.documents),
      vaultRoutes(services.vault),
      commsRoutes(commsCtx(ctx, services.notify)),
      journalsRoutes(ctx, journalsHooks(ctx, services.notify)),
      closeRoutes(closeCtx(ctx, services.notify)),
      servicesRoutes(ctx),
      activityRoutes(ctx),
      unsubscribeRoutes(services.notify),
      // Last: the portal's catch-all GET route for its own pages.
      webRoutes(),
    ],
  });
  app.addHook("onClose", () => services.delivery.close());
  await registerWork(ctx, { notify: services.notify, importPacing: options.importPacing });
  await registerReceiptWork(services.documents);
  return app;
}
