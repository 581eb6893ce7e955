// A payroll register file as a grid of text cells: CSV (quoted fields, CRLF, a byte-order mark,
// comma or tab separated) or the first worksheet of an XLSX workbook (exceljs). Dates in a
// workbook become YYYY-MM-DD and numbers plain decimals, so the model reads both the same way.
import ExcelJS from "exceljs";
import { validationError } from "../../platform/errors.ts";

export type Grid = string[][];

/** Splits CSV text into rows of cells (RFC 4180 quoting; the separator is a comma, or a tab when the first line has tabs and no commas). */
export function csvGrid(text: string): Grid {
  const body = text.replace(/^\uFEFF/, "");
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const sep = firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : ",";
  const rows: Grid = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (ch === sep) {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.map((r) => r.map((c) => c.trim()));
}

const pad = (n: number) => String(n).padStart(2, "0");

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date)
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  // Binary floating point: 1234.56 may be stored as 1234.5600000000001; six places undo that.
  if (typeof value === "number") return String(Math.round(value * 1e6) / 1e6);
  if (typeof value === "object") {
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("richText" in value) return value.richText.map((t) => t.text).join("");
    if ("text" in value) return String(value.text);
    return "";
  }
  return String(value).trim();
}

/** The first worksheet of an XLSX workbook as text cells; a file that is not a workbook is refused. */
export async function xlsxGrid(bytes: Uint8Array): Promise<Grid> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw validationError("journals/payroll-unreadable", "the file is not a readable XLSX workbook", {
      field: "file",
    });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: Grid = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

/** An XLSX workbook is a zip file: it starts with "PK". */
export const looksLikeXlsx = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;
