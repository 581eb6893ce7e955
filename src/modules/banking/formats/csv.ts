// Reads bank CSV exports with a CsvMapping (detected, or saved for the bank account): one statement per
// account and currency found in the rows, the closing balance from a running-balance column when there is one.
// Titles, balance and total rows are skipped with a warning; separate money-out/in columns take the file's sign.
import { absAmount, negateAmount, normalizeAmount, sumAmounts } from "./amount.ts";
import { detectMappingOf, validateMapping, type CsvMapping } from "./csv-mapping.ts";
import { headerKey } from "./csv-header-names.ts";
import { columnSigns, isDebitWord, type ColumnSigns } from "./csv-sign.ts";
import { isSummaryText } from "./csv-summary.ts";
import { detectDelimiter, readCsvRecords, type CsvRecord } from "./csv-records.ts";
import { readDate, splitDate } from "./dates.ts";
import { StatementParseError } from "./errors.ts";
import type { DetailedStatement, DetailedTransaction, FormatResult } from "./types.ts";

export interface CsvResult extends FormatResult {
  mapping: CsvMapping;
}

export function parseCsvText(text: string, saved?: CsvMapping): CsvResult {
  const warnings: string[] = [];
  let mapping: CsvMapping;
  let records: CsvRecord[];
  if (saved) {
    validateMapping(saved);
    mapping = saved;
    records = readCsvRecords(text, mapping.delimiter);
  } else {
    // The records are read once and serve both the layout detection and the reading.
    const delimiter = detectDelimiter(text);
    records = readCsvRecords(text, delimiter);
    const detected = detectMappingOf(records, delimiter);
    mapping = detected.mapping;
    warnings.push(...detected.warnings);
  }
  const dataStart = findDataStart(records, mapping);
  const c = mapping.columns;
  const names = columnNames(mapping.header, records);

  const groups = new Map<
    string,
    {
      account: string | null;
      currency: string | null;
      rows: DetailedTransaction[];
      /** Running-balance cells as written; only the latest is read. */
      balances: string[];
    }
  >();
  const skipped: number[] = [];
  const summaries: number[] = [];
  const noAmount: number[] = [];
  const signs =
    mapping.sign === "debit-credit"
      ? columnSigns(records, dataStart, c.debit, c.credit, (cell) =>
          normalizeAmount(cell, mapping.decimalSeparator),
        )
      : NO_SIGNS;
  const reversals: number[] = [];
  for (let r = dataStart; r < records.length; r++) {
    const record = records[r] as CsvRecord;
    const cells = record.cells;
    if (isBlank(cells)) continue;
    const dateText = cellAt(cells, c.date);
    const date = readDate(dateText, mapping.dateOrder);
    if (date === null) {
      // A written date that is not a real one is an error.
      if (dateText !== "" && splitDate(dateText) !== null) {
        throw new StatementParseError(
          "csv/invalid-date",
          `"${dateText.slice(0, 40)}" is not a date in the file's date format.`,
          record.line,
        );
      }
      // A header repeated above the next account's rows, and balances and totals, are skipped whatever they hold.
      if (mapping.header !== null && dateText === (mapping.header[c.date] ?? "").trim()) {
        skipped.push(record.line);
        continue;
      }
      if (isSummaryText(dateText) || isSummaryText(cellAt(cells, c.description) || cellAt(cells, c.payee))) {
        summaries.push(record.line);
        continue;
      }
      // Titles, account lines and disclaimers have no amount either; a row with money and no date is an error.
      if (hasAmount(mapping, cells, record.line)) {
        throw new StatementParseError(
          "csv/invalid-date",
          dateText === ""
            ? "The row has an amount but no date."
            : `"${dateText.slice(0, 40)}" is not a date in the file's date format.`,
          record.line,
        );
      }
      skipped.push(record.line);
      continue;
    }
    if (isSummaryText(cellAt(cells, c.description) || cellAt(cells, c.payee))) {
      summaries.push(record.line);
      continue;
    }
    const amount = readAmount(mapping, cells, record.line, signs, reversals);
    if (amount === null) {
      noAmount.push(record.line);
      continue;
    }
    const raw: Record<string, string> = {};
    for (let i = 0; i < cells.length; i++) raw[names[i] ?? `column ${i + 1}`] = cells[i] as string;
    const payee = cellAt(cells, c.payee) || null;
    const account = cellAt(cells, c.account) || null;
    const currency = cellAt(cells, c.currency).toUpperCase() || null;
    const key = `${account ?? ""}\u0000${currency ?? ""}`;
    let group = groups.get(key);
    if (!group) {
      group = { account, currency, rows: [], balances: [] };
      groups.set(key, group);
    }
    group.rows.push({
      id: cellAt(cells, c.id) || null,
      date,
      amount,
      description: cellAt(cells, c.description) || payee || "",
      payee,
      reference: cellAt(cells, c.reference) || null,
      line: record.line,
      raw,
    });
    group.balances.push(c.balance === null ? "" : cellAt(cells, c.balance));
  }

  if (noAmount.length > 0) {
    warnings.push(
      `${noAmount.length} row${noAmount.length === 1 ? " has" : "s have"} a date but no amount and ${noAmount.length === 1 ? "was" : "were"} skipped (line${noAmount.length === 1 ? "" : "s"} ${listLines(noAmount)}).`,
    );
  }
  if (skipped.length > 0) {
    warnings.push(
      `${skipped.length} row${skipped.length === 1 ? "" : "s"} without a date or amount (titles, totals, notes) ${skipped.length === 1 ? "was" : "were"} skipped (line${skipped.length === 1 ? "" : "s"} ${listLines(skipped)}).`,
    );
  }
  if (summaries.length > 0) {
    warnings.push(
      `${summaries.length} balance or total row${summaries.length === 1 ? " was" : "s were"} skipped, not read as transactions (line${summaries.length === 1 ? "" : "s"} ${listLines(summaries)}).`,
    );
  }
  if (reversals.length > 0) {
    warnings.push(
      `${reversals.length} amount${reversals.length === 1 ? "" : "s"} written against the column's sign (a refund in the money-out column, a return in the money-in column) ${reversals.length === 1 ? "was" : "were"} read as money the other way (line${reversals.length === 1 ? "" : "s"} ${listLines(reversals)}).`,
    );
  }
  if (groups.size === 0) warnings.push("The file has no transaction rows.");

  const statements: DetailedStatement[] = [...groups.values()].map((g) => ({
    account: { id: g.account, currency: g.currency, type: null, institution: null },
    start: null,
    end: null,
    openingBalance: null,
    closingBalance: latestBalance(g.rows, g.balances, mapping),
    transactions: g.rows,
    line: g.rows[0]?.line ?? null,
    source: null,
    raw: {},
  }));
  return { statements, warnings, mapping };
}

