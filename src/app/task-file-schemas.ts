// Shapes of the routes that join work, documents and banking (task-file-routes.ts): an upload through
// a document upload request, a statement request for a missing month, and a document's import offer.
// The portal takes its types from these schemas.
import { z } from "zod";
import { clientParam, errors, flag, problem } from "../platform/route-schemas.ts";

export { clientParam, errors };

export const uploadErrors = { ...errors, 413: problem, 415: problem };

export const taskParam = z.object({ id: z.uuid() });
export const documentParam = clientParam.extend({ id: z.uuid() });

export const taskUploadQuery = z.object({
  keepOpen: flag
    .optional()
    .describe("true: more files are to come, the task stays in progress (default: the upload answers it)"),
});

export const importOffer = z.object({
  offered: z.boolean().describe("whether the document can be imported into the bank account of its folder"),
  format: z.string().nullable().describe("the statement format detected (ofx, csv, camt053, pdf, …)"),
  bankAccount: z.object({ id: z.string(), name: z.string() }).nullable(),
  reason: z.string().nullable().describe("why it is not offered"),
});

export const taskUploadOut = z.object({
  taskId: z.string(),
  status: z.enum(["to_do", "in_progress", "done", "rejected"]),
  document: z.object({
    id: z.string(),
    name: z.string(),
    folderId: z.string(),
    folderPath: z.string(),
    period: z.string().nullable(),
    version: z.number(),
  }),
  created: z.boolean().describe("false when the upload added a version to a document of that name"),
  importOffer,
});

export const statementRequestIn = z.object({
  bankAccountId: z.uuid(),
  // The plain shape only: a month that is not one of the missing (2026-13 included) is refused
  // with the field by the service.
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .describe("the missing month, YYYY-MM"),
});
export const statementRequestOut = z.object({
  taskId: z.string(),
  created: z.boolean().describe("false when the month was requested before: the same task"),
});

export const importOut = z.object({
  importId: z.string(),
  bankAccount: z.object({ id: z.string(), name: z.string() }),
  format: z.string(),
  alreadyImported: z.boolean().describe("this exact file was imported into the account before"),
  totalLines: z.number(),
  newLines: z.number(),
  duplicateLines: z.number(),
  period: z.object({ from: z.string(), to: z.string() }).nullable(),
  warnings: z.array(z.string()),
});
