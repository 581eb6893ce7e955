// The three statements as one shape the page draws: columns (with the dates a figure drills into),
// sections of account rows, and the bottom lines. Pure: tested in test/web/reports-model.test.ts.
import type { BalanceSheet, CashFlow, ProfitLoss, ReportKind, ReportOf } from "../../api/reports.ts";
import { fromMinor, toMinor } from "../../lib/money.ts";
import { fiscalYearStart, type Range } from "./period-model.ts";

type Amounts = Array<string | null>;

export interface ViewColumn {
  label: string;
  kind: "amount" | "total" | "change" | "percent";
  /** The dates of the ledger lines behind this column's figures, or null (changes, percents, dimension values). */
  drill: Range | null;
}

export interface ViewRow {
  key: string;
  /** The account's full name ("Payroll Expenses:Wages"), which the ledger knows it by. */
  account: string;
  /** What the row shows: a sub-account's own name, since it sits indented under its parent. */
  name: string;
  number: string | null;
  depth: number;
  amounts: Amounts;
  /** The next row is one of its sub-accounts. */
  hasChildren: boolean;
  /** Rows the statement computes (net income, retained earnings) have no ledger lines of their own. */
  synthetic: boolean;
}

export interface ViewSection {
  key: string;
  name: string;
  rows: ViewRow[];
  totals: Amounts;
}

export interface ReportView {
  currency: string;
  columns: ViewColumn[];
  sections: ViewSection[];
  bottom: Array<{ label: string; amounts: Amounts }>;
  warnings: string[];
}

export const isZero = (v: string) => /^-?0*\.?0*$/.test(v);

const DIMENSIONS = new Set(["class", "department", "project", "location"]);

