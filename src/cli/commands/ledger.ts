// `closebook ledger import FILE --client SLUG` and `closebook ledger export --client SLUG`:
// plain-text journals in and out (hledger/ledger syntax). Import creates the client in the
// default firm when it does not exist yet.
import fs from "node:fs";
import path from "node:path";
import { processIo, fileOf, progressFor, type CommandIo } from "../io.ts";
import { systemActor, type Actor } from "../../platform/actor.ts";
import { AppError } from "../../platform/errors.ts";
import * as access from "../../modules/access/index.ts";
import * as ledger from "../../modules/ledger/index.ts";
import { CliUsageError } from "../cli-errors.ts";
import { parse, required } from "../args.ts";

const USAGE =
  "closebook ledger import FILE --client SLUG [--strict] [--firm SLUG]\n       closebook ledger export --client SLUG [--output FILE] [--firm SLUG]";

export async function run(argv: string[], io: CommandIo = processIo()): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      client: { type: "string" },
      firm: { type: "string" },
      strict: { type: "boolean", default: false },
      output: { type: "string", short: "o" },
    },
    USAGE,
  );
  const [action, file, ...rest] = positionals;
  const client = required(values.client, "--client", USAGE);
  if (action === "import") {
    if (!file || rest.length) throw new CliUsageError(`import takes one FILE\nusage: ${USAGE}`);
    if (!fs.existsSync(fileOf(io, file))) throw new CliUsageError(`no such file: ${file}`);
    const text = fs.readFileSync(fileOf(io, file), "utf8");
    const runtime = await io.openRuntime("ledger");
    const progress = await progressFor(io);
    try {
      const firm = await access.defaultFirm(runtime.ctx.db, values.firm);
      const actor = systemActor(firm.id);
      await ensureClient(runtime.ctx.db, actor, client);
      const started = performance.now();
      const result = await ledger.importJournal(runtime.ctx, actor, client, text, {
        fileName: path.basename(file),
        strict: values.strict,
        onProgress: progress.report,
      });
      progress.end();
      for (const w of result.warnings) io.stderr(`warning: ${w}\n`);
      const seconds = (performance.now() - started) / 1000;
      io.stdout(
        `imported ${result.entries} transactions into ${result.client} (${result.accountsCreated} new accounts, commodities: ${result.currencies.map((c) => c || '""').join(", ")}) in ${seconds.toFixed(2)} s\n`,
      );
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

/** The client named on the command line, created in the firm when it does not exist yet. */
async function ensureClient(
  db: Parameters<typeof access.requireClient>[0],
  actor: Actor,
  slug: string,
): Promise<void> {
  try {
    await access.requireClient(db, actor, slug);
  } catch (error) {
    if (!(error instanceof AppError) || error.kind !== "not-found") throw error;
    await access.createClient(db, actor, { slug: access.checkSlug(slug, "--client"), name: slug });
  }
}
