// The zod schemas of the auto-reconcile routes: the settings per bank account, "Reconciled by
// Closebook" with undo, and write-up batches.
import { z } from "zod";
import { clientParam } from "../../platform/route-schemas.ts";
import { TEXT_LIMITS } from "../../platform/text-limits.ts";

export const accountParam = clientParam.extend({
  bankAccount: z.string().min(1).max(TEXT_LIMITS.name).describe("bank account id or short name"),
});
export const autoParam = clientParam.extend({ id: z.uuid() });
export const writeUpParam = clientParam.extend({ id: z.uuid() });

export const settingsIn = z
  .object({
    auto: z.boolean().optional().describe("reconcile each arriving statement by itself"),
    excluded: z.boolean().optional().describe("never reconcile (investment, FX, merchant clearing)"),
    excludedReason: z.string().trim().min(1).max(500).nullable().optional(),
    assigneeId: z.uuid().nullable().optional().describe("who gets the task when a period needs a person"),
  })
  .describe("what is given changes; an empty body changes nothing and answers the settings");

export const settingsOut = z.object({
  bankAccountId: z.string(),
  auto: z.boolean(),
  excluded: z.boolean(),
  excludedReason: z.string().nullable(),
  assigneeId: z.string().nullable(),
  lastUpdated: z.object({ by: z.string(), name: z.string(), at: z.string() }).nullable(),
});

export const autoQuery = z.object({
  bankAccount: z.string().min(1).max(TEXT_LIMITS.name).optional().describe("bank account id or short name"),
});
const accountRef = z.object({ id: z.string(), shortName: z.string(), name: z.string() });
const period = z.object({ from: z.string(), to: z.string() });

export const autoListOut = z.object({
  reconciliations: z.array(
    z.object({
      id: z.string(),
      bankAccount: accountRef,
      period,
      status: z.enum(["completed", "unreconciled"]),
      closing: z.string(),
      clearedBalance: z.string().nullable(),
      completedAt: z.string(),
      undone: z.object({ by: z.string(), at: z.string(), reason: z.string().nullable() }).nullable(),
      canUndo: z.boolean(),
    }),
  ),
  excluded: z.array(accountRef.extend({ reason: z.string().nullable() })),
  auto: z.array(accountRef),
});

export const undoIn = z.object({ reason: z.string().trim().max(2_000).optional() }).optional();

const outcome = z.object({
  statementId: z.string().nullable(),
  period,
  result: z.enum(["completed", "needs-person", "waiting", "skipped"]),
  reconciliationId: z.string().nullable(),
  reason: z.string().nullable(),
  difference: z.string().nullable(),
  possible: z.number().int(),
});

export const writeUpOut = z.object({
  id: z.string(),
  bankAccount: accountRef,
  status: z.enum(["queued", "running", "done", "failed"]),
  startDate: z.enum(["move-back", "keep", "not-needed"]),
  requestedBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  progress: z.object({
    filesTotal: z.number().int(),
    filesRead: z.number().int(),
    linesImported: z.number().int(),
    monthsTotal: z.number().int(),
    monthsReconciled: z.number().int(),
    monthsNeedingPerson: z.number().int(),
  }),
  files: z.array(
    z.object({
      position: z.number().int(),
      name: z.string(),
      status: z.enum(["waiting", "imported", "failed"]),
      fileId: z.string().nullable(),
      statements: z.number().int(),
      newLines: z.number().int(),
      duplicateLines: z.number().int(),
      posted: z.number().int(),
      needsReview: z.number().int(),
      excluded: z.number().int(),
      period: period.nullable(),
      error: z.string().nullable(),
    }),
  ),
  months: z.array(outcome),
  needsPerson: z.array(
    z.object({
      kind: z.enum(["file", "month"]),
      name: z.string(),
      reason: z.string(),
      reconciliationId: z.string().nullable(),
    }),
  ),
  error: z.string().nullable(),
});
export const writeUpListOut = z.object({ writeUps: z.array(writeUpOut) });
