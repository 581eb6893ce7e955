// A write-up batch as the API shows it: progress counters, each file's import, each month's
// reconciliation, and the short list of what needs a person.
import type { AutoOutcome } from "./auto-model.ts";
import type { BatchRow } from "./write-up-store.ts";

export interface WriteUpFileResult {
  position: number;
  name: string;
  status: "waiting" | "imported" | "failed";
  /** The stored statement file, once imported. */
  fileId: string | null;
  statements: number;
  newLines: number;
  duplicateLines: number;
  /** What the Transaction Manager did with the new lines (per the account's automation). */
  posted: number;
  needsReview: number;
  excluded: number;
  period: { from: string; to: string } | null;
  error: string | null;
}

export interface WriteUpJson {
  id: string;
  bankAccount: { id: string; shortName: string; name: string };
  status: BatchRow["status"];
  startDate: BatchRow["start_date"];
  requestedBy: { id: string; name: string };
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  progress: {
    filesTotal: number;
    filesRead: number;
    linesImported: number;
    monthsTotal: number;
    monthsReconciled: number;
    monthsNeedingPerson: number;
  };
  files: WriteUpFileResult[];
  months: AutoOutcome[];
  /** What a person must look at: failed files and months left open, with why. */
  needsPerson: Array<{
    kind: "file" | "month";
    name: string;
    reason: string;
    reconciliationId: string | null;
  }>;
  error: string | null;
}

export function batchJson(
  row: BatchRow,
  account: { id: string; shortName: string; name: string },
): WriteUpJson {
  const files = (row.files ?? []) as WriteUpFileResult[];
  const months = (row.months ?? []) as AutoOutcome[];
  return {
    id: row.id,
    bankAccount: { id: account.id, shortName: account.shortName, name: account.name },
    status: row.status,
    startDate: row.start_date,
    requestedBy: { id: row.requested_by, name: row.requested_by_name },
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    progress: {
      filesTotal: row.files_total,
      filesRead: row.files_read,
      linesImported: row.lines_imported,
      monthsTotal: row.months_total,
      monthsReconciled: row.months_reconciled,
      monthsNeedingPerson: row.months_needing_person,
    },
    files,
    months,
    needsPerson: [
      ...files
        .filter((f) => f.status === "failed")
        .map((f) => ({
          kind: "file" as const,
          name: f.name,
          reason: f.error ?? "not imported",
          reconciliationId: null,
        })),
      ...months
        .filter((m) => m.result === "needs-person" || m.result === "waiting")
        .map((m) => ({
          kind: "month" as const,
          name: `${m.period.from} – ${m.period.to}`,
          reason: m.reason ?? "",
          reconciliationId: m.reconciliationId,
        })),
    ],
    error: row.error,
  };
}
