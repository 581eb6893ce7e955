// The monthly package as an XLSX workbook (exceljs): a first sheet with the cover's facts, the
// contents and what the month still has open, then one sheet per statement (with its formulas, as
// the single-statement export makes them; the rounding lines are part of the sums) and the notes.
import ExcelJS from "exceljs";
import { addStatementSheet, sheetName } from "./export-xlsx.ts";
import type { PackageDocument } from "./package-model.ts";

export const COVER_SHEET = "Package";

export async function packageXlsx(d: PackageDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = d.cover.firmName || "Closebook";
  const cover = workbook.addWorksheet(COVER_SHEET);
  cover.getColumn(1).width = 90;
  // The brand colour (when set) colours the firm's name and a band across the top of the sheet.
  const argb = d.cover.color ? `FF${d.cover.color.slice(1).toUpperCase()}` : null;
  const rows: Array<[string, Partial<ExcelJS.Font>?]> = [
    [d.cover.firmName, { bold: true, size: 12, ...(argb ? { color: { argb } } : {}) }],
    [d.cover.clientName, { bold: true, size: 16 }],
    [`${d.cover.title}: ${d.cover.period}`, { size: 12 }],
    ...d.cover.lines.map((l): [string] => [l]),
    [""],
    ["Contents", { bold: true }],
    ...d.sections.map((s): [string] => [
      s.kind === "statement" ? `${s.title} (sheet "${sheetName(s.table.sheetName)}")` : s.title,
    ]),
  ];
  for (const s of d.sections)
    if (s.kind === "attention") {
      rows.push([""], [s.title, { bold: true }]);
      for (const l of s.lines) rows.push([l]);
    }
  rows.forEach(([text, font], i) => {
    const cell = cover.getCell(`A${i + 1}`);
    cell.value = text;
    cell.alignment = { wrapText: true, vertical: "top" };
    if (font) cell.font = font;
  });
  if (argb) {
    const first = cover.getCell("A1");
    first.border = { top: { style: "thick", color: { argb } } };
  }
  for (const s of d.sections) if (s.kind === "statement") addStatementSheet(workbook, s.table);
  for (const s of d.sections)
    if (s.kind === "notes") {
      const ws = workbook.addWorksheet("Notes");
      ws.getColumn(1).width = 100;
      ws.getCell("A1").value = s.title;
      ws.getCell("A1").font = { bold: true, size: 14 };
      s.text.split(/\r?\n/).forEach((line, i) => {
        const cell = ws.getCell(`A${i + 3}`);
        cell.value = line;
        cell.alignment = { wrapText: true };
      });
    }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
