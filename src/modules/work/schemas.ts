// The work API's shapes (zod): tasks, their checklist and history, projects and project templates.
// The portal takes its types from these schemas.
import { z } from "zod";
import { date, errors } from "../../platform/route-schemas.ts";
import { TEXT_LIMITS } from "../../platform/text-limits.ts";
import { RECURRENCES } from "./calendar-model.ts";
import { PRIORITIES, TASK_STATUSES, TASK_TYPES } from "./model.ts";
import { DUE_KINDS } from "./template-model.ts";

export { errors };

const name = z.string().max(TEXT_LIMITS.name);
const clientRef = z.string().min(1).max(TEXT_LIMITS.name).describe("client slug or id");

export const idParam = z.object({ id: z.uuid() });
export const itemParam = idParam.extend({ item: z.uuid() });
export const documentParam = idParam.extend({ document: z.uuid() });
export const templateClientParam = idParam.extend({ client: clientRef });

export const assignee = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("user"), userId: z.uuid() }),
    z.object({ kind: z.literal("client") }),
    z.object({ kind: z.literal("none") }),
  ])
  .describe("a user (of the firm or of the client), the client as a whole, or nobody yet");

const credential = z.object({
  site: z.string().min(1).max(TEXT_LIMITS.name),
  url: z.string().max(TEXT_LIMITS.memo).nullable().optional(),
  note: z.string().max(TEXT_LIMITS.memo).nullable().optional(),
});

export const taskIn = z.object({
  client: clientRef,
  type: z.enum(TASK_TYPES),
  title: z.string().min(1).max(200),
  description: z.string().max(TEXT_LIMITS.note).optional(),
  priority: z.enum(PRIORITIES).optional(),
  status: z.enum(TASK_STATUSES).optional(),
  dueDate: date.nullable().optional(),
  assignee: assignee.optional(),
  watchers: z.array(z.uuid()).max(50).optional(),
  projectId: z.uuid().nullable().optional(),
  checklist: z.array(z.string().min(1).max(200)).max(50).optional(),
  folder: z
    .string()
    .max(TEXT_LIMITS.memo)
    .nullable()
    .optional()
    .describe("document upload request: the folder the upload lands in (path or folder id)"),
  connectionId: z.uuid().nullable().optional().describe("bank connection request: banking's connection id"),
  credential: credential.nullable().optional().describe("credential request: what is asked for"),
});

export const taskPatch = z.object({
  title: z.string().min(1).max(200).optional(),
  description: z.string().max(TEXT_LIMITS.note).optional(),
  status: z.enum(TASK_STATUSES).optional(),
  priority: z.enum(PRIORITIES).optional(),
  dueDate: date.nullable().optional(),
  assignee: assignee.optional(),
  watchers: z.array(z.uuid()).max(50).optional(),
  projectId: z.uuid().nullable().optional(),
});

/** A comma-separated list in the query string ("to_do,in_progress"). */
const listOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(200)
    .transform((s, ctx) => {
      const parts = s.split(",").filter(Boolean);
      const bad = parts.find((p) => !values.includes(p));
      if (bad) {
        ctx.addIssue({ code: "custom", message: `"${bad}" is not one of ${values.join(", ")}` });
        return z.NEVER;
      }
      return parts as Array<T[number]>;
    });

