// The banking module's HTTP face: bank accounts and lines, imports, connections — and, while the
// server runs, the background poll of connected connections (file-drop folders).
import type { App } from "../../platform/http.ts";
import type { Ctx } from "../../platform/context.ts";
import { runUnscoped } from "../../platform/tenant-scope.ts";
import type { NotifyCtx } from "../notifications/index.ts";
import { accountRoutes } from "./account-routes.ts";
import { bankingCtx } from "./banking-ctx.ts";
import { connectionRoutes } from "./connection-routes.ts";
import { pollConnections } from "./connection-service.ts";
import type { ConnectionChangeListener } from "./banking-ctx.ts";
import { importRoutes } from "./import-routes.ts";

export interface BankingRouteOptions {
  /** The data dir (file-drop folders live under it). */
  dataDir: string;
  notify?: NotifyCtx | undefined;
  /** Poll connected connections this often; 0 (the default) polls only on request. */
  pollSeconds?: number | undefined;
  /** Told of each connection change (the app keeps "reconnect the bank" tasks with it). */
  onConnectionChanged?: ConnectionChangeListener | undefined;
}

export function bankingRoutes(ctx: Ctx, options: BankingRouteOptions) {
  const bctx = bankingCtx(ctx, {
    dataDir: options.dataDir,
    notify: options.notify,
    onConnectionChanged: options.onConnectionChanged,
  });
  return async (app: App) => {
    await accountRoutes(ctx)(app);
    await importRoutes(ctx)(app);
    await connectionRoutes(bctx)(app);
    const seconds = options.pollSeconds ?? 0;
    if (seconds > 0) {
      let timer: NodeJS.Timeout | undefined;
      let running: Promise<unknown> | undefined;
      app.addHook("onReady", async () => {
        timer = setInterval(() => {
          // One poll at a time; a failing poll is retried on the next tick (the connection keeps its state).
          running ??= runUnscoped(() => pollConnections(bctx))
            .catch((error: unknown) => app.log.warn({ err: error }, "bank connection poll failed"))
            .finally(() => (running = undefined));
        }, seconds * 1000);
        timer.unref();
      });
      app.addHook("onClose", async () => {
        if (timer) clearInterval(timer);
        await running;
      });
    }
  };
}
