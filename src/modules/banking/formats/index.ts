// The statement-file reader's public face: bytes in, normalized statements out. Detects the format
// (or takes it as given), decodes the text, opens zips, and guarantees one error type: StatementParseError.
// PDFs need their text extracted first, which pdfjs does asynchronously: readStatementFile (and
// readStatementFileDetailed) extract the text of every PDF in the file, then parse as the synchronous
// functions do; those read every other format and refuse a PDF, pointing to the asynchronous ones.
import { balanceWarnings } from "./balance-check.ts";
import { parseBai2 } from "./bai2.ts";
import { parseCamt } from "./camt.ts";
import { detectMapping, type CsvMapping } from "./csv-mapping.ts";
import { parseCsvText } from "./csv.ts";
import { decodeBytes } from "./decode.ts";
import { sniffFormat } from "./detect.ts";
import { StatementParseError } from "./errors.ts";
import { clampStatementText } from "./text-clamp.ts";
import { parseMt940 } from "./mt940.ts";
import { parsePdfText } from "./pdf.ts";
import { extractPdfText, isPdf } from "./pdf-text.ts";
import type { PdfText } from "./pdf-types.ts";
import { parseOfx } from "./ofx.ts";
import { parseQif } from "./qif.ts";
import type { DetailedFile, FormatName, FormatResult, ParsedFile } from "./types.ts";
import { isZip, unzipEntries } from "./zip.ts";

export { StatementParseError } from "./errors.ts";
export { FORMAT_NAMES, isFormatName } from "./types.ts";
export type {
  DetailedFile,
  DetailedStatement,
  DetailedTransaction,
  FormatName,
  ParsedAccount,
  ParsedFile,
  ParsedStatement,
  ParsedTransaction,
} from "./types.ts";
export type { CsvColumns, CsvMapping, CsvSign } from "./csv-mapping.ts";

export interface ParseOptions {
  /** Skip detection and read the file as this format. */
  format?: FormatName;
  /** The original file name; its extension helps recognize small fragments (".sta", ".qfx"). */
  fileName?: string;
  /** A column layout saved for this bank account (CSV only); detected when absent. */
  csvMapping?: CsvMapping;
}

/** Text extracted from the PDFs of a file, by their path in it ("" for the file itself, "/a.pdf" in a zip). */
type PdfTexts = ReadonlyMap<string, PdfText | StatementParseError>;

const NO_PDFS: PdfTexts = new Map();

/** Reads a statement file of any format, PDF included, into the normalized form (what `closebook parse` prints). */
export async function readStatementFile(bytes: Uint8Array, options: ParseOptions = {}): Promise<ParsedFile> {
  return toParsedFile(await readStatementFileDetailed(bytes, options));
}

/** Reads a statement file of any format, PDF included, keeping each transaction's source and raw fields. */
export async function readStatementFileDetailed(
  bytes: Uint8Array,
  options: ParseOptions = {},
): Promise<DetailedFile> {
  const pdfs = new Map<string, PdfText | StatementParseError>();
  try {
    await extractPdfs(bytes, "", 0, pdfs);
  } catch (error) {
    // Zip problems are reported by the parse below, in the words the other formats get.
    if (!(error instanceof StatementParseError)) throw guardError(error);
  }
  return guard(() => parseBytes(bytes, options, 0, pdfs, ""));
}

async function extractPdfs(
  bytes: Uint8Array,
  path: string,
  depth: number,
  out: Map<string, PdfText | StatementParseError>,
): Promise<void> {
  if (isPdf(bytes)) {
    try {
      out.set(path, await extractPdfText(bytes));
    } catch (error) {
      out.set(path, error instanceof StatementParseError ? error : guardError(error));
    }
  } else if (isZip(bytes) && depth < MAX_ZIP_DEPTH) {
    for (const entry of unzipEntries(bytes))
      await extractPdfs(entry.bytes, `${path}/${entry.name}`, depth + 1, out);
  }
}

/** Reads a statement file into the normalized form; PDFs need readStatementFile. */
export function parseStatementFile(bytes: Uint8Array, options: ParseOptions = {}): ParsedFile {
  return toParsedFile(parseStatementFileDetailed(bytes, options));
}

