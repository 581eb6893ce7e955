// The profit and loss statement from valued movements: income and expense accounts in their five
// sections (income and expenses both shown positive) and net income = income − expenses per column.
import { fillComputed, type ColumnSpec } from "./column-model.ts";
import { rollupRows, zeros, type ReportRow } from "./rollup-model.ts";
import {
  PROFIT_LOSS_SECTIONS,
  SECTION_NAMES,
  isProfitLoss,
  sectionOf,
  signOf,
  type ReportAccount,
  type SectionType,
} from "./section-model.ts";

export interface StatementSection {
  type: SectionType | CashFlowSectionType;
  name: string;
  rows: ReportRow[];
  totals: bigint[];
}

export type CashFlowSectionType = "operating" | "investing" | "financing";

/** Movements of one amount column: account id → signed minor units (positive is a debit). */
export type ColumnSums = ReadonlyMap<string, bigint>;

export interface ProfitLoss {
  sections: StatementSection[];
  netIncome: bigint[];
}

/**
 * `sums[i]` holds the movements of column i when it is an amount column (ignored otherwise).
 * Every section is listed, empty or not, so the statement has the same shape every month.
 */
export function profitLoss(
  chart: ReadonlyMap<string, ReportAccount>,
  specs: readonly ColumnSpec[],
  sums: ReadonlyArray<ColumnSums | null>,
): ProfitLoss {
  const width = specs.length;
  const values = new Map<SectionType, Map<string, bigint[]>>();
  sums.forEach((column, i) => {
    if (!column || specs[i]!.kind !== "amount") return;
    for (const [id, amount] of column) {
      const a = chart.get(id);
      if (!a || !isProfitLoss(a)) continue;
      const section = sectionOf(a);
      let byAccount = values.get(section);
      if (!byAccount) values.set(section, (byAccount = new Map()));
      let row = byAccount.get(id);
      if (!row) byAccount.set(id, (row = zeros(width)));
      row[i] = amount * signOf(section);
    }
  });
  const netIncome = zeros(width);
  const sections = PROFIT_LOSS_SECTIONS.map((type) => {
    const byAccount = values.get(type) ?? new Map<string, bigint[]>();
    for (const row of byAccount.values()) fillComputed(row, specs);
    const { rows, totals } = rollupRows(chart, byAccount, width);
    // Credit sections (income) add to net income, debit sections (costs, expenses) subtract.
    for (let i = 0; i < width; i++) netIncome[i]! += signOf(type) === -1n ? totals[i]! : -totals[i]!;
    return { type, name: SECTION_NAMES[type], rows, totals };
  });
  return { sections, netIncome };
}