function listLines(lines: number[]): string {
  return lines.length <= 10
    ? lines.join(", ")
    : `${lines.slice(0, 10).join(", ")} and ${lines.length - 10} more`;
}

/** Where the data starts: after the saved header (found again by its cells), or after the rows to skip. */
function findDataStart(records: readonly CsvRecord[], mapping: CsvMapping): number {
  if (!mapping.header) return mapping.skipRecords;
  const wanted = mapping.header.map(headerKey).join("\u0000");
  const limit = Math.min(records.length, Math.max(50, mapping.skipRecords + 10));
  for (let i = 0; i < limit; i++) {
    const cells = (records[i] as CsvRecord).cells.map(headerKey);
    while (cells.length > mapping.header.length && cells[cells.length - 1] === "") cells.pop();
    if (cells.join("\u0000") === wanted) return i + 1;
  }
  throw new StatementParseError(
    "csv/mapping-mismatch",
    `The file does not have the header row the saved column layout expects ("${mapping.header.join(mapping.delimiter).slice(0, 80)}").`,
  );
}

function cellAt(cells: readonly string[], i: number | null): string {
  if (i === null) return "";
  const value = cells[i];
  return value === undefined ? "" : value.trim();
}

function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell !== "" && cell.trim() !== "") return false;
  return true;
}

