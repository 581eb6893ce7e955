// The journal entry's API shapes: what a client sends (entryIn, amounts as decimal strings) and what
// it gets back (entry), and entryOut, which formats an entry's bigint minor units at each currency's
// scale.
import { TEXT_LIMITS } from "../../platform/text-limits.ts";
import { z } from "zod";
import { formatMinor } from "../../platform/money.ts";
import type { EntryView } from "./entry-service.ts";
import { date, decimal } from "./route-schemas.ts";

const optionalId = z.uuid().nullable().optional();
const lineIn = z.object({
  accountId: z.string().min(1).max(TEXT_LIMITS.name),
  amount: decimal.optional().describe("signed: positive debits, negative credits"),
  debit: decimal.optional(),
  credit: decimal.optional(),
  currency: z.string().min(1).max(64).optional().describe("defaults to the client's home currency"),
  contactId: optionalId,
  classId: optionalId,
  departmentId: optionalId,
  locationId: optionalId,
  projectId: optionalId,
  memo: z.string().max(1000).nullable().optional(),
});
export const entryIn = z.object({
  date,
  description: z.string().max(1000).default(""),
  reference: z.string().max(200).nullable().optional(),
  comment: z.string().max(4000).nullable().optional(),
  lines: z.array(lineIn).min(1).max(10_000),
});
const lineOut = z.object({
  accountId: z.string(),
  amount: z.string(),
  currency: z.string(),
  cost: z.object({ amount: z.string(), currency: z.string() }).nullable(),
  isConversion: z.boolean(),
  contactId: z.string().nullable(),
  classId: z.string().nullable(),
  departmentId: z.string().nullable(),
  locationId: z.string().nullable(),
  projectId: z.string().nullable(),
  memo: z.string().nullable(),
});
export const entry = z.object({
  id: z.string(),
  number: z.string(),
  date: z.string(),
  description: z.string(),
  reference: z.string().nullable(),
  comment: z.string().nullable(),
  status: z.enum(["draft", "posted", "reversed"]),
  source: z.string(),
  reversesEntryId: z.string().nullable(),
  reversedByEntryId: z.string().nullable(),
  lines: z.array(lineOut),
});
export function entryOut(e: EntryView, scales: Map<string, number>): z.infer<typeof entry> {
  const fmt = (amount: bigint, currency: string) => formatMinor(amount, scales.get(currency) ?? 2);
  return {
    id: e.id,
    number: e.number.toString(),
    date: e.date,
    description: e.description,
    reference: e.reference,
    comment: e.comment,
    status: e.status,
    source: e.source,
    reversesEntryId: e.reversesEntryId,
    reversedByEntryId: e.reversedByEntryId,
    lines: e.lines.map((l) => ({
      accountId: l.accountId,
      amount: fmt(l.amount, l.currency),
      currency: l.currency,
      cost: l.cost ? { amount: fmt(l.cost.amount, l.cost.currency), currency: l.cost.currency } : null,
      isConversion: l.isConversion ?? false,
      contactId: l.contactId ?? null,
      classId: l.classId ?? null,
      departmentId: l.departmentId ?? null,
      locationId: l.locationId ?? null,
      projectId: l.projectId ?? null,
      memo: l.memo ?? null,
    })),
  };
}
