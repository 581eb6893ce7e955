// Works out how a bank's CSV export is laid out — delimiter, header row, which column is what, date order,
// decimal separator, how money out is shown — as a CsvMapping that can be saved per bank account and reused.
// Which column is what is found in csv-columns.ts (by the header words of csv-header-names.ts), the
// debit/credit indicator column in csv-sign.ts; the decimal separator, date order and sign are settled here.
import { detectDecimalSeparator, normalizeAmount, type DecimalSeparator } from "./amount.ts";
import { detectDateOrder, splitDate, type DateOrder, type DateParts } from "./dates.ts";
import { StatementParseError } from "./errors.ts";
import {
  DELIMITERS,
  detectDelimiter,
  readCsvRecords,
  type CsvRecord,
  type Delimiter,
} from "./csv-records.ts";
import { columnsFromHeader, findHeader, firstDataRecord, guessColumns } from "./csv-columns.ts";
import { findIndicator } from "./csv-sign.ts";

/** Which column (0-based) holds what; null where the file has no such column. */
export interface CsvColumns {
  date: number;
  /** A single amount column (signed, or unsigned with an `indicator` column). */
  amount: number | null;
  /** Money out, when the bank uses separate columns for money out and money in. */
  debit: number | null;
  /** Money in, when the bank uses separate columns. */
  credit: number | null;
  /** A column saying "debit"/"credit" (or DR/CR, D/C) for unsigned amounts. */
  indicator: number | null;
  description: number | null;
  payee: number | null;
  reference: number | null;
  id: number | null;
  balance: number | null;
  /** Each row's currency; rows in different currencies become separate statements. */
  currency: number | null;
  /** Each row's account; rows of different accounts become separate statements. */
  account: number | null;
}

export type CsvSign =
  /** One amount column, money out negative. */
  | "signed"
  /** One amount column, money out positive (some card exports). Never guessed: set it by hand. */
  | "inverted"
  /** Separate money-out and money-in columns. */
  | "debit-credit"
  /** Unsigned amounts plus a debit/credit indicator column. */
  | "indicator";

export interface CsvMapping {
  version: 1;
  delimiter: Delimiter;
  /** The header row as it was when the mapping was made; a saved mapping finds its header again by it. null: no header. */
  header: string[] | null;
  /** Records before the header (or before the first data row when there is no header). */
  skipRecords: number;
  columns: CsvColumns;
  dateOrder: DateOrder;
  decimalSeparator: DecimalSeparator;
  sign: CsvSign;
}

export interface MappingDetection {
  mapping: CsvMapping;
  warnings: string[];
}

/** Looks at a CSV file's text and works out its layout. Throws when no date or amount column can be found. */
export function detectMapping(text: string): MappingDetection {
  const delimiter = detectDelimiter(text);
  return detectMappingOf(readCsvRecords(text, delimiter, 400), delimiter);
}