/** Raw-field keys: the header's names, or "column N" where the file has no (or a shorter) header. */
function columnNames(header: readonly string[] | null, records: readonly CsvRecord[]): string[] {
  let width = header?.length ?? 0;
  for (const r of records) if (r.cells.length > width) width = r.cells.length;
  const names: string[] = [];
  for (let i = 0; i < width; i++) names.push(header?.[i] || `column ${i + 1}`);
  return names;
}

function parseCell(
  cells: readonly string[],
  i: number | null,
  mapping: CsvMapping,
  what: string,
  line: number,
): string | null {
  const text = cellAt(cells, i);
  if (text === "") return null;
  const value = normalizeAmount(text, mapping.decimalSeparator);
  if (value === null) {
    throw new StatementParseError(
      "csv/invalid-amount",
      `The ${what} "${text.slice(0, 40)}" is not a number.`,
      line,
    );
  }
  return value;
}

/** Separate-column signs for mappings that have none. */
const NO_SIGNS: ColumnSigns = { out: -1, into: 1 };

function readAmount(
  mapping: CsvMapping,
  cells: readonly string[],
  line: number,
  signs: ColumnSigns,
  reversals: number[],
): string | null {
  const c = mapping.columns;
  switch (mapping.sign) {
    case "signed":
      return parseCell(cells, c.amount, mapping, "amount", line);
    case "inverted": {
      const a = parseCell(cells, c.amount, mapping, "amount", line);
      return a === null ? null : negateAmount(a);
    }
    case "indicator": {
      const a = parseCell(cells, c.amount, mapping, "amount", line);
      if (a === null) return null;
      const indicator = cellAt(cells, c.indicator);
      const debit = isDebitWord(indicator);
      if (debit === null) {
        throw new StatementParseError(
          "csv/invalid-indicator",
          `"${indicator.slice(0, 40)}" does not say debit or credit.`,
          line,
        );
      }
      return debit ? negateAmount(absAmount(a)) : absAmount(a);
    }
    case "debit-credit": {
      const out = parseCell(cells, c.debit, mapping, "money-out amount", line);
      const into = parseCell(cells, c.credit, mapping, "money-in amount", line);
      if (out === null && into === null) return null;
      const paid = out === null ? null : signs.out === 1 ? out : negateAmount(out);
      const received = into === null ? null : signs.into === 1 ? into : negateAmount(into);
      // Money out that comes out positive, or money in that comes out negative, goes against its column.
      if ((paid !== null && isPositive(paid)) || (received !== null && received.startsWith("-")))
        reversals.push(line);
      if (paid === null) return received;
      return received === null ? paid : sumAmounts([paid, received]);
    }
  }
}

/** Whether an undated row holds a readable amount (text in the amount column is not one). */
function hasAmount(mapping: CsvMapping, cells: readonly string[], line: number): boolean {
  try {
    return readAmount(mapping, cells, line, NO_SIGNS, []) !== null;
  } catch (error) {
    if (error instanceof StatementParseError) return false;
    throw error;
  }
}

function isPositive(amount: string): boolean {
  return !amount.startsWith("-") && /[1-9]/.test(amount);
}

/** The running balance after the latest row: files list newest-first or oldest-first. */
function latestBalance(
  rows: readonly DetailedTransaction[],
  balances: readonly string[],
  mapping: CsvMapping,
): string | null {
  if (rows.length === 0) return null;
  const first = rows[0] as DetailedTransaction;
  const last = rows[rows.length - 1] as DetailedTransaction;
  const cell = (first.date > last.date ? balances[0] : balances[balances.length - 1]) ?? "";
  return cell === "" ? null : normalizeAmount(cell, mapping.decimalSeparator);
}
