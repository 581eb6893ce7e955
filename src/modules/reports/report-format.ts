// Renders the statements for programs and spreadsheets: the JSON contract of the CLI and API (one
// amount per column as a decimal string; a percent column's values are percentages, or null where
// the base is zero) and CSV (one line per row, section totals and the bottom lines after).
import { formatMinor } from "../../platform/money.ts";
import type { BalanceSheet } from "./balance-sheet-model.ts";
import type { CashFlow } from "./cash-flow-model.ts";
import { percentChange, type ColumnSpec } from "./column-model.ts";
import type { ProfitLoss, StatementSection } from "./profit-loss-model.ts";
import type { Report } from "./report-service.ts";

type Amounts = Array<string | null>;

export interface SectionJson {
  name: string;
  type: string;
  rows: Array<{ account: string; number: string | null; depth: number; amounts: Amounts }>;
  totals: Amounts;
}

export interface PeriodColumnJson {
  label: string;
  from: string;
  to: string;
  kind: ColumnSpec["kind"];
}

export interface ProfitLossJson {
  client: string;
  currency: string;
  basis: string;
  columns: PeriodColumnJson[];
  sections: SectionJson[];
  netIncome: Amounts;
  otherCommodities: Array<{ currency: string; sections: SectionJson[]; netIncome: Amounts }>;
  warnings: string[];
}

export interface BalanceSheetJson {
  client: string;
  currency: string;
  fiscalYearStart: number;
  columns: Array<{ label: string; asOf: string; kind: ColumnSpec["kind"] }>;
  sections: SectionJson[];
  totals: { assets: Amounts; liabilities: Amounts; equity: Amounts };
  otherCommodities: Array<{ currency: string; sections: SectionJson[] }>;
  warnings: string[];
}

export interface CashFlowJson {
  client: string;
  currency: string;
  basis: string;
  columns: PeriodColumnJson[];
  sections: SectionJson[];
  netIncome: Amounts;
  netChange: Amounts;
  cashAtStart: Amounts;
  cashAtEnd: Amounts;
  warnings: string[];
}

/** One row's amounts as strings: percent columns computed from the row's own columns. */
function render(amounts: readonly bigint[], specs: readonly ColumnSpec[], scale: number): Amounts {
  return specs.map((c, i) =>
    c.kind === "percent" ? percentChange(amounts[c.of]!, amounts[c.base]!) : formatMinor(amounts[i]!, scale),
  );
}

function sectionsJson(
  sections: readonly StatementSection[],
  specs: readonly ColumnSpec[],
  scale: number,
): SectionJson[] {
  return sections.map((s) => ({
    name: s.name,
    type: s.type,
    rows: s.rows.map((r) => ({
      account: r.account,
      number: r.number,
      depth: r.depth,
      amounts: render(r.amounts, specs, scale),
    })),
    totals: render(s.totals, specs, scale),
  }));
}

const periodColumns = (specs: readonly ColumnSpec[]): PeriodColumnJson[] =>
  specs.map((c) => ({ label: c.label, from: c.from, to: c.to, kind: c.kind }));

export function profitLossJson(r: Report<ProfitLoss>): ProfitLossJson {
  return {
    client: r.client,
    currency: r.currency,
    basis: r.basis,
    columns: periodColumns(r.columns),
    sections: sectionsJson(r.statement.sections, r.columns, r.scale),
    netIncome: render(r.statement.netIncome, r.columns, r.scale),
    otherCommodities: r.others.map((o) => ({
      currency: o.currency,
      sections: sectionsJson(o.statement.sections, r.columns, o.scale),
      netIncome: render(o.statement.netIncome, r.columns, o.scale),
    })),
    warnings: r.warnings,
  };
}

export function balanceSheetJson(r: Report<BalanceSheet>): BalanceSheetJson {
  const t = r.statement.totals;
  return {
    client: r.client,
    currency: r.currency,
    fiscalYearStart: r.fiscalYearStart,
    columns: r.columns.map((c) => ({ label: c.label, asOf: c.to, kind: c.kind })),
    sections: sectionsJson(r.statement.sections, r.columns, r.scale),
    totals: {
      assets: render(t.assets, r.columns, r.scale),
      liabilities: render(t.liabilities, r.columns, r.scale),
      equity: render(t.equity, r.columns, r.scale),
    },
    otherCommodities: r.others.map((o) => ({
      currency: o.currency,
      sections: sectionsJson(o.statement.sections, r.columns, o.scale),
    })),
    warnings: r.warnings,
  };
}

export function cashFlowJson(r: Report<CashFlow>): CashFlowJson {
  const s = r.statement;
  return {
    client: r.client,
    currency: r.currency,
    basis: r.basis,
    columns: periodColumns(r.columns),
    sections: sectionsJson(s.sections, r.columns, r.scale),
    netIncome: render(s.netIncome, r.columns, r.scale),
    netChange: render(s.netChange, r.columns, r.scale),
    cashAtStart: render(s.cashAtStart, r.columns, r.scale),
    cashAtEnd: render(s.cashAtEnd, r.columns, r.scale),
    warnings: r.warnings,
  };
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function csv(
  columns: ReadonlyArray<{ label: string }>,
  sections: readonly SectionJson[],
  bottom: Array<[string, Amounts]>,
): string {
  const lines = [["section", "account", "number", ...columns.map((c) => c.label)].map(csvField).join(",")];
  const line = (cells: Array<string | null>) => lines.push(cells.map((c) => csvField(c ?? "")).join(","));
  for (const s of sections) {
    for (const r of s.rows) line([s.name, `${"  ".repeat(r.depth)}${r.account}`, r.number, ...r.amounts]);
    line([s.name, `Total ${s.name.toLowerCase()}`, null, ...s.totals]);
  }
  for (const [label, amounts] of bottom) line(["", label, null, ...amounts]);
  return `${lines.join("\n")}\n`;
}

export function profitLossCsv(r: Report<ProfitLoss>): string {
  const j = profitLossJson(r);
  return csv(j.columns, j.sections, [["Net income", j.netIncome]]);
}

export function balanceSheetCsv(r: Report<BalanceSheet>): string {
  const j = balanceSheetJson(r);
  return csv(j.columns, j.sections, [
    ["Total assets", j.totals.assets],
    ["Total liabilities", j.totals.liabilities],
    ["Total equity", j.totals.equity],
  ]);
}

export function cashFlowCsv(r: Report<CashFlow>): string {
  const j = cashFlowJson(r);
  return csv(j.columns, j.sections, [
    ["Net change in cash", j.netChange],
    ["Cash at start of period", j.cashAtStart],
    ["Cash at end of period", j.cashAtEnd],
  ]);
}
