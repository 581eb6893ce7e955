// The Close Tracker API's shapes (zod): the board, a client's month, its changes, close and reopen,
// the firm's holidays and a client's close settings. The portal takes its types from these.
import { z } from "zod";
import { clientParam, date, errors, flag } from "../../platform/route-schemas.ts";
import { TEXT_LIMITS } from "../../platform/text-limits.ts";
import { BLOCKER_KINDS } from "./blockers.ts";
import { CADENCES } from "./timing-model.ts";

export { clientParam, errors };

const STATUSES = ["not_started", "in_progress", "ready_for_review", "closed", "reopened"] as const;
const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "expected YYYY-MM")
  .describe("a month, YYYY-MM");
const userId = z.string().min(1).max(100).describe("a user of the firm");
const reason = z.string().max(2000);

export const monthParam = clientParam.extend({ month });

export const boardQuery = z.object({
  from: month,
  to: month,
  assignee: userId.optional().describe("months this person prepares or reviews"),
  status: z.enum(STATUSES).optional(),
  overdue: flag.optional(),
  cadence: z.enum(CADENCES).optional(),
});

const cell = z.object({
  month: z.string(),
  status: z.enum(STATUSES),
  preparerId: z.string().nullable(),
  reviewerId: z.string().nullable(),
  dueDate: z.string(),
  informationDueDate: z.string(),
  overdue: z.boolean(),
  blockers: z.number().nullable(),
});

export const boardOut = z.object({
  from: z.string(),
  to: z.string(),
  months: z.array(z.string()),
  rows: z.array(
    z.object({
      client: z.string(),
      clientName: z.string(),
      cadence: z.enum(CADENCES),
      closeMode: z.enum(["hard", "soft"]),
      months: z.array(cell),
    }),
  ),
});

const blocker = z.object({
  kind: z.enum(BLOCKER_KINDS),
  count: z.number(),
  detail: z.string(),
  link: z.string().describe("the portal page where it is fixed"),
});

export const monthOut = z.object({
  client: z.string(),
  month: z.string(),
  status: z.enum(STATUSES),
  preparerId: z.string().nullable(),
  reviewerId: z.string().nullable(),
  closeMode: z.enum(["hard", "soft"]),
  plannedDueDate: z.string(),
  dueDate: z.string(),
  informationDueDate: z.string(),
  informationReceivedOn: z.string().nullable(),
  informationLateDays: z.number(),
  overdue: z.boolean(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  overrideReason: z.string().nullable(),
  blockers: z.array(blocker),
  packageDelivery: z
    .object({
      packageId: z.string(),
      status: z.enum(["pending", "sent", "failed"]),
      error: z.string().nullable(),
      sentAt: z.string().nullable(),
      recipients: z.array(
        z.object({ userId: z.string(), email: z.string(), messageId: z.string(), sentAt: z.string() }),
      ),
    })
    .nullable()
    .describe(
      "the report package closing e-mails to the client's contacts: pending, sent (to whom) or failed (why)",
    ),
  timeline: z.array(
    z.object({
      action: z.string(),
      status: z.string().nullable(),
      reason: z.string().nullable(),
      detail: z.unknown(),
      by: z.string(),
      at: z.string(),
    }),
  ),
});

export const monthPatch = z.object({
  preparerId: userId.nullable().optional(),
  reviewerId: userId.nullable().optional(),
  status: z.enum(["in_progress", "ready_for_review"]).optional(),
  informationReceivedOn: date.nullable().optional().describe("the day the required information was complete"),
});

export const closeIn = z.object({
  override: reason.optional().describe("why the month closes despite its blockers (needed when it has any)"),
});
export const closeOut = monthOut.extend({ packageId: z.string().nullable() });

export const reopenIn = z.object({ reason: reason.min(1) });

const holiday = z.object({ day: date, name: z.string().min(1).max(TEXT_LIMITS.name) });
export const holidaysIo = z.object({ holidays: z.array(holiday).max(366) });

const weeklyDueDay = z.union([z.literal(10), z.literal(15)]);
export const settingsOut = z.object({
  client: z.string(),
  cadence: z.enum(CADENCES),
  weeklyDueDay,
  closeMode: z.enum(["hard", "soft"]),
  preparerId: z.string().nullable(),
  reviewerId: z.string().nullable(),
  pendingCadence: z
    .object({ effectiveFrom: z.string(), cadence: z.enum(CADENCES), weeklyDueDay })
    .nullable()
    .describe("a cadence change still to come: it applies from the month after the one it was made in"),
});
export const settingsPatch = z.object({
  cadence: z.enum(CADENCES).optional(),
  weeklyDueDay: weeklyDueDay.optional(),
  closeMode: z.enum(["hard", "soft"]).optional(),
  preparerId: userId.nullable().optional(),
  reviewerId: userId.nullable().optional(),
});
