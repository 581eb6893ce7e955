// A review session in the Transaction Manager over HTTP with real sign-in, one step after another:
// training on demand, AutoPush, the Needs Review tab 25 at a time; filters by band, account, amount,
// date and assignee; one transaction's explanation and history, an edit that reverses and re-posts;
// bad input as problem+json naming the field, changing nothing; mark reviewed (in bulk too) and a
// rule from a correction that applies to the waiting lines.
import { describe, expect, it } from "vitest";
import { importLines, merchantLines, TEST_BANDS } from "../../../test/support/books.ts";
import { admin, b, problemOf, url, useBooksServer } from "./routes-test-support.ts";

useBooksServer();

describe("a review session", () => {
  let fuelId: string;

  it("trains the firm on demand, sets AutoPush, and lists the Needs Review tab 25 at a time", async () => {
    const trained = await admin.inject({
      method: "POST",
      url: url("/ai-settings/train"),
      payload: { scope: "firm", wait: true },
    });
    expect(trained.statusCode).toBe(200);
    expect(trained.json()).toMatchObject({ scope: "firm", generation: 1 });
    const bands = await admin.inject({
      method: "PATCH",
      url: url("/ai-settings"),
      payload: { bands: TEST_BANDS },
    });
    expect(bands.json().settings.bands).toEqual(TEST_BANDS);
    const set = await admin.inject({
      method: "PUT",
      url: url("/bank-accounts/checking/automation"),
      payload: { mode: "auto_push", startDate: "2026-01-01" },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({
      mode: "auto_push",
      startDate: "2026-01-01",
      lastUpdated: { name: "Ada Admin" },
    });
    await importLines(b, [
      ...merchantLines("2026-04-01", 4),
      ...Array.from({ length: 30 }, (_, i) => ({
        date: "2026-04-03",
        description: `ODD SHOP ${i}`,
        amount: "-9.99",
      })),
    ]);
    const first = await admin.inject(url("/transactions?tab=needs_review"));
    expect(first.statusCode).toBe(200);
    const page = first.json();
    expect(page.transactions).toHaveLength(25);
    expect(page.limit).toBe(25);
    expect(page.total).toBe(page.counts.needsReview);
    expect(page.counts.processed).toBeGreaterThan(0);
    const second = (await admin.inject(url(`/transactions?tab=needs_review&offset=25`))).json();
    expect(second.transactions.length).toBe(page.total - 25);
    const ids = new Set([...page.transactions, ...second.transactions].map((x: { id: string }) => x.id));
    expect(ids.size).toBe(page.total);
    const processed = (await admin.inject(url("/transactions?tab=processed&search=shell"))).json();
    expect(processed.transactions).toHaveLength(4);
    fuelId = processed.transactions[0].id;
    expect(processed.transactions[0]).toMatchObject({
      amount: expect.stringMatching(/^-\d+\.\d\d$/),
      prediction: { band: "high", method: "memory" },
    });
  });

  it("filters by band, account, amount, date and assignee", async () => {
    const low = (await admin.inject(url("/transactions?tab=all&band=low"))).json();
    expect(low.total).toBeGreaterThanOrEqual(30);
    const rent = (
      await admin.inject(
        url(`/transactions?tab=all&accountId=${b.account("6500")}&minAmount=100&maxAmount=5000`),
      )
    ).json();
    expect(rent.total).toBe(4);
    const day = (await admin.inject(url("/transactions?tab=all&from=2026-04-02&to=2026-04-02"))).json();
    expect(day.total).toBe(8);
    const two = day.transactions.slice(0, 2).map((x: { id: string }) => x.id);
    const assign = await admin.inject({
      method: "POST",
      url: url("/transactions/bulk"),
      payload: { action: "edit", ids: two, edit: { assigneeId: admin.userId } },
    });
    expect(assign.statusCode).toBe(200);
    const mine = (await admin.inject(url(`/transactions?tab=all&assigneeId=${admin.userId}`))).json();
    expect(mine.transactions.map((x: { id: string }) => x.id).sort()).toEqual([...two].sort());
    const all = (await admin.inject(url("/transactions?tab=all"))).json();
    const nobody = (await admin.inject(url("/transactions?tab=all&assigneeId=none"))).json();
    expect(nobody.total).toBe(all.total - 2);
    const stranger = await admin.inject({
      method: "POST",
      url: url("/transactions/bulk"),
      payload: { action: "edit", ids: two, edit: { assigneeId: "not-a-user" } },
    });
    expect(problemOf(stranger)).toMatchObject({ code: "transactions/unknown-user", field: "assigneeId" });
    const bad = await admin.inject(url("/transactions?minAmount=10&maxAmount=5"));
    expect(bad.statusCode).toBe(400);
    expect(problemOf(bad)).toMatchObject({ code: "transactions/bad-range", field: "minAmount" });
  });

  it("shows one transaction with its explanation and history; an edit reverses and re-posts", async () => {
    const detail = (await admin.inject(url(`/transactions/${fuelId}`))).json();
    expect(detail.prediction.explanation).toMatch(
      /earlier lines from “Shell” for this client went to 6100 Car and Truck/,
    );
    const edit = await admin.inject({
      method: "PATCH",
      url: url(`/transactions/${fuelId}`),
      payload: { accountId: b.account("6750"), memo: "trip" },
    });
    expect(edit.statusCode).toBe(200);
    const edited = edit.json();
    expect(edited).toMatchObject({
      coding: { accountId: b.account("6750"), memo: "trip" },
      edited: { name: "Ada Admin" },
    });
    expect(edited.entryId).not.toBe(detail.entryId);
    const original = (await admin.inject(url(`/journal-entries/${detail.entryId}`))).json();
    expect(original.status).toBe("reversed");
    const history = (await admin.inject(url(`/transactions/${fuelId}`))).json().history;
    expect(history.map((h: { action: string }) => h.action)).toEqual(["transactions.transaction.edited"]);
  });

  it("answers bad input with problem+json naming the field, changing nothing", async () => {
    const before = (await admin.inject(url(`/transactions/${fuelId}`))).json();
    const splitNotTotal = await admin.inject({
      method: "POST",
      url: url(`/transactions/${fuelId}/split`),
      payload: {
        by: "amount",
        parts: [
          { accountId: b.account("6100"), amount: "1.00" },
          { accountId: b.account("6750"), amount: "1.00" },
        ],
      },
    });
    expect(splitNotTotal.statusCode).toBe(400);
    expect(problemOf(splitNotTotal)).toMatchObject({ code: "transactions/split-not-total", field: "parts" });
    const percent = await admin.inject({
      method: "POST",
      url: url(`/transactions/${fuelId}/split`),
      payload: {
        by: "percent",
        parts: [
          { accountId: b.account("6100"), percent: "50" },
          { accountId: b.account("6750"), percent: "49" },
        ],
      },
    });
    expect(problemOf(percent)).toMatchObject({ code: "transactions/split-percent-not-100" });
    const rule = await admin.inject({
      method: "POST",
      url: url("/rules"),
      payload: {
        conditions: [{ field: "description", op: "contains", value: "shell" }],
        actions: { account: "0190b5d4-0000-7000-8000-000000000000" },
      },
    });
    expect(rule.statusCode).toBe(400);
    expect(problemOf(rule)).toMatchObject({ code: "categorize/unknown-account", field: "actions.account" });
    const malformed = await admin.inject({
      method: "PATCH",
      url: url(`/transactions/${fuelId}`),
      payload: { accountId: "not-an-id" },
    });
    expect(malformed.statusCode).toBe(400);
    expect(problemOf(malformed).field).toBe("accountId");
    const locked = await admin.inject({ method: "POST", url: url("/periods/2026-04/lock") });
    expect(locked.statusCode).toBeLessThan(300);
    const inLocked = await admin.inject({
      method: "PATCH",
      url: url(`/transactions/${fuelId}`),
      payload: { accountId: b.account("6100") },
    });
    expect(inLocked.statusCode).toBe(422);
    expect(problemOf(inLocked)).toMatchObject({ code: "ledger/period-locked" });
    await admin.inject({ method: "POST", url: url("/periods/2026-04/unlock") });
    const window = await admin.inject({
      method: "PATCH",
      url: url("/ai-settings"),
      payload: { trainingWindow: { from: "2031-01-01", to: null } },
    });
    expect(window.statusCode).toBe(200);
    const empty = await admin.inject({
      method: "POST",
      url: url("/ai-settings/train"),
      payload: { scope: "client" },
    });
    expect(empty.statusCode).toBe(400);
    expect(problemOf(empty)).toMatchObject({
      code: "categorize/empty-training-window",
      field: "trainingWindow",
    });
    await admin.inject({
      method: "PATCH",
      url: url("/ai-settings"),
      payload: { trainingWindow: { from: null, to: null } },
    });
    expect((await admin.inject(url(`/transactions/${fuelId}`))).json().entryId).toBe(before.entryId);
  });

  it("marks reviewed, in bulk too, and makes a rule from a correction that applies to the waiting ones", async () => {
    const odd = (await admin.inject(url("/transactions?tab=needs_review&search=ODD%20SHOP&limit=50"))).json()
      .transactions;
    expect(odd).toHaveLength(30);
    const edit = await admin.inject({
      method: "PATCH",
      url: url(`/transactions/${odd[0].id}`),
      payload: { accountId: b.account("6400"), payee: "Odd Shop" },
    });
    expect(edit.statusCode).toBe(200);
    const made = await admin.inject({
      method: "POST",
      url: url(`/transactions/${odd[0].id}/rule`),
      payload: { applyToExisting: true },
    });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({
      rule: { origin: "correction", name: "Odd Shop → Office Supplies" },
      applied: { applied: 29 },
    });
    const rules = (await admin.inject(url("/rules"))).json().rules;
    expect(rules.map((r: { origin: string }) => r.origin)).toEqual(["correction"]);
    const preview = await admin.inject({
      method: "POST",
      url: url("/rules/preview"),
      payload: {
        ruleId: rules[0].id,
        conditions: rules[0].conditions,
        actions: { account: b.account("6600") },
      },
    });
    // Applied to all but the corrected line, which waits for its reviewer.
    expect(preview.json()).toMatchObject({ matched: 30, applicable: 0 });
    await importLines(
      b,
      [
        { date: "2026-04-05", description: "FIRST OF ITS KIND", amount: "-12.00" },
        { date: "2026-04-05", description: "SECOND OF ITS KIND", amount: "40.00" },
      ],
      "checking",
      "odd.csv",
    );
    const waiting = (await admin.inject(url("/transactions?tab=needs_review"))).json();
    expect(waiting.total).toBe(3);
    const bulk = await admin.inject({
      method: "POST",
      url: url("/transactions/bulk"),
      payload: { action: "review", ids: waiting.transactions.map((x: { id: string }) => x.id) },
    });
    expect(bulk.statusCode, bulk.body).toBe(200);
    expect(
      bulk
        .json()
        .transactions.every(
          (x: { status: string; reviewed: { name: string } }) =>
            x.status === "processed" && x.reviewed.name === "Ada Admin",
        ),
    ).toBe(true);
    const nothing = await admin.inject({
      method: "POST",
      url: url("/transactions/bulk"),
      payload: { action: "edit", ids: [fuelId], edit: {} },
    });
    expect(problemOf(nothing)).toMatchObject({ code: "transactions/nothing-to-change", field: "edit" });
    const tb = (await admin.inject(url("/reports/trial-balance"))).json();
    for (const total of tb.totals) expect(total.debit).toBe(total.credit);
  });
});
