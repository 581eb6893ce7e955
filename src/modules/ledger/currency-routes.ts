// HTTP route of a client's currencies and their scales (the decimals amounts are kept, shown and
// typed with), under /api/clients/{client}/currencies.
import { z } from "zod";
import type { App } from "../../platform/http.ts";
import type { Ctx } from "../../platform/context.ts";
import * as ledger from "./index.ts";
import { base, clientParam, errors, tags } from "./route-schemas.ts";

export const currencyScales = z.object({
  homeCurrency: z.string(),
  currencies: z.array(
    z.object({
      code: z.string(),
      scale: z.number().int().describe("decimal places the ledger keeps this currency at"),
    }),
  ),
});

export function currencyRoutes(ctx: Ctx) {
  return async (app: App) => {
    app.get(
      `${base}/currencies`,
      {
        schema: {
          ...tags("Accounts"),
          summary: "List the client's currencies and the decimals each is kept at",
          params: clientParam,
          response: { 200: currencyScales, ...errors },
        },
      },
      async (req) => ledger.currencyScalesView(ctx, req.actor, req.params.client),
    );
  };
}
