// The JE Automation API's shapes: recurring entries and schedules as the preparer types them
// (amounts as decimal strings in the client's currency), a schedule's full table, and the month's
// batch of entries with their state. The portal takes its types from these.
import { z } from "zod";
import { clientParam, decimal, errors } from "../../platform/route-schemas.ts";
import { CONVENTIONS, DEPRECIATION_METHODS } from "./depreciation-model.ts";
import { FREQUENCIES } from "./recurring-model.ts";
import { isMonth } from "./schedule-math.ts";

export { clientParam, errors };
export const month = z
  .string()
  .regex(/^\d{4}-\d{2}$/, "expected a month, YYYY-MM")
  .refine(isMonth, "not a month of the calendar (expected YYYY-MM)");
const accountId = z.string().min(1).max(100);
const percent = z.string().max(20).describe('a percentage such as "5" or "33.5"');
const memo = z.string().max(500).nullable().optional();
const name = z.string().trim().min(1).max(200);
const side = z.enum(["debit", "credit"]);

export const sourceParam = clientParam.extend({ id: z.uuid() });
export const runParam = clientParam.extend({ run: z.uuid() });
export const monthQuery = z.object({ month });
export const monthBody = z.object({ month });

const recurringLineIn = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("fixed"), accountId, amount: decimal.describe("signed: debit positive"), memo }),
  z.object({
    kind: z.literal("percent"),
    accountId,
    side,
    basis: z.enum(["balance", "activity"]).describe("balance at period end, or the month's activity"),
    sourceAccountId: accountId,
    percent,
    memo,
  }),
  z.object({
    kind: z.literal("split"),
    side,
    amount: decimal,
    parts: z.array(z.object({ accountId, percent })).min(1).max(50),
    memo,
  }),
  z.object({ kind: z.literal("balancing"), accountId, memo }),
]);
export type RecurringLineIn = z.infer<typeof recurringLineIn>;

export const recurringIn = z.object({
  name,
  frequency: z.enum(FREQUENCIES),
  day: z.union([z.number().int(), z.literal("last")]),
  startMonth: month,
  endMonth: month.nullable().optional(),
  lines: z.array(recurringLineIn).min(1).max(100),
  autoPost: z.boolean().optional(),
  autoReverse: z.boolean().optional().describe("post its reversal on the 1st of the next month (accruals)"),
});
export type RecurringIn = z.infer<typeof recurringIn>;

const scheduleCommon = { name, autoPost: z.boolean().optional() };
export const scheduleIn = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("prepaid"),
    ...scheduleCommon,
    amount: decimal.describe("the prepaid amount"),
    startMonth: month,
    months: z.number().int(),
    amounts: z
      .array(decimal)
      .max(600)
      .nullable()
      .optional()
      .describe("typed amounts instead of the straight split"),
    accounts: z.object({ expense: accountId, prepaid: accountId }),
  }),
  z.object({
    kind: z.literal("depreciation"),
    ...scheduleCommon,
    cost: decimal,
    salvage: decimal.optional(),
    lifeMonths: z.number().int(),
    method: z.enum(DEPRECIATION_METHODS),
    factor: z.string().max(20).nullable().optional().describe('declining balance: "2" is double declining'),
    convention: z.enum(CONVENTIONS),
    inServiceMonth: month,
    disposal: z.object({ month, proceeds: decimal }).nullable().optional(),
    accounts: z.object({
      expense: accountId,
      accumulated: accountId,
      asset: accountId.optional(),
      proceeds: accountId.optional(),
      gainLoss: accountId.optional(),
    }),
  }),
  z.object({
    kind: z.literal("loan"),
    ...scheduleCommon,
    principal: decimal,
    annualRate: z.string().max(20).describe('yearly percentage, "6.5"'),
    termMonths: z.number().int(),
    firstPaymentMonth: month,
    accounts: z.object({ interest: accountId, liability: accountId, payment: accountId }),
  }),
]);
export type ScheduleIn = z.infer<typeof scheduleIn>;

const sourceShape = {
  id: z.string(),
  kind: z.enum(["recurring", "prepaid", "depreciation", "loan"]),
  name: z.string(),
  active: z.boolean(),
  autoPost: z.boolean(),
  autoReverse: z.boolean(),
  accounts: z.record(z.string(), z.string()),
  terms: z.record(z.string(), z.unknown()).describe("as saved; amounts in minor units"),
};
export const sourceOut = z.object(sourceShape);
export const sourceDetail = z.object({
  ...sourceShape,
  table: z
    .object({
      rows: z
        .array(z.record(z.string(), z.string()))
        .describe("every period: its month and amounts as decimals"),
      disposal: z.record(z.string(), z.string()).nullable(),
    })
    .nullable(),
  payments: z
    .array(
      z.object({
        month: z.string(),
        bankLineId: z.string(),
        bankAccount: z.string(),
        date: z.string(),
        description: z.string(),
      }),
    )
    .describe(
      "a loan's periods and the bank line that paid each (same amount out, within a week of its month)",
    ),
  runs: z.array(
    z.object({
      id: z.string(),
      month: z.string(),
      part: z.string(),
      state: z.string(),
      entryId: z.string().nullable(),
    }),
  ),
});

export const batchItem = z.object({
  sourceId: z.string(),
  sourceName: z.string(),
  kind: z.string(),
  part: z.string(),
  date: z.string(),
  amount: z.string().nullable().describe("total debits; null for a formula entry not yet generated"),
  state: z.enum(["due", "draft", "approved", "posted", "reversed"]),
  heldReason: z.string().nullable(),
  runId: z.string().nullable(),
  entryId: z.string().nullable(),
  reversalEntryId: z.string().nullable(),
});
export const batchOut = z.object({ month: z.string(), items: z.array(batchItem) });
export const patchIn = z.object({ active: z.boolean() });
