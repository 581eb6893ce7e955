// The documents API's shapes: zod schemas for what comes in and goes out (the portal's types come
// from them), and the functions that turn service results into them.
import { z } from "zod";
import { TEXT_LIMITS } from "../../platform/text-limits.ts";
import { clientParam, errors, flag, idParam, problem } from "../../platform/route-schemas.ts";
import type { AuditRecord } from "../../platform/audit.ts";
import type { DocumentView, VersionView } from "./document-view.ts";
import type { MissingStatementsView } from "./missing-statements-service.ts";
import type { FolderRow } from "./tables.ts";
import { MAX_NAME } from "./name-model.ts";

export { clientParam, errors, flag, idParam };

/** Upload refusals: too large (413), a kind of file not accepted (415). */
export const uploadErrors = { ...errors, 413: problem, 415: problem };

const iso = (d: Date | null) => (d === null ? null : d.toISOString());
const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .describe("YYYY-MM");

// ── folders ─────────────────────────────────────────────────────────────────────────────────────

export const folder = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  standard: z
    .string()
    .nullable()
    .describe("the standard folder's role (bank-statements, payroll, …), null for others"),
  bankAccountId: z.string().nullable(),
  createdAt: z.string(),
});

export const folderOut = (f: FolderRow): z.infer<typeof folder> => ({
  id: f.id,
  parentId: f.parent_id,
  name: f.name,
  standard: f.system_key,
  bankAccountId: f.bank_account_id,
  createdAt: f.created_at.toISOString(),
});

export const folderIn = z.object({
  name: z.string().max(MAX_NAME),
  parentId: z.uuid().nullable().optional(),
});

export const folderChange = z.object({
  name: z.string().max(MAX_NAME).optional(),
  parentId: z.uuid().nullable().optional(),
});

// ── documents ───────────────────────────────────────────────────────────────────────────────────

export const version = z.object({
  id: z.string(),
  version: z.number(),
  fileName: z.string(),
  size: z.number(),
  sha256: z.string(),
  kind: z.string(),
  contentType: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});

export const document = z.object({
  id: z.string(),
  folderId: z.string(),
  name: z.string(),
  period: z.string().nullable().describe("the statement month (YYYY-MM) of a bank statement"),
  kind: z.string().describe("sniffed from the content: pdf, png, jpeg, csv, ofx, xlsx, …"),
  contentType: z.string(),
  preview: z.boolean().describe("the portal can show it (PDF, images)"),
  size: z.number(),
  version: z.number(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
  deletedBy: z.string().nullable(),
  purgeAfter: z.string().nullable().describe("when a document in the trash is purged"),
  versions: z.array(version).optional(),
});

const versionOut = (v: VersionView): z.infer<typeof version> => ({
  ...v,
  createdAt: v.createdAt.toISOString(),
});

export const documentOut = ({ versions, ...d }: DocumentView): z.infer<typeof document> => ({
  ...d,
  createdAt: d.createdAt.toISOString(),
  updatedAt: d.updatedAt.toISOString(),
  deletedAt: iso(d.deletedAt),
  purgeAfter: iso(d.purgeAfter),
  ...(versions ? { versions: versions.map(versionOut) } : {}),
});

export const documentQuery = z.object({
  folder: z.uuid().optional(),
  trash: flag.optional(),
  search: z.string().max(TEXT_LIMITS.name).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export const documentChange = z.object({
  name: z.string().max(MAX_NAME).optional(),
  folderId: z.uuid().optional(),
  period: month.nullable().optional(),
});

export const downloadQuery = z.object({
  version: z.coerce.number().int().min(1).max(1_000_000).optional(),
  inline: flag.optional(),
});

export const historyEntry = z.object({
  action: z.string(),
  actorId: z.string().nullable(),
  occurredAt: z.string(),
  details: z.unknown(),
});

export const historyOut = (r: AuditRecord): z.infer<typeof historyEntry> => ({
  action: r.action,
  actorId: r.actorId,
  occurredAt: r.occurredAt.toISOString(),
  details: r.after ?? null,
});

export const uploadResult = z.object({ document, created: z.boolean() });

export const archiveResult = z.object({
  documents: z.array(document),
  folders: z.array(folder).describe("folders the archive's paths made"),
  skipped: z.array(z.string()).describe("clutter left out (__MACOSX, .DS_Store, Thumbs.db)"),
});

// ── missing statements ──────────────────────────────────────────────────────────────────────────

export const missingStatements = z.object({
  accountId: z.string(),
  accountName: z.string(),
  start: z.string(),
  through: z.string(),
  expected: z.number(),
  missing: z.array(z.string()),
  folderId: z.string().nullable(),
  yearFolders: z.record(z.string(), z.string()),
});

export const missingOut = (m: MissingStatementsView): z.infer<typeof missingStatements> => m;
