// The Close Tracker end to end over HTTP on a test database: due dates from the cadence and the
// firm's holidays, a cadence change waiting for the next month, live blockers with their links,
// closing in order, the override with its reason, hard close locking the ledger period (refusing
// late items) and soft close leaving it open (late items post in the next open month, with a
// note), the report package asked for, reopening (Partner Admin only) unlocking the period and
// telling the preparer, the board and its filters, and who may do what.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../test/support/db.ts";
import { testClock } from "../../test/support/clock.ts";
import { clientWithChart, type ClientFixture } from "../../test/support/fixtures.ts";
import { testServer } from "../../test/support/server.ts";
import { signedIn, type Caller } from "../../test/support/auth.ts";
import type { App } from "../platform/http.ts";
import { auditTrail } from "../platform/audit.ts";
import * as ledger from "../modules/ledger/index.ts";
import * as notifications from "../modules/notifications/index.ts";

const clock = testClock("2026-06-15T12:00:00Z");
let t: TestDb;
let app: App;
let a: ClientFixture;
let b: ClientFixture;
let admin: Caller;
let ops: Caller;
let clientUser: Caller;

const monthUrl = (c: ClientFixture, month: string, rest = "") =>
  `/api/clients/${c.slug}/close/${month}${rest}`;

beforeAll(async () => {
  t = await testDb({ clock });
  app = await testServer(t, { anonymous: true });
  a = await clientWithChart(t.ctx, "close-a", "firm-close");
  b = await clientWithChart(t.ctx, "close-b", "firm-close");
  admin = await signedIn(t, app, { firmId: a.firmId, role: "partner_admin" });
  ops = await signedIn(t, app, { firmId: a.firmId, role: "partner_ops" });
  clientUser = await signedIn(t, app, { firmId: a.firmId, role: "client_admin", clients: [a.clientId] });
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

describe("timing", () => {
  it("gives a daily-cadence month the 5th of the next month and information 6 business days before", async () => {
    const res = await ops.inject(monthUrl(a, "2026-05"));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      client: "close-a",
      month: "2026-05",
      status: "not_started",
      closeMode: "hard",
      dueDate: "2026-06-05",
      informationDueDate: "2026-05-28",
      blockers: [],
    });
  });

  it("moves the due date past the firm's holidays", async () => {
    const put = await admin.inject({
      method: "PUT",
      url: "/api/firm/holidays",
      payload: { holidays: [{ day: "2026-06-05", name: "Firm retreat" }] },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect((await ops.inject("/api/firm/holidays")).json().holidays).toEqual([
      { day: "2026-06-05", name: "Firm retreat" },
    ]);
    expect((await ops.inject(monthUrl(a, "2026-05"))).json().dueDate).toBe("2026-06-08");
    const twice = await admin.inject({
      method: "PUT",
      url: "/api/firm/holidays",
      payload: {
        holidays: [
          { day: "2026-07-03", name: "x" },
          { day: "2026-07-03", name: "y" },
        ],
      },
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json()).toMatchObject({ code: "close/duplicate-holiday", field: "holidays.1.day" });
  });

  it("applies a client's first cadence at once and a later change from the next month", async () => {
    const first = await ops.inject({
      method: "PATCH",
      url: `/api/clients/${b.slug}/close-settings`,
      payload: { cadence: "weekly", weeklyDueDay: 15, closeMode: "soft" },
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ cadence: "weekly", weeklyDueDay: 15, pendingCadence: null });
    expect((await ops.inject(monthUrl(b, "2026-05"))).json().dueDate).toBe("2026-06-15");
    // Changed on June 15th: June keeps the 15th (July 15th), July closes by August 5th.
    const change = await ops.inject({
      method: "PATCH",
      url: `/api/clients/${b.slug}/close-settings`,
      payload: { cadence: "daily" },
    });
    expect(change.json()).toMatchObject({
      cadence: "weekly",
      pendingCadence: { effectiveFrom: "2026-07", cadence: "daily" },
    });
    expect((await ops.inject(monthUrl(b, "2026-06"))).json().dueDate).toBe("2026-07-15");
    expect((await ops.inject(monthUrl(b, "2026-07"))).json().dueDate).toBe("2026-08-05");
    const bad = await ops.inject({
      method: "PATCH",
      url: `/api/clients/${b.slug}/close-settings`,
      payload: { weeklyDueDay: 12 },
    });
    expect(bad.statusCode).toBe(400);
  });

  it("moves the due date one business day per business day the information came late", async () => {
    // 2026-05 of client a: information due May 28, recorded June 1 (Thu 28 → Fri 29, Mon 1: 2 late).
    const res = await ops.inject({
      method: "PATCH",
      url: monthUrl(a, "2026-05"),
      payload: { informationReceivedOn: "2026-06-01" },
    });
    expect(res.statusCode, res.body).toBe(200);
    // Planned June 8 (the 5th is a holiday) + 2 business days.
    expect(res.json()).toMatchObject({ informationLateDays: 2, dueDate: "2026-06-10" });
  });
});

describe("blockers and closing", () => {
  it("lists live blockers, each with where it is fixed", async () => {
    await ledger.createDraft(t.ctx, a.actor, a.slug, {
      date: "2026-04-10",
      description: "Accrual to check",
      lines: [
        { accountId: a.account("6000"), amount: 1500n, currency: "USD" },
        { accountId: a.account("2000"), amount: -1500n, currency: "USD" },
      ],
    });
    const res = await ops.inject(monthUrl(a, "2026-04"));
    expect(res.json().blockers).toEqual([
      {
        kind: "draft_entries",
        count: 1,
        detail: "1 draft journal entry dated in 2026-04",
        link: "/c/close-a/ledger/entries",
      },
    ]);
  });

  it("refuses to close a month before the previous one", async () => {
    const started = await ops.inject({
      method: "PATCH",
      url: monthUrl(a, "2026-04"),
      payload: { status: "in_progress", preparerId: ops.userId, reviewerId: admin.userId },
    });
    expect(started.statusCode, started.body).toBe(200);
    const res = await ops.inject({ method: "POST", url: monthUrl(a, "2026-05", "/close"), payload: {} });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: "close/previous-month-open", previousMonth: "2026-04" });
  });

  it("refuses a month with blockers unless overridden with a reason, and records the override", async () => {
    const blocked = await ops.inject({ method: "POST", url: monthUrl(a, "2026-04", "/close"), payload: {} });
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json()).toMatchObject({ code: "close/blocked", field: "override" });
    expect(blocked.json().blockers).toHaveLength(1);
    expect((await ledger.listPeriods(t.ctx, a.actor, a.slug)).some((p) => p.status === "locked")).toBe(false);

    const closed = await ops.inject({
      method: "POST",
      url: monthUrl(a, "2026-04", "/close"),
      payload: { override: "The owner books this accrual himself next week" },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const body = closed.json();
    expect(body).toMatchObject({
      status: "closed",
      overrideReason: "The owner books this accrual himself next week",
      closeMode: "hard",
    });
    expect(body.packageId).toMatch(/^[0-9a-f-]{36}$/);
    const closedEvent = body.timeline.find((e: { action: string }) => e.action === "closed");
    expect(closedEvent.detail).toMatchObject({ periodLocked: true, packageSent: false });
    expect(closedEvent.detail.overridden).toEqual([
      { kind: "draft_entries", count: 1, detail: "1 draft journal entry dated in 2026-04" },
    ]);
    const periods = await ledger.listPeriods(t.ctx, a.actor, a.slug);
    expect(periods.find((p) => String(p.month).startsWith("2026-04"))?.status).toBe("locked");
    // Hard close: the ledger refuses an item dated in the month (it is not moved).
    await expect(
      ledger.postEntry(t.ctx, a.actor, a.slug, {
        date: "2026-04-20",
        description: "Too late",
        lines: [
          { accountId: a.account("6000"), amount: 100n, currency: "USD" },
          { accountId: a.account("2000"), amount: -100n, currency: "USD" },
        ],
      }),
    ).rejects.toMatchObject({ code: "ledger/period-locked" });
    const audit = await auditTrail(t.ctx.db, {
      firmId: a.firmId,
      clientId: a.clientId,
      subjectType: "close_period",
      subjectId: `${a.clientId}:2026-04`,
    });
    expect(JSON.stringify(audit)).toContain("close.month.closed_with_override");
    // A closed month takes no more changes.
    const patch = await ops.inject({
      method: "PATCH",
      url: monthUrl(a, "2026-04"),
      payload: { status: "in_progress" },
    });
    expect(patch.json().code).toBe("close/month-closed");
  });

  it("soft close leaves the ledger period open and says so", async () => {
    const res = await ops.inject({ method: "POST", url: monthUrl(b, "2026-03", "/close"), payload: {} });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().closeMode).toBe("soft");
    const ev = res.json().timeline.find((e: { action: string }) => e.action === "closed");
    expect(ev.detail).toMatchObject({ periodLocked: false });
    expect(ev.detail.note).toContain("soft close");
    expect((await ledger.listPeriods(t.ctx, b.actor, b.slug)).some((p) => p.status === "locked")).toBe(false);
    const periods = await ledger.listPeriods(t.ctx, b.actor, b.slug);
    expect(periods.find((p) => String(p.month).startsWith("2026-03"))?.status).toBe("soft_closed");
  });

  it("posts a late item of a soft-closed month on the first day of the next open month, with a note", async () => {
    const lines = [
      { accountId: b.account("6000"), amount: 4200n, currency: "USD" },
      { accountId: b.account("2000"), amount: -4200n, currency: "USD" },
    ];
    const posted = await ledger.postEntry(t.ctx, b.actor, b.slug, {
      date: "2026-03-20",
      description: "Late bill from the landlord",
      comment: "arrived in April",
      lines,
    });
    expect(posted.date).toBe("2026-04-01");
    expect(posted.comment).toBe(
      "arrived in April (late item for 2026-03, posted to 2026-04 because 2026-03 is soft-closed)",
    );
    expect((await ledger.getEntry(t.ctx, b.actor, b.slug, posted.id)).date).toBe("2026-04-01");
    // A draft dated in the month moves when it is posted; a reversal asked for in it moves too.
    const draft = await ledger.createDraft(t.ctx, b.actor, b.slug, {
      date: "2026-03-31",
      description: "Accrual found late",
      lines,
    });
    const fromDraft = await ledger.postDraft(t.ctx, b.actor, b.slug, draft.id);
    expect(fromDraft.date).toBe("2026-04-01");
    expect(fromDraft.comment).toContain("late item for 2026-03");
    const reversal = await ledger.reverseEntry(t.ctx, b.actor, b.slug, fromDraft.id, { date: "2026-03-31" });
    expect(reversal.date).toBe("2026-04-01");
    // Items of open months are left alone.
    const april = await ledger.postEntry(t.ctx, b.actor, b.slug, {
      date: "2026-04-02",
      description: "On time",
      lines,
    });
    expect(april).toMatchObject({ date: "2026-04-02", comment: null });
  });

  it("lets only a Partner Admin reopen, with a reason; unlocks the period and tells the preparer", async () => {
    const byOps = await ops.inject({
      method: "POST",
      url: monthUrl(a, "2026-04", "/reopen"),
      payload: { reason: "x" },
    });
    expect(byOps.statusCode).toBe(403);
    const noReason = await admin.inject({
      method: "POST",
      url: monthUrl(a, "2026-04", "/reopen"),
      payload: { reason: "  " },
    });
    expect(noReason.statusCode).toBe(400);
    const res = await admin.inject({
      method: "POST",
      url: monthUrl(a, "2026-04", "/reopen"),
      payload: { reason: "A late bill from the landlord" },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe("reopened");
    const periods = await ledger.listPeriods(t.ctx, a.actor, a.slug);
    expect(periods.find((p) => String(p.month).startsWith("2026-04"))?.status ?? "open").toBe("open");
    const told = await notifications.listNotifications(t.ctx, ops.actor, { unread: true, limit: 10 });
    const notice = told.notifications.find((n) => n.title === "close-a: 2026-04 was reopened");
    // The link opens the month's page in the portal.
    expect(notice?.link).toBe("/c/close-a/close/2026-04");
  });
});

describe("the board", () => {
  it("shows clients × months with status, people, due dates and blocker counts", async () => {
    const res = await ops.inject("/api/close/board?from=2026-03&to=2026-05");
    expect(res.statusCode, res.body).toBe(200);
    const board = res.json();
    expect(board.months).toEqual(["2026-03", "2026-04", "2026-05"]);
    const rowA = board.rows.find((r: { client: string }) => r.client === "close-a");
    expect(rowA.months.find((c: { month: string }) => c.month === "2026-04")).toMatchObject({
      status: "reopened",
      preparerId: ops.userId,
      reviewerId: admin.userId,
      blockers: 1,
    });
    const rowB = board.rows.find((r: { client: string }) => r.client === "close-b");
    expect(rowB.months[0]).toMatchObject({ month: "2026-03", status: "closed", overdue: false });
  });

  it("filters by status, assignee, overdue and cadence", async () => {
    const reopened = (await ops.inject("/api/close/board?from=2026-03&to=2026-05&status=reopened")).json();
    expect(reopened.rows.map((r: { client: string }) => r.client)).toEqual(["close-a"]);
    expect(reopened.rows[0].months.map((c: { month: string }) => c.month)).toEqual(["2026-04"]);
    const mine = (await ops.inject(`/api/close/board?from=2026-03&to=2026-05&assignee=${ops.userId}`)).json();
    expect(mine.rows.map((r: { client: string }) => r.client)).toEqual(["close-a"]);
    const overdue = (await ops.inject("/api/close/board?from=2026-03&to=2026-05&overdue=true")).json();
    for (const r of overdue.rows) for (const c of r.months) expect(c.overdue).toBe(true);
    const weekly = (await ops.inject("/api/close/board?from=2026-03&to=2026-05&cadence=weekly")).json();
    expect(weekly.rows.map((r: { client: string }) => r.client)).toEqual(["close-b"]);
    const bad = await ops.inject("/api/close/board?from=2026-05&to=2026-03");
    expect(bad.statusCode).toBe(400);
  });

  it("is the firm's: client users may not see it", async () => {
    expect((await clientUser.inject("/api/close/board?from=2026-03&to=2026-05")).statusCode).toBe(403);
    expect((await clientUser.inject(monthUrl(a, "2026-04"))).statusCode).toBe(403);
  });
});

describe("JE Automation's blocker", () => {
  it("counts schedule entries due in the month and not generated, and hands them over to drafts once generated", async () => {
    const journalsUrl = (rest: string) => `/api/clients/${b.slug}/journals${rest}`;
    const created = await ops.inject({
      method: "POST",
      url: journalsUrl("/schedules"),
      payload: {
        kind: "prepaid",
        name: "Prepaid insurance",
        amount: "900.00",
        startMonth: "2026-09",
        months: 3,
        accounts: { expense: b.account("6250"), prepaid: b.account("1300") },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const before = (await ops.inject(monthUrl(b, "2026-09"))).json().blockers;
    expect(before).toContainEqual({
      kind: "schedules_not_run",
      count: 1,
      detail: "1 recurring or schedule entry due in 2026-09 not generated (or held)",
      link: "/c/close-b/journals",
    });
    const generated = await ops.inject({
      method: "POST",
      url: journalsUrl("/batch/generate"),
      payload: { month: "2026-09" },
    });
    expect(generated.statusCode, generated.body).toBe(200);
    const after = (await ops.inject(monthUrl(b, "2026-09"))).json().blockers;
    expect(after.map((x: { kind: string }) => x.kind)).not.toContain("schedules_not_run");
    expect(after).toContainEqual(expect.objectContaining({ kind: "draft_entries", count: 1 }));
  });
});

describe("reopening a soft-closed month", () => {
  it("opens its ledger period again: items dated in it stay in it", async () => {
    const res = await admin.inject({
      method: "POST",
      url: monthUrl(b, "2026-03", "/reopen"),
      payload: { reason: "The owner found more March bills" },
    });
    expect(res.statusCode, res.body).toBe(200);
    const periods = await ledger.listPeriods(t.ctx, b.actor, b.slug);
    expect(periods.find((p) => String(p.month).startsWith("2026-03"))?.status).toBe("open");
    const posted = await ledger.postEntry(t.ctx, b.actor, b.slug, {
      date: "2026-03-25",
      description: "March bill",
      lines: [
        { accountId: b.account("6000"), amount: 700n, currency: "USD" },
        { accountId: b.account("2000"), amount: -700n, currency: "USD" },
      ],
    });
    expect(posted).toMatchObject({ date: "2026-03-25", comment: null });
  });
});
