// The first rows of a CSV file split into cells, for the import wizard's column-mapping table. Only
// for showing the file to a person: the import itself always goes through the statement parser.
import { parse } from "csv-parse/sync";
import type { CsvMapping } from "./formats/index.ts";

export interface CsvGrid {
  /** Column titles: the header row, or "Column 1", "Column 2", … when the file has none. */
  columns: string[];
  /** The first data rows, cell by cell. */
  rows: string[][];
}

const DELIMITERS = [",", ";", "\t", "|"] as const;

export function csvGrid(
  bytes: Uint8Array,
  mapping: Pick<CsvMapping, "delimiter" | "header" | "skipRecords"> | null,
  maxRows = 12,
): CsvGrid {
  const text = new TextDecoder("utf-8").decode(bytes.subarray(0, 256 * 1024)).replace(/^\uFEFF/, "");
  const delimiter = mapping?.delimiter ?? guessDelimiter(text);
  const skip = mapping?.skipRecords ?? 0;
  const hasHeader = mapping ? mapping.header !== null : false;
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      to: skip + maxRows + 1,
    }) as string[][];
  } catch {
    records = [];
  }
  const body = records.slice(skip);
  const header = hasHeader ? (body.shift() ?? []) : null;
  const rows = body.filter((r) => r.some((c) => c.trim() !== "")).slice(0, maxRows);
  const width = Math.max(header?.length ?? 0, ...rows.map((r) => r.length), 0);
  const columns = Array.from({ length: width }, (_, i) => header?.[i]?.trim() || `Column ${i + 1}`);
  return { columns, rows };
}

function guessDelimiter(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? "";
  let best: string = ",";
  let most = 0;
  for (const d of DELIMITERS) {
    const n = first.split(d).length - 1;
    if (n > most) [best, most] = [d, n];
  }
  return best;
}
