// HTTP routes of the Activity Hub: the firm's feed (also one client's), and the read marker.
import type { App } from "../../platform/http.ts";
import type { Ctx } from "../../platform/context.ts";
import { clientParam } from "../../platform/route-schemas.ts";
import {
  activityPageOut,
  activityQuery,
  clientActivityQuery,
  errors,
  seenIn,
  seenOut,
  unreadOut,
} from "./schemas.ts";
import { listActivity, markSeen, unreadCount } from "./activity-service.ts";

const tags = { tags: ["Activity"] };

export function activityRoutes(ctx: Ctx) {
  return async (app: App) => {
    app.get(
      "/api/activity",
      {
        schema: {
          ...tags,
          summary:
            "The Activity Hub: what happened in the firm, newest first, as you may see it; filter by client, kind, person, days and unread; page with nextCursor",
          querystring: activityQuery,
          response: { 200: activityPageOut, ...errors },
        },
      },
      async (req) => listActivity(ctx, req.actor, req.query),
    );
    app.get(
      "/api/clients/:client/activity",
      {
        schema: {
          ...tags,
          summary: "One client's activity (the Activity Hub narrowed to the client)",
          params: clientParam,
          querystring: clientActivityQuery,
          response: { 200: activityPageOut, ...errors },
        },
      },
      async (req) => listActivity(ctx, req.actor, { ...req.query, client: req.params.client }),
    );
    app.get(
      "/api/activity/unread",
      {
        schema: {
          ...tags,
          summary:
            "How many feed items are unread (after your read marker, not your own, that you may see), up to 99; for the navigation's badge",
          response: { 200: unreadOut, ...errors },
        },
      },
      async (req) => unreadCount(ctx, req.actor),
    );
    app.post(
      "/api/activity/seen",
      {
        schema: {
          ...tags,
          summary:
            "Mark the feed seen up to an item (default: everything so far); the marker only moves forward",
          body: seenIn,
          response: { 200: seenOut, ...errors },
        },
      },
      async (req) => markSeen(ctx, req.actor, req.body),
    );
  };
}
