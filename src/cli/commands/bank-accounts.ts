// `closebook bank-accounts --client SLUG`: lists a client's bank and card accounts (the short names
// `closebook import --bank-account` takes), with balances; `bank-accounts add` creates one; and
// `bank-accounts poll` imports what waits in the file-drop folders of connected connections.
import { processIo, type CommandIo } from "../io.ts";
import { systemActor } from "../../platform/actor.ts";
import { formatMinor, isoScale } from "../../platform/money.ts";
import * as access from "../../modules/access/index.ts";
import * as banking from "../../modules/banking/index.ts";
import { CliUsageError } from "../cli-errors.ts";
import { parse, required } from "../args.ts";

const USAGE = `closebook bank-accounts --client SLUG [--firm SLUG] [--format text|json]
       closebook bank-accounts add --client SLUG --name NAME --ledger-account NUMBER|NAME|ID [--kind bank|credit_card] [--short-name NAME] [--mask 1234] [--currency USD] [--institution NAME] [--firm SLUG]
       closebook bank-accounts poll`;

export async function run(argv: string[], io: CommandIo = processIo()): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      client: { type: "string" },
      firm: { type: "string" },
      format: { type: "string", default: "text" },
      name: { type: "string" },
      "ledger-account": { type: "string" },
      kind: { type: "string", default: "bank" },
      "short-name": { type: "string" },
      mask: { type: "string" },
      currency: { type: "string" },
      institution: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    USAGE,
  );
  if (values.help) {
    io.stdout(`usage: ${USAGE}\n`);
    return 0;
  }
  const [action = "list", ...rest] = positionals;
  if (rest.length || !["list", "add", "poll"].includes(action))
    throw new CliUsageError(`unknown action "${positionals.join(" ")}"\nusage: ${USAGE}`);
  const runtime = await io.openRuntime("bank-accounts", { light: action === "list" });
  try {
    if (action === "poll") {
      const bctx = banking.bankingCtx(runtime.ctx, { dataDir: runtime.config.dataDir, settleMs: 0 });
      for (const r of await banking.pollConnections(bctx)) {
        if (r.error) io.stdout(`${r.connectionId}: ${r.error}\n`);
        for (const f of r.report?.files ?? []) {
          io.stdout(
            f.ok
              ? `${f.name}: ${f.result.imports.map((i) => `${i.bankAccount} ${i.newLines} new, ${i.duplicateLines} duplicates`).join("; ")}\n`
              : `${f.name}: refused: ${f.error.detail}${f.error.line === null ? "" : ` (line ${f.error.line})`}\n`,
          );
        }
      }
      return 0;
    }
    const client = required(values.client, "--client", USAGE);
    const actor = systemActor((await access.defaultFirm(runtime.ctx.db, values.firm)).id);
    if (action === "add") {
      const created = await banking.createBankAccount(runtime.ctx, actor, client, {
        name: required(values.name, "--name", USAGE),
        kind: values.kind ?? "bank",
        ledgerAccountId: required(values["ledger-account"], "--ledger-account", USAGE),
        shortName: values["short-name"],
        mask: values.mask,
        currency: values.currency,
        institutionName: values.institution,
      });
      io.stdout(
        `added ${created.shortName} (${created.id}): ${created.name}, ${created.kind}, ${created.currency} → ${created.ledgerAccount.name}\n`,
      );
      return 0;
    }
    const overview = await banking.bankOverview(runtime.ctx, actor, client, { includeInactive: true });
    if (values.format === "json") {
      io.stdout(`${JSON.stringify(overview, (_k, v) => (typeof v === "bigint" ? v.toString() : v), 2)}\n`);
      return 0;
    }
    const rows = overview.bankAccounts.map((a) => [
      a.shortName,
      a.name + (a.mask ? ` …${a.mask}` : "") + (a.isActive ? "" : " (inactive)"),
      a.kind === "bank" ? "bank" : "card",
      a.currency,
      a.ledgerAccount.number ?? a.ledgerAccount.name,
      a.balance === null ? "—" : formatMinor(a.balance, isoScale(a.currency)),
      String(a.lineCount),
      a.lastLineDate ?? "",
      a.id,
    ]);
    const header = ["SHORT NAME", "NAME", "KIND", "CUR", "LEDGER", "BALANCE", "LINES", "LAST LINE", "ID"];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    for (const r of [header, ...rows])
      io.stdout(
        `${r
          .map((cell, i) => (i === 5 || i === 6 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
          .join("  ")
          .trimEnd()}\n`,
      );
    if (rows.length === 0)
      io.stdout(
        `(no bank accounts yet: closebook bank-accounts add --client ${client} --name NAME --ledger-account NUMBER)\n`,
      );
    return 0;
  } finally {
    await runtime.close();
  }
}
