// Reads an uploaded statement file for a bank account: the account's saved CSV column layout first
// (detected afresh, with a warning, when the file's header no longer fits it), and the parser's
// error turned into the API's typed error (problem+json with the parser's type, detail and line).
import { validationError, type AppError } from "../../platform/errors.ts";
import {
  readStatementFileDetailed,
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
  /**
   * Where the CSV layout came from: given now, saved for the account, saved for another account of
   * the same bank ("remembered per bank"), or detected from the file.
   */
  mappingSource: "given" | "saved" | "bank" | "detected" | null;
  warnings: string[];
}

/** Layouts remembered for the account itself and for its bank (other accounts at the same institution). */
export interface SavedMappings {
  own: CsvMapping | null;
  bank: readonly CsvMapping[];
}

export const NO_SAVED_MAPPINGS: SavedMappings = { own: null, bank: [] };

/**
 * Reads the file: with the layout given, else the account's saved one, else one saved for its bank —
 * each only if the file's header fits it (the parser refuses a layout whose header it cannot find) —
 * else a layout detected from the file.
 */
export async function parseUpload(input: ParseInput, saved: SavedMappings): Promise<ParsedUpload> {
  const base = { fileName: input.fileName, ...(input.format ? { format: input.format } : {}) };
  if (input.csvMapping)
    return {
      ...(await parseWith(input.bytes, base, input.csvMapping)),
      mappingSource: "given",
      warnings: [],
    };
  const candidates: Array<[CsvMapping, "saved" | "bank"]> = [
    ...(saved.own ? [[saved.own, "saved"] as [CsvMapping, "saved"]] : []),
    ...saved.bank.map((m) => [m, "bank"] as [CsvMapping, "bank"]),
  ];
  for (const [mapping, source] of candidates) {
    try {
      const file = await readStatementFileDetailed(input.bytes, { ...base, csvMapping: mapping });
      return { file, mappingSource: file.format === "csv" ? source : null, warnings: [] };
    } catch (error) {
      if (!(error instanceof StatementParseError && error.type === "csv/mapping-mismatch"))
        throw asAppError(error);
    }
  }
  const file = await parseOrThrow(input.bytes, base);
  return {
    file,
    mappingSource: file.format === "csv" ? "detected" : null,
    warnings:
      saved.own && file.format === "csv"
        ? [
            "The column layout saved for this bank account does not fit this file (its header differs); the columns were detected again.",
          ]
        : [],
  };
}

async function parseWith(
  bytes: Uint8Array,
  base: { fileName: string; format?: FormatName },
  csvMapping: CsvMapping,
): Promise<{ file: DetailedFile }> {
  return { file: await parseOrThrow(bytes, { ...base, csvMapping }) };
}

async function parseOrThrow(
  bytes: Uint8Array,
  options: Parameters<typeof readStatementFileDetailed>[1],
): Promise<DetailedFile> {
  try {
    return await readStatementFileDetailed(bytes, options);
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
