// Splits delimited text into records (RFC 4180 quoting, quoted line breaks, lenient about stray quotes)
// with the 1-based line each record starts on. Lines without quotes take a fast split path.
import { StatementParseError } from "./errors.ts";

export interface CsvRecord {
  cells: string[];
  /** 1-based line where the record starts. */
  line: number;
}

export const DELIMITERS = [",", ";", "\t", "|"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Reads up to `limit` records. */
export function readCsvRecords(input: string, delimiter: Delimiter, limit = Infinity): CsvRecord[] {
  // Old Mac files end lines with a lone CR.
  const text = input.indexOf("\n") < 0 && input.indexOf("\r") >= 0 ? input.replace(/\r/g, "\n") : input;
  const records: CsvRecord[] = [];
  let pos = 0;
  let line = 1;
  const n = text.length;
  const cursor: Cursor = { next: 0, lines: 1 };
  const unquoted = new RegExp(`[^${delimiter === "|" ? "\\|" : delimiter}\r\n]*`, "y");
  // Position of the next quote, cached: searching afresh on every line would be quadratic on quote-free files.
  let quote = text.indexOf('"');
  while (pos < n && records.length < limit) {
    let end = text.indexOf("\n", pos);
    if (end < 0) end = n;
    if (quote >= 0 && quote < pos) quote = text.indexOf('"', pos);
    if (quote < 0 || quote >= end) {
      const stop = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      records.push({ cells: text.slice(pos, stop).split(delimiter), line });
      pos = end + 1;
      line++;
      continue;
    }
    const cells = readQuotedRecord(text, pos, delimiter, line, unquoted, cursor);
    records.push({ cells, line });
    line += cursor.lines;
    pos = cursor.next;
  }
  return records;
}

/** Where a quoted record ended; one per read, reused for every record instead of allocating a result each time. */
interface Cursor {
  next: number;
  lines: number;
}

/** Slow path for a record containing quotes: walks it field by field. */
function readQuotedRecord(
  text: string,
  start: number,
  delimiter: string,
  line: number,
  unquoted: RegExp,
  cursor: Cursor,
): string[] {
  const cells: string[] = [];
  const n = text.length;
  let pos = start;
  for (;;) {
    let cell = "";
    if (text[pos] === '"') {
      pos++;
      for (;;) {
        const q = text.indexOf('"', pos);
        if (q < 0) {
          throw new StatementParseError(
            "csv/unclosed-quote",
            "A quoted field is never closed; the file may be cut short.",
            line,
          );
        }
        cell += text.slice(pos, q);
        if (text[q + 1] === '"') {
          cell += '"';
          pos = q + 2;
        } else {
          pos = q + 1;
          break;
        }
      }
      // Anything between the closing quote and the next delimiter is kept (lenient, as spreadsheets are).
      if (pos < n && text[pos] !== delimiter && text[pos] !== "\n" && text[pos] !== "\r") {
        const rest = span(text, unquoted, pos);
        cell += rest;
        pos += rest.length;
      }
    } else {
      const end = cellEnd(text, pos, delimiter);
      cell = text.slice(pos, end);
      pos = end;
    }
    cells.push(cell);
    if (pos < n && text[pos] === delimiter) {
      pos++;
      continue;
    }
    if (pos < n && text[pos] === "\r") pos++;
    if (pos < n && text[pos] === "\n") pos++;
    // Line breaks inside quoted cells make the record span several lines.
    cursor.next = pos;
    cursor.lines = 1 + countLineBreaks(text, start, pos - 1);
    return cells;
  }
}

/** Where an unquoted cell starting at `from` ends: the next delimiter or line break (cells are short). */
function cellEnd(text: string, from: number, delimiter: string): number {
  const d = delimiter.charCodeAt(0);
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === d || c === 10 || c === 13) break;
    i++;
  }
  return i;
}

/** The unquoted text from `from` up to the next delimiter or line break. */
function span(text: string, unquoted: RegExp, from: number): string {
  unquoted.lastIndex = from;
  return (unquoted.exec(text) as RegExpExecArray)[0];
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf("\n", from); i >= 0 && i < to; i = text.indexOf("\n", i + 1)) count++;
  return count;
}

/**
 * Picks the delimiter that splits the first lines into the same number of columns most consistently.
 * Quoted text is ignored while counting, so commas inside "1,234.00" do not vote.
 */
export function detectDelimiter(text: string): Delimiter {
  const counts = countDelimiters(text.slice(0, 16 * 1024), 40);
  let best: Delimiter = ",";
  let bestScore = 0;
  DELIMITERS.forEach((d, k) => {
    const frequency = new Map<number, number>();
    for (const line of counts) {
      const c = line[k] as number;
      if (c > 0) frequency.set(c, (frequency.get(c) ?? 0) + 1);
    }
    let score = 0;
    for (const [columns, lines] of frequency) score = Math.max(score, lines * Math.log2(columns + 1));
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  });
  return best;
}

/** Per non-blank line (up to `maxLines`), how often each delimiter occurs outside quotes, in one pass. */
function countDelimiters(sample: string, maxLines: number): number[][] {
  const lines: number[][] = [];
  let current = [0, 0, 0, 0];
  let inQuotes = false;
  let blank = true;
  for (let i = 0; i < sample.length && lines.length < maxLines; i++) {
    const c = sample.charCodeAt(i);
    if (c === 34) {
      inQuotes = !inQuotes;
      blank = false;
    } else if (c === 10 && !inQuotes) {
      if (!blank) lines.push(current);
      current = [0, 0, 0, 0];
      blank = true;
    } else if (!inQuotes) {
      if (c === 44) current[0]!++;
      else if (c === 59) current[1]!++;
      else if (c === 9) current[2]!++;
      else if (c === 124) current[3]!++;
      if (c !== 13 && c !== 32) blank = false;
    }
  }
  if (!blank && lines.length < maxLines) lines.push(current);
  return lines;
}
