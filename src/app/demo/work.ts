// The demo firm's work: a "Monthly close" template recurring for both clients with last month's
// and this month's projects generated (last month's leaves some overdue), a few requests to the
// clients (a statement to upload, a login to share, a bank to reconnect) and the firm's own to-dos,
// and the weekly "review transactions" task where lines wait. Runs once: a firm that has the
// template keeps its work as it is.
import { systemActor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { addDays } from "../../platform/dates.ts";
import * as access from "../../modules/access/index.ts";
import * as identity from "../../modules/identity/index.ts";
import * as work from "../../modules/work/index.ts";
import { syncReviewTasks } from "../review-tasks.ts";

export const DEMO_TEMPLATE = "Monthly close";

const blueprint = (title: string, due: work.DueRule, more: Partial<work.Blueprint> = {}): work.Blueprint => ({
  title,
  type: "custom",
  description: "",
  priority: "normal",
  due,
  assignee: { kind: "none" },
  checklist: [],
  ...more,
});

export async function seedDemoWork(ctx: Ctx, firmId: string): Promise<void> {
  const actor = systemActor(firmId);
  if ((await work.listTemplates(ctx, actor)).some((t) => t.name === DEMO_TEMPLATE)) return;
  const admin = await identity.users.userByEmail(ctx.db, "admin@demo.closebook.local");
  const dana: work.Assignee = admin ? { kind: "user", userId: admin.id } : { kind: "none" };
  const template = await work.createTemplate(ctx, actor, {
    name: DEMO_TEMPLATE,
    recurrence: "monthly",
    blueprints: [
      blueprint(
        "Upload bank and card statements",
        { kind: "day_of_month", day: 3 },
        {
          type: "document_upload_request",
          assignee: { kind: "client" },
          description: "Upload last month's statements for every bank and card account.",
          checklist: ["Checking statement", "Card statement"],
        },
      ),
      blueprint(
        "Accrue payroll and rent",
        { kind: "business_days_before_close", days: 2 },
        { assignee: dana },
      ),
      blueprint("Review uncategorized transactions", { kind: "last_business_day" }, { assignee: dana }),
      blueprint(
        "Reconcile bank and card accounts",
        { kind: "business_days_after_close", days: 5 },
        {
          assignee: dana,
          priority: "high",
          checklist: ["Checking", "Card", "Clear stale items"],
        },
      ),
      blueprint(
        "Send the month-end reports",
        { kind: "business_days_after_close", days: 8 },
        { assignee: dana },
      ),
    ],
  });
  const today = ctx.clock.today();
  const current = work.periodOf(today, "monthly");
  const previous = work.periodOf(addDays(current.start, -1), "monthly");
  const clients = await access.listClients(ctx.db, actor);
  for (const c of clients) {
    await work.addTemplateClient(ctx, actor, template.id, { client: c.slug, firstPeriod: previous.key });
    await work.generatePeriod(ctx, actor, template.id, { client: c.slug, period: previous.key });
    await work.generatePeriod(ctx, actor, template.id, { client: c.slug, period: current.key });
  }
  // Last month's close is under way: its early tasks are done.
  const last = await work.listTasks(ctx, actor, {
    assignee: "any",
    q: "Accrue payroll",
    dueTo: previous.end,
  });
  for (const task of last.tasks) await work.updateTask(ctx, actor, task.id, { status: "done" });
  const bluebird = clients.find((c) => c.slug === "bluebird-coffee");
  const harbor = clients.find((c) => c.slug === "harbor-dental");
  if (bluebird) {
    await work.createTask(ctx, actor, {
      client: bluebird.slug,
      type: "document_upload_request",
      title: "Upload the loan statement",
      description: "We need the equipment loan's year-to-date statement to reconcile the loan balance.",
      folder: "Loans",
      assignee: { kind: "client" },
      dueDate: addDays(today, -4),
      priority: "high",
    });
    await work.createTask(ctx, actor, {
      client: bluebird.slug,
      type: "credential_request",
      title: "Share the payroll portal login",
      credential: { site: "Payroll portal", url: "https://payroll.example.com" },
      assignee: { kind: "client" },
      dueDate: addDays(today, 5),
    });
  }
  if (harbor) {
    await work.createTask(ctx, actor, {
      client: harbor.slug,
      type: "bank_connection_request",
      title: "Reconnect the savings account",
      description: "The bank asked for a new consent; please sign in to reconnect.",
      assignee: { kind: "client" },
      dueDate: addDays(today, -1),
    });
    await work.createTask(ctx, actor, {
      client: harbor.slug,
      type: "custom",
      title: "Call about the new hygienist's payroll setup",
      assignee: dana,
      dueDate: addDays(today, 2),
      checklist: ["Confirm start date", "Collect W-4", "Add to payroll"],
    });
  }
  await syncReviewTasks(ctx, { firmId, clientIds: clients.map((c) => c.id) });
}
