// A statement laid out as a table for the file exports (XLSX, PDF): its title lines, its columns,
// and its lines in order — section headings, account rows, section totals and the bottom lines.
// Each total says how it is made from other lines (a sum of a section's top rows, or plus and minus
// other totals), so the spreadsheet can write it as a formula; every line also keeps the figures
// the statement computed (bigint minor units), which the PDF prints and the XLSX caches.
import type { BalanceSheet } from "./balance-sheet-model.ts";
import type { CashFlow } from "./cash-flow-model.ts";
import type { ColumnSpec } from "./column-model.ts";
import type { ProfitLoss, StatementSection } from "./profit-loss-model.ts";
import type { Report } from "./report-service.ts";
import { signOf, type SectionType } from "./section-model.ts";

/** How a total line is made: the sum of the section's top rows, or ± other lines (by id). */
export type LineFormula =
  { kind: "rows"; rows: string[] } | { kind: "terms"; terms: Array<{ line: string; sign: 1 | -1 }> };

export type TableLine =
  | { kind: "heading"; id: string; label: string }
  | { kind: "blank"; id: string }
  | {
      kind: "row" | "total";
      id: string;
      label: string;
      number: string | null;
      depth: number;
      /** One per column; the figures of percent columns are not amounts and are left to the reader. */
      amounts: bigint[];
      scale: number;
      /** Set on totals: how the line is made from others (amount columns only). */
      formula: LineFormula | null;
      /** A bottom line (net income, total assets…): printed with a double rule. */
      grand: boolean;
    };

export type FigureLine = Extract<TableLine, { kind: "row" | "total" }>;

export interface ExportTable {
  /** "Profit and loss", "Balance sheet", "Statement of cash flows". */
  title: string;
  /** Short name for a sheet tab or a file name. */
  sheetName: string;
  clientName: string;
  currency: string;
  /** The period the statement covers, in words. */
  period: string;
  basis: string | null;
  columns: ColumnSpec[];
  lines: TableLine[];
  warnings: string[];
}

export interface ExportContext {
  /** The client's display name (the report itself knows only the slug). */
  clientName: string;
}

class Builder {
  readonly lines: TableLine[] = [];
  private n = 0;

  private id(prefix: string): string {
    return `${prefix}${++this.n}`;
  }

  heading(label: string): void {
    this.lines.push({ kind: "heading", id: this.id("h"), label });
  }

  blank(): void {
    this.lines.push({ kind: "blank", id: this.id("b") });
  }

  /** A section's rows and its total (sum of its top rows); returns the total's id. */
  section(s: StatementSection, scale: number, prefix = ""): string {
    this.heading(`${prefix}${s.name}`);
    const top: string[] = [];
    for (const r of s.rows) {
      const id = this.id("r");
      if (r.depth === 0) top.push(id);
      this.lines.push({
        kind: "row",
        id,
        label: r.account,
        number: r.number,
        depth: r.depth,
        amounts: r.amounts,
        scale,
        formula: null,
        grand: false,
      });
    }
    return this.total(`Total ${s.name.toLowerCase()}`, s.totals, scale, { kind: "rows", rows: top });
  }

  total(label: string, amounts: bigint[], scale: number, formula: LineFormula | null, grand = false): string {
    const id = this.id("t");
    this.lines.push({ kind: "total", id, label, number: null, depth: 0, amounts, scale, formula, grand });
    return id;
  }
}

const terms = (list: Array<[string, 1 | -1]>): LineFormula => ({
  kind: "terms",
  terms: list.map(([line, sign]) => ({ line, sign })),
});

function periodText(columns: readonly ColumnSpec[], asOf: boolean): string {
  const first = columns[0];
  if (!first) return "";
  if (asOf) {
    const dates = columns.filter((c) => c.kind === "amount").map((c) => c.to);
    const last = dates.length > 1 ? ` to ${dates[dates.length - 1]}` : "";
    return `As of ${dates[0]}${last}`;
  }
  const main = columns.find((c) => c.kind === "total") ?? columns.find((c) => c.label === "Total") ?? first;
  return `${main.from} to ${main.to}`;
}

