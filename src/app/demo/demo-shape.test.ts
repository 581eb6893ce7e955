// The demo is the product's shop window: after its year of history the bot has learned the
// clients' books, so most fresh checking lines are posted by AutoPush (each to the account the
// books use for that merchant), a few wait for review with varied confidences, no deposit lands
// on an expense account nor a payment on an income account, and the card stays under Manual Push.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { demoClients } from "./activity.ts";
import { seedDemo } from "./seed.ts";
import { freshFrom } from "./transactions.ts";
import { systemActor } from "../../platform/actor.ts";
import * as access from "../../modules/access/index.ts";
import * as work from "../../modules/work/index.ts";
import * as services from "../../modules/services/index.ts";
import * as close from "../../modules/close/index.ts";
import * as journals from "../../modules/journals/index.ts";
import * as ledger from "../../modules/ledger/index.ts";
import { closeCtx } from "../close-blockers.ts";
import { monthStart } from "./reconciliations.ts";
import { DEMO_MONTH_END_CLIENT, DEMO_SCHEDULE } from "./month-end.ts";

let t: TestDb;

interface Row {
  slug: string;
  bank: string;
  mode: string;
  date: string;
  description: string;
  amount: bigint;
  status: string;
  band: string | null;
  confidence: number | null;
  number: string | null;
  type: string | null;
}

let fresh: Row[];

beforeAll(async () => {
  t = await testDb();
  await seedDemo(t.ctx);
  const from = freshFrom(t.ctx.clock.today());
  const rows = await sql<Row>`
    select c.slug, a.number as bank, coalesce(m.mode, 'manual_push') as mode, t.date::text as date,
           t.description, t.amount, t.status, t.band, t.confidence, x.number, x.type
      from transactions t
      join clients c on c.id = t.client_id
      join accounts a on a.id = t.bank_ledger_account_id
      left join bank_automation m on m.bank_account_id = t.bank_account_id
      left join accounts x on x.id = coalesce(t.account_id, t.predicted_account_id)
     where t.date >= ${from}::date`.execute(t.ctx.db);
  fresh = rows.rows.map((r) => ({ ...r, amount: BigInt(r.amount), date: r.date.slice(0, 10) }));
}, 300_000);
afterAll(async () => {
  await t?.close();
});

describe("the demo's fresh weeks", () => {
  it("are mostly posted by AutoPush on checking, each to the account the client's books use", () => {
    const books = demoClients(freshFrom(t.ctx.clock.today()));
    for (const slug of ["bluebird-coffee", "harbor-dental"]) {
      const checking = fresh.filter((r) => r.slug === slug && r.bank === "1010");
      expect(checking.length).toBeGreaterThan(10);
      expect(checking.every((r) => r.mode === "auto_push")).toBe(true);
      const processed = checking.filter((r) => r.status === "processed" && r.band === "high");
      expect(processed.length / checking.length).toBeGreaterThanOrEqual(0.7);
      const codedAs = new Map(books.find((b) => b.slug === slug)!.bankLines.map((l) => [l.text, l.account]));
      for (const r of processed)
        expect([r.description, r.number]).toEqual([r.description, codedAs.get(r.description)]);
    }
  });

  it("leave a few for review with varied confidences, in more than one band", () => {
    const waiting = fresh.filter((r) => r.bank === "1010" && r.status === "needs_review");
    expect(waiting.length).toBeGreaterThan(0);
    expect(new Set(waiting.map((r) => r.confidence?.toFixed(2))).size).toBeGreaterThan(1);
    const bands = new Set(fresh.map((r) => r.band));
    expect(bands.has("high")).toBe(true);
    expect(bands.has("medium") || bands.has("low")).toBe(true);
  });

  it("never put a deposit on an expense account nor a payment on an income account", () => {
    for (const r of fresh) {
      if (r.amount > 0n) expect([r.description, r.type]).not.toEqual([r.description, "expense"]);
      if (r.amount < 0n) expect([r.description, r.type]).not.toEqual([r.description, "income"]);
    }
  });

  it("keep the card account under Manual Push: predicted, nothing posted", () => {
    const card = fresh.filter((r) => r.bank === "2100");
    expect(card.length).toBeGreaterThan(0);
    expect(card.every((r) => r.mode === "manual_push" && r.status === "needs_review")).toBe(true);
  });
});

describe("the demo's work", () => {
  it("has open and overdue tasks, for the firm and for the clients, and a monthly close from a template", async () => {
    const firm = (await access.firmBySlug(t.ctx.db, "demo"))!;
    const actor = systemActor(firm.id);
    const open = await work.listTasks(t.ctx, actor, { assignee: "any", pageSize: 200 });
    expect(open.total).toBeGreaterThan(10);
    expect(open.tasks.some((x) => x.dueState === "overdue")).toBe(true);
    expect(open.tasks.some((x) => x.assignee.kind === "client")).toBe(true);
    expect(open.tasks.some((x) => x.assignee.kind === "user")).toBe(true);
    expect(new Set(open.tasks.map((x) => x.type)).size).toBe(4);
    const [template] = await work.listTemplates(t.ctx, actor);
    expect(template).toMatchObject({ name: "Monthly close", recurrence: "monthly" });
    const projects = await work.listProjects(t.ctx, actor, { template: template!.id });
    expect(projects).toHaveLength(4); // last month's and this month's, for each client
    expect(projects.every((p) => p.total === 5)).toBe(true);
    // Seeding again adds nothing.
    await seedDemo(t.ctx);
    expect((await work.listTasks(t.ctx, actor, { assignee: "any", pageSize: 200 })).total).toBe(open.total);
  });
});

