// Works out how a bank's CSV export is laid out — delimiter, header row, which column is what, date order,
// decimal separator, how money out is shown — as a CsvMapping that can be saved per bank account and reused.
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

/** Normalized header text: lower case, no accents, no "($)" units, letters and digits only. */
export function headerKey(cell: string): string {
  return cell
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, " ")
    .replace(/[^a-z0-9/]+/g, " ")
    .trim();
}

const NAMES: Record<Exclude<keyof CsvColumns, "indicator">, string[]> = {
  date: [
    "date",
    "transaction date",
    "trans date",
    "posting date",
    "posted date",
    "post date",
    "booking date",
    "buchungstag",
    "buchungsdatum",
    "datum",
    "fecha",
    "data",
    "date operation",
    "run date",
    "value date",
    "valuta",
    "wertstellung",
    "settlement date",
  ],
  amount: [
    "amount",
    "net",
    "net amount",
    "transaction amount",
    "betrag",
    "montant",
    "importe",
    "bedrag",
    "umsatz",
    "value",
    "amount eur",
    "amount usd",
  ],
  debit: [
    "debit",
    "debits",
    "withdrawal",
    "withdrawals",
    "money out",
    "paid out",
    "outflow",
    "debit amount",
    "soll",
    "ausgang",
    "charge",
    "charges",
  ],
  credit: [
    "credit",
    "credits",
    "deposit",
    "deposits",
    "money in",
    "paid in",
    "inflow",
    "credit amount",
    "haben",
    "eingang",
    "payment",
    "payments",
  ],
  description: [
    "original description",
    "description",
    "details",
    "transaction details",
    "narrative",
    "memo",
    "label",
    "libelle",
    "verwendungszweck",
    "buchungstext",
    "omschrijving",
    "particulars",
    "action",
    "type",
    "subject",
  ],
  payee: [
    "payee",
    "name",
    "partner name",
    "merchant",
    "merchant name",
    "counterparty",
    "beneficiary",
    "recipient",
    "auftraggeber",
    "empfanger",
    "beguenstigter/zahlungspflichtiger",
    "naam",
    "payer",
  ],
  reference: [
    "reference",
    "ref",
    "check number",
    "checknumber",
    "check no",
    "cheque number",
    "num",
    "receipt id",
    "invoice number",
    "invoice id",
    "transaction reference",
    "referenz",
  ],
  id: ["transaction id", "id", "transaction number", "fitid", "unique id"],
  balance: ["balance", "running balance", "runningbalance", "saldo", "solde", "balance after transaction"],
  currency: ["currency", "ccy", "currency code", "wahrung", "devise"],
  // Not plain "Account": register exports (GnuCash) use it for the other side of the booking.
  account: ["account name", "account number", "account no"],
};

/** A currency column next to one of these is the original currency of a foreign amount, not the row's currency. */
const FOREIGN_AMOUNT = [
  "amount currency",
  "original amount",
  "foreign amount",
  "amount in original currency",
];

const DEBIT_WORDS = new Set(["debit", "dr", "d", "withdrawal", "out", "db", "s", "soll", "-"]);
const CREDIT_WORDS = new Set(["credit", "cr", "c", "deposit", "in", "h", "haben", "+"]);

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

/** The header is the first early row naming a date column and at least one other known column. */
function findHeader(records: readonly CsvRecord[]): number {
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

type PartialColumns = Omit<CsvColumns, "date"> & { date: number | null };

function columnsFromHeader(cells: readonly string[]): PartialColumns {
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
function firstDataRecord(records: readonly CsvRecord[]): number {
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
function guessColumns(data: readonly CsvRecord[], warnings: string[]): PartialColumns {
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

/** A column whose every value is a debit/credit word is the sign indicator for unsigned amounts. */
function findIndicator(
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

/** True when a debit/credit indicator cell means money out. */
export function isDebitWord(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  if (DEBIT_WORDS.has(v)) return true;
  if (CREDIT_WORDS.has(v)) return false;
  return null;
}