function profitLossLines(b: Builder, p: ProfitLoss, scale: number, prefix: string): void {
  const parts: Array<[string, 1 | -1]> = [];
  for (const s of p.sections) {
    const t = b.section(s, scale, prefix);
    // Income sections (credits) add to net income, cost and expense sections subtract.
    parts.push([t, signOf(s.type as SectionType) === -1n ? 1 : -1]);
    b.blank();
  }
  b.total(`${prefix}Net income`, p.netIncome, scale, terms(parts), true);
}

export function profitLossTable(r: Report<ProfitLoss>, c: ExportContext): ExportTable {
  const b = new Builder();
  profitLossLines(b, r.statement, r.scale, "");
  for (const o of r.others) {
    b.blank();
    b.heading(`In ${o.currency || "no commodity"} (no recorded cost in ${r.currency}: not converted)`);
    profitLossLines(b, o.statement, o.scale, `${o.currency} `);
  }
  return {
    title: "Profit and loss",
    sheetName: "Profit and loss",
    clientName: c.clientName,
    currency: r.currency,
    period: periodText(r.columns, false),
    basis: r.basis,
    columns: r.columns,
    lines: b.lines,
    warnings: r.warnings,
  };
}

function balanceSheetLines(
  b: Builder,
  bs: BalanceSheet,
  scale: number,
  prefix: string,
  bottom: boolean,
): void {
  const ids = new Map<string, string>();
  for (const s of bs.sections) {
    ids.set(s.type, b.section(s, scale, prefix));
    b.blank();
  }
  if (!bottom) return;
  const sum = (types: string[]): LineFormula => terms(types.map((t) => [ids.get(t)!, 1]));
  b.total("Total assets", bs.totals.assets, scale, sum(["current_assets", "non_current_assets"]), true);
  const liabilities = b.total(
    "Total liabilities",
    bs.totals.liabilities,
    scale,
    sum(["current_liabilities", "non_current_liabilities"]),
    true,
  );
  const equity = b.total("Total equity", bs.totals.equity, scale, sum(["equity"]), true);
  const both = bs.totals.liabilities.map((x, i) => x + bs.totals.equity[i]!);
  b.total(
    "Total liabilities and equity",
    both,
    scale,
    terms([
      [liabilities, 1],
      [equity, 1],
    ]),
    true,
  );
}

export function balanceSheetTable(r: Report<BalanceSheet>, c: ExportContext): ExportTable {
  const b = new Builder();
  balanceSheetLines(b, r.statement, r.scale, "", true);
  for (const o of r.others) {
    b.blank();
    b.heading(`In ${o.currency || "no commodity"} (no recorded cost in ${r.currency}: not converted)`);
    balanceSheetLines(b, o.statement, o.scale, `${o.currency} `, false);
  }
  return {
    title: "Balance sheet",
    sheetName: "Balance sheet",
    clientName: c.clientName,
    currency: r.currency,
    period: periodText(r.columns, true),
    basis: null,
    columns: r.columns,
    lines: b.lines,
    warnings: r.warnings,
  };
}

export function cashFlowTable(r: Report<CashFlow>, c: ExportContext): ExportTable {
  const b = new Builder();
  const s = r.statement;
  const totals = s.sections.map((section) => {
    const id = b.section(section, r.scale);
    b.blank();
    return id;
  });
  const change = b.total("Net change in cash", s.netChange, r.scale, terms(totals.map((t) => [t, 1])), true);
  const start = b.total("Cash at start of period", s.cashAtStart, r.scale, null);
  b.total(
    "Cash at end of period",
    s.cashAtEnd,
    r.scale,
    terms([
      [start, 1],
      [change, 1],
    ]),
    true,
  );
  return {
    title: "Statement of cash flows",
    sheetName: "Cash flows",
    clientName: c.clientName,
    currency: r.currency,
    period: periodText(r.columns, false),
    basis: r.basis,
    columns: r.columns,
    lines: b.lines,
    warnings: r.warnings,
  };
}
