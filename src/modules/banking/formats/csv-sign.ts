// Unsigned amounts with a debit/credit column: the words that say money out or in, and finding that column.
import type { CsvRecord } from "./csv-records.ts";
import type { PartialColumns } from "./csv-columns.ts";
import { headerKey } from "./csv-header-names.ts";

// English, German (S/H), Dutch (Af/Bij), Spanish (Cargo/Abono), French, Italian (Dare/Avere), Portuguese.
const DEBIT_WORDS = new Set([
  "debit",
  "dr",
  "d",
  "withdrawal",
  "out",
  "db",
  "s",
  "soll",
  "-",
  "af",
  "cargo",
  "debito",
  "dare",
]);
const CREDIT_WORDS = new Set([
  "credit",
  "cr",
  "c",
  "deposit",
  "in",
  "h",
  "haben",
  "+",
  "bij",
  "abono",
  "credito",
  "avere",
]);

/** A column whose every value is a debit/credit word is the sign indicator for unsigned amounts. */
export function findIndicator(
  data: readonly CsvRecord[],
  header: readonly string[] | null,
  cols: PartialColumns,
): number | null {
  const width = Math.max(0, ...data.slice(0, 50).map((r) => r.cells.length));
  const taken = new Set([cols.date, cols.amount, cols.balance].filter((c): c is number => c !== null));
  for (let i = 0; i < width; i++) {
    if (taken.has(i) || data.length === 0) continue;
    let debits = 0;
    let credits = 0;
    const fits = data.every((r) => {
      const v = wordKey(r.cells[i] ?? "");
      if (DEBIT_WORDS.has(v)) debits++;
      else if (CREDIT_WORDS.has(v)) credits++;
      else return false;
      return true;
    });
    if (fits && (debits > 0 || credits > 0)) return i;
  }
  if (header) {
    const i = header
      .map(headerKey)
      .findIndex((k) =>
        [
          "dr/cr",
          "cr/dr",
          "debit/credit",
          "credit/debit",
          "d/c",
          "c/d",
          "af bij",
          "af/bij",
          "soll/haben",
          "s/h",
        ].includes(k),
      );
    if (i >= 0) return i;
  }
  return null;
}

/** True when a debit/credit indicator cell means money out. */
export function isDebitWord(value: string): boolean | null {
  const v = wordKey(value);
  if (DEBIT_WORDS.has(v)) return true;
  if (CREDIT_WORDS.has(v)) return false;
  return null;
}

/** Lower case without accents ("Débito" → "debito"); plain ASCII, the usual case, is only lower-cased. */
function wordKey(value: string): string {
  const v = value.trim().toLowerCase();
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(v) ? v : v.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

/**
 * How a bank writes separate money-out and money-in columns, read off the whole file: most banks put
 * positive numbers in both (the column says the direction), some write money out negative. The sign most
 * of a column's amounts carry is the column's convention; an amount against it is a reversal (a refund
 * in the money-out column is money in). `out`/`into`: the factor that turns a cell into a signed amount.
 */
export interface ColumnSigns {
  out: 1 | -1;
  into: 1 | -1;
}

export function columnSigns(
  records: readonly CsvRecord[],
  from: number,
  debit: number | null,
  credit: number | null,
  read: (cell: string) => string | null,
): ColumnSigns {
  let outPositive = 0;
  let outNegative = 0;
  let inPositive = 0;
  let inNegative = 0;
  const count = (cell: string | undefined, positive: () => void, negative: () => void) => {
    if (cell === undefined || cell === "") return;
    const value = read(cell);
    if (value === null || !/[1-9]/.test(value)) return;
    if (value.startsWith("-")) negative();
    else positive();
  };
  for (let r = from; r < records.length; r++) {
    const cells = (records[r] as CsvRecord).cells;
    if (debit !== null)
      count(
        cells[debit]?.trim(),
        () => outPositive++,
        () => outNegative++,
      );
    if (credit !== null)
      count(
        cells[credit]?.trim(),
        () => inPositive++,
        () => inNegative++,
      );
  }
  return { out: outNegative > outPositive ? 1 : -1, into: inNegative > inPositive ? -1 : 1 };
}
