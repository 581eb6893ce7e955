// The firm overview's public face: every reachable client's work at a glance, and its HTTP route.
export { firmOverview } from "./service.ts";
export { composeOverview, monthPeriod } from "./model.ts";
export type { FirmOverview, OverviewClient } from "./model.ts";
export { overviewRoutes } from "./routes.ts";
