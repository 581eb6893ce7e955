// The transaction table of a PDF statement, row by row: a heading row sets the columns (again on every
// page that repeats it); below it a row with a date and a figure in a money column starts a line, a
// row of text just below a line continues its description, a row with figures but no date is another
// line of the same day, and labelled rows ("Balance forward", "Closing balance", "Total") give the
// figures the lines are checked against (or are left out). Dates stay as printed here: their order
// and year are settled from the whole document afterwards.
import type { DecimalSeparator } from "./amount.ts";
import { readRow, sectionOf, type Section } from "./pdf-cells.ts";
import { moneyStart, readHeading, type Columns } from "./pdf-columns.ts";
import type { PdfRow } from "./pdf-rows.ts";
import { looksLikeAmount, readAmount, readDatePrefix, type WrittenDate } from "./pdf-values.ts";

/** Where a row is: its page and its position among the page's lines of text, counted from the top. */
export interface Where {
  page: number;
  row: number;
}

export interface TableLine {
  at: Where;
  date: WrittenDate;
  description: string;
  reference: string | null;
  amount: string;
  /** The running balance printed on the line, when there is one. */
  balance: string | null;
  raw: Record<string, string>;
}

/** A balance printed on its own row: an opening or closing balance, or one carried between pages. */
export interface BalanceMark {
  at: Where;
  label: string;
  value: string;
}

export type TableEvent = { kind: "line"; line: TableLine } | { kind: "checkpoint"; mark: BalanceMark };

export interface Table {
  /** Lines and balances carried within the table, in the order printed. */
  events: TableEvent[];
  openings: BalanceMark[];
  closings: BalanceMark[];
  /** Rows outside the table (account, period, summary boxes), for the statement's own fields. */
  outside: PdfRow[];
  /** True when at least one heading row was found. */
  found: boolean;
  warnings: string[];
}

const OPENING =
  /\b(?:opening|beginning|starting|start|previous|prior)\s+balance\b|\bbalance\s+(?:brought\s+)?(?:forward|fwd)\b|\bbalance\s+b\/[fd]\b|\bbrought\s+forward\b/i;
/** Balances carried from one page to the next: checked against the running balance where they stand. */
const FORWARD = /\bbalance\s+(?:brought\s+)?(?:forward|fwd)\b|\bbrought\s+forward\b|\bbalance\s+b\/[fd]\b/i;
const CARRIED = /\bcarried\s+(?:forward|fwd)\b|\bbalance\s+c\/[fd]\b/i;
const CLOSING = /\b(?:closing|ending|end|new|final)\s+balance\b/i;
const TOTAL = /^(?:sub-?)?totals?\b/i;
const FOOTER = /^(?:page\s+\d+(?:\s+of\s+\d+)?|continued(?:\s+on\s+(?:the\s+)?next\s+page)?\.?)$/i;
/** A row of text continues the line above when it sits at most this many font sizes below it. */
const CONTINUATION_GAP = 1.9;
/** Rows of one table sit at most this many font sizes apart; further down, the table has ended. */
const TABLE_GAP = 4;

interface Pending {
  line: Omit<TableLine, "amount"> & { amount: string | null };
}

