// `closebook eval categorize`: the categorizer's yardstick on a labelled CSV file. Trains on lines
// before --split-date, predicts the rest, prints one JSON object on stdout (progress on stderr).
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { parse } from "csv-parse/sync";
import { CliUsageError } from "../cli-errors.ts";
import { processIo, progressFor, type CommandIo } from "../io.ts";
import {
  evaluateCategorizer,
  parseDateColumn,
  type DayOrder,
  type PostedLine,
} from "../../modules/categorize/engine/index.ts";

const USAGE = `usage: closebook eval categorize --data FILE(.csv|.csv.gz) --text COL[,COL…] --label COL
       --amount COL --date COL [--client COL] [--bank-account COL] --split-date YYYY-MM-DD
       [--date-order dmy|mdy|ymd]`;

interface Args {
  data: string;
  text: string[];
  label: string;
  amount: string;
  date: string;
  client?: string;
  bankAccount?: string;
  splitDate: string;
  dateOrder?: DayOrder;
}

function parseArgs(argv: string[]): Args {
  const [sub, ...rest] = argv;
  if (sub !== "categorize") throw new CliUsageError(`unknown evaluation "${sub ?? ""}"\n${USAGE}`);
  const values: Record<string, string> = {};
  const known = new Set([
    "data",
    "text",
    "label",
    "amount",
    "date",
    "client",
    "bank-account",
    "split-date",
    "date-order",
  ]);
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i]!;
    if (!flag.startsWith("--")) throw new CliUsageError(`unexpected argument "${flag}"\n${USAGE}`);
    const eq = flag.indexOf("=");
    const name = flag.slice(2, eq > 0 ? eq : undefined);
    if (!known.has(name)) throw new CliUsageError(`unknown option --${name}\n${USAGE}`);
    const value = eq > 0 ? flag.slice(eq + 1) : rest[++i];
    if (value === undefined || value.startsWith("--"))
      throw new CliUsageError(`--${name} needs a value\n${USAGE}`);
    values[name] = value;
  }
  for (const required of ["data", "text", "label", "amount", "date", "split-date"]) {
    if (!values[required]) throw new CliUsageError(`missing --${required}\n${USAGE}`);
  }
  const splitDate = values["split-date"]!;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(splitDate) || Number.isNaN(Date.parse(splitDate))) {
    throw new CliUsageError(`--split-date must be a date like 2015-01-15, not "${splitDate}"`);
  }
  const order = values["date-order"];
  if (order !== undefined && order !== "dmy" && order !== "mdy" && order !== "ymd") {
    throw new CliUsageError(`--date-order must be dmy, mdy or ymd`);
  }
  return {
    data: values.data!,
    text: values
      .text!.split(",")
      .map((c) => c.trim())
      .filter(Boolean),
    label: values.label!,
    amount: values.amount!,
    date: values.date!,
    ...(values.client ? { client: values.client } : {}),
    ...(values["bank-account"] ? { bankAccount: values["bank-account"] } : {}),
    splitDate,
    ...(order ? { dateOrder: order } : {}),
  };
}

/** Amount text → minor units (2 places): "1,234.50", "(12.00)", "£-3.5", "12-" all work. */
export function parseAmount(raw: string, row: number): bigint {
  let text = raw
    .trim()
    .replace(/[\s,'£$€¥₹]/g, "")
    .replace(/^(GBP|USD|EUR|INR)/i, "");
  if (text === "" || text === "-") return 0n;
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (text.endsWith("-")) {
    negative = !negative;
    text = text.slice(0, -1);
  }
  if (text.startsWith("-")) {
    negative = !negative;
    text = text.slice(1);
  } else if (text.startsWith("+")) text = text.slice(1);
  const m = /^(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[1] === "" && !m[2])) throw new CliUsageError(`row ${row}: amount "${raw}" is not a number`);
  // Round half away from zero to cents: the amount is only a feature here, never posted.
  const whole = BigInt(m[1] || "0");
  const fraction = (m[2] ?? "").padEnd(3, "0");
  let cents = whole * 100n + BigInt(fraction.slice(0, 2));
  if (Number(fraction[2]) >= 5) cents += 1n;
  return negative ? -cents : cents;
}

function readRecords(path: string): Record<string, string>[] {
  let buffer: Buffer;
  try {
    buffer = readFileSync(path);
  } catch (error) {
    throw new CliUsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (path.endsWith(".gz") || (buffer[0] === 0x1f && buffer[1] === 0x8b)) buffer = gunzipSync(buffer);
  return parse(buffer, {
    columns: true,
    skip_empty_lines: true,
    bom: true,
    relax_column_count: true,
    trim: false,
  }) as Record<string, string>[];
}

export async function run(argv: string[], io: CommandIo = processIo()): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const args = parseArgs(argv);
  const records = readRecords(args.data);
  if (records.length === 0) throw new CliUsageError(`${args.data} has no data rows`);
  const columns = new Set(Object.keys(records[0]!));
  const wanted = [...args.text, args.label, args.amount, args.date, args.client, args.bankAccount].filter(
    (c): c is string => !!c,
  );
  const missing = wanted.filter((c) => !columns.has(c));
  if (missing.length) {
    throw new CliUsageError(
      `column${missing.length > 1 ? "s" : ""} ${missing.map((c) => `"${c}"`).join(", ")} not in ${args.data} (it has: ${[...columns].join(", ")})`,
    );
  }
  const labelled = records
    .map((r, i) => ({ r, row: i + 2 }))
    .filter(({ r }) => (r[args.label] ?? "").trim() !== "");
  const skipped = records.length - labelled.length;
  if (skipped) io.stderr(`eval: ${skipped} rows without a label skipped\n`);
  let dates: string[];
  try {
    dates = parseDateColumn(
      labelled.map(({ r }) => r[args.date] ?? ""),
      args.dateOrder,
    );
  } catch (error) {
    throw new CliUsageError(`--date ${args.date}: ${(error as Error).message}`);
  }
  const lines: PostedLine[] = labelled.map(({ r, row }, i) => ({
    id: String(row),
    clientId: args.client ? (r[args.client] ?? "").trim() || "(none)" : "all",
    bankAccountId: args.bankAccount ? r[args.bankAccount] : undefined,
    date: dates[i]!,
    description: args.text
      .map((c) => r[c] ?? "")
      .join(" ")
      .trim(),
    amount: parseAmount(r[args.amount] ?? "", row),
    coding: { account: r[args.label]!.trim() },
  }));
  // On a terminal each phase is a line with its running time; piped, a plain log line per phase.
  const progress = await progressFor(io);
  const report = evaluateCategorizer(lines, {
    splitDate: args.splitDate,
    onProgress: (message) =>
      io.stderrIsTTY ? progress.report({ phase: message }) : io.stderr(`eval: ${message}\n`),
  });
  progress.end();
  io.stdout(`${JSON.stringify(report)}\n`);
  return 0;
}
