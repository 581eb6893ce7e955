// `closebook reconcile --client SLUG --bank-account ID --statement FILE [--complete] [--format json|text]`:
// imports the statement into the bank account (idempotent, as `closebook import` does), matches its
// period against the linked ledger account and prints the reconciliation (JSON: a contract outside
// checks rely on, see the README). --complete completes it when the difference is zero; otherwise,
// and when the statement or period is refused, it says why and exits with 2.
import fs from "node:fs";
import path from "node:path";
import { processIo, fileOf, type CommandIo } from "../io.ts";
import { systemActor } from "../../platform/actor.ts";
import { AppError } from "../../platform/errors.ts";
import * as access from "../../modules/access/index.ts";
import * as banking from "../../modules/banking/index.ts";
import * as reconcile from "../../modules/reconcile/index.ts";
import { CliUsageError } from "../cli-errors.ts";
import { parse, required } from "../args.ts";

const USAGE =
  "closebook reconcile --client SLUG --bank-account ID|SHORT-NAME --statement FILE [--complete] [--format json|text] [--firm SLUG]";

/** Refusals that are about the statement or the period, not a wrong client or account. */
const REFUSED =
  /^(statement|reconcile)\/|^banking\/(amount-too-precise|invalid-amount|no-statements|account-mismatch|currency-mismatch|several-accounts)$/;

export async function run(argv: string[], io: CommandIo = processIo()): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      client: { type: "string" },
      "bank-account": { type: "string" },
      statement: { type: "string" },
      complete: { type: "boolean", default: false },
      format: { type: "string", default: "json" },
      firm: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    USAGE,
  );
  if (values.help) {
    io.stdout(
      `usage: ${USAGE}\n\nImports FILE into the bank account (lines it already has are skipped), matches the statement's period\nagainst the linked ledger account and prints the matches, what is unmatched on each side and the difference.\n--complete completes the reconciliation when the difference is zero (exit 2 otherwise).\n`,
    );
    return 0;
  }
  if (positionals.length) throw new CliUsageError(`reconcile takes no positional arguments\nusage: ${USAGE}`);
  const client = required(values.client, "--client", USAGE);
  const account = required(values["bank-account"], "--bank-account", USAGE);
  const file = required(values.statement, "--statement", USAGE);
  if (values.format !== "json" && values.format !== "text")
    throw new CliUsageError("--format must be json or text");
  const where = fileOf(io, file);
  if (!fs.existsSync(where) || !fs.statSync(where).isFile()) throw new CliUsageError(`no such file: ${file}`);
  const bytes = fs.readFileSync(where);
  const runtime = await io.openRuntime("reconcile");
  try {
    const firm = await access.defaultFirm(runtime.ctx.db, values.firm);
    const actor = systemActor(firm.id);
    const ctx = runtime.ctx;
    const summary = await banking.importStatementFile(ctx, actor, client, account, {
      bytes,
      fileName: path.basename(file),
      source: "cli",
    });
    for (const w of summary.warnings) io.stderr(`warning: ${w}\n`);
    // The file's statement for this account; of several (a multi-month file), the latest.
    const statement = (await banking.listStatements(ctx, actor, client, summary.bankAccount.id)).find(
      (st) => st.statement_file_id === summary.file.id,
    );
    if (!statement)
      throw new AppError(
        "rule-violation",
        "reconcile/no-statement",
        `${path.basename(file)} holds no statement of this account`,
      );
    const period = {
      from: statement.start_date ?? statement.first_line_date,
      to: statement.end_date ?? statement.last_line_date,
    };
    // Run again on a period already reconciled: show that reconciliation.
    const done = (
      await reconcile.listReconciliations(ctx, actor, client, { bankAccount: summary.bankAccount.id })
    )[0]?.reconciliations.find(
      (r) => r.status === "completed" && r.from === period.from && r.to === period.to,
    );
    let state = done
      ? await reconcile.getReconciliation(ctx, actor, client, done.id)
      : (
          await reconcile.startReconciliation(ctx, actor, client, {
            bankAccount: summary.bankAccount.id,
            statementId: statement.id,
          })
        ).state;
    // The printed matches are the proposal: possible ones count as cleared too (the JSON says
    // which are only possible); in the portal a person accepts them one by one instead.
    if (state.row.status === "in_progress")
      state = await reconcile.acceptProposed(ctx, actor, client, state.row.id);
    let exit = 0;
    if (values.complete && state.row.status === "in_progress") {
      const json = reconcile.reconciliationJson(state);
      if (state.balances.difference === 0n)
        state = await reconcile.completeReconciliation(ctx, actor, client, state.row.id);
      else {
        io.stderr(
          `error: not completed: the difference is ${json.difference} ${json.currency} (closing ${json.closing} − cleared balance ${json.clearedBalance}); it must be zero\n`,
        );
        exit = 2;
      }
    }
    const json = reconcile.reconciliationJson(state);
    if (values.format === "json") io.stdout(`${JSON.stringify(reconcile.cliJson(json), null, 2)}\n`);
    else io.stdout(textOf(json, `${client}/${summary.bankAccount.shortName}`));
    return exit;
  } catch (error) {
    if (error instanceof AppError && REFUSED.test(error.code)) {
      io.stderr(`error: ${path.basename(file)}: ${error.detail} [${error.code}]\n`);
      return 2;
    }
    throw error;
  } finally {
    await runtime.close();
  }
}

function textOf(r: reconcile.ReconciliationJson, where: string): string {
  const confident = r.matches.filter((m) => m.status !== "rejected" && m.class === "confident").length;
  const possible = r.matches.filter((m) => m.status !== "rejected" && m.class === "possible").length;
  const lines = [
    `${where}: ${r.period.from} to ${r.period.to} (${r.status.replace("_", " ")})`,
    `  opening ${r.opening}  closing ${r.closing}  cleared balance ${r.clearedBalance}  difference ${r.difference} ${r.currency}`,
    `  ${confident} confident and ${possible} possible matches; unmatched: ${r.unmatched.statement.length} statement, ${r.unmatched.ledger.length} ledger lines`,
  ];
  for (const l of r.unmatched.statement)
    lines.push(`  statement only: ${l.date} ${l.amount} ${l.description}`);
  for (const l of r.unmatched.ledger) lines.push(`  ledger only:    ${l.date} ${l.amount} ${l.description}`);
  return `${lines.join("\n")}\n`;
}
