// The balance sheet from valued balances: assets, liabilities and equity in their sections, equity
// completed by the earnings the books have not closed — retained earnings (all net income before the
// fiscal year, computed at each fiscal year start, never stored) and the current year's net income
// — so that assets = liabilities + equity in every column.
import { fillComputed, type ColumnSpec } from "./column-model.ts";
import type { ColumnSums, StatementSection } from "./profit-loss-model.ts";
import { rollupRows, zeros, type ReportRow } from "./rollup-model.ts";
import {
  BALANCE_SHEET_SECTIONS,
  SECTION_NAMES,
  isProfitLoss,
  sectionOf,
  signOf,
  type ReportAccount,
  type SectionType,
} from "./section-model.ts";

export interface BalanceColumnSums {
  /** Every account's balance at the column's date. */
  balances: ColumnSums;
  /** Every account's balance the day before the fiscal year of that date began. */
  beforeFiscalYear: ColumnSums;
}

export interface BalanceSheet {
  sections: StatementSection[];
  totals: { assets: bigint[]; liabilities: bigint[]; equity: bigint[] };
}

export const RETAINED_EARNINGS = "Retained earnings (net income of prior years)";
export const CURRENT_EARNINGS = "Net income (current fiscal year)";
export const unvaluedLabel = (home: string) =>
  `Difference from amounts with no cost in ${home || "amounts without a commodity"}`;

const synthetic = (account: string, amounts: bigint[]): ReportRow => ({
  accountId: null,
  account,
  number: null,
  depth: 0,
  amounts,
});

/**
 * `columns[i]` holds the balances of column i when it is an amount column. With `earnings`
 * (the home-currency statement) equity gets the computed earnings rows and, when amounts of other
 * commodities had no cost in the home currency, the difference they leave, shown on its own row.
 */
export function balanceSheet(
  chart: ReadonlyMap<string, ReportAccount>,
  specs: readonly ColumnSpec[],
  columns: ReadonlyArray<BalanceColumnSums | null>,
  options: { earnings: boolean; home: string },
): BalanceSheet {
  const width = specs.length;
  const values = new Map<SectionType, Map<string, bigint[]>>();
  const retained = zeros(width);
  const current = zeros(width);
  const unvalued = zeros(width);
  columns.forEach((column, i) => {
    if (!column || specs[i]!.kind !== "amount") return;
    let earningsToDate = 0n;
    for (const [id, amount] of column.balances) {
      const a = chart.get(id);
      unvalued[i]! += amount;
      if (!a) continue;
      if (isProfitLoss(a)) {
        earningsToDate -= amount;
        continue;
      }
      const section = sectionOf(a);
      let byAccount = values.get(section);
      if (!byAccount) values.set(section, (byAccount = new Map()));
      let row = byAccount.get(id);
      if (!row) byAccount.set(id, (row = zeros(width)));
      row[i] = amount * signOf(section);
    }
    for (const [id, amount] of column.beforeFiscalYear) {
      const a = chart.get(id);
      if (a && isProfitLoss(a)) retained[i]! -= amount;
    }
    current[i] = earningsToDate - retained[i]!;
  });
  const sections = BALANCE_SHEET_SECTIONS.map((type) => {
    const byAccount = values.get(type) ?? new Map<string, bigint[]>();
    for (const row of byAccount.values()) fillComputed(row, specs);
    const { rows, totals } = rollupRows(chart, byAccount, width);
    if (type === "equity" && options.earnings) {
      const extra = [
        synthetic(RETAINED_EARNINGS, fillComputed(retained, specs)),
        synthetic(CURRENT_EARNINGS, fillComputed(current, specs)),
      ];
      if (unvalued.some((x) => x !== 0n))
        extra.push(synthetic(unvaluedLabel(options.home), fillComputed(unvalued, specs)));
      for (const row of extra) {
        rows.push(row);
        for (let i = 0; i < width; i++) totals[i]! += row.amounts[i]!;
      }
    }
    return { type, name: SECTION_NAMES[type], rows, totals };
  });
  const sum = (types: SectionType[]) => {
    const out = zeros(width);
    for (const s of sections)
      if (types.includes(s.type as SectionType)) for (let i = 0; i < width; i++) out[i]! += s.totals[i]!;
    return out;
  };
  return {
    sections,
    totals: {
      assets: sum(["current_assets", "non_current_assets"]),
      liabilities: sum(["current_liabilities", "non_current_liabilities"]),
      equity: sum(["equity"]),
    },
  };
}
