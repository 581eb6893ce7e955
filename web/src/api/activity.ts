// Typed calls to the Activity Hub API (src/modules/activity/routes.ts): the feed page by page, the
// read marker and the unread count.
import { api } from "./client.ts";
import type { z } from "zod";
import type { activityItem, activityPageOut, unreadOut } from "../../../src/modules/activity/schemas.ts";

export type ActivityItem = z.infer<typeof activityItem>;
export type ActivityPage = z.infer<typeof activityPageOut>;
export type UnreadCount = z.infer<typeof unreadOut>;
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
  unread: () => api.get<UnreadCount>("/api/activity/unread"),
  markSeen: (upTo?: string) => api.post<{ seenUpTo: string }>("/api/activity/seen", upTo ? { upTo } : {}),
};
