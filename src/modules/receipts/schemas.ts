// The receipts API's shapes: a receipt's reading (each field with its confidence), its suggested
// transactions with scores and reasons, and where it stands. The portal's types come from them.
import { z } from "zod";
import { clientParam, errors, problem } from "../../platform/route-schemas.ts";
import { decimalOf } from "./reading/receipt-model.ts";
import type { ReceiptView } from "./receipt-service.ts";
import { STATES } from "./store.ts";

export { clientParam, errors };
export const uploadErrors = { ...errors, 413: problem, 415: problem };
export const documentParam = clientParam.extend({ document: z.uuid().describe("the receipt's document id") });

const field = <T extends z.ZodType>(value: T) =>
  z.object({ value: value.nullable(), confidence: z.number().describe("0–1; 0 when nothing was read") });

export const receipt = z.object({
  documentId: z.string(),
  name: z.string().nullable().describe("the document's name; null once it is deleted"),
  contentType: z.string().nullable(),
  state: z
    .enum(STATES as [string, ...string[]])
    .describe("reading, to_match, matched, dismissed or unreadable"),
  source: z.string().nullable().describe("pdf_text, ocr_image or ocr_pdf: how the text was found"),
  vendor: field(z.string()),
  date: field(z.string()),
  total: field(z.string()).describe("a decimal in the receipt's currency"),
  tax: field(z.string()),
  currency: field(z.string()),
  problem: z.string().nullable().describe("why it could not be read"),
  text: z.string().nullable().describe("the lines read"),
  suggestions: z.array(
    z.object({
      transactionId: z.string(),
      score: z.number(),
      reasons: z.array(z.string()),
      date: z.string(),
      amount: z.string(),
      currency: z.string(),
      description: z.string(),
    }),
  ),
  transactionId: z.string().nullable().describe("the transaction it is attached to, once matched"),
  matchScore: z.number().nullable(),
  readMs: z.number().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});

const money = (minor: string | null, currency: string | null) =>
  minor === null ? null : decimalOf(BigInt(minor), currency);

export function receiptOut(v: ReceiptView): z.infer<typeof receipt> {
  const r = v.reading;
  const c = (x: number | null) => x ?? 0;
  return {
    documentId: r.document_id,
    name: v.document?.name ?? null,
    contentType: v.document?.contentType ?? null,
    state: r.state,
    source: r.source,
    vendor: { value: r.vendor, confidence: c(r.vendor_confidence) },
    date: { value: r.receipt_date, confidence: c(r.date_confidence) },
    total: { value: money(r.total, r.currency), confidence: c(r.total_confidence) },
    tax: { value: money(r.tax, r.currency), confidence: c(r.tax_confidence) },
    currency: { value: r.currency, confidence: c(r.currency_confidence) },
    problem: r.problem,
    text: r.text,
    suggestions: (r.suggestions ?? []) as z.infer<typeof receipt>["suggestions"],
    transactionId: r.transaction_id,
    matchScore: r.match_score,
    readMs: r.read_ms,
    readAt: r.read_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
  };
}

export const listQuery = z.object({
  state: z
    .string()
    .regex(/^[a-z_]+(,[a-z_]+)*$/)
    .max(100)
    .optional()
    .describe("states to list, comma-separated (default: reading,to_match,unreadable — Receipts to match)"),
});

export const matchIn = z.object({ transactionId: z.uuid() });