/** Reads every page's rows (top to bottom, page after page) into the table's lines and balances. */
export function readTable(pages: readonly PdfRow[][], decimal: DecimalSeparator): Table {
  const table: Table = { events: [], openings: [], closings: [], outside: [], found: false, warnings: [] };
  let columns: Columns | null = null;
  let pending: Pending | null = null;
  let lastDate: WrittenDate | null = null;
  let lastY: number | null = null;
  let lines = 0;
  // The section title above a table ("Deposits and additions", "Checks paid") signs its Amount column.
  let section: Section = null;
  let tableSection: Section = null;

  const finish = () => {
    if (pending === null) return;
    const p: Pending = pending;
    pending = null;
    if (p.line.amount === null) {
      table.warnings.push(
        `Page ${p.line.at.page}, row ${p.line.at.row}: "${p.line.date.raw} ${p.line.description}" has a date but no amount; it was left out.`,
      );
      return;
    }
    table.events.push({ kind: "line", line: { ...p.line, amount: p.line.amount } });
    lines++;
  };

  for (const rows of pages) {
    lastY = null;
    rows.forEach((row, index) => {
      const at = { page: row.page, row: index + 1 };
      const heading = readHeading(row);
      if (heading) {
        finish();
        columns = heading;
        tableSection = section;
        table.found = true;
        lastY = row.y;
        return;
      }
      // A title starts at the margin; text in the description column continues a line instead.
      const title = sectionOf(row);
      const current = columns as Columns | null;
      const atMargin =
        current === null ||
        (row.cells[0]?.x0 ?? 0) < (current.description?.x0 ?? current.date.x1) - row.height;
      if (title !== undefined && atMargin) {
        finish();
        section = title;
        if (columns === null || lines === 0) table.outside.push(row);
        lastY = null;
        return;
      }
      const label = labelOf(row);
      if (label !== null) {
        const value = lastAmount(row, decimal);
        if (value !== null) {
          finish();
          const mark = { at, label, value };
          const carried = FORWARD.test(label) || CARRIED.test(label);
          if (CLOSING.test(label)) {
            table.closings.push(mark);
            columns = null;
          } else if (carried && columns !== null && lines > 0)
            table.events.push({ kind: "checkpoint", mark });
          else if (OPENING.test(label)) table.openings.push(mark);
          lastY = row.y;
          return;
        }
      }
      if (
        columns === null ||
        (lastY !== null && row.y - lastY > TABLE_GAP * row.height && pending === null)
      ) {
        if (columns === null) table.outside.push(row);
        else if (lines === 0) table.outside.push(row);
        return;
      }
      const cols: Columns = columns;
      if (TOTAL.test(descriptionText(row, cols)) || FOOTER.test(row.text)) {
        finish();
        lastY = row.y;
        return;
      }
      const cells = readRow(row, cols, decimal, tableSection);
      const near = lastY !== null && row.y - lastY <= CONTINUATION_GAP * row.height;
      if (cells.date !== null) {
        finish();
        lastDate = cells.date;
        pending = {
          line: {
            at,
            date: cells.date,
            description: cells.description,
            reference: cells.reference,
            amount: cells.amount,
            balance: cells.balance,
            raw: cells.raw,
          },
        };
        // A dated row without figures waits for the row below that carries them (some banks print those last).
        if (cells.amount !== null) finish();
      } else if (cells.amount !== null) {
        const p = pending as Pending | null;
        if (p !== null && p.line.amount === null) {
          p.line.amount = cells.amount;
          p.line.balance = cells.balance;
          p.line.description = join(p.line.description, cells.description);
          Object.assign(p.line.raw, cells.raw);
          finish();
        } else if (lastDate !== null) {
          finish();
          table.events.push({
            kind: "line",
            line: {
              at,
              date: lastDate,
              description: cells.description,
              reference: cells.reference,
              amount: cells.amount,
              balance: cells.balance,
              raw: { date: lastDate.raw, ...cells.raw },
            },
          });
          lines++;
        }
      } else if (cells.balance !== null && cells.description === "") {
        finish();
        const mark = { at, label: "Balance", value: cells.balance };
        if (lines === 0) table.openings.push(mark);
        else table.events.push({ kind: "checkpoint", mark });
      } else if (near && cells.description !== "" && cells.inDescription) {
        appendDescription(table, pending as Pending | null, cells.description);
      } else {
        finish();
        if (lines === 0) table.outside.push(row);
        lastY = null;
        return;
      }
      lastY = row.y;
    });
    finish();
  }
  finish();
  return table;
}

/** A description row below a line: added to the line still open, else to the last line read. */
function appendDescription(table: Table, pending: Pending | null, text: string): void {
  if (pending !== null) {
    pending.line.description = join(pending.line.description, text);
    return;
  }
  const last = table.events[table.events.length - 1];
  if (last?.kind === "line") {
    last.line.description = join(last.line.description, text);
    last.line.raw.description = last.line.description;
  }
}

function join(a: string, b: string): string {
  return a === "" ? b : b === "" ? a : `${a} ${b}`;
}

/** The row's label when it names a balance ("Opening balance", "Balance forward", "Closing balance"). */
function labelOf(row: PdfRow): string | null {
  const text = row.cells
    .filter((c) => !looksLikeAmount(c.text))
    .map((c) => c.text)
    .join(" ");
  if (OPENING.test(text) || CLOSING.test(text) || CARRIED.test(text)) return text;
  return null;
}

/** The last figure printed on a row: a summary line's or a balance row's value. */
function lastAmount(row: PdfRow, decimal: DecimalSeparator): string | null {
  for (let i = row.cells.length - 1; i >= 0; i--) {
    const text = (row.cells[i] as { text: string }).text;
    const value = readAmount(text, decimal);
    if (value !== null) return value;
    // A summary line set as one run of text: "Beginning balance on 03/01/2024 $5,000.00".
    const tail = /\s(\S+(?:\s?[CD]R)?)$/i.exec(text)?.[1];
    const trailing = tail === undefined ? null : readAmount(tail, decimal);
    if (trailing !== null) return trailing;
  }
  return null;
}

/** The row's text outside its money columns (where "Total" or a description stands). */
function descriptionText(row: PdfRow, columns: Columns): string {
  const start = moneyStart(columns);
  return row.cells
    .filter((c) => c.x1 <= start || !looksLikeAmount(c.text))
    .map((c) => c.text)
    .join(" ")
    .replace(/^\S+\s*/, (first) => (readDatePrefix(first) ? "" : first));
}
