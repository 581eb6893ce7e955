// Builds the AppErrors a journal produces: every one names the 1-based line and says what is wrong,
// so a bookkeeper can fix the file without reading code.
import { validationError, type AppError } from "../../../platform/errors.ts";

export function journalError(
  code: string,
  line: number,
  message: string,
  fileName?: string,
  extra?: Record<string, unknown>,
): AppError {
  const where = fileName ? `${fileName}:${line}` : `Line ${line}`;
  return validationError(`journal/${code}`, `${where}: ${message}`, {
    line,
    extra: { ...(fileName ? { fileName } : {}), ...(extra ?? {}) },
  });
}

/**
 * A parse failure raised deep inside a line parser, before the caller knows the file name. The
 * parser catches it and rethrows it as an AppError with the line.
 */
export class LineError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
