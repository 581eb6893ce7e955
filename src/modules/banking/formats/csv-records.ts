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
export function readCsvRecords(text: string, delimiter: Delimiter, limit = Infinity): CsvRecord[] {
  const records: CsvRecord[] = [];
  let pos = 0;
  let line = 1;
  const n = text.length;
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
    const parsed = readQuotedRecord(text, pos, delimiter, line, unquoted);
    records.push({ cells: parsed.cells, line });
    line += parsed.lines;
    pos = parsed.next;
  }
  return records;
}

/** Slow path for a record containing quotes: walks it field by field. */
function readQuotedRecord(
  text: string,
  start: number,
  delimiter: string,
  line: number,
  unquoted: RegExp,
): { cells: string[]; next: number; lines: number } {
  const span = (from: number): string => {
    unquoted.lastIndex = from;
    return (unquoted.exec(text) as RegExpExecArray)[0];
  };
  const cells: string[] = [];
  const n = text.length;
  let pos = start;
  let lines = 1;
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
        const chunk = text.slice(pos, q);
        lines += countLineBreaks(chunk);
        cell += chunk;
        if (text[q + 1] === '"') {
          cell += '"';
          pos = q + 2;
        } else {
          pos = q + 1;
          break;
        }
      }
      // Anything between the closing quote and the next delimiter is kept (lenient, as spreadsheets are).
      const rest = span(pos);
      cell += rest;
      pos += rest.length;
    } else {
      cell = span(pos);
      pos += cell.length;
    }
    cells.push(cell);
    if (pos >= n) return { cells, next: n, lines };
    if (text[pos] === delimiter) {
      pos++;
      continue;
    }
    if (text[pos] === "\r") pos++;
    if (text[pos] === "\n") pos++;
    return { cells, next: pos, lines };
  }
}

function countLineBreaks(s: string): number {
  let count = 0;
  for (let i = s.indexOf("\n"); i >= 0; i = s.indexOf("\n", i + 1)) count++;
  return count;
}

/**
 * Picks the delimiter that splits the first lines into the same number of columns most consistently.
 * Quoted text is ignored while counting, so commas inside "1,234.00" do not vote.
 */
export function detectDelimiter(text: string): Delimiter {
  const sample = text
    .slice(0, 64 * 1024)
    .split(/\r\n|\n|\r/)
    .slice(0, 60)
    .filter((l) => l.trim() !== "");
  let best: Delimiter = ",";
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = sample.map((l) => countOutsideQuotes(l, d));
    const frequency = new Map<number, number>();
    for (const c of counts) if (c > 0) frequency.set(c, (frequency.get(c) ?? 0) + 1);
    let score = 0;
    for (const [columns, lines] of frequency) score = Math.max(score, lines * Math.log2(columns + 1));
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, d: string): number {
  let inQuotes = false;
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === d && !inQuotes) count++;
  }
  return count;
}
