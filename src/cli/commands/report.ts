// `closebook report trial-balance|profit-loss|balance-sheet|cash-flow --client SLUG …`: a client's
// reports as JSON (the contract other programs read), CSV, XLSX or PDF (to --output FILE) or, for the
// trial balance, text; `closebook report package …` makes the monthly package (report-package.ts).
// Bad input to the financial statements (dates, a period that ends before it starts, a binary format
// without --output) exits with status 2 and says why on stderr.
import fs from "node:fs";
import { fileOf, processIo, type CommandIo } from "../io.ts";
import { systemActor } from "../../platform/actor.ts";
import { AppError } from "../../platform/errors.ts";
import * as access from "../../modules/access/index.ts";
import * as ledger from "../../modules/ledger/index.ts";
import * as reports from "../../modules/reports/index.ts";
import { CliUsageError, renderCliError } from "../cli-errors.ts";
import { parse, required } from "../args.ts";
import { PACKAGE_USAGE, packageCommand } from "./report-package.ts";

const USAGE = `closebook report trial-balance --client SLUG [--as-of YYYY-MM-DD] [--format json|csv|text] [--firm SLUG]
       closebook report profit-loss --client SLUG --from DATE --to DATE [--by month|class|department|project|location] [--compare prior-period|prior-year] [--basis accrual|cash] [--format json|csv|xlsx|pdf] [--output FILE]
       closebook report balance-sheet --client SLUG --as-of DATE [--by month --from DATE] [--compare prior-period|prior-year] [--format json|csv|xlsx|pdf] [--output FILE]
       closebook report cash-flow --client SLUG --from DATE --to DATE [--by month] [--compare prior-period|prior-year] [--format json|csv|xlsx|pdf] [--output FILE]
       ${PACKAGE_USAGE}`;

const OPTIONS = {
  client: { type: "string" },
  "as-of": { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  by: { type: "string" },
  compare: { type: "string", multiple: true },
  basis: { type: "string" },
  format: { type: "string", default: "json" },
  output: { type: "string", short: "o" },
  firm: { type: "string" },
} as const;

const TRIAL_BALANCE_OPTIONS = {
  client: OPTIONS.client,
  "as-of": OPTIONS["as-of"],
  format: OPTIONS.format,
  firm: OPTIONS.firm,
} as const;

const STATEMENTS = ["profit-loss", "balance-sheet", "cash-flow"] as const;
type Statement = (typeof STATEMENTS)[number];

/** Exit status of a request the command refuses (bad flags or values): nothing was read or written. */
const BAD_INPUT = 2;

export async function run(argv: string[], io: CommandIo = processIo()): Promise<number> {
  const name = argv.find((a) => !a.startsWith("-"));
  if (name === "package") {
    try {
      return await packageCommand(argv, io);
    } catch (error) {
      // A client that does not exist is bad input too: nothing was stored.
      if (
        error instanceof AppError &&
        (error.kind === "validation" || error.code === "access/client-not-found")
      ) {
        io.stderr(renderCliError(error));
        return BAD_INPUT;
      }
      if (error instanceof CliUsageError) {
        io.stderr(`closebook report: ${error.message}\n`);
        return BAD_INPUT;
      }
      throw error;
    }
  }
  if (STATEMENTS.includes(name as Statement)) {
    try {
      return await statement(argv, io);
    } catch (error) {
      if (error instanceof CliUsageError) {
        io.stderr(`closebook report: ${error.message}\n`);
        return BAD_INPUT;
      }
      if (error instanceof AppError && error.kind === "validation") {
        io.stderr(renderCliError(error));
        return BAD_INPUT;
      }
      throw error;
    }
  }
  return trialBalance(argv, io);
}

async function trialBalance(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parse(argv, TRIAL_BALANCE_OPTIONS, USAGE);
  if (positionals[0] !== "trial-balance" || positionals.length !== 1)
    throw new CliUsageError(`unknown report "${positionals.join(" ")}"\nusage: ${USAGE}`);
  const client = required(values.client, "--client", USAGE);
  const format = values.format ?? "json";
  if (!["json", "csv", "text"].includes(format))
    throw new CliUsageError(`--format must be json, csv or text\nusage: ${USAGE}`);
  const runtime = await io.openRuntime("report", { light: true });
  try {
    const firm = await access.defaultFirm(runtime.ctx.db, values.firm);
    const tb = await ledger.trialBalance(runtime.ctx, systemActor(firm.id), client, values["as-of"]);
    const out =
      format === "csv"
        ? ledger.trialBalanceCsv(tb)
        : format === "text"
          ? ledger.trialBalanceText(tb)
          : `${JSON.stringify(ledger.trialBalanceJson(tb), null, 2)}\n`;
    io.stdout(out);
    return 0;
  } finally {
    await runtime.close();
  }
}

function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  flag: string,
): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T))
    throw new CliUsageError(`${flag} must be ${allowed.join(" or ")}, not "${value}"\nusage: ${USAGE}`);
  return value as T;
}

