// The receipt_readings table (migrations/0039_receipts.sql): one row per receipt document.
import type { ColumnType, Generated } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { toJson } from "../../platform/json.ts";
import { withTables } from "../../platform/tables.ts";
import type { Scope } from "../access/index.ts";

export type ReceiptState = "reading" | "to_match" | "matched" | "dismissed" | "unreadable";
export const STATES: readonly ReceiptState[] = ["reading", "to_match", "matched", "dismissed", "unreadable"];

type Bigint = ColumnType<string | null, bigint | null | undefined, bigint | null>;

export interface ReceiptReadingsTable {
  id: string;
  firm_id: string;
  client_id: string;
  document_id: string;
  state: ReceiptState;
  source: string | null;
  vendor: string | null;
  vendor_confidence: number | null;
  receipt_date: string | null;
  date_confidence: number | null;
  total: Bigint;
  total_confidence: number | null;
  tax: Bigint;
  tax_confidence: number | null;
  currency: string | null;
  currency_confidence: number | null;
  text: string | null;
  problem: string | null;
  suggestions: ColumnType<unknown, string | undefined, string>;
  transaction_id: string | null;
  match_score: number | null;
  read_ms: number | null;
  read_at: Date | null;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

const q = (ex: Executor) => withTables<{ receipt_readings: ReceiptReadingsTable }>(ex);

export type ReadingRow = NonNullable<Awaited<ReturnType<typeof readingOf>>>;

export function readingOf(ex: Executor, s: Scope, documentId: string) {
  return q(ex)
    .selectFrom("receipt_readings")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where("document_id", "=", documentId)
    .executeTakeFirst();
}

export function listReadings(ex: Executor, s: Scope, states: readonly ReceiptState[], limit: number) {
  return q(ex)
    .selectFrom("receipt_readings")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where("state", "in", [...states])
    .orderBy("created_at", "desc")
    .orderBy("id")
    .limit(limit)
    .execute();
}

export async function documentsWithReadings(ex: Executor, s: Scope, documentIds: readonly string[]) {
  if (documentIds.length === 0) return new Set<string>();
  const rows = await q(ex)
    .selectFrom("receipt_readings")
    .select("document_id")
    .where("client_id", "=", s.clientId)
    .where("document_id", "in", [...documentIds])
    .execute();
  return new Set(rows.map((r) => r.document_id));
}

/** A reading to do (again): the row is made, or put back to "reading" with its findings cleared. */
export function startReading(ex: Executor, s: Scope, input: { id: string; documentId: string; by: string }) {
  const cleared = {
    state: "reading" as const,
    source: null,
    vendor: null,
    vendor_confidence: null,
    receipt_date: null,
    date_confidence: null,
    total: null,
    total_confidence: null,
    tax: null,
    tax_confidence: null,
    currency: null,
    currency_confidence: null,
    text: null,
    problem: null,
    suggestions: toJson([]),
    transaction_id: null,
    match_score: null,
    read_ms: null,
    read_at: null,
  };
  return q(ex)
    .insertInto("receipt_readings")
    .values({
      id: input.id,
      firm_id: s.firmId,
      client_id: s.clientId,
      document_id: input.documentId,
      created_by: input.by,
      ...cleared,
    })
    .onConflict((oc) =>
      oc.columns(["client_id", "document_id"]).doUpdateSet({ ...cleared, updated_at: new Date() }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type ReadingChange = Partial<
  Omit<
    ReceiptReadingsTable,
    | "id"
    | "firm_id"
    | "client_id"
    | "document_id"
    | "created_by"
    | "created_at"
    | "updated_at"
    | "suggestions"
    | "total"
    | "tax"
  >
> & {
  suggestions?: unknown;
  total?: bigint | null;
  tax?: bigint | null;
};

export function updateReading(ex: Executor, s: Scope, documentId: string, change: ReadingChange) {
  const { suggestions, ...rest } = change;
  return q(ex)
    .updateTable("receipt_readings")
    .set({
      ...rest,
      ...(suggestions !== undefined ? { suggestions: toJson(suggestions) } : {}),
      updated_at: new Date(),
    })
    .where("client_id", "=", s.clientId)
    .where("document_id", "=", documentId)
    .returningAll()
    .executeTakeFirstOrThrow();
}
