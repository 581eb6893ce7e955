// How the CLI reports failures: a one-line message for people, never a stack trace for expected errors.
import { AppError, databaseRefusal } from "../platform/errors.ts";

export class CliUsageError extends Error {}

export function renderCliError(raised: unknown): string {
  const error = databaseRefusal(raised) ?? raised;
  if (error instanceof AppError) {
    const where = error.field ? ` (${error.field})` : "";
    return `error: ${error.detail}${where}\n`;
  }
  if (process.env.CLOSEBOOK_DEBUG) return `${(error as Error)?.stack ?? String(error)}\n`;
  return `error: ${(error as Error)?.message ?? String(error)}\n`;
}
