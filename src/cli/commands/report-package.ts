// `closebook report package --client SLUG --month YYYY-MM --output FILE.pdf [--xlsx FILE.xlsx]`:
// generates a new stored version of the client's monthly report package (as the portal's job
// does, here at once, with a progress bar on a terminal) and writes its PDF, and its XLSX when
// asked. Prints the stored version as JSON; what the month leaves unfinished is a warning on
// stderr (and a page of the package). Bad input exits 2 and writes nothing.
import fs from "node:fs";
import { fileOf, progressFor, type CommandIo } from "../io.ts";
import { systemActor } from "../../platform/actor.ts";
import * as access from "../../modules/access/index.ts";
import * as reports from "../../modules/reports/index.ts";
import { packageSources } from "../../app/report-package.ts";
import { CliUsageError } from "../cli-errors.ts";
import { parse, required } from "../args.ts";

export const PACKAGE_USAGE =
  "closebook report package --client SLUG --month YYYY-MM --output FILE.pdf [--xlsx FILE.xlsx] [--firm SLUG]";

const OPTIONS = {
  client: { type: "string" },
  month: { type: "string" },
  output: { type: "string", short: "o" },
  xlsx: { type: "string" },
  firm: { type: "string" },
} as const;

export async function packageCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS, PACKAGE_USAGE);
  if (positionals.length !== 1 || positionals[0] !== "package")
    throw new CliUsageError(`one package at a time\nusage: ${PACKAGE_USAGE}`);
  const client = required(values.client, "--client", PACKAGE_USAGE);
  const month = required(values.month, "--month", PACKAGE_USAGE);
  const output = required(values.output, "--output", PACKAGE_USAGE);
  // Refused before anything is stored: a month that is not YYYY-MM says so and exits 2.
  reports.packageMonth(month);
  const runtime = await io.openRuntime("report", { light: true });
  try {
    const ctx = runtime.ctx;
    const firm = await access.defaultFirm(ctx.db, values.firm);
    const actor = systemActor(firm.id);
    const asked = await reports.requestPackage(ctx, actor, client, { month }, { queue: false });
    const progress = await progressFor(io);
    try {
      await reports.runPackageJob(
        ctx,
        {
          firmId: firm.id,
          clientId: (await access.requireClient(ctx.db, actor, client)).id,
          packageId: asked.id,
        },
        packageSources,
        progress.report,
      );
    } finally {
      progress.end();
    }
    const made = await reports.getPackage(ctx, actor, client, asked.id);
    if (made.status !== "done") {
      io.stderr(`error: the package could not be made: ${made.error ?? made.status}\n`);
      return 1;
    }
    const pdf = await reports.packageDownload(ctx, actor, client, made.id, "pdf");
    fs.writeFileSync(fileOf(io, output), pdf.bytes);
    if (values.xlsx) {
      const xlsx = await reports.packageDownload(ctx, actor, client, made.id, "xlsx");
      fs.writeFileSync(fileOf(io, values.xlsx), xlsx.bytes);
    }
    const u = made.unfinished;
    if (u && u.drafts > 0)
      io.stderr(
        `warning: ${u.drafts} draft entries dated in ${month} are not in the statements (see the package's first page)\n`,
      );
    if (u && u.bankLinesInReview)
      io.stderr(
        `warning: ${u.bankLinesInReview} bank lines wait for review (see the package's first page)\n`,
      );
    io.stdout(
      `${JSON.stringify(
        {
          id: made.id,
          client: made.client,
          month: made.month,
          version: made.version,
          ledgerVersion: made.ledgerVersion,
          pdf: fileOf(io, output),
          xlsx: values.xlsx ? fileOf(io, values.xlsx) : null,
          unfinished: made.unfinished,
        },
        null,
        2,
      )}\n`,
    );
    return 0;
  } finally {
    await runtime.close();
  }
}
