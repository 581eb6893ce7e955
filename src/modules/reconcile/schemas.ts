// The zod schemas of the reconciliation routes (the portal's types come from them): amounts are
// decimal strings in the bank account's currency; a ledger line is "entryId:lineNo".
import { z } from "zod";
import { clientParam, date, decimal, errors } from "../../platform/route-schemas.ts";
import { TEXT_LIMITS } from "../../platform/text-limits.ts";

export { clientParam, errors };

export const recParam = clientParam.extend({ id: z.uuid() });
// Checked by the services (404 when unknown), so that a malformed one is refused like an unknown one.
export const matchParam = recParam.extend({ match: z.string().min(1).max(100).describe("match id") });
export const lineParam = recParam.extend({
  line: z.string().min(1).max(100).describe('ledger line, "entryId:lineNo"'),
});

const version = z
  .number()
  .int()
  .min(1)
  .max(2_147_483_647)
  .optional()
  .describe("the version you loaded (409 if it changed)");

export const listQuery = z.object({
  bankAccount: z.string().min(1).max(TEXT_LIMITS.name).optional().describe("bank account id or short name"),
});

export const startIn = z.object({
  bankAccount: z.string().min(1).max(TEXT_LIMITS.name).describe("bank account id or short name"),
  statementId: z.uuid().optional().describe("an imported statement: its period and balances"),
  from: date.optional(),
  to: date.optional(),
  opening: decimal.optional(),
  closing: decimal.optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional()
    .describe("the statement's currency, checked against the account's"),
});

export const decideIn = z.object({ status: z.enum(["accepted", "rejected"]), version });
export const outstandingIn = z.object({ outstanding: z.boolean(), version });
export const entryIn = z.object({
  bankLineId: z.uuid().describe("the statement (bank) line the entry is for"),
});
export const completeIn = z.object({ version }).optional();
export const unreconcileIn = z.object({ reason: z.string().trim().min(1).max(2_000) });
export const reportQuery = z.object({ format: z.enum(["json", "csv", "pdf"]).optional() });

const statementLine = z.object({
  id: z.string(),
  externalId: z.string(),
  date: z.string(),
  amount: z.string(),
  description: z.string(),
});
const ledgerLine = z.object({
  id: z.string(),
  entryId: z.string(),
  lineNo: z.number().int(),
  reference: z.string().nullable(),
  date: z.string(),
  amount: z.string(),
  description: z.string(),
  outstanding: z.boolean(),
});
const who = z.object({ id: z.string(), name: z.string() });

export const reconciliationOut = z.object({
  id: z.string(),
  bankAccountId: z.string(),
  ledgerAccountId: z.string(),
  statementId: z.string().nullable(),
  status: z.enum(["in_progress", "completed", "unreconciled"]),
  version: z.number().int(),
  currency: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  opening: z.string(),
  closing: z.string(),
  clearedDeposits: z.string(),
  clearedPayments: z.string(),
  clearedBalance: z.string(),
  difference: z.string(),
  startedBy: who,
  startedAt: z.string(),
  completedBy: who.nullable(),
  completedAt: z.string().nullable(),
  unreconciledAt: z.string().nullable(),
  unreconcileReason: z.string().nullable(),
  matches: z.array(
    z.object({
      id: z.string(),
      class: z.enum(["confident", "possible"]),
      kind: z.enum(["bank-line", "check", "amount", "sum"]),
      score: z.number(),
      reasons: z.array(z.string()),
      status: z.enum(["proposed", "accepted", "rejected"]),
      decidedBy: z.string().nullable(),
      statement: z.array(statementLine),
      ledger: z.array(ledgerLine),
    }),
  ),
  unmatched: z.object({ statement: z.array(statementLine), ledger: z.array(ledgerLine) }),
});

export const listOut = z.object({
  accounts: z.array(
    z.object({
      bankAccount: z.object({
        id: z.string(),
        shortName: z.string(),
        name: z.string(),
        kind: z.string(),
        currency: z.string(),
      }),
      ledgerAccount: z.object({ id: z.string(), name: z.string(), number: z.string().nullable() }),
      lastReconciled: z
        .object({ id: z.string(), to: z.string(), closing: z.string(), completedAt: z.string() })
        .nullable(),
      inProgress: z
        .object({
          id: z.string(),
          from: z.string(),
          to: z.string(),
          difference: z.string(),
          startedBy: z.string(),
        })
        .nullable(),
      reconciliations: z.array(
        z.object({
          id: z.string(),
          from: z.string(),
          to: z.string(),
          status: z.string(),
          closing: z.string(),
        }),
      ),
      auto: z.boolean().describe("Closebook reconciles each arriving statement by itself"),
      excluded: z.boolean().describe("never reconciled by Closebook"),
    }),
  ),
});