/**
 * Reads a statement file keeping, per transaction, its source line and raw fields (what the import
 * stores as raw bank lines). Throws only StatementParseError. PDFs need readStatementFileDetailed.
 */
export function parseStatementFileDetailed(bytes: Uint8Array, options: ParseOptions = {}): DetailedFile {
  return guard(() => parseBytes(bytes, options, 0, NO_PDFS, ""));
}

/**
 * The format of a file, from its content and (for fragments) its name. For a zip, the format of its
 * first statement file (entries that are not statements are passed over, as when parsing).
 */
export function detectFormat(bytes: Uint8Array, fileName?: string): FormatName {
  return guard(() => detectBytes(bytes, fileName, 0));
}

function detectBytes(bytes: Uint8Array, fileName: string | undefined, depth: number): FormatName {
  if (isPdf(bytes)) return "pdf";
  if (!isZip(bytes)) return sniffFormat(readText(bytes).text, fileName);
  if (depth >= MAX_ZIP_DEPTH)
    throw new StatementParseError("zip/nested", "The zip file contains zip files nested too deeply.");
  for (const entry of unzipEntries(bytes)) {
    try {
      return detectBytes(entry.bytes, entry.name, depth + 1);
    } catch (error) {
      if (!(
        error instanceof StatementParseError &&
        (error.type === "unknown-format" || error.type === "empty-file")
      ))
        throw error;
    }
  }
  throw new StatementParseError("zip/no-statements", "None of the files in the zip is a statement file.");
}

/** Works out a CSV file's column layout, to show it, let a person correct it, and save it per bank account. */
export function detectCsvMapping(bytes: Uint8Array): CsvMapping {
  return guard(() => detectMapping(readText(bytes).text).mapping);
}

/** Reads a CSV file with a saved column layout, or a detected one when none is given. */
export function parseCsv(bytes: Uint8Array, mapping?: CsvMapping): ParsedFile {
  return parseStatementFile(bytes, mapping ? { format: "csv", csvMapping: mapping } : { format: "csv" });
}

/** Drops the detail (source lines, raw fields) and keeps exactly the normalized keys. */
export function toParsedFile(file: DetailedFile): ParsedFile {
  return {
    format: file.format,
    statements: file.statements.map((s) => ({
      account: {
        id: s.account.id,
        currency: s.account.currency,
        type: s.account.type,
        institution: s.account.institution,
      },
      start: s.start,
      end: s.end,
      openingBalance: s.openingBalance,
      closingBalance: s.closingBalance,
      transactions: s.transactions.map((t) => ({
        id: t.id,
        date: t.date,
        amount: t.amount,
        description: t.description,
        payee: t.payee,
        reference: t.reference,
      })),
    })),
    warnings: [...file.warnings],
  };
}

/** Anything other than a StatementParseError escaping a parser is a bug; it still reaches callers typed. */
function guard<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw guardError(error);
  }
}

