// `closebook report trial-balance --client SLUG [--as-of DATE] [--format json|csv|text] [--firm SLUG]`
import { processIo, type CommandIo } from "../io.ts";
import { systemActor } from "../../platform/actor.ts";
import * as access from "../../modules/access/index.ts";
import * as ledger from "../../modules/ledger/index.ts";
import { CliUsageError } from "../cli-errors.ts";
import { parse, required } from "../args.ts";

const USAGE =
  "closebook report trial-balance --client SLUG [--as-of YYYY-MM-DD] [--format json|csv|text] [--firm SLUG]";

export async function run(argv: string[], io: CommandIo = processIo()): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      client: { type: "string" },
      "as-of": { type: "string" },
      format: { type: "string", default: "json" },
      firm: { type: "string" },
    },
    USAGE,
  );
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
