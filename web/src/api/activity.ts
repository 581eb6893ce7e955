// Typed calls to the Activity Hub API (src/modules/activity/routes.ts): the feed page by page, and
// the read marker.
import { api } from "./client.ts";
import type { z } from "zod";
import type { activityItem, activityPageOut } from "../../../src/modules/activity/schemas.ts";

export type ActivityItem = z.infer<typeof activityItem>;
export type ActivityPage = z.infer<typeof activityPageOut>;
export type ActivityKind = ActivityItem["kind"];

export const KIND_LABELS: Record<ActivityKind, string> = {
  comment: "Comments",
  task: "Tasks",
  upload: "Uploads",
  import: "Imports",
  posting: "Postings",
  reconciliation: "Reconciliations",
  close: "Closes",
  sign_in: "Sign-ins",
  security: "Security",
};

export interface ActivityFilter {
  client?: string | null;
  kind?: string | null;
  person?: string | null;
  from?: string;
  to?: string;
  unread?: boolean;
}

export const activityApi = {
  page: (filter: ActivityFilter, cursor?: string | null) =>
    api.get<ActivityPage>("/api/activity", { ...filter, cursor, limit: 30 }),
  markSeen: (upTo?: string) => api.post<{ seenUpTo: string }>("/api/activity/seen", upTo ? { upTo } : {}),
};