function guardError(error: unknown): StatementParseError {
  if (error instanceof StatementParseError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new StatementParseError("internal/unreadable", `The file could not be read: ${message}`);
}

function readText(bytes: Uint8Array): ReturnType<typeof decodeBytes> {
  if (bytes.length === 0) throw new StatementParseError("empty-file", "The file is empty.");
  const decoded = decodeBytes(bytes);
  if (decoded.text.trim() === "")
    throw new StatementParseError("empty-file", "The file contains only blank space.");
  return decoded;
}

const MAX_ZIP_DEPTH = 2;

function parseBytes(
  bytes: Uint8Array,
  options: ParseOptions,
  depth: number,
  pdfs: PdfTexts,
  path: string,
): DetailedFile {
  if (isZip(bytes)) return parseZip(bytes, options, depth, pdfs, path);
  // A PDF's content decides, as a zip's does: no other format can read it.
  if (isPdf(bytes)) return parsePdf(pdfs.get(path));
  if (options.format === "pdf")
    throw new StatementParseError("pdf/not-pdf", "The file was to be read as a PDF, but it is not a PDF.");
  const { text, encoding } = readText(bytes);
  const requested = options.format ?? sniffFormat(text, options.fileName);
  const { format, result, csvMapping } = runParser(requested, text, options.csvMapping);
  // Text beyond Closebook's limits is cut here, once for every format, before anything keeps it.
  const cut = clampStatementText(result.statements);
  return {
    format,
    statements: result.statements,
    warnings: [...result.warnings, ...cut, ...balanceWarnings(result.statements)],
    encoding,
    csvMapping,
  };
}

function runParser(
  format: FormatName,
  text: string,
  mapping: CsvMapping | undefined,
): { format: FormatName; result: FormatResult; csvMapping: CsvMapping | null } {
  switch (format) {
    case "ofx":
    case "qfx":
      return { format, result: parseOfx(text), csvMapping: null };
    case "qif":
      return { format, result: parseQif(text), csvMapping: null };
    case "csv": {
      const result = parseCsvText(text, mapping);
      return { format, result, csvMapping: result.mapping };
    }
    case "camt052":
    case "camt053":
    case "camt054": {
      const result = parseCamt(text);
      if (result.kind !== format) {
        result.warnings.unshift(
          `The file is a ${label(result.kind)} message, not ${label(format)}; it was read as ${label(result.kind)}.`,
        );
      }
      return { format: result.kind, result, csvMapping: null };
    }
    case "mt940":
      return { format, result: parseMt940(text), csvMapping: null };
    case "bai2":
      return { format, result: parseBai2(text), csvMapping: null };
    case "pdf":
      throw new StatementParseError("pdf/not-pdf", "The file was to be read as a PDF, but it is not a PDF.");
  }
}

function parsePdf(text: PdfText | StatementParseError | undefined): DetailedFile {
  if (text === undefined)
    throw new StatementParseError(
      "pdf/not-extracted",
      "PDF statements are read with readStatementFile, which extracts their text first.",
    );
  if (text instanceof StatementParseError) throw text;
  const result = parsePdfText(text);
  const cut = clampStatementText(result.statements);
  return {
    format: "pdf",
    statements: result.statements,
    warnings: [...result.warnings, ...cut, ...balanceWarnings(result.statements)],
    encoding: "pdf",
    csvMapping: null,
  };
}

function label(kind: string): string {
  return kind.replace(/^camt(\d{3})$/, "camt.$1");
}

function parseZip(
  bytes: Uint8Array,
  options: ParseOptions,
  depth: number,
  pdfs: PdfTexts,
  path: string,
): DetailedFile {
  if (depth >= MAX_ZIP_DEPTH)
    throw new StatementParseError("zip/nested", "The zip file contains zip files nested too deeply.");
  const entries = unzipEntries(bytes);
  const parsed: DetailedFile[] = [];
  const warnings: string[] = [];
  for (const entry of entries) {
    let file: DetailedFile;
    try {
      file = parseBytes(
        entry.bytes,
        { ...options, fileName: entry.name },
        depth + 1,
        pdfs,
        `${path}/${entry.name}`,
      );
    } catch (error) {
      if (
        error instanceof StatementParseError &&
        (error.type === "unknown-format" || error.type === "empty-file")
      ) {
        warnings.push(`${entry.name}: not a statement file; skipped.`);
        continue;
      }
      if (error instanceof StatementParseError) {
        throw new StatementParseError(error.type, `${entry.name}: ${error.detail}`, error.line);
      }
      throw error;
    }
    for (const s of file.statements) s.source ??= entry.name;
    warnings.push(...file.warnings.map((w) => `${entry.name}: ${w}`));
    parsed.push(file);
  }
  const first = parsed[0];
  if (!first)
    throw new StatementParseError("zip/no-statements", "None of the files in the zip is a statement file.");
  const formats = [...new Set(parsed.map((p) => p.format))];
  if (formats.length > 1)
    warnings.unshift(
      `The zip mixes formats (${formats.join(", ")}); the file is reported as ${first.format}.`,
    );
  return {
    format: first.format,
    statements: parsed.flatMap((p) => p.statements),
    warnings,
    encoding: first.encoding,
    csvMapping: first.csvMapping,
  };
}