function sections(list: ProfitLoss["sections"], syntheticSection?: string): ViewSection[] {
  // A section with no rows and nothing in it (no "other income" this year) is left out.
  const used = list.filter((s) => s.rows.length > 0 || s.totals.some((t) => t !== null && !isZero(t)));
  return used.map((s) => ({
    key: s.type,
    name: s.name,
    totals: s.totals,
    rows: s.rows.map((r, i) => ({
      // By account, so a folded parent stays folded when the period or columns change.
      key: `${s.type}/${r.account}`,
      account: r.account,
      name: r.depth > 0 ? r.account.slice(r.account.lastIndexOf(":") + 1) : r.account,
      number: r.number,
      depth: r.depth,
      amounts: r.amounts,
      hasChildren: (s.rows[i + 1]?.depth ?? -1) > r.depth,
      // The cash flows' operating lines are sums by account type, not accounts; the balance
      // sheet's earnings rows are computed (they have no number and a parenthesised name).
      synthetic:
        s.type === syntheticSection ||
        (r.number === null && /^(Retained earnings|Net income) \(/.test(r.account)),
    })),
  }));
}

function periodColumns(columns: ProfitLoss["columns"], by: string | undefined): ViewColumn[] {
  return columns.map((c) => ({
    label: c.label,
    kind: c.kind,
    // A dimension's value column holds only the lines carrying that value; the ledger lines
    // cannot be filtered that way, so only its Total column drills.
    drill:
      (c.kind === "amount" || c.kind === "total") && (!DIMENSIONS.has(by ?? "") || c.label === "Total")
        ? { from: c.from, to: c.to }
        : null,
  }));
}

export function profitLossView(r: ProfitLoss, by?: string): ReportView {
  return {
    currency: r.currency,
    columns: periodColumns(r.columns, by),
    sections: sections(r.sections),
    bottom: [{ label: "Net income", amounts: r.netIncome }],
    warnings: r.warnings,
  };
}

/** A balance drills into the lines of its fiscal year so far (the opening balance carries the rest). */
export function balanceSheetView(r: BalanceSheet): ReportView {
  return {
    currency: r.currency,
    columns: r.columns.map((c) => ({
      label: c.label,
      kind: c.kind,
      drill:
        c.kind === "amount" || c.kind === "total"
          ? { from: fiscalYearStart(c.asOf, r.fiscalYearStart), to: c.asOf }
          : null,
    })),
    sections: sections(r.sections),
    bottom: [
      { label: "Total assets", amounts: r.totals.assets },
      { label: "Total liabilities", amounts: r.totals.liabilities },
      { label: "Total equity", amounts: r.totals.equity },
      { label: "Total liabilities and equity", amounts: addAmounts(r.totals.liabilities, r.totals.equity) },
    ],
    warnings: r.warnings,
  };
}

export function cashFlowView(r: CashFlow): ReportView {
  return {
    currency: r.currency,
    columns: periodColumns(r.columns, undefined),
    sections: sections(r.sections, "operating"),
    bottom: [
      { label: "Net change in cash", amounts: r.netChange },
      { label: "Cash at the start of the period", amounts: r.cashAtStart },
      { label: "Cash at the end of the period", amounts: r.cashAtEnd },
    ],
    warnings: r.warnings,
  };
}

export function reportView<K extends ReportKind>(kind: K, data: ReportOf[K], by?: string): ReportView {
  if (kind === "profit-loss") return profitLossView(data as ProfitLoss, by);
  if (kind === "balance-sheet") return balanceSheetView(data as BalanceSheet);
  return cashFlowView(data as CashFlow);
}

/** Column-wise sum of two lists of decimal strings, exact (minor units); null where either is null. */
export function addAmounts(a: Amounts, b: Amounts): Amounts {
  return a.map((x, i) => {
    const y = b[i];
    if (x === null || y === null || y === undefined) return null;
    const scale = Math.max(decimals(x), decimals(y));
    return fromMinor(toMinor(x, scale)! + toMinor(y, scale)!, scale);
  });
}

const decimals = (v: string) => (v.includes(".") ? v.length - v.indexOf(".") - 1 : 0);

/** The rows still shown when some parents are collapsed (their sub-accounts are hidden). */
export function visibleRows(rows: readonly ViewRow[], collapsed: ReadonlySet<string>): ViewRow[] {
  const out: ViewRow[] = [];
  let hideDeeperThan = Infinity;
  for (const r of rows) {
    if (r.depth > hideDeeperThan) continue;
    hideDeeperThan = Infinity;
    out.push(r);
    if (r.hasChildren && collapsed.has(r.key)) hideDeeperThan = r.depth;
  }
  return out;
}

/** Every key that "Collapse all" folds: each section and each parent row. */
export function collapsibleKeys(view: ReportView): string[] {
  return view.sections.flatMap((s) => [s.key, ...s.rows.filter((r) => r.hasChildren).map((r) => r.key)]);
}

export interface ChartPoint {
  label: string;
  income: number;
  expenses: number;
  net: number;
}

const INCOME = new Set(["income", "other_income"]);

/**
 * Income, expenses and net income per period column of a profit and loss (not its Total or
 * comparisons). Numbers, not decimal strings: they only place bars on a chart.
 */
export function chartPoints(r: ProfitLoss): ChartPoint[] {
  const months = r.columns
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.kind === "amount" && c.label !== "Total" && !/^Prior (period|year)/.test(c.label));
  return months.map(({ c, i }) => {
    let income = 0;
    let expenses = 0;
    for (const s of r.sections) {
      const v = Number(s.totals[i] ?? 0);
      if (INCOME.has(s.type)) income += v;
      else expenses += v;
    }
    return { label: c.label, income, expenses, net: Number(r.netIncome[i] ?? 0) };
  });
}

/** A chart's value axis: round bounds covering [low, high] and 4–6 evenly spaced ticks between. */
export function chartTicks(low: number, high: number): { min: number; max: number; ticks: number[] } {
  const span = high - low || Math.abs(high) || 1;
  const raw = span / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  const min = Math.floor(low / step) * step;
  const max = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  for (let t = min; t <= max + step / 2; t += step) ticks.push(Math.round(t * 100) / 100 || 0);
  return { min, max: max === min ? min + step : max, ticks };
}
