// The Activity Hub API's shapes (zod); the portal takes its types from these schemas.
import { z } from "zod";
import { date, errors, flag } from "../../platform/route-schemas.ts";
import { TEXT_LIMITS } from "../../platform/text-limits.ts";
import { ACTIVITY_KINDS, type ActivityKind } from "./activity-model.ts";

export { errors };

/** One kind or a comma-separated list ("comment,task"). */
const kinds = z
  .string()
  .max(200)
  .transform((s, ctx) => {
    const parts = s.split(",").filter(Boolean);
    const bad = parts.find((p) => !(ACTIVITY_KINDS as readonly string[]).includes(p));
    if (bad) {
      ctx.addIssue({ code: "custom", message: `"${bad}" is not one of ${ACTIVITY_KINDS.join(", ")}` });
      return z.NEVER;
    }
    return parts as ActivityKind[];
  })
  .describe(`kinds of event, comma-separated: ${ACTIVITY_KINDS.join(", ")}`);

const feedFilters = {
  kind: kinds.optional(),
  person: z.uuid().optional().describe("only what this user did"),
  from: date.optional().describe("first day (UTC), inclusive"),
  to: date.optional().describe("last day (UTC), inclusive"),
  unread: flag.optional().describe("only events after your read marker, and not your own"),
  cursor: z.string().max(100).optional().describe("nextCursor of the page before"),
  limit: z.coerce.number().int().min(1).max(100).optional().describe("items per page (default 50)"),
};

export const activityQuery = z.object({
  client: z.string().min(1).max(TEXT_LIMITS.name).optional().describe("client slug or id"),
  ...feedFilters,
});
export const clientActivityQuery = z.object(feedFilters);

export const activityItem = z.object({
  id: z.string().describe("the event's id (for POST /api/activity/seen)"),
  kind: z.enum(ACTIVITY_KINDS),
  action: z.string(),
  at: z.string().describe("when (ISO 8601)"),
  client: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
  actor: z.object({ id: z.string().nullable(), name: z.string() }),
  sentence: z.string(),
  link: z.string().nullable().describe("the portal path of the object, null when there is none"),
  unread: z.boolean(),
});

export const activityPageOut = z.object({
  items: z.array(activityItem),
  nextCursor: z.string().nullable(),
  seenUpTo: z.string(),
});

export const seenIn = z.object({
  upTo: z
    .string()
    .regex(/^\d{1,18}$/, "expected an item id")
    .optional()
    .describe("mark seen up to this item (default: everything so far)"),
});
export const seenOut = z.object({ seenUpTo: z.string() });

export const unreadOut = z.object({
  unread: z.number().int().min(0).describe("unread items, at most 99"),
  capped: z.boolean().describe('more than 99 (the portal shows "99+")'),
});
