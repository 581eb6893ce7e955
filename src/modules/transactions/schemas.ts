// The Transaction Manager API's shapes: zod schemas for what comes in and goes out, and the
// functions that turn service results into them (amounts as decimal strings at the currency's scale).
import { z } from "zod";
import { formatMinor } from "../../platform/money.ts";
import type { AutomationView } from "./automation-service.ts";
import { BANDS, MODES, STATUSES, type Coding } from "./model.ts";
import type { TransactionDetail } from "./query-service.ts";
import type { RulePreviewView } from "./rule-service.ts";
import type { TransactionView } from "./view.ts";
import { accountParam, clientParam, date, decimal, flag, idParam } from "../../platform/route-schemas.ts";

export { accountParam, clientParam, date, idParam };

/** Amounts go out at the ledger's scale of their currency: the figures the ledger holds, to the last digit. */
const money = (amount: bigint, scale: number) => formatMinor(amount, scale);
const iso = (d: Date | null) => (d === null ? null : d.toISOString());

const splitPart = z.object({
  accountId: z.string(),
  amount: z.string(),
  classId: z.string().nullable(),
  memo: z.string().nullable(),
  percent: z.string().nullable(),
});
export const coding = z.object({
  accountId: z.string().nullable(),
  payee: z.string().nullable(),
  contactId: z.string().nullable(),
  classId: z.string().nullable(),
  departmentId: z.string().nullable(),
  memo: z.string().nullable(),
  split: z.array(splitPart).nullable(),
});
const stamp = z.object({ by: z.string(), name: z.string(), at: z.string() }).nullable();

export const transaction = z.object({
  id: z.string(),
  bankAccountId: z.string(),
  bankLineId: z.string(),
  date: z.string(),
  amount: z.string().describe("signed: money in is positive; written with `scale` decimals"),
  currency: z.string(),
  scale: z
    .number()
    .int()
    .describe("the decimals the client's ledger keeps the currency at (amounts and split parts use them)"),
  description: z.string(),
  bankPayee: z.string().nullable(),
  status: z.enum(STATUSES),
  statusReason: z.string(),
  prediction: z.object({
    method: z.string().nullable(),
    modelVersion: z.string().nullable(),
    confidence: z.number().nullable(),
    band: z.enum(BANDS).nullable(),
    explanation: z.string().nullable(),
    reason: z.unknown(),
    ruleId: z.string().nullable(),
    coding,
  }),
  coding,
  posted: z.boolean(),
  entryId: z.string().nullable(),
  linkedEntry: z
    .enum(["payroll"])
    .nullable()
    .describe("payroll: the bank line is paid by a payroll entry of JE Automation (entryId), not coded here"),
  postedAt: z.string().nullable(),
  material: z.boolean(),
  assigneeId: z.string().nullable(),
  edited: stamp,
  reviewed: stamp,
  attachments: z
    .array(
      z.object({
        documentId: z.string(),
        source: z.string().describe("receipt: attached by receipt matching; person: attached by hand"),
        attachedBy: z.string(),
        attachedAt: z.string(),
      }),
    )
    .optional()
    .describe("documents attached to it (a receipt, a bill): in the list and on one transaction"),
  hasAttachment: z.boolean().optional().describe("true when a document is attached (the paperclip)"),
});

function codingOut(c: Coding, scale: number): z.infer<typeof coding> {
  return {
    accountId: c.accountId,
    payee: c.payee,
    contactId: c.contactId,
    classId: c.classId,
    departmentId: c.departmentId,
    memo: c.memo,
    split: c.split
      ? c.split.map((p) => ({
          accountId: p.accountId,
          amount: money(p.amount, scale),
          classId: p.classId,
          memo: p.memo,
          percent: p.percent ?? null,
        }))
      : null,
  };
}

const stampOut = (x: { by: string; name: string; at: Date } | null) =>
  x ? { by: x.by, name: x.name, at: x.at.toISOString() } : null;

export function transactionOut(t: TransactionView): z.infer<typeof transaction> {
  return {
    id: t.id,
    bankAccountId: t.bankAccountId,
    bankLineId: t.bankLineId,
    date: t.date,
    amount: money(t.amount, t.scale),
    currency: t.currency,
    scale: t.scale,
    description: t.description,
    bankPayee: t.bankPayee,
    status: t.status,
    statusReason: t.statusReason,
    prediction: { ...t.prediction, coding: codingOut(t.prediction.coding, t.scale) },
    coding: codingOut(t.coding, t.scale),
    posted: t.posted,
    entryId: t.entryId,
    linkedEntry: t.linkedEntry,
    postedAt: iso(t.postedAt),
    material: t.material,
    assigneeId: t.assigneeId,
    edited: stampOut(t.edited),
    reviewed: stampOut(t.reviewed),
    ...(t.attachments
      ? {
          attachments: t.attachments.map((a) => ({ ...a, attachedAt: a.attachedAt.toISOString() })),
          hasAttachment: t.attachments.length > 0,
        }
      : {}),
  };
}

