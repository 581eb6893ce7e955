// The work module's HTTP routes, in the order of the OpenAPI document: tasks, then projects and
// project templates.
import type { App } from "../../platform/http.ts";
import type { Ctx } from "../../platform/context.ts";
import { taskRoutes } from "./task-routes.ts";
import { projectRoutes } from "./project-routes.ts";

export function workRoutes(ctx: Ctx) {
  return async (app: App) => {
    await taskRoutes(ctx)(app);
    await projectRoutes(ctx)(app);
  };
}
