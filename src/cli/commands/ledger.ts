// `closebook ledger import FILE --client SLUG` and `closebook ledger export --client SLUG`:
// plain-text journals in and out (hledger/ledger syntax). Import reads the files the journal
// includes, creates the client in the default firm when it does not exist yet (within the import:
// a refused import leaves no client behind) and skips transactions imported before.
import fs from "node:fs";
import path from "node:path";
import { processIo, fileOf, progressFor, type CommandIo } from "../io.ts";
import { systemActor } from "../../platform/actor.ts";
import * as access from "../../modules/access/index.ts";
import * as ledger from "../../modules/ledger/index.ts";
import { CliUsageError } from "../cli-errors.ts";
import { parse, required } from "../args.ts";

const USAGE =
  "closebook ledger import FILE --client SLUG [--currency CODE] [--strict] [--allow-duplicates] [--firm SLUG]\n       closebook ledger export --client SLUG [--output FILE] [--firm SLUG]";

export async function run(argv: string[], io: CommandIo = processIo()): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      client: { type: "string" },
      firm: { type: "string" },
      currency: { type: "string" },
      strict: { type: "boolean", default: false },
      "allow-duplicates": { type: "boolean", default: false },
      output: { type: "string", short: "o" },
    },
    USAGE,
  );
  const [action, file, ...rest] = positionals;
  const client = required(values.client, "--client", USAGE);
  if (action === "import") {
    if (!file || rest.length) throw new CliUsageError(`import takes one FILE\nusage: ${USAGE}`);
    if (!fs.existsSync(fileOf(io, file))) throw new CliUsageError(`no such file: ${file}`);
    const runtime = await io.openRuntime("ledger");
    const progress = await progressFor(io);
    try {
      const firm = await access.defaultFirm(runtime.ctx.db, values.firm);
      const actor = systemActor(firm.id);
      const started = performance.now();
      const result = await ledger.importJournalFile(runtime.ctx, actor, client, fileOf(io, file), {
        fileName: path.basename(file),
        strict: values.strict,
        allowDuplicates: values["allow-duplicates"],
        createClient: true,
        currency: values.currency,
        onProgress: progress.report,
      });
      progress.end();
      for (const w of result.warnings) io.stderr(`warning: ${w}\n`);
      const seconds = (performance.now() - started) / 1000;
      io.stdout(
        `imported ${result.entries} transactions into ${result.client}${result.clientCreated ? ` (new client, home currency ${result.homeCurrency || '""'})` : ""} (${result.accountsCreated} new accounts, commodities: ${result.currencies.map((c) => c || '""').join(", ")}) in ${seconds.toFixed(2)} s\n`,
      );
      if (result.skippedDuplicates > 0) {
        io.stdout(
          `skipped ${result.skippedDuplicates} transactions already imported into ${result.client} (use --allow-duplicates to import them again)\n`,
        );
      }
      if (result.skippedZero > 0)
        io.stdout(`skipped ${result.skippedZero} transactions whose amounts are all zero\n`);
      return 0;
    } finally {
      progress.end();
      await runtime.close();
    }
  }
  if (action === "export") {
    if (file || rest.length) throw new CliUsageError(`export takes no FILE (use --output)\nusage: ${USAGE}`);
    const runtime = await io.openRuntime("ledger", { light: true });
    try {
      const firm = await access.defaultFirm(runtime.ctx.db, values.firm);
      const text = await ledger.exportClientJournal(runtime.ctx, systemActor(firm.id), client);
      if (values.output) fs.writeFileSync(fileOf(io, values.output), text);
      else io.stdout(text);
      return 0;
    } finally {
      await runtime.close();
    }
  }
  throw new CliUsageError(`unknown action "${action ?? ""}"\nusage: ${USAGE}`);
}
