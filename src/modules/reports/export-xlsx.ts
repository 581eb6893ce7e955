// A statement as an XLSX worksheet (exceljs): the title lines, a frozen header row, one line per
// table line, and real formulas — section totals SUM their top rows, bottom lines add and subtract
// section totals, total/change/percent columns are made from the same row's cells. Each formula
// carries its computed value too, so a reader that does not recalculate still shows the figures.
import ExcelJS from "exceljs";
import { formatMinor } from "../../platform/money.ts";
import type { ColumnSpec } from "./column-model.ts";
import type { ExportTable, FigureLine, LineFormula } from "./export-table-model.ts";

/** Rows above the first line: title, client, period, blank, column header (frozen). */
const HEADER_ROWS = 5;
const FIRST_FIGURE_COLUMN = 2;
/** Excel's SUM takes at most 255 arguments: longer lists are summed in groups. */
const SUM_ARGS = 200;

type Cell = string | number | { formula: string; result: number | string };

/** Column letters of the 1-based column `n` (1 → A, 27 → AA). */
export function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Accountants' number format: thousands separators, the currency's decimals, negatives in parentheses. */
export function numberFormat(scale: number): string {
  const n = scale > 0 ? `#,##0.${"0".repeat(scale)}` : "#,##0";
  return `${n}_);(${n})`;
}

const toNumber = (amount: bigint, scale: number): number => Number(formatMinor(amount, scale));

/** SUM over rows, contiguous rows as one range: "SUM(B7:B9,B12)". */
function sumOf(letter: string, rows: readonly number[]): string {
  if (rows.length === 0) return "0";
  const parts: string[] = [];
  let start = rows[0]!;
  let prev = start;
  const flush = () => parts.push(start === prev ? `${letter}${start}` : `${letter}${start}:${letter}${prev}`);
  for (const r of rows.slice(1)) {
    if (r === prev + 1) prev = r;
    else {
      flush();
      start = prev = r;
    }
  }
  flush();
  const groups: string[] = [];
  for (let i = 0; i < parts.length; i += SUM_ARGS)
    groups.push(`SUM(${parts.slice(i, i + SUM_ARGS).join(",")})`);
  return groups.length === 1 ? groups[0]! : groups.join("+");
}

function verticalFormula(f: LineFormula, letter: string, rowOf: ReadonlyMap<string, number>): string {
  if (f.kind === "rows")
    return sumOf(
      letter,
      f.rows.map((id) => rowOf.get(id)!),
    );
  if (f.terms.length === 0) return "0";
  return f.terms
    .map((t, i) => `${t.sign === -1 ? "-" : i === 0 ? "" : "+"}${letter}${rowOf.get(t.line)!}`)
    .join("");
}

/** A computed column's formula from the same row's cells. */
function acrossFormula(spec: ColumnSpec, row: number): string {
  const at = (i: number) => `${columnLetter(FIRST_FIGURE_COLUMN + i)}${row}`;
  switch (spec.kind) {
    case "total":
      if (spec.of.length === 0) return "0";
      return contiguous(spec.of)
        ? `SUM(${at(spec.of[0]!)}:${at(spec.of.at(-1)!)})`
        : `SUM(${spec.of.map(at).join(",")})`;
    case "change":
      return `${at(spec.of)}-${at(spec.base)}`;
    case "percent":
      return `IF(${at(spec.base)}=0,"",(${at(spec.of)}-${at(spec.base)})/ABS(${at(spec.base)}))`;
    case "amount":
      throw new Error("an amount column has no formula across");
  }
}

const contiguous = (list: readonly number[]) => list.every((x, i) => i === 0 || x === list[i - 1]! + 1);

function cellOf(
  line: FigureLine,
  i: number,
  spec: ColumnSpec,
  row: number,
  rowOf: ReadonlyMap<string, number>,
): Cell {
  if (spec.kind === "percent") {
    const base = line.amounts[spec.base]!;
    const result = base === 0n ? "" : Number(line.amounts[spec.of]! - base) / Math.abs(Number(base));
    return { formula: acrossFormula(spec, row), result };
  }
  const result = toNumber(line.amounts[i]!, line.scale);
  if (spec.kind !== "amount") return { formula: acrossFormula(spec, row), result };
  if (line.formula)
    return { formula: verticalFormula(line.formula, columnLetter(FIRST_FIGURE_COLUMN + i), rowOf), result };
  return result;
}

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, " ").slice(0, 31) || "Report";
}

/** Adds one worksheet holding the statement to the workbook. */
export function addStatementSheet(workbook: ExcelJS.Workbook, table: ExportTable): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(sheetName(table.sheetName), {
    views: [{ state: "frozen", xSplit: 1, ySplit: HEADER_ROWS }],
    pageSetup: {
      orientation: table.columns.length > 4 ? "landscape" : "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  ws.getCell("A1").value = table.title;
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value = table.clientName;
  ws.getCell("A2").font = { bold: true };
  const basis = table.basis ? `, ${table.basis} basis` : "";
  ws.getCell("A3").value = `${table.period} (${table.currency || "no currency"}${basis})`;
  const header = ws.getRow(HEADER_ROWS);
  header.getCell(1).value = "Account";
  table.columns.forEach((c, i) => (header.getCell(FIRST_FIGURE_COLUMN + i).value = c.label));
  header.font = { bold: true };
  header.alignment = { horizontal: "right", wrapText: true };
  header.getCell(1).alignment = { horizontal: "left" };
  header.eachCell((cell) => (cell.border = { bottom: { style: "thin" } }));

  const rowOf = new Map<string, number>();
  table.lines.forEach((line, k) => rowOf.set(line.id, HEADER_ROWS + 1 + k));
  let labelWidth = "Account".length;
  for (const line of table.lines) {
    const row = ws.getRow(rowOf.get(line.id)!);
    if (line.kind === "blank") continue;
    if (line.kind === "heading") {
      row.getCell(1).value = line.label;
      row.getCell(1).font = { bold: true };
      labelWidth = Math.max(labelWidth, line.label.length);
      continue;
    }
    const label = line.number ? `${line.number} ${line.label}` : line.label;
    labelWidth = Math.max(labelWidth, label.length + line.depth * 2);
    row.getCell(1).value = label;
    row.getCell(1).alignment = { indent: line.depth + (line.kind === "row" ? 1 : 0) };
    table.columns.forEach((spec, i) => {
      const cell = row.getCell(FIRST_FIGURE_COLUMN + i);
      cell.value = cellOf(line, i, spec, row.number, rowOf);
      cell.numFmt = spec.kind === "percent" ? "0.0%" : numberFormat(line.scale);
      if (line.kind === "total")
        cell.border = line.grand
          ? { top: { style: "thin" }, bottom: { style: "double" } }
          : { top: { style: "thin" } };
    });
    if (line.kind === "total") row.font = { bold: true };
  }
  ws.getColumn(1).width = Math.min(60, labelWidth + 2);
  table.columns.forEach(
    (c, i) => (ws.getColumn(FIRST_FIGURE_COLUMN + i).width = Math.max(14, Math.min(28, c.label.length + 2))),
  );
  if (table.warnings.length > 0) {
    let r = HEADER_ROWS + table.lines.length + 2;
    for (const w of table.warnings) ws.getCell(`A${r++}`).value = `Warning: ${w}`;
  }
  return ws;
}

/** A workbook of one or more statements, one sheet each, as the bytes of an .xlsx file. */
export async function statementsXlsx(tables: readonly ExportTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Closebook";
  for (const t of tables) addStatementSheet(workbook, t);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
