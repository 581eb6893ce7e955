// `closebook parse FILE [--format F]`: reads a bank statement file and prints its normalized JSON, so a
// file can be checked before it is imported. Any failure is one JSON error on stderr and exit status 2.
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import {
  FORMAT_NAMES,
  isFormatName,
  readStatementFile,
  StatementParseError,
} from "../../modules/banking/formats/index.ts";
import { terminalProgress } from "../../platform/progress.ts";

const USAGE = `Usage: closebook parse FILE [--format ${FORMAT_NAMES.join("|")}]

Prints the statements in FILE as JSON. The format is recognized from the content unless --format is given.
`;

export async function run(argv: string[]): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { format: { type: "string" }, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0) {
      return fail("usage", "Give exactly one statement file to read: closebook parse FILE [--format F].");
    }
    const format = values.format;
    if (format !== undefined && !isFormatName(format)) {
      return fail("usage", `"${format}" is not a format name; use one of ${FORMAT_NAMES.join(", ")}.`);
    }
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (error) {
      return failToRead(file, error);
    }
    const progress = terminalProgress(process.stderr);
    progress.report({ phase: `parsing ${basename(file)}`, done: 0, total: bytes.length, unit: "bytes" });
    const parsed = await readStatementFile(
      bytes,
      format ? { format, fileName: basename(file) } : { fileName: basename(file) },
    );
    progress.report({
      phase: `parsing ${basename(file)}`,
      done: bytes.length,
      total: bytes.length,
      unit: "bytes",
    });
    progress.end();
    await write(`${JSON.stringify(parsed, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof StatementParseError) return fail(error.type, error.detail, error.line);
    const message = error instanceof Error ? error.message : String(error);
    // parseArgs reports unknown options and missing values with these codes.
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) return fail("usage", message);
    return fail("internal/unreadable", `The file could not be read: ${message}`);
  }
}

function failToRead(file: string, error: unknown): number {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ENOENT") return fail("file-not-found", `There is no file "${file}".`);
  if (code === "EISDIR") return fail("file-unreadable", `"${file}" is a folder, not a file.`);
  if (code === "EACCES" || code === "EPERM")
    return fail("file-unreadable", `"${file}" cannot be read: permission denied.`);
  return fail("file-unreadable", `"${file}" cannot be read: ${(error as Error)?.message ?? String(error)}`);
}

function fail(type: string, detail: string, line: number | null = null): number {
  process.stderr.write(`${JSON.stringify({ error: { type, detail, line } })}\n`);
  return 2;
}

/** Waits until the output is handed to the OS, so a large document is complete when the command returns. */
function write(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
  });
}
