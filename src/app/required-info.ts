// Required information's arrivals, wired here because banking, documents and journals may not call
// the services module: a statement import ticks its account's statement item of each month the
// statement covers, a payroll register imported in JE Automation ticks the payroll register item of
// its pay dates' months, and a file uploaded through a required item's request task ticks that item.
// A failure here never fails the import or the upload (the item stays for a person to tick).
import type { Actor } from "../platform/actor.ts";
import { systemActor } from "../platform/actor.ts";
import type { Ctx } from "../platform/context.ts";
import * as banking from "../modules/banking/index.ts";
import type { BankLinesImported } from "../modules/banking/index.ts";
import * as services from "../modules/services/index.ts";

/** The months from the first day's to the last day's ("2026-02-15".."2026-04-02" → Feb, Mar, Apr). */
export function monthsSpanned(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = to.slice(0, 7);
  for (let i = 0; i < 36; i++) {
    const key = `${y}-${String(m).padStart(2, "0")}`;
    if (key > end) break;
    out.push(key);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** The months the import's statements cover (their stated period, else their lines' dates). */
async function importMonths(ctx: Ctx, job: BankLinesImported): Promise<string[]> {
  const actor = systemActor(job.firmId);
  const imports = await banking.listImports(ctx, actor, job.clientId, {
    bankAccountRef: job.bankAccountId,
    limit: 500,
  });
  const run = imports.find((i) => i.id === job.importId);
  if (!run) return [];
  const months = new Set<string>();
  for (const st of await banking.listStatements(ctx, actor, job.clientId, job.bankAccountId)) {
    if (st.statement_file_id !== run.statement_file_id) continue;
    const from = st.start_date ?? st.first_line_date;
    const to = st.end_date ?? st.last_line_date;
    if (from && to) for (const m of monthsSpanned(from, to)) months.add(m);
  }
  return [...months].sort();
}

/** After an import's lines are in: tick the account's statement items of the months it covers. */
export async function statementImported(ctx: Ctx, job: BankLinesImported): Promise<string[]> {
  const months = await importMonths(ctx, job);
  if (!months.length) return [];
  return services.statementArrived(ctx, {
    firmId: job.firmId,
    clientId: job.clientId,
    bankAccountId: job.bankAccountId,
    importId: job.importId,
    months,
  });
}

/** After a payroll register's entries are in: tick the payroll register item of their months. */
export async function payrollImported(
  ctx: Ctx,
  input: { firmId: string; clientId: string; payDates: readonly string[] },
): Promise<string[]> {
  return services.payrollRegisterArrived(ctx, {
    firmId: input.firmId,
    clientId: input.clientId,
    months: input.payDates.map((d) => d.slice(0, 7)),
  });
}

/** After a file answers a task: tick the required item the task asked for, if it is one. */
export async function taskFileArrived(
  ctx: Ctx,
  actor: Actor,
  task: { systemKey: string | null; client: { id: string } },
  documentId: string,
): Promise<boolean> {
  if (!task.systemKey?.startsWith(services.INFO_TASK_KEY)) return false;
  return services
    .documentArrived(ctx, actor, {
      firmId: actor.firmId,
      clientId: task.client.id,
      taskKey: task.systemKey,
      documentId,
    })
    .catch(() => false);
}
