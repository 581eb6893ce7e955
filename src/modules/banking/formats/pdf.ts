// Reads a text-based PDF bank statement from its positioned text (pdf-text.ts extracts it): rows,
// the transaction table, the statement's account, period and balances, the day/month order and the
// year of yearless dates, and the check figures that decide whether the reading can be trusted.
// Pure: the same text always gives the same statement or the same refusal.
import { detectDecimalSeparator, type DecimalSeparator } from "./amount.ts";
import type { DateOrder } from "./dates.ts";
import { StatementParseError } from "./errors.ts";
import { checkFigures, where } from "./pdf-check.ts";
import { pageRows, type PdfRow } from "./pdf-rows.ts";
import { readSummary } from "./pdf-summary.ts";
import { readTable, type TableLine } from "./pdf-table.ts";
import type { PdfText } from "./pdf-types.ts";
import { ordersOf, resolveWritten, type Period, type WrittenDate } from "./pdf-values.ts";
import type { DetailedStatement, DetailedTransaction, FormatResult } from "./types.ts";

/** Fewer readable characters than this per page and no table: the text layer is a scan's stray marks. */
const SCAN_CHARACTERS_PER_PAGE = 40;

export function parsePdfText(text: PdfText): FormatResult {
  const characters = text.pages.reduce(
    (n, p) => n + p.items.reduce((m, i) => m + i.text.replace(/\s+/g, "").length, 0),
    0,
  );
  if (characters === 0) throw needsOcr(text.pages.length);
  const pages = text.pages.map(pageRows);
  const rows = pages.flat();
  const decimal = decimalOf(rows);
  const table = readTable(pages, decimal);
  if (!table.found) {
    if (characters < SCAN_CHARACTERS_PER_PAGE * text.pages.length) throw needsOcr(text.pages.length);
    throw new StatementParseError(
      "pdf/no-transaction-table",
      "No transaction table was found in the PDF: no row has the column headings of one (Date, and Amount, " +
        "or Debit and Credit, or Withdrawals and Deposits, and usually Description and Balance).",
    );
  }
  const lines = table.events.flatMap((e) => (e.kind === "line" ? [e.line] : []));
  if (lines.length === 0) {
    throw new StatementParseError(
      "pdf/no-transactions",
      "The PDF has a transaction table, but no row of it has both a date and an amount.",
    );
  }
  const warnings = [...table.warnings];
  const summary = readSummary(table.outside, rows);
  const order = dateOrder([...(summary.period ?? []), ...lines.map((l) => l.date)], warnings);
  const period: Period = summary.period
    ? {
        start: resolveWritten(summary.period[0], order, { start: null, end: null }),
        end: resolveWritten(summary.period[1], order, { start: null, end: null }),
      }
    : { start: null, end: null };
  const transactions = lines.map((line) => toTransaction(line, order, period));
  const checked = checkFigures(table.events, table.openings, table.closings);
  if (checked.openingDerived)
    warnings.push(
      `The PDF prints no opening balance; ${checked.openingBalance} was worked out from the first running balance.`,
    );
  const statement: DetailedStatement = {
    account: {
      id: summary.account,
      currency: summary.currency,
      type: null,
      institution: summary.institution,
    },
    start: period.start,
    end: period.end,
    openingBalance: checked.openingBalance,
    closingBalance: checked.closingBalance,
    transactions,
    line: null,
    source: null,
    raw: {
      pages: String(text.pages.length),
      ...(summary.period ? { period: `${summary.period[0].raw} – ${summary.period[1].raw}` } : {}),
      ...(summary.account ? { account: summary.account } : {}),
    },
  };
  return { statements: [statement], warnings };
}

function needsOcr(pages: number): StatementParseError {
  return new StatementParseError(
    "pdf/needs-ocr",
    `This PDF needs OCR: it has no readable text (its ${pages === 1 ? "page is an image" : `${pages} pages are images`}, ` +
      "as when a statement is scanned or photographed). Closebook reads PDFs that hold their text; download " +
      "the statement from online banking (PDF, OFX or CSV) instead of scanning it.",
  );
}

/** The decimal separator of the document's figures, "." unless they say otherwise ("1.234,56"). */
function decimalOf(rows: readonly PdfRow[]): DecimalSeparator {
  const samples: string[] = [];
  for (const row of rows)
    for (const cell of row.cells)
      if (/\d[.,]\d{2}\s*(?:[CD]R|\)|-)?$/i.test(cell.text)) samples.push(cell.text);
  return detectDecimalSeparator(samples) ?? ".";
}

/**
 * The day/month order that reads every date of the document (the period's and the lines'). When both
 * do (no day above 12), the order whose dates lie closer together wins, as a statement's dates do;
 * a tie is read month first and said in a warning.
 */
function dateOrder(dates: readonly WrittenDate[], warnings: string[]): DateOrder {
  const fits = (order: DateOrder) => dates.every((d) => ordersOf(d).includes(order));
  const mdy = fits("MDY");
  const dmy = fits("DMY");
  if (mdy && dmy) {
    const a = spanDays(dates, "MDY");
    const b = spanDays(dates, "DMY");
    if (a === b && dates.some((d) => d.month === null && !d.iso && d.a !== d.b))
      warnings.push("The dates read both day-first and month-first; they were read month first (MM/DD).");
    return b < a ? "DMY" : "MDY";
  }
  if (mdy) return "MDY";
  if (dmy) return "DMY";
  const bad = dates.find((d) => ordersOf(d).length === 0);
  throw new StatementParseError(
    "pdf/invalid-date",
    bad
      ? `"${bad.raw}" is not a date in either day/month order.`
      : "The dates of the PDF mix day-first and month-first writing; they cannot all be read in one order.",
  );
}

/** Days between the earliest and the latest of the dates that print their year, read in this order. */
function spanDays(dates: readonly WrittenDate[], order: DateOrder): number {
  const days = dates
    .map((d) => (d.year === null ? null : resolveWritten(d, order, { start: null, end: null })))
    .filter((d): d is string => d !== null)
    .map((d) => Date.parse(d) / 86_400_000);
  return days.length === 0 ? 0 : Math.max(...days) - Math.min(...days);
}

function toTransaction(line: TableLine, order: DateOrder, period: Period): DetailedTransaction {
  const date = resolveWritten(line.date, order, period);
  if (date === null) {
    throw new StatementParseError(
      line.date.year === null && period.start === null && period.end === null
        ? "pdf/no-year"
        : "pdf/invalid-date",
      line.date.year === null && period.start === null && period.end === null
        ? `The dates have no year (${where(line.at)}: "${line.date.raw}") and no statement period was found to take it from.`
        : `"${line.date.raw}" at ${where(line.at)} is not a real date.`,
    );
  }
  return {
    id: null,
    date,
    amount: line.amount,
    description: line.description,
    payee: null,
    reference: line.reference,
    line: null,
    raw: { page: String(line.at.page), row: String(line.at.row), ...line.raw },
  };
}
