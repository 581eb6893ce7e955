// The zod schemas of the reports routes (the portal's types come from them): query strings and the
// JSON statements, amounts as decimal strings (a percent column's cells are percentages or null).
import { z } from "zod";
import { clientParam, date, errors, idParam } from "../../platform/route-schemas.ts";
import { TEXT_LIMITS } from "../../platform/text-limits.ts";

export { clientParam, errors, idParam };

const amounts = z.array(z.string().nullable());

export const section = z.object({
  name: z.string(),
  type: z.string(),
  rows: z.array(
    z.object({ account: z.string(), number: z.string().nullable(), depth: z.number().int(), amounts }),
  ),
  totals: amounts,
});

const kind = z.enum(["amount", "total", "change", "percent"]);
const periodColumn = z.object({ label: z.string(), from: z.string(), to: z.string(), kind });

/** "prior-period", "prior-year" or both, comma separated. */
export const compare = z
  .string()
  .max(40)
  .regex(
    /^(prior-period|prior-year)(,(prior-period|prior-year))?$/,
    "expected prior-period and/or prior-year",
  )
  .transform((v) => v.split(",") as Array<"prior-period" | "prior-year">);

export const periodQuery = z.object({
  from: date,
  to: date,
  by: z.enum(["month"]).optional(),
  compare: compare.optional(),
  basis: z.enum(["accrual", "cash"]).optional(),
  format: z.enum(["json", "csv", "xlsx", "pdf"]).default("json"),
});

/** The profit and loss's columns may also be the values of a dimension of the lines. */
export const profitLossQuery = periodQuery.extend({
  by: z.enum(["month", "class", "department", "project", "location"]).optional(),
});

export const balanceQuery = z.object({
  asOf: date,
  by: z.enum(["month"]).optional(),
  from: date.optional(),
  compare: compare.optional(),
  format: z.enum(["json", "csv", "xlsx", "pdf"]).default("json"),
});

export const profitLossOut = z.object({
  client: z.string(),
  currency: z.string(),
  basis: z.string(),
  columns: z.array(periodColumn),
  sections: z.array(section),
  netIncome: amounts,
  otherCommodities: z.array(
    z.object({ currency: z.string(), sections: z.array(section), netIncome: amounts }),
  ),
  warnings: z.array(z.string()),
});

export const balanceSheetOut = z.object({
  client: z.string(),
  currency: z.string(),
  fiscalYearStart: z.number().int(),
  columns: z.array(z.object({ label: z.string(), asOf: z.string(), kind })),
  sections: z.array(section),
  totals: z.object({ assets: amounts, liabilities: amounts, equity: amounts }),
  otherCommodities: z.array(z.object({ currency: z.string(), sections: z.array(section) })),
  warnings: z.array(z.string()),
});

export const cashFlowOut = z.object({
  client: z.string(),
  currency: z.string(),
  basis: z.string(),
  columns: z.array(periodColumn),
  sections: z.array(section),
  netIncome: amounts,
  netChange: amounts,
  cashAtStart: amounts,
  cashAtEnd: amounts,
  warnings: z.array(z.string()),
});

export const settingsOut = z.object({
  client: z.string(),
  fiscalYearStart: z.number().int(),
  lastUpdated: z.object({ by: z.string(), at: z.string() }).nullable(),
});

export const settingsIn = z.object({
  fiscalYearStart: z.number().int().min(1).max(12).optional(),
});

// ── the monthly report package ──────────────────────────────────────────────────────────────────

/** A month, YYYY-MM (the service refuses a month 13 with the same problem). */
export const month = z.string().regex(/^\d{4}-\d{2}$/, "expected a month YYYY-MM, e.g. 2026-03");

const statementName = z.enum(["profit-loss", "balance-sheet", "cash-flow"]);

/** The package settings a client keeps, and the options a request may set over them. */
export const packageSettingsIn = z.object({
  // An empty list is refused by the service with its own sentence ("at least one statement").
  statements: z.array(statementName).max(3).optional(),
  trailingTwelve: z.boolean().optional(),
  priorYear: z.boolean().optional(),
  rounding: z.boolean().optional(),
  notes: z.string().max(TEXT_LIMITS.note).optional(),
});

const packageSettings = z.object({
  statements: z.array(statementName),
  trailingTwelve: z.boolean(),
  priorYear: z.boolean(),
  rounding: z.boolean(),
  notes: z.string(),
});

export const packageSettingsOut = packageSettings.extend({
  client: z.string(),
  lastUpdated: z.object({ by: z.string(), at: z.string() }).nullable(),
});

export const packageRequestIn = packageSettingsIn.extend({ month });

const file = z.object({ size: z.number().int(), filename: z.string() }).nullable();

export const packageOut = z.object({
  id: z.string(),
  client: z.string(),
  month: z.string(),
  version: z.number().int(),
  status: z.enum(["queued", "running", "done", "failed"]),
  progress: z.number().int(),
  stage: z.string().nullable(),
  error: z.string().nullable(),
  options: packageSettings,
  requestedBy: z.string(),
  requestedAt: z.string(),
  finishedAt: z.string().nullable(),
  ledgerVersion: z.string().nullable(),
  unfinished: z
    .object({
      drafts: z.number().int(),
      draftsEarlier: z.number().int(),
      bankLinesInReview: z.number().int().nullable(),
      oldestInReview: z.string().nullable(),
    })
    .nullable(),
  files: z.object({ pdf: file, xlsx: file }),
});

export const packageListQuery = z.object({ month: month.optional() });
export const packageListOut = z.object({ packages: z.array(packageOut) });
