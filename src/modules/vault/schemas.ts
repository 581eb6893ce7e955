// The vault API's shapes (zod): entries (never with a password, but in a reveal), the client's
// vault settings, credential requests and their answer. The portal takes its types from these.
import { z } from "zod";
import { clientParam, date, errors, idParam } from "../../platform/route-schemas.ts";
import { TEXT_LIMITS } from "../../platform/text-limits.ts";
import { LIMITS } from "./model.ts";

export { clientParam, errors, idParam };

const tags = z.array(z.string().max(LIMITS.tag)).max(LIMITS.tags).describe("short labels (lower case)");

export const entryOut = z.object({
  id: z.uuid(),
  site: z.string(),
  url: z.string().nullable(),
  username: z.string(),
  nickname: z.string(),
  tags: z.array(z.string()),
  requestTaskId: z.uuid().nullable().describe("the credential request this entry answered"),
  createdBy: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
  updatedBy: z.string(),
  updatedByName: z.string(),
  updatedAt: z.string(),
});

export const listQuery = z.object({
  q: z.string().max(TEXT_LIMITS.name).optional().describe("words in the site, address, nickname or tags"),
  tag: z.string().max(LIMITS.tag).optional(),
});
export const listOut = z.object({ entries: z.array(entryOut) });

export const entryIn = z.object({
  site: z.string().min(1).max(LIMITS.site),
  url: z.string().max(LIMITS.url).nullable().optional(),
  username: z.string().max(LIMITS.username).optional(),
  password: z.string().max(LIMITS.password).optional(),
  nickname: z.string().max(LIMITS.nickname).optional(),
  notes: z.string().max(LIMITS.notes).optional(),
  tags: tags.optional(),
});
export const entryPatch = entryIn.partial();

export const revealIn = z
  .object({ purpose: z.enum(["view", "copy"]).optional().describe("logged: shown, or copied") })
  .nullish();
export const revealOut = z.object({ password: z.string(), notes: z.string(), entry: entryOut });

export const settingsOut = z.object({
  clientAccess: z.boolean().describe("whether the client's own users may use its vault"),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export const settingsIn = z.object({ clientAccess: z.boolean() });

const assignee = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("user"), userId: z.uuid() }),
    z.object({ kind: z.literal("client") }),
  ])
  .describe("a user of the client, or the client as a whole (default)");

export const requestIn = z.object({
  site: z.string().min(1).max(LIMITS.site),
  url: z.string().max(LIMITS.url).nullable().optional(),
  note: z.string().max(TEXT_LIMITS.memo).nullable().optional(),
  assignee: assignee.optional(),
  dueDate: date.nullable().optional(),
});
export const requestOut = z.object({
  taskId: z.uuid(),
  site: z.string(),
  url: z.string().nullable(),
  note: z.string().nullable(),
  status: z.string(),
  dueDate: z.string().nullable(),
  assignee: z.unknown(),
  requestedBy: z.string(),
  requestedAt: z.string(),
});
export const requestsOut = z.object({ requests: z.array(requestOut) });
export const recipientsOut = z.object({
  recipients: z.array(z.object({ id: z.string(), name: z.string(), email: z.string() })),
});

export const answerIn = z.object({
  username: z.string().min(1).max(LIMITS.username),
  password: z.string().min(1).max(LIMITS.password),
  url: z.string().max(LIMITS.url).nullable().optional(),
  nickname: z.string().max(LIMITS.nickname).optional(),
  notes: z.string().max(LIMITS.notes).optional(),
  tags: tags.optional(),
});

export type EntryOut = z.infer<typeof entryOut>;
export type EntryIn = z.input<typeof entryIn>;
export type RequestOut = z.infer<typeof requestOut>;
export type RequestIn = z.input<typeof requestIn>;
export type AnswerIn = z.input<typeof answerIn>;
export type SettingsOut = z.infer<typeof settingsOut>;
export type RevealOut = z.infer<typeof revealOut>;
