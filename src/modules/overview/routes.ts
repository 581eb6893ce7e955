// HTTP route of the firm overview: GET /api/overview, every reachable client's figures at once.
import type { App } from "../../platform/http.ts";
import type { Ctx } from "../../platform/context.ts";
import { errors } from "../../platform/route-schemas.ts";
import { overviewOut, overviewToJson } from "./schemas.ts";
import { firmOverview } from "./service.ts";

export function overviewRoutes(ctx: Ctx) {
  return async (app: App) => {
    app.get(
      "/api/overview",
      {
        schema: {
          tags: ["Overview"],
          summary:
            "Per client you may reach: lines waiting for review (and the oldest), lines posted automatically this month, quiet bank accounts and connections needing attention, the last import",
          response: { 200: overviewOut, ...errors },
        },
      },
      async (req) => overviewToJson(await firmOverview(ctx, req.actor)),
    );
  };
}
