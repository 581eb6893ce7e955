// Whole-unit rounding of a laid-out statement, as the monthly package prints it: every figure is
// rounded to whole dollars (half away from zero) and, where the rounded lines no longer add up to
// a rounded total, a "Rounding" line shows the difference, so every section total and every
// bottom line still foots. Pure.
//
// Each total is the rounding of its exact figure (so total assets still equal total liabilities
// and equity, and the balance sheet's current-year earnings the profit and loss's net income);
// the rounding line is what makes the lines above it reach it. Computed columns (a total of
// months, a change) are made again from the rounded amounts, so they foot across as well as down.
import { fillComputed, type ColumnSpec } from "./column-model.ts";
import type { ExportTable, FigureLine, LineFormula, TableLine } from "./export-table-model.ts";

export const ROUNDING_LABEL = "Rounding";

/** An amount of `scale` decimals rounded to whole units (half away from zero), in whole units. */
export function roundToWhole(amount: bigint, scale: number): bigint {
  if (scale <= 0) return amount * 10n ** BigInt(-scale);
  const unit = 10n ** BigInt(scale);
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const whole = (abs * 2n + unit) / (unit * 2n);
  return negative ? -whole : whole;
}

/** The figure a formula makes of the given lines, in one column. */
export function formulaValue(
  f: LineFormula,
  column: number,
  amountOf: (id: string, column: number) => bigint,
): bigint {
  if (f.kind === "rows") return f.rows.reduce((sum, id) => sum + amountOf(id, column), 0n);
  return f.terms.reduce((sum, t) => sum + BigInt(t.sign) * amountOf(t.line, column), 0n);
}

const amountColumns = (specs: readonly ColumnSpec[]) =>
  specs.flatMap((c, i) => (c.kind === "amount" ? [i] : []));

/** The table with every figure in whole units and rounding lines where the totals need them. */
export function roundTable(table: ExportTable): ExportTable {
  const amounts = amountColumns(table.columns);
  const rounded = new Map<string, bigint[]>();
  for (const line of table.lines) {
    if (line.kind !== "row" && line.kind !== "total") continue;
    const values = line.amounts.map((x, i) => (amounts.includes(i) ? roundToWhole(x, line.scale) : 0n));
    rounded.set(line.id, values);
  }
  const amountOf = (id: string, i: number) => rounded.get(id)![i]!;
  const out: TableLine[] = [];
  let n = 0;
  for (const line of table.lines) {
    if (line.kind !== "row" && line.kind !== "total") {
      out.push(line);
      continue;
    }
    let formula = line.formula;
    if (line.kind === "total" && formula) {
      const own = rounded.get(line.id)!;
      const difference = own.map((x, i) =>
        amounts.includes(i) ? x - formulaValue(formula!, i, amountOf) : 0n,
      );
      if (difference.some((x) => x !== 0n)) {
        const id = `${line.id}-rounding${++n}`;
        rounded.set(id, difference);
        out.push(figure({ id, label: ROUNDING_LABEL, kind: "row" }, difference, table.columns));
        formula =
          formula.kind === "rows"
            ? { kind: "rows", rows: [...formula.rows, id] }
            : { kind: "terms", terms: [...formula.terms, { line: id, sign: 1 }] };
      }
    }
    out.push({
      ...line,
      amounts: fillComputed([...rounded.get(line.id)!], table.columns),
      scale: 0,
      formula,
    });
  }
  return { ...table, lines: out };
}

function figure(
  at: { id: string; label: string; kind: "row" },
  amounts: bigint[],
  specs: readonly ColumnSpec[],
): FigureLine {
  return {
    kind: at.kind,
    id: at.id,
    label: at.label,
    number: null,
    depth: 0,
    amounts: fillComputed([...amounts], specs),
    scale: 0,
    formula: null,
    grand: false,
  };
}

/**
 * Every place a table does not foot: a total whose formula over the lines it names differs from
 * its own figure, in some column. Empty for a statement as computed and for a rounded one.
 */
export function footingErrors(table: ExportTable): string[] {
  const byId = new Map<string, FigureLine>();
  for (const l of table.lines) if (l.kind === "row" || l.kind === "total") byId.set(l.id, l);
  const errors: string[] = [];
  for (const line of byId.values()) {
    if (!line.formula) continue;
    table.columns.forEach((spec, i) => {
      if (spec.kind === "percent") return;
      const made = formulaValue(line.formula!, i, (id, c) => byId.get(id)!.amounts[c]!);
      if (made !== line.amounts[i])
        errors.push(`${line.label} (${spec.label}): ${made} ≠ ${line.amounts[i]}`);
    });
  }
  return errors;
}
