// What a report is asked for (period or balance queries, basis, comparisons, dimensions) and the
// columns a period asks for: pure, so the layout of a statement is tested without a database.
import { parseIsoDate } from "../../platform/dates.ts";
import { validationError } from "../../platform/errors.ts";
import type { ColumnSpec } from "./column-model.ts";
import { monthsOf, priorPeriod, priorYear, rangeLabel, type Range } from "./period-model.ts";

export const BASES = ["accrual", "cash"] as const;
export type Basis = (typeof BASES)[number];
export const COMPARISONS = ["prior-period", "prior-year"] as const;
export type Comparison = (typeof COMPARISONS)[number];

export const DIMENSIONS = ["class", "department", "project", "location"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface PeriodQuery {
  from: string;
  to: string;
  /** Columns by month, or (profit and loss) one per value of a dimension of the lines. */
  by?: "month" | Dimension | undefined;
  compare?: readonly Comparison[] | undefined;
  basis?: Basis | undefined;
}

export interface BalanceQuery {
  asOf: string;
  by?: "month" | undefined;
  from?: string | undefined;
  compare?: readonly Comparison[] | undefined;
}

export function checkRange(fromText: string, toText: string): Range {
  const from = parseIsoDate(fromText, "from");
  const to = parseIsoDate(toText, "to");
  if (from > to)
    throw validationError("reports/invalid-range", `the period starts (${from}) after it ends (${to})`, {
      field: "from",
    });
  return { from, to };
}

/** Columns of a period report: the months (and their total) or the range, then comparisons. */
export function periodColumns(range: Range, query: PeriodQuery, totalIsAmount: boolean): ColumnSpec[] {
  const specs: ColumnSpec[] = [];
  const months = query.by === "month" ? monthsOf(range) : [];
  if (months.length > 1) {
    for (const m of months) specs.push({ kind: "amount", label: rangeLabel(m), ...m });
    specs.push(
      totalIsAmount
        ? { kind: "amount", label: "Total", ...range }
        : { kind: "total", label: "Total", ...range, of: months.map((_, i) => i) },
    );
  } else {
    specs.push({ kind: "amount", label: rangeLabel(range), ...range });
  }
  addComparisons(specs, query.compare ?? [], (which) =>
    which === "prior-period" ? priorPeriod(range) : priorYear(range),
  );
  return specs;
}

/** Adds, for the last column so far, each comparison's amount, change and change in percent. */
function addComparisons(
  specs: ColumnSpec[],
  compare: readonly Comparison[],
  rangeOf: (which: Comparison) => Range,
): void {
  const base = specs.length - 1;
  const current = specs[base]!;
  for (const which of new Set(compare)) {
    const r = rangeOf(which);
    const name = which === "prior-period" ? "Prior period" : "Prior year";
    const prior = specs.push({ kind: "amount", label: `${name} (${rangeLabel(r)})`, ...r }) - 1;
    const span = { from: current.from, to: current.to };
    specs.push({
      kind: "change",
      label: `Change from ${name.toLowerCase()}`,
      ...span,
      of: base,
      base: prior,
    });
    specs.push({
      kind: "percent",
      label: `Change from ${name.toLowerCase()} (%)`,
      ...span,
      of: base,
      base: prior,
    });
  }
}
