// The statement of cash flows, indirect method: net income, the non-cash items added back, the
// changes in working capital by account type, then investing and financing. Every balance-sheet
// account that is not cash lands in exactly one line, so the statement ends exactly at the change
// in cash and cash equivalents (a credit to a non-cash account is cash coming in).
import { fillComputed, type ColumnSpec } from "./column-model.ts";
import type { ColumnSums, StatementSection } from "./profit-loss-model.ts";
import { addInto, rollupRows, zeros, type ReportRow } from "./rollup-model.ts";
import { isCash, isProfitLoss, sectionOf, type ReportAccount } from "./section-model.ts";
import { unvaluedLabel } from "./balance-sheet-model.ts";

export interface CashFlowColumnSums {
  /** Every account's movement during the column's period. */
  movements: ColumnSums;
  /** Every account's balance the day before the period. */
  opening: ColumnSums;
}

export interface CashFlow {
  sections: StatementSection[];
  netIncome: bigint[];
  netChange: bigint[];
  cashAtStart: bigint[];
  cashAtEnd: bigint[];
}

/** Working-capital lines, by the detail type of the accounts they gather. */
const WORKING_CAPITAL: Record<string, string> = {
  accounts_receivable: "Accounts receivable",
  inventory: "Inventory",
  prepaid_expense: "Prepaid expenses",
  other_current_asset: "Other current assets",
  accounts_payable: "Accounts payable",
  credit_card: "Credit cards",
  payroll_liability: "Payroll liabilities",
  sales_tax_payable: "Sales tax payable",
  other_current_liability: "Other current liabilities",
};

type Place =
  | { section: "operating"; line: string }
  | { section: "investing" | "financing"; line: null }
  | { section: "cash" | "income" };

function placeOf(a: ReportAccount): Place {
  if (isProfitLoss(a)) return { section: "income" };
  if (isCash(a)) return { section: "cash" };
  if (a.detailType === "accumulated_depreciation")
    return { section: "operating", line: "Depreciation and amortization" };
  switch (sectionOf(a)) {
    case "current_assets":
    case "current_liabilities":
      if (a.detailType === "line_of_credit") return { section: "financing", line: null };
      return {
        section: "operating",
        line:
          WORKING_CAPITAL[a.detailType] ??
          (a.type === "asset" ? "Other current assets" : "Other current liabilities"),
      };
    case "non_current_assets":
      return { section: "investing", line: null };
    default:
      return { section: "financing", line: null };
  }
}

export function cashFlow(
  chart: ReadonlyMap<string, ReportAccount>,
  specs: readonly ColumnSpec[],
  columns: ReadonlyArray<CashFlowColumnSums | null>,
  options: { home: string },
): CashFlow {
  const width = specs.length;
  const netIncome = zeros(width);
  const cashAtStart = zeros(width);
  const cashAtEnd = zeros(width);
  const cashChange = zeros(width);
  const unvalued = zeros(width);
  const operatingLines = new Map<string, bigint[]>();
  const byAccount = { investing: new Map<string, bigint[]>(), financing: new Map<string, bigint[]>() };
  columns.forEach((column, i) => {
    if (!column || specs[i]!.kind !== "amount") return;
    for (const [id, amount] of column.opening) {
      const a = chart.get(id);
      if (a && isCash(a)) cashAtStart[i]! += amount;
    }
    for (const [id, amount] of column.movements) {
      unvalued[i]! += amount;
      const a = chart.get(id);
      if (!a) continue;
      const place = placeOf(a);
      if (place.section === "income") netIncome[i]! -= amount;
      else if (place.section === "cash") cashChange[i]! += amount;
      else if (place.section === "operating") {
        let line = operatingLines.get(place.line);
        if (!line) operatingLines.set(place.line, (line = zeros(width)));
        line[i]! -= amount;
      } else {
        const map = byAccount[place.section];
        let row = map.get(id);
        if (!row) map.set(id, (row = zeros(width)));
        row[i] = -amount;
      }
    }
    cashAtEnd[i] = cashAtStart[i]! + cashChange[i]!;
  });
  for (const list of [netIncome, cashAtStart, cashAtEnd, cashChange, unvalued]) fillComputed(list, specs);

  const line = (account: string, amounts: bigint[]): ReportRow => ({
    accountId: null,
    account,
    number: null,
    depth: 0,
    amounts,
  });
  const operatingRows = [line("Net income", netIncome)];
  const order = ["Depreciation and amortization", ...new Set(Object.values(WORKING_CAPITAL))];
  for (const name of order) {
    const amounts = operatingLines.get(name);
    if (amounts && amounts.some((x) => x !== 0n))
      operatingRows.push(line(name, fillComputed(amounts, specs)));
  }
  const sectionFrom = (
    type: "operating" | "investing" | "financing",
    name: string,
    rows: ReportRow[],
    totals: bigint[],
  ): StatementSection => ({ type, name, rows, totals });
  const operatingTotals = zeros(width);
  for (const r of operatingRows) addInto(operatingTotals, r.amounts);
  const rolled = (map: Map<string, bigint[]>) => {
    for (const row of map.values()) fillComputed(row, specs);
    return rollupRows(chart, map, width);
  };
  const investing = rolled(byAccount.investing);
  const financing = rolled(byAccount.financing);
  // Amounts with no cost in the home currency leave the home-currency books unbalanced by exactly
  // their other side; shown as a line of its own, the statement still ends at the change in cash.
  if (unvalued.some((x) => x !== 0n)) {
    financing.rows.push(line(unvaluedLabel(options.home), unvalued));
    addInto(financing.totals, unvalued);
  }
  const netChange = zeros(width);
  for (const t of [operatingTotals, investing.totals, financing.totals]) addInto(netChange, t);
  return {
    sections: [
      sectionFrom("operating", "Operating activities", operatingRows, operatingTotals),
      sectionFrom("investing", "Investing activities", investing.rows, investing.totals),
      sectionFrom("financing", "Financing activities", financing.rows, financing.totals),
    ],
    netIncome,
    netChange,
    cashAtStart,
    cashAtEnd,
  };
}
