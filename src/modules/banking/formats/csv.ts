// Reads bank CSV exports with a CsvMapping (detected, or saved for the bank account): one statement per
// account and currency found in the rows, the closing balance from a running-balance column when there is one.
import { absAmount, negateAmount, normalizeAmount, sumAmounts } from "./amount.ts";
import {
  detectMapping,
  headerKey,
  isDebitWord,
  readDateCell,
  validateMapping,
  type CsvMapping,
} from "./csv-mapping.ts";
import { readCsvRecords, type CsvRecord } from "./csv-records.ts";
import { StatementParseError } from "./errors.ts";
import type { DetailedStatement, DetailedTransaction, FormatResult } from "./types.ts";

export interface CsvResult extends FormatResult {
  mapping: CsvMapping;
}

export function parseCsvText(text: string, saved?: CsvMapping): CsvResult {
  const warnings: string[] = [];
  let mapping: CsvMapping;
  if (saved) {
    validateMapping(saved);
    mapping = saved;
  } else {
    const detected = detectMapping(text);
    mapping = detected.mapping;
    warnings.push(...detected.warnings);
  }
  const records = readCsvRecords(text, mapping.delimiter);
  const dataStart = findDataStart(records, mapping);
  const header = mapping.header;
  const names = (i: number) => (header && header[i] ? header[i] : `column ${i + 1}`);
  const c = mapping.columns;

  const groups = new Map<
    string,
    {
      account: string | null;
      currency: string | null;
      rows: DetailedTransaction[];
      balances: Array<string | null>;
    }
  >();
  const skipped: number[] = [];
  const noAmount: number[] = [];
  for (let r = dataStart; r < records.length; r++) {
    const record = records[r] as CsvRecord;
    const cells = record.cells;
    if (cells.every((x) => x.trim() === "")) continue;
    const cell = (i: number | null) => (i === null ? "" : (cells[i] ?? "").trim());
    const date = readDateCell(cell(c.date), mapping.dateOrder);
    const amount = readAmount(mapping, cell, record.line);
    if (date === null) {
      // Titles, subtotals and disclaimers have neither a date nor an amount; anything with an amount is an error.
      if (amount === null) {
        skipped.push(record.line);
        continue;
      }
      throw new StatementParseError(
        "csv/invalid-date",
        cell(c.date) === ""
          ? "The row has an amount but no date."
          : `"${cell(c.date).slice(0, 40)}" is not a date in the file's date format.`,
        record.line,
      );
    }
    if (amount === null) {
      noAmount.push(record.line);
      continue;
    }
    const raw: Record<string, string> = {};
    cells.forEach((v, i) => {
      raw[names(i)] = v;
    });
    const payee = cell(c.payee) || null;
    const account = cell(c.account) || null;
    const currency = cell(c.currency).toUpperCase() || null;
    const key = `${account ?? ""}\u0000${currency ?? ""}`;
    let group = groups.get(key);
    if (!group) {
      group = { account, currency, rows: [], balances: [] };
      groups.set(key, group);
    }
    group.rows.push({
      id: cell(c.id) || null,
      date,
      amount,
      description: cell(c.description) || payee || "",
      payee,
      reference: cell(c.reference) || null,
      line: record.line,
      raw,
    });
    group.balances.push(
      c.balance === null ? null : normalizeAmount(cell(c.balance), mapping.decimalSeparator),
    );
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
  if (groups.size === 0) warnings.push("The file has no transaction rows.");

  const statements: DetailedStatement[] = [...groups.values()].map((g) => ({
    account: { id: g.account, currency: g.currency, type: null, institution: null },
    start: null,
    end: null,
    openingBalance: null,
    closingBalance: latestBalance(g.rows, g.balances),
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

function readAmount(mapping: CsvMapping, cell: (i: number | null) => string, line: number): string | null {
  const c = mapping.columns;
  const parse = (i: number | null, what: string): string | null => {
    const text = cell(i);
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
  };
  switch (mapping.sign) {
    case "signed":
      return parse(c.amount, "amount");
    case "inverted": {
      const a = parse(c.amount, "amount");
      return a === null ? null : negateAmount(a);
    }
    case "indicator": {
      const a = parse(c.amount, "amount");
      if (a === null) return null;
      const debit = isDebitWord(cell(c.indicator));
      if (debit === null) {
        throw new StatementParseError(
          "csv/invalid-indicator",
          `"${cell(c.indicator).slice(0, 40)}" does not say debit or credit.`,
          line,
        );
      }
      return debit ? negateAmount(absAmount(a)) : absAmount(a);
    }
    case "debit-credit": {
      const out = parse(c.debit, "money-out amount");
      const into = parse(c.credit, "money-in amount");
      if (out === null && into === null) return null;
      if (out === null) return absAmount(into as string);
      if (into === null) return negateAmount(absAmount(out));
      return sumAmounts([absAmount(into), negateAmount(absAmount(out))]);
    }
  }
}

/** The running balance after the latest row: files list newest-first or oldest-first. */
function latestBalance(
  rows: readonly DetailedTransaction[],
  balances: ReadonlyArray<string | null>,
): string | null {
  if (rows.length === 0) return null;
  const first = rows[0] as DetailedTransaction;
  const last = rows[rows.length - 1] as DetailedTransaction;
  return (first.date > last.date ? balances[0] : balances[balances.length - 1]) ?? null;
}
