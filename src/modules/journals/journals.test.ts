// JE Automation over HTTP: a prepaid schedule and an accrual generate the month's ledger drafts
// (twice gives one set), approval is the reviewer's, posting posts the accrual's reversal on the
// 1st, one entry at a time goes draft → approved → posted, a posted entry is corrected by reversal
// only, refusals change nothing, and a recurring entry whose account was deactivated is held with
// the reason and its preparer (else the firm's Partner Ops) is told, with a link to it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { bookkeepingClient, importLines, type BooksFixture } from "../../../test/support/books.ts";
import { testServer } from "../../../test/support/server.ts";
import { signedIn, type Caller } from "../../../test/support/auth.ts";
import * as notifications from "../notifications/index.ts";
import type { App } from "../../platform/http.ts";
import * as ledger from "../ledger/index.ts";
import { monthEndState, schedulesNotRunByClientMonth } from "./index.ts";

let t: TestDb;
let b: BooksFixture;
let app: App;
let opsCaller: Caller | undefined;
const url = (path: string) => `/api/clients/${b.slug}/journals${path}`;
const post = (path: string, payload: object, headers?: Record<string, string>) =>
  app.inject({ method: "POST", url: url(path), payload, ...(headers ? { headers } : {}) });
interface Item {
  sourceName: string;
  state: string;
  runId: string | null;
  entryId: string | null;
  reversalEntryId: string | null;
  amount: string | null;
  heldReason: string | null;
}
const items = async (month: string): Promise<Item[]> =>
  (await app.inject({ url: url(`/batch?month=${month}`) })).json().items;

