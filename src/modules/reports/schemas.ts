// The zod schemas of the reports routes (the portal's types come from them): query strings and the
// JSON statements, amounts as decimal strings (a percent column's cells are percentages or null).
import { z } from "zod";
import { clientParam, date, errors } from "../../platform/route-schemas.ts";

export { clientParam, errors };

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