describe("the demo's comments", () => {
  it("has a conversation with a mention on a transaction and a firm-only note on a task", async () => {
    const rows = await sql<{ object_kind: string; visibility: string; body: string; mentions: string[] }>`
      select object_kind, visibility, body, mentions from comments order by created_at, id`.execute(t.ctx.db);
    expect(rows.rows.map((r) => [r.object_kind, r.visibility])).toEqual([
      ["transaction", "client"],
      ["transaction", "client"],
      ["task", "firm"],
    ]);
    expect(rows.rows[0]!.body).toMatch(/^@owner /);
    expect(rows.rows[0]!.mentions).toHaveLength(1);
    // The client owner cannot see the firm-only note: mentioned there, not notified.
    expect(rows.rows[2]!.mentions).toEqual([]);
  });
});

describe("the demo's month end", () => {
  it("depreciates the espresso bar through the month before last, leaving last month's entry to generate", async () => {
    const firm = (await access.firmBySlug(t.ctx.db, "demo"))!;
    const actor = systemActor(firm.id);
    const [source] = await journals.listSources(t.ctx, actor, DEMO_MONTH_END_CLIENT);
    expect(source).toMatchObject({ kind: "depreciation", name: DEMO_SCHEDULE });
    const month = (back: number) => monthStart(t.ctx.clock.today(), back).slice(0, 7);
    const before = await journals.monthBatch(t.ctx, actor, DEMO_MONTH_END_CLIENT, month(2));
    expect(before.items.map((i) => i.run?.state ?? "due")).toEqual(["posted"]);
    const last = await journals.monthBatch(t.ctx, actor, DEMO_MONTH_END_CLIENT, month(1));
    expect(last.items.map((i) => i.run?.state ?? "due")).toEqual(["due"]);
  });

  it("has last month's mid-month payroll posted from a Gusto register, balanced", async () => {
    const firm = (await access.firmBySlug(t.ctx.db, "demo"))!;
    const actor = systemActor(firm.id);
    const { rows } = await journals.listPayrollEntries(t.ctx, actor, DEMO_MONTH_END_CLIENT);
    const lastMonth = monthStart(t.ctx.clock.today(), 1).slice(0, 7);
    expect(rows.map((r) => [r.provider, r.pay_date, r.state, r.net_pay])).toEqual([
      ["gusto", `${lastMonth}-15`, "posted", 500_909n],
    ]);
    const entry = await ledger.getEntry(t.ctx, actor, DEMO_MONTH_END_CLIENT, rows[0]!.entry_id);
    expect(entry.status).toBe("posted");
    expect(entry.lines.reduce((sum, l) => sum + l.amount, 0n)).toBe(0n);
  });

  it("has the month before last closed with its package, and last month in progress with blockers", async () => {
    const firm = (await access.firmBySlug(t.ctx.db, "demo"))!;
    const actor = systemActor(firm.id);
    const month = (back: number) => monthStart(t.ctx.clock.today(), back).slice(0, 7);
    const closed = await close.getMonth(closeCtx(t.ctx), actor, DEMO_MONTH_END_CLIENT, month(2));
    expect(closed.status).toBe("closed");
    expect(closed.blockers.map((b) => b.kind)).not.toContain("report_package");
    const open = await close.getMonth(closeCtx(t.ctx), actor, DEMO_MONTH_END_CLIENT, month(1));
    expect(open.status).toBe("in_progress");
    expect(open.blockers.map((b) => b.kind)).toEqual(
      expect.arrayContaining(["unreconciled_accounts", "schedules_not_run", "information_missing"]),
    );
    // The services: the closed month signed off and complete, the open one still owing information.
    const signed = await services.getMonthChecklist(t.ctx, actor, DEMO_MONTH_END_CLIENT, month(2));
    expect(signed.services).toHaveLength(7);
    expect(signed.signed.reviewed).toBe(signed.signed.total);
    expect(signed.signed.total).toBeGreaterThan(0);
    expect(signed.missingInfo).toBe(0);
    expect(closed.informationReceivedOn).toBe(signed.informationCompleteOn);
    const owing = await services.getMonthChecklist(t.ctx, actor, DEMO_MONTH_END_CLIENT, month(1));
    expect(owing.requiredInfo.some((r) => r.received)).toBe(true);
    expect(owing.missingInfo).toBeGreaterThan(0);
  });
});
