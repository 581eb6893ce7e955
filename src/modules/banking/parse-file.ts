// Reads an uploaded statement file for a bank account: the account's saved CSV column layout first
// (detected afresh, with a warning, when the file's header no longer fits it), and the parser's
// error turned into the API's typed error (problem+json with the parser's type, detail and line).
import { validationError, type AppError } from "../../platform/errors.ts";
import {
  parseStatementFileDetailed,
  StatementParseError,
  type CsvMapping,
  type DetailedFile,
  type FormatName,
} from "./formats/index.ts";

export interface ParseInput {
  bytes: Uint8Array;
  fileName: string;
  format?: FormatName | undefined;
  /** A layout the person chose for this file (the import wizard's column mapping). */
  csvMapping?: CsvMapping | undefined;
}

export interface ParsedUpload {
  file: DetailedFile;
  /** Where the CSV layout came from: given now, saved for the account, or detected from the file. */
  mappingSource: "given" | "saved" | "detected" | null;
  warnings: string[];
}

export function parseUpload(input: ParseInput, savedMapping: CsvMapping | null): ParsedUpload {
  const base = { fileName: input.fileName, ...(input.format ? { format: input.format } : {}) };
  const mapping = input.csvMapping ?? savedMapping ?? undefined;
  try {
    const file = parseStatementFileDetailed(input.bytes, mapping ? { ...base, csvMapping: mapping } : base);
    const source =
      file.format !== "csv" ? null : input.csvMapping ? "given" : savedMapping ? "saved" : "detected";
    return { file, mappingSource: source, warnings: [] };
  } catch (error) {
    if (
      error instanceof StatementParseError &&
      error.type === "csv/mapping-mismatch" &&
      !input.csvMapping &&
      savedMapping
    ) {
      const file = parseOrThrow(input.bytes, base);
      return {
        file,
        mappingSource: "detected",
        warnings: [
          "The column layout saved for this bank account does not fit this file (its header differs); the columns were detected again.",
        ],
      };
    }
    throw asAppError(error);
  }
}

function parseOrThrow(
  bytes: Uint8Array,
  options: Parameters<typeof parseStatementFileDetailed>[1],
): DetailedFile {
  try {
    return parseStatementFileDetailed(bytes, options);
  } catch (error) {
    throw asAppError(error);
  }
}

/** A refused file as a typed error: code "statement/<parser type>", the parser's sentence and line. */
export function statementError(error: StatementParseError, extra?: Record<string, unknown>): AppError {
  return validationError(`statement/${error.type}`, error.detail, {
    field: "file",
    ...(error.line === null ? {} : { line: error.line }),
    extra: { parserType: error.type, ...extra },
  });
}

function asAppError(error: unknown): unknown {
  return error instanceof StatementParseError ? statementError(error) : error;
}