async function statement(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS, USAGE);
  if (positionals.length !== 1) throw new CliUsageError(`one report at a time\nusage: ${USAGE}`);
  const kind = positionals[0] as Statement;
  const client = required(values.client, "--client", USAGE);
  const format = oneOf(values.format ?? "json", ["json", "csv", "xlsx", "pdf"], "--format")!;
  // A binary file never goes to the terminal: XLSX and PDF need a file to write to.
  if ((format === "xlsx" || format === "pdf") && !values.output)
    throw new CliUsageError(`--format ${format} writes a file: give it with --output FILE\nusage: ${USAGE}`);
  const by = oneOf(values.by, kind === "profit-loss" ? ["month", ...reports.DIMENSIONS] : ["month"], "--by");
  const compare = (values.compare ?? []).map((c) => oneOf(c, reports.COMPARISONS, "--compare")!);
  const basis = oneOf(values.basis, reports.BASES, "--basis");
  if (kind === "balance-sheet") {
    if (values.to || (values.from && by !== "month"))
      throw new CliUsageError(
        `balance-sheet takes --as-of (and --from only with --by month)\nusage: ${USAGE}`,
      );
    if (basis) throw new CliUsageError(`balance-sheet takes no --basis\nusage: ${USAGE}`);
    required(values["as-of"], "--as-of", USAGE);
  } else {
    if (values["as-of"])
      throw new CliUsageError(`${kind} takes --from and --to, not --as-of\nusage: ${USAGE}`);
    required(values.from, "--from", USAGE);
    required(values.to, "--to", USAGE);
  }
  const runtime = await io.openRuntime("report", { light: true });
  try {
    const firm = await access.defaultFirm(runtime.ctx.db, values.firm);
    const actor = systemActor(firm.id);
    const ctx = runtime.ctx;
    const made = await makeStatement(ctx, actor, client, kind, {
      from: values.from,
      to: values.to,
      asOf: values["as-of"],
      by,
      compare,
      basis,
    });
    const out =
      format === "xlsx" || format === "pdf"
        ? await file(ctx, actor, made.exported, format)
        : format === "csv"
          ? made.csv()
          : json(made.json());
    warn(io, made.warnings);
    if (values.output) fs.writeFileSync(fileOf(io, values.output), out);
    else io.stdout(out as string);
    return 0;
  } finally {
    await runtime.close();
  }
}

type ReportCtx = Parameters<typeof reports.exportStatement>[0];
type ReportActor = Parameters<typeof reports.exportStatement>[1];

/** One statement computed, with its three renderings: the file export, CSV and the JSON contract. */
interface MadeStatement {
  exported: reports.StatementExport;
  csv(): string;
  json(): unknown;
  warnings: readonly string[];
}

async function makeStatement(
  ctx: ReportCtx,
  actor: ReportActor,
  client: string,
  kind: Statement,
  o: {
    from: string | undefined;
    to: string | undefined;
    asOf: string | undefined;
    by: string | undefined;
    compare: reports.Comparison[];
    basis: reports.Basis | undefined;
  },
): Promise<MadeStatement> {
  if (kind === "profit-loss") {
    const r = await reports.profitAndLoss(ctx, actor, client, {
      from: o.from!,
      to: o.to!,
      by: o.by as Parameters<typeof reports.profitAndLoss>[3]["by"],
      compare: o.compare,
      basis: o.basis,
    });
    return {
      exported: { kind, report: r },
      csv: () => reports.profitLossCsv(r),
      json: () => reports.profitLossJson(r),
      warnings: r.warnings,
    };
  }
  if (kind === "balance-sheet") {
    const r = await reports.balanceSheetReport(ctx, actor, client, {
      asOf: o.asOf!,
      by: o.by as "month" | undefined,
      from: o.from,
      compare: o.compare,
    });
    return {
      exported: { kind, report: r },
      csv: () => reports.balanceSheetCsv(r),
      json: () => reports.balanceSheetJson(r),
      warnings: r.warnings,
    };
  }
  const r = await reports.cashFlowReport(ctx, actor, client, {
    from: o.from!,
    to: o.to!,
    by: o.by as Parameters<typeof reports.cashFlowReport>[3]["by"],
    compare: o.compare,
    basis: o.basis,
  });
  return {
    exported: { kind, report: r },
    csv: () => reports.cashFlowCsv(r),
    json: () => reports.cashFlowJson(r),
    warnings: r.warnings,
  };
}

async function file(
  ctx: ReportCtx,
  actor: ReportActor,
  s: reports.StatementExport,
  format: reports.ExportFormat,
): Promise<Buffer> {
  return (await reports.exportStatement(ctx, actor, s, format)).bytes;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function warn(io: CommandIo, warnings: readonly string[]): void {
  for (const w of warnings) io.stderr(`warning: ${w}\n`);
}
