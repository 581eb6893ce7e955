// `closebook close status --client SLUG --month YYYY-MM [--format json|text]` prints a client's
// month in the Close Tracker: {"client","month","status","dueDate","informationDueDate",
// "blockers":[{"kind","count","detail"}]} (a contract outside checks rely on, see the README).
// `closebook close --client SLUG --month YYYY-MM [--override REASON]` closes the month (hard close
// locks the ledger period) and makes its report package; when it cannot close — blockers without
// an override, the previous month still open, a month already closed — it says why, lists the
// blockers and exits with 2.
import { systemActor } from "../../platform/actor.ts";
import { AppError } from "../../platform/errors.ts";
import * as access from "../../modules/access/index.ts";
import * as close from "../../modules/close/index.ts";
import * as reports from "../../modules/reports/index.ts";
import { closeCtx } from "../../app/close-blockers.ts";
import { packageSources } from "../../app/report-package.ts";
import { CliUsageError } from "../cli-errors.ts";
import { parse, required } from "../args.ts";
import { processIo, type CommandIo } from "../io.ts";

const USAGE =
  "closebook close status --client SLUG --month YYYY-MM [--format json|text] [--firm SLUG]\n       closebook close --client SLUG --month YYYY-MM [--override REASON] [--format json|text] [--firm SLUG]";

/** The printed contract: the month's status, due dates and blockers (no links, no timeline). */
function statusJson(m: close.MonthView) {
  return {
    client: m.client,
    month: m.month,
    status: m.status,
    dueDate: m.dueDate,
    informationDueDate: m.informationDueDate,
    blockers: m.blockers.map((b) => ({ kind: b.kind, count: b.count, detail: b.detail })),
  };
}

function statusText(m: close.MonthView): string {
  const lines = [
    `${m.client} ${m.month}: ${m.status.replace(/_/g, " ")}, due ${m.dueDate} (information due ${m.informationDueDate})`,
  ];
  if (!m.blockers.length) lines.push("  no blockers");
  for (const b of m.blockers) lines.push(`  blocker: ${b.detail} [${b.kind}]`);
  return `${lines.join("\n")}\n`;
}

/** Refusals about the month itself: exit 2 (a wrong client or role stays an error, exit 1). */
const REFUSED = /^close\/(blocked|previous-month-open|already-closed|invalid-month|reason-too-long)$/;

export async function run(argv: string[], io: CommandIo = processIo()): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      client: { type: "string" },
      month: { type: "string" },
      override: { type: "string" },
      format: { type: "string", default: "json" },
      firm: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    USAGE,
  );
  if (values.help) {
    io.stdout(
      `usage: ${USAGE}\n\nstatus prints the month's status, due dates and live blockers. Without status, closes the month:\nblockers need --override with the reason; the previous month must be closed first (exit 2 otherwise).\n`,
    );
    return 0;
  }
  const sub = positionals[0];
  if (positionals.length > 1 || (sub !== undefined && sub !== "status"))
    throw new CliUsageError(`unknown arguments: ${positionals.join(" ")}\nusage: ${USAGE}`);
  const client = required(values.client, "--client", USAGE);
  const month = required(values.month, "--month", USAGE);
  if (values.format !== "json" && values.format !== "text")
    throw new CliUsageError("--format must be json or text");
  if (!close.isMonth(month)) {
    io.stderr(`error: "${month}" is not a month (expected YYYY-MM)\n`);
    return 2;
  }
  const print = (m: close.MonthView) =>
    io.stdout(values.format === "json" ? `${JSON.stringify(statusJson(m), null, 2)}\n` : statusText(m));
  const runtime = await io.openRuntime("close");
  try {
    const firm = await access.defaultFirm(runtime.ctx.db, values.firm);
    const actor = systemActor(firm.id);
    const cctx = closeCtx(runtime.ctx);
    if (sub === "status") {
      print(await close.getMonth(cctx, actor, client, month));
      return 0;
    }
    try {
      const done = await close.closeMonth(
        cctx,
        actor,
        client,
        month,
        { override: values.override },
        { queuePackage: false },
      );
      // The package is made now, as `closebook report package` does (no worker may be running).
      if (done.package) {
        await reports.runPackageJob(runtime.ctx, done.package, packageSources);
        const made = await reports.getPackage(runtime.ctx, actor, client, done.package.packageId);
        if (made.status !== "done")
          io.stderr(
            `warning: the month is closed but its report package failed: ${made.error ?? made.status}\n`,
          );
      }
      print(await close.getMonth(cctx, actor, client, month));
      return 0;
    } catch (error) {
      if (!(error instanceof AppError) || !REFUSED.test(error.code)) throw error;
      io.stderr(`error: ${client} ${month} was not closed: ${error.detail} [${error.code}]\n`);
      const view = await close.getMonth(cctx, actor, client, month);
      for (const b of view.blockers) io.stderr(`  blocker: ${b.kind} (${b.count}): ${b.detail}\n`);
      print(view);
      return 2;
    }
  } finally {
    await runtime.close();
  }
}
