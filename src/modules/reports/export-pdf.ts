// A statement as a printable PDF: the title, the client, the period and currency, the columns, each
// section's rows indented under their parents, the totals ruled, figures right-aligned with
// thousands separators and negatives in parentheses; the page layout is pdf-layout's.
import { formatMinor } from "../../platform/money.ts";
import { percentChange, type ColumnSpec } from "./column-model.ts";
import type { ExportTable, FigureLine } from "./export-table-model.ts";
import { TablePdf, type PageHeader } from "../../platform/pdf-layout.ts";

/** "1234567.8" → "1,234,567.80"-style grouping; a negative amount in parentheses. */
export function printedAmount(amount: bigint, scale: number): string {
  const text = formatMinor(amount < 0n ? -amount : amount, scale);
  const [whole, fraction] = text.split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const figure = fraction === undefined ? grouped : `${grouped}.${fraction}`;
  return amount < 0n ? `(${figure})` : figure;
}

function printed(line: FigureLine, spec: ColumnSpec, i: number): string {
  if (spec.kind !== "percent") return printedAmount(line.amounts[i]!, line.scale);
  const p = percentChange(line.amounts[spec.of]!, line.amounts[spec.base]!);
  return p === null ? "n/a" : `${p}%`;
}

/** The header every page of a statement repeats: title, client, period, currency and basis, columns. */
export function statementHeader(table: ExportTable): PageHeader {
  const basis = table.basis ? `, ${table.basis} basis` : "";
  return {
    title: table.title,
    subtitles: [table.clientName, `${table.period} (${table.currency || "no currency"}${basis})`],
    columns: table.columns.map((c) => c.label),
  };
}

/** Lays out a statement's lines (and its warnings) on a table PDF. */
export function drawStatement(pdf: TablePdf, table: ExportTable): void {
  for (const line of table.lines) {
    if (line.kind === "blank") pdf.gap();
    else if (line.kind === "heading") pdf.heading(line.label);
    else {
      const label = line.number ? `${line.number} ${line.label}` : line.label;
      pdf.row(
        label,
        table.columns.map((spec, i) => printed(line, spec, i)),
        line.kind === "total"
          ? { bold: true, rule: line.grand ? "double" : "single" }
          : { depth: line.depth },
      );
    }
  }
  for (const w of table.warnings) pdf.note(`Warning: ${w}`);
}

export async function statementPdf(table: ExportTable): Promise<Buffer> {
  const pdf = new TablePdf(statementHeader(table));
  drawStatement(pdf, table);
  return pdf.finish();
}
