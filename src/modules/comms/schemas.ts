// The comments API's request and reply shapes (the portal takes its types from here).
import { z } from "zod";
import { clientParam } from "../../platform/route-schemas.ts";
import { BODY_LIMIT, MAX_ATTACHMENTS, MAX_MENTIONS, VISIBILITIES } from "./model.ts";

export const objectText = z
  .string()
  .min(1)
  .max(100)
  .describe(
    "the commented object as <kind>:<id>: task, document, transaction, journal_entry or reconciliation",
  );

export const threadQuery = z.object({ object: objectText });
export const peopleQuery = z.object({ visibility: z.enum(VISIBILITIES).default("client") });
export const commentParam = clientParam.extend({ id: z.uuid() });

export const commentIn = z.object({
  object: objectText,
  body: z.string().max(BODY_LIMIT).describe("plain text; @handle mentions a person"),
  visibility: z.enum(VISIBILITIES).default("firm"),
  mentions: z.array(z.uuid()).max(MAX_MENTIONS).optional().describe("people picked from the list"),
  attachments: z.array(z.uuid()).max(MAX_ATTACHMENTS).optional().describe("documents of the same client"),
});

export const commentChangeIn = z.object({
  body: z.string().max(BODY_LIMIT).optional(),
  visibility: z.enum(VISIBILITIES).optional(),
  mentions: z.array(z.uuid()).max(MAX_MENTIONS).optional(),
  attachments: z.array(z.uuid()).max(MAX_ATTACHMENTS).optional(),
});

const person = z.object({ id: z.string(), name: z.string() });

export const commentOut = z.object({
  id: z.string(),
  object: z.string(),
  author: person,
  visibility: z.enum(VISIBILITIES),
  body: z.string(),
  mentions: z.array(person),
  attachments: z.array(z.string()),
  version: z.number(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  deleted: z.boolean(),
  mine: z.boolean(),
});

export const writtenOut = z.object({ comment: commentOut, warnings: z.array(z.string()) });

export const versionOut = z.object({
  version: z.number(),
  action: z.enum(["created", "edited", "deleted"]),
  body: z.string(),
  visibility: z.enum(VISIBILITIES),
  attachments: z.array(z.string()),
  by: person,
  at: z.string(),
});

export const mentionableOut = z.object({
  people: z.array(z.object({ id: z.string(), name: z.string(), handle: z.string() })),
});

export type CommentJson = z.infer<typeof commentOut>;
export type VersionJson = z.infer<typeof versionOut>;
export type WrittenJson = z.infer<typeof writtenOut>;