export const taskQuery = z.object({
  assignee: z
    .string()
    .max(100)
    .regex(/^(me|any|client|none|[0-9a-fA-F-]{36})$/, 'expected "me", "any", "client", "none" or a user id')
    .optional()
    .describe('"me" (default), "any", "client" (the client as a whole), "none" (unassigned) or a user id'),
  status: listOf(TASK_STATUSES).optional().describe("comma-separated; default: to_do,in_progress"),
  client: clientRef.optional(),
  project: z.uuid().optional(),
  type: listOf(TASK_TYPES).optional().describe("comma-separated task types"),
  dueFrom: date.optional(),
  dueTo: date.optional(),
  due: z.enum(["overdue", "upcoming"]).optional(),
  q: z.string().max(200).optional().describe("words of the title"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const checklistItem = z.object({
  id: z.string(),
  text: z.string(),
  done: z.boolean(),
  doneBy: z.string().nullable(),
  doneAt: z.string().nullable(),
});

export const taskOut = z.object({
  id: z.string(),
  client: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  projectId: z.string().nullable(),
  type: z.enum(TASK_TYPES),
  title: z.string(),
  description: z.string(),
  status: z.enum(TASK_STATUSES),
  priority: z.enum(PRIORITIES),
  dueDate: z.string().nullable(),
  dueState: z.enum(["overdue", "upcoming"]).nullable(),
  assignee,
  watchers: z.array(z.string()),
  folder: z.string().nullable(),
  connectionId: z.string().nullable(),
  credential: credential.nullable(),
  systemKey: z.string().nullable().describe("set on tasks another module asked for"),
  checklist: z.object({ done: z.number(), total: z.number() }),
  createdBy: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
});

export const taskDetailOut = taskOut.extend({
  items: z.array(checklistItem),
  attachments: z.array(z.object({ documentId: z.string(), addedBy: z.string(), addedAt: z.string() })),
});

export const taskPageOut = z.object({
  tasks: z.array(taskOut),
  total: z.number().describe("how many match, counted no further than 1,000 past this page"),
  totalExact: z.boolean().describe("false when `total` is a lower bound: at least that many match"),
  page: z.number(),
  pageSize: z.number(),
});

export const historyOut = z.object({
  events: z.array(
    z.object({
      at: z.string(),
      actorId: z.string(),
      actorName: z.string(),
      event: z.string(),
      detail: z.unknown(),
    }),
  ),
});

export const checklistIn = z.object({ text: z.string().min(1).max(200) });
export const checklistPatch = z.object({
  text: z.string().min(1).max(200).optional(),
  done: z.boolean().optional(),
});
export const attachmentIn = z.object({ documentId: z.uuid() });

export const bulkReassignIn = z.object({
  ids: z.array(z.uuid()).min(1).max(500),
  assignee,
});
export const bulkOut = z.object({ changed: z.number() });

// ── projects ────────────────────────────────────────────────────────────────────────────────────

export const projectIn = z.object({ client: clientRef, name: name.min(1) });
export const projectQuery = z.object({ client: clientRef.optional(), template: z.uuid().optional() });
export const projectOut = z.object({
  id: z.string(),
  client: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  name: z.string(),
  templateId: z.string().nullable(),
  period: z.string().nullable(),
  open: z.number(),
  total: z.number(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export const projectsOut = z.object({ projects: z.array(projectOut) });

// ── templates ───────────────────────────────────────────────────────────────────────────────────

const count = z.number().int().min(-100_000).max(100_000);
const dueRule = z
  .object({
    kind: z.enum(DUE_KINDS),
    day: count.optional().describe("day_of_month: the day (1–28) of the month after the period"),
    days: count.optional().describe("business_days_before_close / business_days_after_close: how many"),
  })
  .describe('"day 3 of the month", "2 business days before close", "last business day"');

const period = z
  .string()
  .max(20)
  .regex(/^\d{4}(-\d{2}|-Q[1-4])?$/, 'expected a period: "2026-03", "2026-Q1" or "2026"');

export const blueprintIn = z.object({
  title: z.string().max(200),
  type: z.enum(TASK_TYPES).default("custom"),
  description: z.string().max(TEXT_LIMITS.note).default(""),
  priority: z.enum(PRIORITIES).default("normal"),
  due: dueRule,
  assignee: assignee.default({ kind: "none" }),
  checklist: z.array(z.string().max(200)).max(50).default([]),
});

export const templateIn = z.object({
  name,
  recurrence: z.enum(RECURRENCES),
  blueprints: z.array(blueprintIn).max(100),
});

export const templateOut = z.object({
  id: z.string(),
  name: z.string(),
  recurrence: z.enum(RECURRENCES),
  blueprints: z.array(blueprintIn.extend({ dueText: z.string().describe("the due rule in words") })),
  clients: z.array(z.object({ id: z.string(), slug: z.string(), name: z.string(), firstPeriod: z.string() })),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const templatesOut = z.object({ templates: z.array(templateOut) });

export const templateClientIn = z.object({
  client: clientRef,
  firstPeriod: period.optional().describe("the first period generated (default: the current one)"),
});
export const generateIn = z.object({
  client: clientRef,
  period: period.optional().describe("default: the period containing today"),
});
export const generatedOut = z.object({
  projectId: z.string(),
  period: z.string(),
  created: z.boolean().describe("false when the period's project already existed: nothing was added"),
  tasks: z.number(),
});
