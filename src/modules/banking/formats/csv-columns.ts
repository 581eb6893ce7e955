// Which column of a CSV file is what: the header row and the columns it names, or, without a header,
// the first data row and columns guessed from their cells.
import { normalizeAmount } from "./amount.ts";
import { splitDate } from "./dates.ts";
import type { CsvRecord } from "./csv-records.ts";
import { FOREIGN_AMOUNT, headerKey, NAMES } from "./csv-header-names.ts";
import type { CsvColumns } from "./csv-mapping.ts";

/** The header is the first early row naming a date column and at least one other known column. */
export function findHeader(records: readonly CsvRecord[]): number {
  const limit = Math.min(records.length, 40);
  for (let i = 0; i < limit; i++) {
    const keys = (records[i] as CsvRecord).cells.map(headerKey);
    const hasDate = keys.some((k) => NAMES.date.includes(k));
    const known = keys.filter((k) => Object.values(NAMES).some((names) => names.includes(k))).length;
    if (hasDate && known >= 2) return i;
  }
  for (let i = 0; i < limit; i++) {
    const keys = (records[i] as CsvRecord).cells.map(headerKey);
    const known = keys.filter((k) => Object.values(NAMES).some((names) => names.includes(k))).length;
    if (known >= 2 && keys.some((k) => k.includes("date"))) return i;
  }
  // A header without any date column still is one; detection then says the date column is missing.
  for (let i = 0; i < limit; i++) {
    const keys = (records[i] as CsvRecord).cells.map(headerKey);
    const known = keys.filter((k) => Object.values(NAMES).some((names) => names.includes(k))).length;
    if (known >= 2 && keys.every((k) => !/\d/.test(k))) return i;
  }
  return -1;
}

export type PartialColumns = Omit<CsvColumns, "date"> & { date: number | null };

export function columnsFromHeader(cells: readonly string[]): PartialColumns {
  const keys = cells.map(headerKey);
  const used = new Set<number>();
  const pick = (names: readonly string[]): number | null => {
    for (const name of names) {
      const i = keys.findIndex((k, idx) => k === name && !used.has(idx));
      if (i >= 0) {
        used.add(i);
        return i;
      }
    }
    return null;
  };
  let date = pick(NAMES.date);
  if (date === null) {
    const i = keys.findIndex((k) => k.includes("date") && !/start|end|from|to/.test(k));
    if (i >= 0) {
      used.add(i);
      date = i;
    }
  }
  const amount = pick(NAMES.amount);
  const debit = amount === null ? pick(NAMES.debit) : null;
  const credit = amount === null ? pick(NAMES.credit) : null;
  const balance = pick(NAMES.balance);
  const account = pick(NAMES.account);
  const id = pick(NAMES.id);
  const reference = pick(NAMES.reference);
  const foreign = keys.some((k) => FOREIGN_AMOUNT.includes(k));
  const currency = pick(NAMES.currency);
  // Mint-style exports: "Description" is the cleaned-up payee when an "Original Description" exists.
  const original = keys.indexOf("original description");
  const description = pick(NAMES.description);
  let payee = pick(NAMES.payee);
  if (payee === null && original >= 0 && description === original) payee = pick(["description"]);
  return {
    date,
    amount,
    debit,
    credit,
    indicator: null,
    description,
    payee,
    reference,
    id,
    balance,
    currency: foreign ? null : currency,
    account,
  };
}

/** Without a header, the first record holding both a date and an amount starts the data. */
export function firstDataRecord(records: readonly CsvRecord[]): number {
  const i = records.findIndex((r) => {
    const dates = r.cells.filter((c) => splitDate(c) !== null && c.trim().length >= 6).length;
    const amounts = r.cells.filter((c) => looksLikeAmount(c)).length;
    return dates >= 1 && amounts >= 1;
  });
  return i < 0 ? 0 : i;
}

function looksLikeAmount(cell: string): boolean {
  const c = cell.trim();
  return (
    /\d/.test(c) &&
    !/[/:]/.test(c) &&
    normalizeAmount(c, c.lastIndexOf(",") > c.lastIndexOf(".") ? "," : ".") !== null
  );
}

/**
 * Headerless files: the date column is the first whose cells read as dates, the amount the first numeric
 * column after it, the description the column with the longest text.
 */
export function guessColumns(data: readonly CsvRecord[], warnings: string[]): PartialColumns {
  const rows = data.slice(0, 50);
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  const all = (i: number, test: (c: string) => boolean) =>
    rows.length > 0 &&
    rows.every((r) => (r.cells[i] ?? "").trim() === "" || test(r.cells[i] as string)) &&
    rows.some((r) => (r.cells[i] ?? "").trim() !== "");
  let date: number | null = null;
  for (let i = 0; i < width && date === null; i++) {
    if (all(i, (c) => splitDate(c) !== null && c.trim().length >= 6)) date = i;
  }
  let amount: number | null = null;
  for (let i = 0; i < width && amount === null; i++) {
    if (i !== date && all(i, looksLikeAmount)) amount = i;
  }
  let description: number | null = null;
  let longest = 0;
  for (let i = 0; i < width; i++) {
    if (i === date || i === amount) continue;
    const length = rows.reduce((sum, r) => sum + (r.cells[i] ?? "").trim().length, 0);
    if (length > longest && !all(i, looksLikeAmount)) {
      longest = length;
      description = i;
    }
  }
  if (date !== null && amount !== null) {
    warnings.push(
      `The file has no header row; the columns were guessed (date: column ${date + 1}, amount: column ${amount + 1}` +
        `${description !== null ? `, description: column ${description + 1}` : ""}). Check them before importing.`,
    );
  }
  return {
    date,
    amount,
    debit: null,
    credit: null,
    indicator: null,
    description,
    payee: null,
    reference: null,
    id: null,
    balance: null,
    currency: null,
    account: null,
  };
}
