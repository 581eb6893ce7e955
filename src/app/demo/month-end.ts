// The demo's month end for the coffee shop, made through the ordinary services as a bookkeeper
// would: JE Automation depreciates the espresso bar (a straight-line schedule whose entries up to
// the month before last are generated, approved and posted; last month's is left to generate, so
// the open month shows it), and the Close Tracker has the month before last closed — hard close,
// with its report package, its services' checklist signed and information in (services.ts) — and
// last month in progress with its live blockers (some required information missing). Runs once: a
// client that has any schedule keeps its month end as it is. Payroll: the shop's Gusto register of
// last month's mid-month pay date, mapped with the Gusto preset, imported, approved and posted.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import * as close from "../../modules/close/index.ts";
import * as journals from "../../modules/journals/index.ts";
import * as ledger from "../../modules/ledger/index.ts";
import * as reports from "../../modules/reports/index.ts";
import { closeCtx } from "../close-blockers.ts";
import { packageSources } from "../report-package.ts";
import { monthStart } from "./reconciliations.ts";
import { seedDemoServices } from "./services.ts";

export const DEMO_MONTH_END_CLIENT = "bluebird-coffee";
export const DEMO_SCHEDULE = "Espresso bar (La Marzocco and grinders)";
/** The schedule starts this many months before last month: its first entries are in the books. */
const SCHEDULE_MONTHS_BACK = 4;

const monthOf = (firstDay: string) => firstDay.slice(0, 7);

/** The depreciation schedule and its posted months up to the month before last. */
export async function seedDemoSchedules(ctx: Ctx, actor: Actor): Promise<void> {
  const slug = DEMO_MONTH_END_CLIENT;
  const existing = await journals.listSources(ctx, actor, slug).catch(() => null);
  if (!existing || existing.length > 0) return;
  const accounts = new Map((await ledger.listAccounts(ctx, actor, slug)).map((a) => [a.number, a.id]));
  const today = ctx.clock.today();
  await journals.createSource(ctx, actor, slug, {
    type: "schedule",
    body: {
      kind: "depreciation",
      name: DEMO_SCHEDULE,
      cost: "14400.00",
      salvage: "1200.00",
      lifeMonths: 60,
      method: "straight_line",
      convention: "full_month",
      inServiceMonth: monthOf(monthStart(today, SCHEDULE_MONTHS_BACK)),
      accounts: { expense: accounts.get("8000")!, accumulated: accounts.get("1590")! },
    },
  });
  for (let back = SCHEDULE_MONTHS_BACK; back >= 2; back--) {
    const month = monthOf(monthStart(today, back));
    await journals.generateMonth(ctx, actor, slug, month);
    await journals.approveMonth(ctx, actor, slug, month);
    await journals.postMonth(ctx, actor, slug, month);
  }
}

/** Last month's mid-month payroll (three baristas), as a Gusto payroll journal export. */
function demoGustoRegister(payDate: string): string {
  const rows = [
    ["Alvarez", "2400.00", "372.60", "60.00", "0.00", "1967.40", "183.60", "150.00"],
    ["Brooks", "1950.00", "289.15", "0.00", "32.50", "1693.35", "149.18", "0.00"],
    ["Chen", "1620.00", "231.66", "40.00", "0.00", "1348.34", "123.93", "150.00"],
  ];
  const header =
    "Check Date,Employee Last Name,Gross Earnings,Employee Taxes,Employee Deductions,Reimbursements,Net Pay,Employer Taxes,Employer Contributions";
  return [header, ...rows.map((r) => [payDate, ...r].join(","))].join("\n");
}

/** A posted payroll entry of last month (its net pay leaves checking). Runs once per client. */
export async function seedDemoPayroll(ctx: Ctx, actor: Actor): Promise<void> {
  const slug = DEMO_MONTH_END_CLIENT;
  const saved = await journals.listPayrollMappings(ctx, actor, slug).catch(() => null);
  if (!saved || saved.length > 0) return;
  const byNumber = new Map((await ledger.listAccounts(ctx, actor, slug)).map((a) => [a.number, a.id]));
  const preset = journals.PAYROLL_PRESETS.find((p) => p.provider === "gusto")!;
  const accounts = Object.fromEntries(
    Object.entries(preset.accountNumbers).map(([role, number]) => [role, byNumber.get(number)!]),
  );
  await journals.savePayrollMapping(ctx, actor, slug, "gusto", {
    columns: preset.columns,
    accounts: { ...accounts, reimbursements: byNumber.get("6750")! },
  });
  const payDate = `${monthOf(monthStart(ctx.clock.today(), 1))}-15`;
  const { rows } = await journals.importPayroll(ctx, actor, slug, {
    provider: "gusto",
    fileName: `gusto-payroll-journal-${payDate}.csv`,
    text: demoGustoRegister(payDate),
  });
  for (const row of rows) {
    await journals.approvePayroll(ctx, actor, slug, row.id);
    await journals.postPayroll(ctx, actor, slug, row.id);
  }
}

/** The month before last closed with its package; last month in progress. After the package seed. */
export async function seedDemoClose(ctx: Ctx, actor: Actor): Promise<void> {
  const slug = DEMO_MONTH_END_CLIENT;
  const cctx = closeCtx(ctx);
  const today = ctx.clock.today();
  const closed = monthOf(monthStart(today, 2));
  const open = monthOf(monthStart(today, 1));
  const seen = await close.getMonth(cctx, actor, slug, closed).catch(() => null);
  if (!seen || seen.status !== "not_started") return;
  const people = { preparerId: actor.id, reviewerId: actor.id };
  await seedDemoServices(ctx, actor, slug, { closed, open });
  await close.updateMonth(cctx, actor, slug, closed, { ...people, status: "ready_for_review" });
  const blockers = (await close.getMonth(cctx, actor, slug, closed)).blockers.map((b) => b.detail).join("; ");
  const done = await close.closeMonth(
    cctx,
    actor,
    slug,
    closed,
    // The fresh weeks' lines of that month may still wait in review: the firm closed anyway.
    blockers ? { override: `Reviewed with the owner; the rest is next month's work (${blockers})` } : {},
    { queuePackage: false },
  );
  if (done.package) await reports.runPackageJob(ctx, done.package, packageSources);
  await close.updateMonth(cctx, actor, slug, open, { ...people, status: "in_progress" });
}