export const transactionDetail = transaction.extend({
  similar: z.array(
    z.object({
      id: z.string(),
      date: z.string(),
      description: z.string(),
      amount: z.string(),
      accountId: z.string().nullable(),
    }),
  ),
  history: z.array(
    z.object({ action: z.string(), by: z.string().nullable(), at: z.string(), after: z.unknown() }),
  ),
});

export function detailOut(t: TransactionDetail): z.infer<typeof transactionDetail> {
  return {
    ...transactionOut(t),
    similar: t.similar.map(({ scale, ...x }) => ({ ...x, amount: money(x.amount, scale) })),
    history: t.history.map((h) => ({ ...h, at: h.at.toISOString() })),
  };
}

export const listQuery = z.object({
  tab: z.enum(["needs_review", "processed", "excluded", "all"]).default("needs_review"),
  band: z.enum(BANDS).optional(),
  accountId: z.uuid().optional(),
  bankAccountId: z.uuid().optional(),
  minAmount: decimal.optional(),
  maxAmount: decimal.optional(),
  from: date.optional(),
  to: date.optional(),
  assigneeId: z.string().max(100).optional().describe('a user id, or "none" for unassigned'),
  search: z.string().max(200).optional(),
  untouched: flag
    .optional()
    .describe("true: only lines nobody has reviewed or edited (on Processed: what automation posted alone)"),
  limit: z.coerce.number().int().min(1).max(500).default(25),
  offset: z.coerce.number().int().min(0).default(0),
});

export const page = z.object({
  transactions: z.array(transaction),
  total: z
    .number()
    .describe(
      "how many the tab and filters select; with filters beyond tab and bank account, counted no further than 1,000 past this page",
    ),
  totalExact: z.boolean().describe("false when `total` is a lower bound: at least that many match"),
  limit: z.number(),
  offset: z.number(),
  counts: z.object({
    needsReview: z.number(),
    processed: z.number(),
    excluded: z.number(),
    held: z.number(),
  }),
});

const optionalId = z.uuid().nullable().optional();
export const editIn = z.object({
  accountId: z.uuid().optional(),
  payee: z.string().max(200).nullable().optional(),
  contactId: optionalId,
  classId: optionalId,
  departmentId: optionalId,
  memo: z.string().max(1000).nullable().optional(),
  assigneeId: z.string().max(100).nullable().optional(),
});

export const splitIn = z.object({
  by: z.enum(["amount", "percent"]),
  parts: z
    .array(
      z.object({
        accountId: z.uuid(),
        amount: decimal.optional().describe("by amount: the part's size, without a sign"),
        percent: decimal.optional().describe("by percent: the part's share"),
        classId: optionalId,
        memo: z.string().max(1000).nullable().optional(),
      }),
    )
    .min(1)
    .max(50),
});

export const bulkIn = z.object({
  ids: z.array(z.uuid()).min(1).max(500),
  action: z.enum(["review", "edit"]),
  edit: editIn.optional(),
});

export const automation = z.object({
  bankAccountId: z.string(),
  bankAccountName: z.string(),
  kind: z.string(),
  currency: z.string(),
  ledgerAccount: z.object({ id: z.string(), name: z.string(), number: z.string().nullable() }),
  mode: z.enum(MODES),
  startDate: z.string().nullable(),
  earliestStartDate: z.string(),
  lastUpdated: stamp,
});

export const automationOut = (a: AutomationView): z.infer<typeof automation> => a;

export const previewOut = z.object({
  matched: z.number(),
  applicable: z.number(),
  lines: z.array(
    z.object({
      transactionId: z.string(),
      date: z.string(),
      description: z.string(),
      amount: z.string(),
      currency: z.string(),
      status: z.enum(STATUSES),
      currentAccountId: z.string().nullable(),
      accountId: z.string().nullable(),
      split: z.boolean(),
      outrankedBy: z.string().nullable(),
      wouldApply: z.boolean(),
    }),
  ),
});

export function previewViewOut(p: RulePreviewView): z.infer<typeof previewOut> {
  return { ...p, lines: p.lines.map(({ scale, ...l }) => ({ ...l, amount: money(l.amount, scale) })) };
}

export const applyOut = z.object({ applied: z.number(), posted: z.number(), reposted: z.number() });
