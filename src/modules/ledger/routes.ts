// HTTP routes of the ledger: chart of accounts, currencies, contacts, dimensions, journal entries, periods
// and reports, under /api/clients/{client}/… ({client} is the client's slug or id). Each area has
// its own route file; this one only composes them. The order matters: it is the order of the paths
// in the OpenAPI document.
import type { App } from "../../platform/http.ts";
import type { Ctx } from "../../platform/context.ts";
import { accountRoutes } from "./account-routes.ts";
import { currencyRoutes } from "./currency-routes.ts";
import { entryRoutes } from "./entry-routes.ts";
import { periodRoutes } from "./period-routes.ts";
import { referenceRoutes } from "./reference-routes.ts";
import { reportRoutes } from "./report-routes.ts";

export function ledgerRoutes(ctx: Ctx) {
  return async (app: App) => {
    await accountRoutes(ctx)(app);
    await currencyRoutes(ctx)(app);
    await referenceRoutes(ctx)(app);
    await entryRoutes(ctx)(app);
    await periodRoutes(ctx)(app);
    await reportRoutes(ctx)(app);
  };
}
