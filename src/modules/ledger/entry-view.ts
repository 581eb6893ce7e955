// How a journal entry is shown: the row and its lines as one EntryView, with lines read back from
// posted rows or from a draft's JSON. Pure: no database.
import { validationError } from "../../platform/errors.ts";
import type { LineInput } from "./model.ts";
import type { EntryRow, LineRow } from "./entry-store.ts";

export interface EntryView {
  id: string;
  number: bigint;
  date: string;
  description: string;
  reference: string | null;
  comment: string | null;
  status: "draft" | "posted" | "reversed";
  source: string;
  reversesEntryId: string | null;
  reversedByEntryId: string | null;
  createdBy: string;
  postedAt: Date | null;
  lines: LineInput[];
}

export function viewOf(row: EntryRow, lines: LineInput[], reversedBy: string | null): EntryView {
  return {
    id: row.id,
    number: row.number,
    date: row.date,
    description: row.description,
    reference: row.reference,
    comment: row.comment,
    status: row.status === "draft" ? "draft" : reversedBy ? "reversed" : "posted",
    source: row.source,
    reversesEntryId: row.reverses_entry_id,
    reversedByEntryId: reversedBy,
    createdBy: row.created_by,
    postedAt: row.posted_at,
    lines,
  };
}

export function rowsToLines(rows: readonly LineRow[]): LineInput[] {
  return rows.map((l) => ({
    accountId: l.account_id,
    amount: l.amount,
    currency: l.currency,
    cost:
      l.cost_amount !== null && l.cost_currency !== null
        ? { amount: l.cost_amount, currency: l.cost_currency }
        : undefined,
    isConversion: l.is_conversion,
    isVirtual: l.is_virtual,
    contactId: l.contact_id,
    classId: l.class_id,
    departmentId: l.department_id,
    locationId: l.location_id,
    projectId: l.project_id,
    memo: l.memo,
  }));
}

export function linesFromJson(json: unknown): LineInput[] {
  if (!Array.isArray(json)) throw validationError("ledger/corrupt-draft", "the draft has no lines");
  return json.map((l: Record<string, unknown>) => ({
    ...(l as unknown as LineInput),
    amount: BigInt(l.amount as string),
    cost: l.cost
      ? {
          amount: BigInt((l.cost as { amount: string }).amount),
          currency: (l.cost as { currency: string }).currency,
        }
      : undefined,
  }));
}
