// Finding a PDF statement's transaction table by its heading row (Date, Description, Amount or
// Debit/Credit or Withdrawals/Deposits, Balance) and reading where each column sits, so the cells
// of the rows below can be put in their columns.
import type { PdfCell, PdfRow } from "./pdf-rows.ts";

/** What a money column holds: a signed amount, money out, money in, or the running balance. */
export type MoneyKind = "amount" | "out" | "in" | "balance";

export interface Column {
  /** The heading as printed: the raw field name of the values below it. */
  label: string;
  x0: number;
  x1: number;
}

export interface MoneyColumn extends Column {
  kind: MoneyKind;
}

export interface Columns {
  date: Column;
  description: Column | null;
  money: MoneyColumn[];
  /** Other headed columns (value date, reference, check number): their cells are kept as raw fields. */
  other: Column[];
}

const DATE = /^(?:(?:posting|posted|transaction|trans\.?|txn|entry|booking|book|effective)\s+)?date$/;
const OTHER_DATE = /^(?:value|effective|posting|posted|processed)\s+date$/;
const DESCRIPTION =
  /^(?:(?:transaction\s+)?(?:description|details)|transactions?|particulars|narrative|memo|payee|description of transaction)$/;
const MONEY: Array<[RegExp, MoneyKind]> = [
  [/^(?:running\s+|ledger\s+|daily\s+)?balance$/, "balance"],
  [/^(?:transaction\s+)?amount$/, "amount"],
  [
    /^(?:debits?|withdrawals?|money\s+out|paid\s+out|payments?|charges?|debit\s+amount|withdrawals?\s+and\s+(?:other\s+)?debits|out)$/,
    "out",
  ],
  [
    /^(?:credits?|deposits?|money\s+in|paid\s+in|receipts?|credit\s+amount|deposits?\s+and\s+(?:other\s+)?credits|in)$/,
    "in",
  ],
];

/** A heading as compared: lower case, without currency marks or a bracketed unit ("Withdrawals ($)"). */
function headingOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/\((?:[$€£¥]|[a-z]{3})\)|[$€£¥]/g, "")
    .replace(/[:.]$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The table's columns when the row is its heading row: a date heading, and either an amount column
 * or both a money-out and a money-in column. Null for any other row.
 */
export function readHeading(row: PdfRow): Columns | null {
  if (row.cells.length < 3) return null;
  let date: Column | null = null;
  let description: Column | null = null;
  const money: MoneyColumn[] = [];
  const other: Column[] = [];
  for (const cell of row.cells) {
    const h = headingOf(cell.text);
    const column = { label: cell.text, x0: cell.x0, x1: cell.x1 };
    const kind = MONEY.find(([re]) => re.test(h))?.[1];
    if (kind !== undefined && !money.some((m) => m.kind === kind)) money.push({ ...column, kind });
    else if (date === null && DATE.test(h)) date = column;
    else if (OTHER_DATE.test(h) || DATE.test(h)) other.push(column);
    else if (description === null && DESCRIPTION.test(h)) description = column;
    else if (h !== "") other.push(column);
  }
  if (date === null) return null;
  const kinds = new Set(money.map((m) => m.kind));
  const amounts = kinds.has("amount") || (kinds.has("out") && kinds.has("in"));
  if (!amounts) return null;
  money.sort((a, b) => a.x0 - b.x0);
  return { date, description, money, other };
}

/**
 * The money column a number belongs to: figures are right-aligned under (or centred on) their
 * heading, so the closest right edge or centre wins; null when none is near enough.
 */
export function moneyColumnOf(cell: PdfCell, columns: Columns): MoneyColumn | null {
  let best: MoneyColumn | null = null;
  let bestDistance = Infinity;
  const centre = (cell.x0 + cell.x1) / 2;
  for (const column of columns.money) {
    const distance = Math.min(
      Math.abs(cell.x1 - column.x1),
      Math.abs(centre - (column.x0 + column.x1) / 2),
      Math.abs(cell.x0 - column.x0),
    );
    if (distance < bestDistance) {
      best = column;
      bestDistance = distance;
    }
  }
  // Beyond this, a number is not under any money heading (a figure in a description, a page total).
  const reach = best ? Math.max(60, (best.x1 - best.x0) * 2) : 0;
  return bestDistance <= reach ? best : null;
}

/** The left edge of the money columns: text left of it is description, text right of it is a figure. */
export function moneyStart(columns: Columns): number {
  return Math.min(...columns.money.map((m) => m.x0));
}
