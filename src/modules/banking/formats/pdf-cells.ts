// One row of a PDF statement's transaction table put in its columns: the date at the left, figures
// under their money headings (signed by the column, or by the section the table stands in), other
// headed columns kept as raw fields, the rest the description. And the section titles that sign a
// table's Amount column ("Deposits and additions" in, "Checks paid" out).
import { negateAmount, sumAmounts, type DecimalSeparator } from "./amount.ts";
import { moneyColumnOf, moneyStart, type Columns, type MoneyColumn } from "./pdf-columns.ts";
import type { PdfRow } from "./pdf-rows.ts";
import {
  absoluteAmount,
  looksLikeAmount,
  readAmount,
  readDatePrefix,
  type WrittenDate,
} from "./pdf-values.ts";

/** Money in or out, as a section of the statement lists it; null when the table itself says. */
export type Section = "in" | "out" | null;

const SECTION_OUT =
  /\b(?:withdrawals?|debits?|checks?|cheques?|payments?|purchases?|fees?|charges?|subtractions?)\b/i;
const SECTION_IN = /\b(?:deposits?|credits?|additions?|receipts?)\b/i;

/**
 * The section a title row opens ("Deposits and additions" → in, "ATM & debit card withdrawals" → out):
 * a short row without figures naming one direction only; undefined for any other row.
 */
export function sectionOf(row: PdfRow): Section | undefined {
  const text = row.text;
  if (/\d/.test(text) || text.split(/\s+/).length > 6) return undefined;
  const out = SECTION_OUT.test(text);
  const into = SECTION_IN.test(text);
  if (out === into) return out ? null : undefined;
  return out ? "out" : "in";
}

export interface RowCells {
  date: WrittenDate | null;
  description: string;
  reference: string | null;
  /** The line's amount, signed (money out negative); null when the row has none. */
  amount: string | null;
  balance: string | null;
  /** True when all the row's text lies where descriptions are printed. */
  inDescription: boolean;
  raw: Record<string, string>;
}

/** Puts a row's cells in their columns. */
export function readRow(
  row: PdfRow,
  columns: Columns,
  decimal: DecimalSeparator,
  section: Section,
): RowCells {
  const raw: Record<string, string> = {};
  const descriptionParts: string[] = [];
  let date: WrittenDate | null = null;
  let reference: string | null = null;
  let amount: string | null = null;
  let balance: string | null = null;
  let inDescription = true;
  const textStart = columns.description ? columns.description.x0 : columns.date.x1;
  const start = moneyStart(columns);
  const used = new Set<MoneyColumn>();
  row.cells.forEach((cell, i) => {
    if (i === 0 && cell.x0 < textStart - 1) {
      const written = readDatePrefix(cell.text);
      if (written !== null) {
        date = written;
        raw[columns.date.label] = written.raw;
        if (written.rest !== "") descriptionParts.push(written.rest);
        inDescription = false;
        return;
      }
    }
    const value = looksLikeAmount(cell.text) ? readAmount(cell.text, decimal) : null;
    const column = value !== null ? moneyColumnOf(cell, columns) : null;
    if (value !== null && column !== null && !used.has(column)) {
      used.add(column);
      raw[column.label] = cell.text;
      inDescription = false;
      if (column.kind === "balance") balance = value;
      else {
        const kind = column.kind === "amount" && section !== null ? section : column.kind;
        const signed =
          kind === "amount"
            ? value
            : kind === "out"
              ? negateAmount(absoluteAmount(value))
              : absoluteAmount(value);
        amount = amount === null ? signed : sumAmounts([amount, signed]);
      }
      return;
    }
    const other = columns.other.find((o) => cell.x0 < o.x1 + 2 && cell.x1 > o.x0 - 2);
    if (
      other &&
      (columns.description === null || cell.x0 >= columns.description.x1 || cell.x1 < columns.description.x0)
    ) {
      raw[other.label] = cell.text;
      if (/\b(?:ref|reference|check|cheque|chq)\b/i.test(other.label)) reference = cell.text;
      return;
    }
    if (/^[-–—]$/.test(cell.text)) return;
    if (cell.x0 < textStart - 2 * row.height || cell.x0 > start) inDescription = false;
    descriptionParts.push(cell.text);
  });
  const description = descriptionParts.join(" ");
  if (description !== "") raw.description = description;
  return { date, description, reference, amount, balance, inDescription, raw };
}
