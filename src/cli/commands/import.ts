// `closebook import FILE --client SLUG --bank-account ID`: imports a bank statement file (any format
// `closebook parse` reads) into a bank account — idempotent, so a file imported twice adds nothing —
// and prints what it added and skipped. A refused file prints why and where, and exits with 2.
import fs from "node:fs";
import path from "node:path";
import { processIo, fileOf, progressFor, type CommandIo } from "../io.ts";
import { systemActor } from "../../platform/actor.ts";
import { AppError } from "../../platform/errors.ts";
import * as access from "../../modules/access/index.ts";
import * as banking from "../../modules/banking/index.ts";
import { FORMAT_NAMES, isFormatName, type CsvMapping } from "../../modules/banking/formats/index.ts";
import { CliUsageError } from "../cli-errors.ts";
import { parse, required } from "../args.ts";

const USAGE = `closebook import FILE --client SLUG --bank-account ID|SHORT-NAME [--firm SLUG] [--format ${FORMAT_NAMES.join("|")}] [--mapping FILE.json] [--no-save-mapping]`;

/** Errors that say the file itself cannot be imported (as opposed to a wrong client or account). */
const FILE_REFUSALS = new Set([
  "banking/amount-too-precise",
  "banking/invalid-amount",
  "banking/no-statements",
  "banking/account-mismatch",
  "banking/currency-mismatch",
  "banking/several-accounts",
]);

export async function run(argv: string[], io: CommandIo = processIo()): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      client: { type: "string" },
      "bank-account": { type: "string" },
      firm: { type: "string" },
      format: { type: "string" },
      mapping: { type: "string" },
      "no-save-mapping": { type: "boolean", default: false },
      help: { type: "boolean", short: "h" },
    },
    USAGE,
  );
  if (values.help) {
    io.stdout(
      `usage: ${USAGE}\n\nImports the statements of FILE that belong to the bank account. Lines the account already has are skipped.\nList bank accounts with: closebook bank-accounts --client SLUG\n`,
    );
    return 0;
  }
  const [file, ...rest] = positionals;
  if (!file || rest.length) throw new CliUsageError(`import takes one FILE\nusage: ${USAGE}`);
  const client = required(values.client, "--client", USAGE);
  const account = required(values["bank-account"], "--bank-account", USAGE);
  if (values.format !== undefined && !isFormatName(values.format))
    throw new CliUsageError(`--format must be one of ${FORMAT_NAMES.join(", ")}`);
  const where = fileOf(io, file);
  if (!fs.existsSync(where) || !fs.statSync(where).isFile()) throw new CliUsageError(`no such file: ${file}`);
  const mapping = values.mapping ? readMapping(fileOf(io, values.mapping)) : undefined;
  const bytes = fs.readFileSync(where);
  const progress = await progressFor(io);
  const runtime = await io.openRuntime("import");
  try {
    const firm = await access.defaultFirm(runtime.ctx.db, values.firm);
    const started = performance.now();
    const summary = await banking.importStatementFile(runtime.ctx, systemActor(firm.id), client, account, {
      bytes,
      fileName: path.basename(file),
      format: values.format as banking.ImportInput["format"],
      csvMapping: mapping,
      saveMapping: !values["no-save-mapping"],
      source: "cli",
      onProgress: progress.report,
    });
    progress.end();
    const seconds = (performance.now() - started) / 1000;
    for (const w of summary.warnings) io.stderr(`warning: ${w}\n`);
    const period = summary.period ? `, ${summary.period.from} to ${summary.period.to}` : "";
    io.stdout(
      `${summary.file.name} (${summary.file.format}) → ${client}/${summary.bankAccount.shortName}: ` +
        `${summary.newLines} new, ${summary.duplicateLines} duplicates skipped, ${summary.warnings.length} warnings ` +
        `(${summary.totalLines} lines in ${summary.statements} statement${summary.statements === 1 ? "" : "s"}${period}) in ${seconds.toFixed(2)} s\n`,
    );
    return 0;
  } catch (error) {
    progress.end();
    if (error instanceof AppError && (error.code.startsWith("statement/") || FILE_REFUSALS.has(error.code))) {
      const where = error.line === undefined ? "" : ` (line ${error.line})`;
      io.stderr(
        `error: ${path.basename(file)} was not imported: ${error.detail}${where} [${(error.extra?.parserType as string | undefined) ?? error.code}]\n`,
      );
      return 2;
    }
    throw error;
  } finally {
    await runtime.close();
  }
}

function readMapping(file: string): CsvMapping {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as CsvMapping;
  } catch (error) {
    throw new CliUsageError(`--mapping ${file}: ${(error as Error).message}`);
  }
}