/** Works out the layout from records already read with `delimiter` (only the first 400 are looked at). */
export function detectMappingOf(allRecords: readonly CsvRecord[], delimiter: Delimiter): MappingDetection {
  const records = allRecords.length > 400 ? allRecords.slice(0, 400) : allRecords;
  const warnings: string[] = [];
  const headerAt = findHeader(records);
  const columns = headerAt >= 0 ? columnsFromHeader((records[headerAt] as CsvRecord).cells) : null;
  const dataStart = headerAt >= 0 ? headerAt + 1 : firstDataRecord(records);
  const data = records.slice(dataStart).filter((r) => r.cells.some((c) => c.trim() !== ""));
  const resolved = columns ?? guessColumns(data, warnings);

  if (resolved.amount === null && resolved.debit === null && resolved.credit === null) {
    throw new StatementParseError(
      "csv/no-amount-column",
      headerAt >= 0
        ? `No column of the header (line ${(records[headerAt] as CsvRecord).line}) holds an amount (looked for "Amount", "Debit"/"Credit", "Withdrawal"/"Deposit" and the like).`
        : "No column of the file holds an amount.",
      headerAt >= 0 ? (records[headerAt] as CsvRecord).line : null,
    );
  }
  if (resolved.date === null) {
    throw new StatementParseError(
      "csv/no-date-column",
      "No column of the file holds the transaction date.",
      headerAt >= 0 ? (records[headerAt] as CsvRecord).line : null,
    );
  }
  const cols = resolved as CsvColumns;

  const moneyCells = data.flatMap((r) =>
    [cols.amount, cols.debit, cols.credit, cols.balance].flatMap((c) =>
      c === null ? [] : [r.cells[c] ?? ""],
    ),
  );
  const decimalSeparator = detectDecimalSeparator(moneyCells) ?? (delimiter === ";" ? "," : ".");

  const dateSamples = data
    .map((r) => splitDate(r.cells[cols.date] ?? ""))
    .filter((d): d is DateParts => d !== null);
  const guess = detectDateOrder(dateSamples, decimalSeparator === "," ? "DMY" : "MDY");
  if (!guess) {
    throw new StatementParseError(
      "csv/mixed-date-formats",
      "The dates in the date column do not follow one day/month/year order.",
    );
  }
  if (guess.ambiguous) {
    warnings.push(
      `Every date could be day/month or month/day; they were read as ${guess.order === "MDY" ? "month/day/year" : "day/month/year"}. ` +
        "If that is wrong, correct the saved column layout for this account.",
    );
  }

  let sign: CsvSign = cols.amount !== null ? "signed" : "debit-credit";
  if (cols.amount !== null) {
    const amounts = data.map((r) => normalizeAmount(r.cells[cols.amount as number] ?? "", decimalSeparator));
    const unsigned = amounts.every((a) => a === null || !a.startsWith("-"));
    const indicator = unsigned
      ? findIndicator(data, headerAt >= 0 ? (records[headerAt] as CsvRecord).cells : null, cols)
      : null;
    if (indicator !== null) {
      cols.indicator = indicator;
      if (cols.description === indicator) cols.description = null;
      sign = "indicator";
    }
  }

  const mapping: CsvMapping = {
    version: 1,
    delimiter,
    header: headerAt >= 0 ? (records[headerAt] as CsvRecord).cells.map((c) => c.trim()) : null,
    skipRecords: headerAt >= 0 ? headerAt : dataStart,
    columns: cols,
    dateOrder: guess.order,
    decimalSeparator,
    sign,
  };
  return { mapping, warnings };
}

/** Checks a mapping that came from storage before trusting it. */
export function validateMapping(mapping: CsvMapping): void {
  const bad = (detail: string): never => {
    throw new StatementParseError("csv/invalid-mapping", `The saved column layout cannot be used: ${detail}`);
  };
  if (mapping === null || typeof mapping !== "object" || mapping.version !== 1)
    bad("it is not a version 1 layout.");
  if (!(DELIMITERS as readonly string[]).includes(mapping.delimiter))
    bad(`"${mapping.delimiter}" is not a supported delimiter.`);
  if (!["YMD", "MDY", "DMY"].includes(mapping.dateOrder)) bad("the date order is unknown.");
  if (mapping.decimalSeparator !== "." && mapping.decimalSeparator !== ",")
    bad("the decimal separator is unknown.");
  if (!["signed", "inverted", "debit-credit", "indicator"].includes(mapping.sign))
    bad("the sign convention is unknown.");
  if (!Number.isInteger(mapping.skipRecords) || mapping.skipRecords < 0)
    bad("the number of rows to skip is invalid.");
  const c = mapping.columns;
  if (!c || !Number.isInteger(c.date) || c.date < 0) bad("it has no date column.");
  for (const [name, value] of Object.entries(c)) {
    if (value !== null && (!Number.isInteger(value) || (value as number) < 0))
      bad(`column "${name}" is not a column number.`);
  }
  if (mapping.sign === "debit-credit" ? c.debit === null && c.credit === null : c.amount === null)
    bad("it has no amount column.");
  if (mapping.sign === "indicator" && c.indicator === null) bad("it has no debit/credit indicator column.");
}
