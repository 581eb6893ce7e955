// The shapes every statement parser returns: the public normalized form (what `closebook parse` prints)
// and a richer detailed form that also keeps each line's source position and raw fields for the import.
import type { CsvMapping } from "./csv-mapping.ts";

export const FORMAT_NAMES = [
  "ofx",
  "qfx",
  "qif",
  "csv",
  "camt053",
  "camt052",
  "camt054",
  "mt940",
  "bai2",
  "pdf",
] as const;

export type FormatName = (typeof FORMAT_NAMES)[number];

export function isFormatName(value: string): value is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(value);
}

/** A calendar date written `YYYY-MM-DD`. */
export type IsoDate = string;

/** A decimal amount as written by the bank, normalized to `-1234.50` (money out is negative). */
export type DecimalString = string;

export interface ParsedAccount {
  id: string | null;
  currency: string | null;
  type: string | null;
  institution: string | null;
}

export interface ParsedTransaction {
  id: string | null;
  date: IsoDate;
  amount: DecimalString;
  description: string;
  payee: string | null;
  reference: string | null;
}

export interface ParsedStatement {
  account: ParsedAccount;
  start: IsoDate | null;
  end: IsoDate | null;
  openingBalance: DecimalString | null;
  closingBalance: DecimalString | null;
  transactions: ParsedTransaction[];
}

export interface ParsedFile {
  format: FormatName;
  statements: ParsedStatement[];
  warnings: string[];
}

/** A transaction plus where it came from: the import stores these as raw, immutable bank lines. */
export interface DetailedTransaction extends ParsedTransaction {
  /** 1-based line in the source file (in the zip entry, for zipped files) where the transaction starts. */
  line: number | null;
  /** The source fields as the bank wrote them, keyed by the format's own field names. */
  raw: Record<string, string>;
}

export interface DetailedStatement extends Omit<ParsedStatement, "transactions"> {
  transactions: DetailedTransaction[];
  /** 1-based line where the statement starts, or null when the format has no statement block. */
  line: number | null;
  /** Name of the zip entry this statement came from, or null for a plain file. */
  source: string | null;
  /** Statement-level source fields (other balances, statement ids, free text). */
  raw: Record<string, string>;
}

export interface DetailedFile {
  format: FormatName;
  statements: DetailedStatement[];
  warnings: string[];
  /** The character encoding the bytes were read with (e.g. "utf-8", "windows-1252"). */
  encoding: string;
  /** For CSV files, the column layout that was used; save it per bank account to reuse it. */
  csvMapping: CsvMapping | null;
}

/** What each format parser returns before the entry point adds the format name and encoding. */
export interface FormatResult {
  statements: DetailedStatement[];
  warnings: string[];
}
