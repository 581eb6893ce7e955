// Unsigned amounts with a debit/credit column: the words that say money out or in, and finding that column.
import type { CsvRecord } from "./csv-records.ts";
import type { PartialColumns } from "./csv-columns.ts";
import { headerKey } from "./csv-header-names.ts";

const DEBIT_WORDS = new Set(["debit", "dr", "d", "withdrawal", "out", "db", "s", "soll", "-"]);
const CREDIT_WORDS = new Set(["credit", "cr", "c", "deposit", "in", "h", "haben", "+"]);

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
      const v = (r.cells[i] ?? "").trim().toLowerCase();
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
      .findIndex((k) => ["dr/cr", "cr/dr", "debit/credit", "credit/debit", "d/c", "c/d"].includes(k));
    if (i >= 0) return i;
  }
  return null;
}

/** True when a debit/credit indicator cell means money out. */
export function isDebitWord(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  if (DEBIT_WORDS.has(v)) return true;
  if (CREDIT_WORDS.has(v)) return false;
  return null;
}
