// Small helpers for parsing subcommand arguments with node:util's parseArgs.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { CliUsageError } from "./cli-errors.ts";

export function parse<T extends NonNullable<ParseArgsConfig["options"]>>(
  argv: string[],
  options: T,
  usage: string,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliUsageError(`${(error as Error).message}\nusage: ${usage}`);
  }
}

export function required(value: string | undefined, what: string, usage: string): string {
  if (!value) throw new CliUsageError(`${what} is required\nusage: ${usage}`);
  return value;
}