beforeAll(async () => {
  t = await testDb();
  b = await bookkeepingClient(t.ctx, "je-co", "firm-je");
  app = await testServer(t);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe("JE Automation", () => {
  let prepaidId: string;

  it("creates a prepaid schedule whose full table totals the amount", async () => {
    const res = await post("/schedules", {
      kind: "prepaid",
      name: "Prepaid insurance",
      amount: "1000.00",
      startMonth: "2026-03",
      months: 3,
      accounts: { expense: b.account("6250"), prepaid: b.account("1300") },
    });
    expect(res.statusCode).toBe(201);
    prepaidId = res.json().id;
    const detail = (await app.inject({ url: url(`/schedules/${prepaidId}`) })).json();
    expect(detail.table.rows.map((r: { amount: string }) => r.amount)).toEqual([
      "333.33",
      "333.33",
      "333.34",
    ]);
    expect(detail.table.rows.at(-1).remaining).toBe("0.00");
  });

  it("refuses a schedule whose typed amounts do not total, with the difference, creating nothing", async () => {
    const res = await post("/schedules", {
      kind: "prepaid",
      name: "Bad",
      amount: "300.00",
      startMonth: "2026-03",
      months: 2,
      amounts: ["100.00", "150.00"],
      accounts: { expense: b.account("6250"), prepaid: b.account("1300") },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: "journals/schedule-not-total",
      field: "amounts",
      difference: "5000",
    });
    const unknown = await post("/schedules", {
      kind: "loan",
      name: "Loan",
      principal: "1000.00",
      annualRate: "6",
      termMonths: 12,
      firstPaymentMonth: "2026-03",
      accounts: { interest: b.account("8100"), liability: "nope", payment: b.account("1010") },
    });
    expect(unknown.json()).toMatchObject({ code: "journals/unknown-account", field: "accounts.liability" });
    expect((await app.inject({ url: url("/schedules") })).json().items).toHaveLength(1);
  });

  it("lists the month's batch, generates it once however often asked", async () => {
    const accrual = await post("/recurring", {
      name: "Accrued utilities",
      frequency: "monthly",
      day: "last",
      startMonth: "2026-01",
      autoReverse: true,
      lines: [
        { kind: "fixed", accountId: b.account("6800"), amount: "180.00" },
        { kind: "fixed", accountId: b.account("2000"), amount: "-180.00" },
      ],
    });
    expect(accrual.statusCode).toBe(201);
    expect((await items("2026-03")).map((i) => [i.sourceName, i.state, i.amount])).toEqual(
      [
        ["Prepaid insurance", "due", "333.33"],
        ["Accrued utilities", "due", "180.00"],
      ].sort((x, y) => (x[0]! < y[0]! ? 1 : -1)),
    );
    const first = (await post("/batch/generate", { month: "2026-03" })).json().items as Item[];
    const second = (await post("/batch/generate", { month: "2026-03" })).json().items as Item[];
    expect(first.every((i) => i.state === "draft" && i.entryId)).toBe(true);
    expect(second.map((i) => i.entryId)).toEqual(first.map((i) => i.entryId));
    expect(new Set(first.map((i) => i.entryId)).size).toBe(2);
    expect(await monthEndState(t.ctx, b, "2026-03")).toEqual({ drafts: 2, schedulesNotRun: 0 });
    expect(await monthEndState(t.ctx, b, "2026-04")).toEqual({ drafts: 0, schedulesNotRun: 2 });
    // The board's many-clients form agrees: March is all generated, April not at all.
    const board = await schedulesNotRunByClientMonth(t.ctx, b.firmId, [b.clientId], ["2026-03", "2026-04"]);
    expect(board.get(b.clientId)).toEqual(new Map([["2026-04", 2]]));
  });

  it("lets the reviewer, not the preparer, approve; posting also reverses the accrual on the 1st", async () => {
    const ops = await signedIn(t, app, { firmId: b.firmId, role: "partner_ops", email: "ops@je.test" });
    opsCaller = ops;
    const refused = await post(
      "/batch/approve",
      { month: "2026-03" },
      { cookie: ops.cookie, "x-csrf-token": ops.csrfToken },
    );
    expect(refused.statusCode).toBe(403);
    expect((await items("2026-03")).map((i) => i.state)).toEqual(["draft", "draft"]);
    const approved = (await post("/batch/approve", { month: "2026-03" })).json().items as Item[];
    expect(approved.map((i) => i.state)).toEqual(["approved", "approved"]);
    const posted = (await post("/batch/post", { month: "2026-03" })).json().items as Item[];
    expect(posted.map((i) => i.state)).toEqual(["posted", "posted"]);
    const accrual = posted.find((i) => i.sourceName === "Accrued utilities")!;
    const reversal = await ledger.getEntry(t.ctx, b.actor, b.slug, accrual.reversalEntryId!);
    expect(reversal.date).toBe("2026-04-01");
    expect(posted.find((i) => i.sourceName === "Prepaid insurance")!.reversalEntryId).toBeNull();
    expect(await monthEndState(t.ctx, b, "2026-03")).toEqual({ drafts: 0, schedulesNotRun: 0 });
  });

  it("corrects a posted entry by reversing it, once", async () => {
    const prepaid = (await items("2026-03")).find((i) => i.sourceName === "Prepaid insurance")!;
    const res = await post(`/runs/${prepaid.runId}/reverse`, {});
    expect(res.json()).toMatchObject({ state: "reversed" });
    const original = await ledger.getEntry(t.ctx, b.actor, b.slug, prepaid.entryId!);
    expect(original.status).toBe("reversed");
    expect((await post(`/runs/${prepaid.runId}/reverse`, {})).statusCode).toBe(409);
    const accrual = (await items("2026-03")).find((i) => i.sourceName === "Accrued utilities")!;
    expect((await post(`/runs/${accrual.runId}/reverse`, {})).json()).toMatchObject({
      code: "journals/already-reversed",
    });
    expect((await app.inject({ method: "DELETE", url: url(`/schedules/${prepaidId}`) })).statusCode).toBe(
      409,
    );
  });

  it("approves and posts one entry at a time: draft, then approved, then posted, never twice", async () => {
    await post("/batch/generate", { month: "2026-04" });
    const prepaid = (await items("2026-04")).find((i) => i.sourceName === "Prepaid insurance")!;
    const early = await post(`/runs/${prepaid.runId}/post`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe("journals/not-approved");
    const ops = await signedIn(t, app, { firmId: b.firmId, role: "partner_ops" });
    const byOps = await post(
      `/runs/${prepaid.runId}/approve`,
      {},
      { cookie: ops.cookie, "x-csrf-token": ops.csrfToken },
    );
    expect(byOps.statusCode).toBe(403);
    const approved = await post(`/runs/${prepaid.runId}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ id: prepaid.runId, state: "approved", entryId: prepaid.entryId });
    expect((await post(`/runs/${prepaid.runId}/approve`, {})).json().code).toBe("journals/not-draft");
    const posted = await post(`/runs/${prepaid.runId}/post`, {});
    expect(posted.statusCode, posted.body).toBe(200);
    expect(posted.json()).toMatchObject({ state: "posted", reversalEntryId: null });
    expect((await ledger.getEntry(t.ctx, b.actor, b.slug, prepaid.entryId!)).status).toBe("posted");
    const twice = await post(`/runs/${prepaid.runId}/post`, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe("journals/already-posted");
    // The month's other entry is untouched; the posted one is corrected by reversal only.
    const states = Object.fromEntries((await items("2026-04")).map((i) => [i.sourceName, i.state]));
    expect(states).toEqual({ "Prepaid insurance": "posted", "Accrued utilities": "draft" });
    expect((await post(`/runs/${prepaid.runId}/reverse`, {})).json()).toMatchObject({ state: "reversed" });
    expect((await post(`/runs/${crypto.randomUUID()}/approve`, {})).statusCode).toBe(404);
  });

  it("holds a recurring entry whose account was deactivated, saying which, and generates it once fixed", async () => {
    const rent = await post("/recurring", {
      name: "Storage rent",
      frequency: "quarterly",
      day: 15,
      startMonth: "2026-05",
      lines: [
        { kind: "fixed", accountId: b.account("6550"), amount: "90.00" },
        { kind: "balancing", accountId: b.account("1010") },
      ],
    });
    expect(rent.statusCode).toBe(201);
    await ledger.updateAccount(t.ctx, b.actor, b.slug, b.account("6550"), { isActive: false });
    const held = ((await post("/batch/generate", { month: "2026-05" })).json().items as Item[]).find(
      (i) => i.sourceName === "Storage rent",
    )!;
    expect(held).toMatchObject({ state: "draft", entryId: null });
    expect(held.heldReason).toContain("Repairs and Maintenance");
    // The firm's Partner Ops (no preparer is set) hear of it, with a link to the entry.
    const told = await notifications.listNotifications(t.ctx, opsCaller!.actor, { unread: true, limit: 20 });
    const notice = told.notifications.find((n) => n.event === "journals.held");
    expect(notice).toMatchObject({
      title: 'je-co: "Storage rent" for 2026-05 is held',
      link: `/c/je-co/journals?month=2026-05&run=${held.runId}`,
    });
    expect(notice!.body).toContain("Repairs and Maintenance");
    const approveHeld = await post(`/runs/${held.runId}/approve`, {});
    expect(approveHeld.statusCode).toBe(409);
    expect(approveHeld.json().code).toBe("journals/held");
    expect(await monthEndState(t.ctx, b, "2026-05")).toMatchObject({ schedulesNotRun: 1 });
    // A held entry still blocks on the board.
    expect(
      (await schedulesNotRunByClientMonth(t.ctx, b.firmId, [b.clientId], ["2026-05"]))
        .get(b.clientId)
        ?.get("2026-05"),
    ).toBe(1);
    const approved = ((await post("/batch/approve", { month: "2026-05" })).json().items as Item[]).find(
      (i) => i.sourceName === "Storage rent",
    )!;
    expect(approved.state).toBe("draft");
    await ledger.updateAccount(t.ctx, b.actor, b.slug, b.account("6550"), { isActive: true });
    const retried = ((await post("/batch/generate", { month: "2026-05" })).json().items as Item[]).find(
      (i) => i.sourceName === "Storage rent",
    )!;
    expect(retried).toMatchObject({ state: "draft", heldReason: null, amount: "90.00" });
  });

  it("tells the client's preparer, when one is set, of a held entry (and nobody else)", async () => {
    const preparer = await signedIn(t, app, { firmId: b.firmId, role: "partner_ops" });
    const set = await app.inject({
      method: "PATCH",
      url: `/api/clients/${b.slug}/close-settings`,
      payload: { preparerId: preparer.userId },
    });
    expect(set.statusCode, set.body).toBe(200);
    const created = await post("/recurring", {
      name: "Parking",
      frequency: "monthly",
      day: 1,
      startMonth: "2026-07",
      lines: [
        { kind: "fixed", accountId: b.account("6550"), amount: "40.00" },
        { kind: "balancing", accountId: b.account("1010") },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    await ledger.updateAccount(t.ctx, b.actor, b.slug, b.account("6550"), { isActive: false });
    await post("/batch/generate", { month: "2026-07" });
    const mine = await notifications.listNotifications(t.ctx, preparer.actor, { unread: true, limit: 20 });
    expect(mine.notifications.map((n) => n.title)).toContain('je-co: "Parking" for 2026-07 is held');
    const others = await notifications.listNotifications(t.ctx, opsCaller!.actor, {
      unread: true,
      limit: 50,
    });
    expect(others.notifications.map((n) => n.title)).not.toContain('je-co: "Parking" for 2026-07 is held');
    // Generating again while still held tells nobody twice.
    await post("/batch/generate", { month: "2026-07" });
    const again = await notifications.listNotifications(t.ctx, preparer.actor, { unread: true, limit: 20 });
    expect(again.notifications.filter((n) => n.event === "journals.held")).toHaveLength(1);
    await ledger.updateAccount(t.ctx, b.actor, b.slug, b.account("6550"), { isActive: true });
  });

  it("shows which bank line paid each period of a loan schedule", async () => {
    const created = await post("/schedules", {
      kind: "loan",
      name: "Van loan",
      principal: "12000.00",
      annualRate: "0",
      termMonths: 3,
      firstPaymentMonth: "2026-02",
      accounts: { interest: b.account("6900"), liability: b.account("2000"), payment: b.account("1010") },
    });
    expect(created.statusCode, created.body).toBe(201);
    await importLines(b, [
      { date: "2026-02-27", amount: "-4000.00", description: "AUTO LOAN PMT" },
      { date: "2026-03-02", amount: "-4000.00", description: "AUTO LOAN PMT" }, // March's, early
      { date: "2026-03-10", amount: "-3999.00", description: "NOT THE LOAN" },
    ]);
    const detail = (await app.inject({ url: url(`/schedules/${created.json().id}`) })).json();
    expect(detail.table.rows.map((r: { payment: string }) => r.payment)).toEqual([
      "4000.00",
      "4000.00",
      "4000.00",
    ]);
    expect(detail.payments.map((p: { month: string; date: string }) => [p.month, p.date])).toEqual([
      ["2026-02", "2026-02-27"],
      ["2026-03", "2026-03-02"],
    ]);
    expect(detail.payments[0]).toMatchObject({ bankAccount: b.checking.name, description: "AUTO LOAN PMT" });
  });

  it("refuses bad input naming the field", async () => {
    const res = await post("/recurring", {
      name: "Unbalanced",
      frequency: "monthly",
      day: 1,
      startMonth: "2026-01",
      lines: [
        { kind: "fixed", accountId: b.account("6800"), amount: "10.00" },
        { kind: "fixed", accountId: b.account("2000"), amount: "-9.00" },
      ],
    });
    expect(res.json()).toMatchObject({ code: "journals/unbalanced", field: "lines" });
    expect((await app.inject({ url: url("/batch?month=2026-13") })).statusCode).toBe(400);
  });
});
