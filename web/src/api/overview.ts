// Typed call to the firm overview API (src/modules/overview/routes.ts): every reachable client's
// waiting lines, automatic postings of the month, bank feeds needing attention and last import.
import { api } from "./client.ts";
import type { z } from "zod";
import type { overviewClient, overviewOut } from "../../../src/modules/overview/schemas.ts";

export type Overview = z.infer<typeof overviewOut>;
export type OverviewClient = z.infer<typeof overviewClient>;

export const overviewApi = {
  get: () => api.get<Overview>("/api/overview"),
};
