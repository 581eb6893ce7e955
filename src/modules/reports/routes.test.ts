// The financial statements over HTTP on a client with the default chart: the JSON contract, CSV,
// comparisons, the fiscal year setting moving retained earnings, a foreign amount with no cost
// reported apart, empty periods, bad input (400), roles (403) and another firm (404).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { clientWithChart, type ClientFixture } from "../../../test/support/fixtures.ts";
import { testServer } from "../../../test/support/server.ts";
import { signedIn } from "../../../test/support/auth.ts";
import type { App } from "../../platform/http.ts";
import * as ledger from "../ledger/index.ts";

let t: TestDb;
let c: ClientFixture;
let app: App;

const url = (path: string) => `/api/clients/${c.slug}${path}`;

async function post(date: string, description: string, lines: Array<[string, bigint, string?]>) {
  await ledger.postEntry(t.ctx, c.actor, c.slug, {
    date,
    description,
    lines: lines.map(([n, amount, currency]) => ({
      accountId: c.account(n),
      amount,
      currency: currency ?? "USD",
    })),
  });
}

beforeAll(async () => {
  t = await testDb();
  c = await clientWithChart(t.ctx, "rep-co", "firm-rep");
  app = await testServer(t);
  await ledger.ensureCurrencies(t.ctx.db, { firmId: c.firmId, clientId: c.clientId }, ["EUR"]);
  await post("2025-05-01", "Owner invests", [
    ["1010", 1_000_000n],
    ["3000", -1_000_000n],
  ]);
  await post("2025-09-15", "Autumn sales", [
    ["1010", 200_000n],
    ["4000", -200_000n],
  ]);
  await post("2026-01-10", "January sales", [
    ["1100", 150_000n],
    ["4000", -150_000n],
  ]);
  await post("2026-01-31", "January rent", [
    ["6500", 80_000n],
    ["1010", -80_000n],
  ]);
  await post("2026-02-05", "Customer pays", [
    ["1010", 100_000n],
    ["1100", -100_000n],
  ]);
  await post("2026-02-20", "Laptop on the card", [
    ["1510", 120_000n],
    ["2100", -120_000n],
  ]);
  // A euro amount with no cost in USD, its other side a euro account too: reported apart.
  await post("2026-02-25", "Euro refund", [
    ["1020", 5_000n, "EUR"],
    ["7100", -5_000n, "EUR"],
  ]);
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

describe("reports API", () => {
  it("serves the profit and loss by month with its total, income and expenses positive", async () => {
    const res = await app.inject({ url: url("/reports/profit-loss?from=2026-01-01&to=2026-02-28&by=month") });
    expect(res.statusCode).toBe(200);
    const pl = res.json();
    expect(pl).toMatchObject({
      client: "rep-co",
      currency: "USD",
      basis: "accrual",
      columns: [
        { label: "Jan 2026", from: "2026-01-01", to: "2026-01-31" },
        { label: "Feb 2026", from: "2026-02-01", to: "2026-02-28" },
        { label: "Total", from: "2026-01-01", to: "2026-02-28" },
      ],
      netIncome: ["700.00", "0.00", "700.00"],
    });
    const income = pl.sections.find((s: { type: string }) => s.type === "income");
    expect(income.rows).toEqual([
      { account: "Sales", number: "4000", depth: 0, amounts: ["1500.00", "0.00", "1500.00"] },
    ]);
    expect(pl.sections.find((s: { type: string }) => s.type === "expenses").totals).toEqual([
      "800.00",
      "0.00",
      "800.00",
    ]);
    expect(pl.otherCommodities).toEqual([
      expect.objectContaining({ currency: "EUR", netIncome: ["0.00", "50.00", "50.00"] }),
    ]);
    expect(pl.warnings).toEqual([
      expect.stringMatching(/^amounts in EUR have no recorded cost in USD.*"Euro refund"/),
    ]);
  });

  it("adds prior-year and prior-period columns with the change in percent", async () => {
    const pl = (
      await app.inject({
        url: url("/reports/profit-loss?from=2026-01-01&to=2026-01-31&compare=prior-period,prior-year"),
      })
    ).json();
    expect(pl.columns.map((col: { kind: string }) => col.kind)).toEqual([
      "amount",
      "amount",
      "change",
      "percent",
      "amount",
      "change",
      "percent",
    ]);
    expect(pl.columns[1]).toMatchObject({ from: "2025-12-01", to: "2025-12-31" });
    expect(pl.columns[4]).toMatchObject({ from: "2025-01-01", to: "2025-01-31" });
    expect(pl.netIncome).toEqual(["700.00", "0.00", "700.00", null, "0.00", "700.00", null]);
    const sept = (
      await app.inject({ url: url("/reports/profit-loss?from=2026-09-01&to=2026-09-30&compare=prior-year") })
    ).json();
    expect(sept.sections[0].rows[0].amounts).toEqual(["0.00", "2000.00", "-2000.00", "-100.0"]);
  });

  it("balances the balance sheet, with retained earnings computed at the fiscal year start", async () => {
    const bs = (
      await app.inject({ url: url("/reports/balance-sheet?asOf=2026-02-28&by=month&from=2026-01-01") })
    ).json();
    expect(bs.columns).toEqual([
      { label: "Jan 2026", asOf: "2026-01-31", kind: "amount" },
      { label: "Feb 2026", asOf: "2026-02-28", kind: "amount" },
    ]);
    expect(bs.totals).toEqual({
      assets: ["12700.00", "13900.00"],
      liabilities: ["0.00", "1200.00"],
      equity: ["12700.00", "12700.00"],
    });
    const equity = bs.sections.find((s: { type: string }) => s.type === "equity");
    expect(equity.rows.map((r: { account: string; amounts: string[] }) => [r.account, r.amounts])).toEqual([
      ["Owner's Equity", ["10000.00", "10000.00"]],
      ["Retained earnings (net income of prior years)", ["2000.00", "2000.00"]],
      ["Net income (current fiscal year)", ["700.00", "700.00"]],
    ]);

    // A fiscal year from July: the autumn sales are this year's earnings, nothing is retained.
    const patched = await app.inject({
      method: "PATCH",
      url: url("/report-settings"),
      payload: { fiscalYearStart: 7 },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ fiscalYearStart: 7 });
    const july = (await app.inject({ url: url("/reports/balance-sheet?asOf=2026-01-31") })).json();
    const rows = july.sections.find((s: { type: string }) => s.type === "equity").rows;
    expect(rows.map((r: { amounts: string[] }) => r.amounts[0])).toEqual(["10000.00", "0.00", "2700.00"]);
    expect(july.fiscalYearStart).toBe(7);
    await app.inject({ method: "PATCH", url: url("/report-settings"), payload: { fiscalYearStart: 1 } });
  });

  it("ends the cash-flow statement at the change in cash", async () => {
    const cf = (
      await app.inject({ url: url("/reports/cash-flow?from=2026-01-01&to=2026-02-28&by=month") })
    ).json();
    expect(cf.cashAtStart).toEqual(["12000.00", "11200.00", "12000.00"]);
    expect(cf.netChange).toEqual(["-800.00", "1000.00", "200.00"]);
    expect(cf.cashAtEnd).toEqual(["11200.00", "12200.00", "12200.00"]);
    const operating = cf.sections[0];
    expect(operating.rows.map((r: { account: string; amounts: string[] }) => [r.account, r.amounts])).toEqual(
      [
        ["Net income", ["700.00", "0.00", "700.00"]],
        ["Accounts receivable", ["-1500.00", "1000.00", "-500.00"]],
        ["Credit cards", ["0.00", "1200.00", "1200.00"]],
      ],
    );
    expect(cf.sections[1].totals).toEqual(["0.00", "-1200.00", "-1200.00"]);
  });

  it("gives CSV, and an empty report for a period before the first entry or in the future", async () => {
    const res = await app.inject({
      url: url("/reports/profit-loss?from=2026-01-01&to=2026-01-31&format=csv"),
    });
    expect(res.headers["content-type"]).toMatch(/^text\/csv/);
    expect(res.body.split("\n").slice(0, 3)).toEqual([
      "section,account,number,Jan 2026",
      "Income,Sales,4000,1500.00",
      "Income,Total income,,1500.00",
    ]);
    for (const [from, to] of [
      ["2001-01-01", "2001-12-31"],
      ["2030-01-01", "2030-03-31"],
    ]) {
      const empty = (
        await app.inject({ url: url(`/reports/profit-loss?from=${from}&to=${to}&by=month`) })
      ).json();
      expect(empty.netIncome.every((x: string) => x === "0.00")).toBe(true);
      expect(empty.sections.every((s: { rows: unknown[] }) => s.rows.length === 0)).toBe(true);
    }
  });

  it("splits the profit and loss by class: one column per class, not set, and the total", async () => {
    const retail = await ledger.createDimension(t.ctx, c.actor, c.slug, { kind: "class", name: "Retail" });
    await ledger.createDimension(t.ctx, c.actor, c.slug, { kind: "class", name: "Online" });
    await ledger.postEntry(t.ctx, c.actor, c.slug, {
      date: "2026-04-02",
      description: "Shop sales",
      lines: [
        { accountId: c.account("1010"), amount: 30_000n, currency: "USD" },
        { accountId: c.account("4000"), amount: -30_000n, currency: "USD", classId: retail.id },
      ],
    });
    await post("2026-04-03", "Unclassified fee", [
      ["6050", 1_000n],
      ["1010", -1_000n],
    ]);
    const pl = (
      await app.inject({ url: url("/reports/profit-loss?from=2026-04-01&to=2026-04-30&by=class") })
    ).json();
    expect(pl.columns.map((col: { label: string; kind: string }) => [col.label, col.kind])).toEqual([
      ["Online", "amount"],
      ["Retail", "amount"],
      ["Not set", "amount"],
      ["Total", "total"],
    ]);
    expect(pl.netIncome).toEqual(["0.00", "300.00", "-10.00", "290.00"]);
    const cf = await app.inject({ url: url("/reports/cash-flow?from=2026-04-01&to=2026-04-30&by=class") });
    expect(cf.statusCode).toBe(400);
  });

  it("refuses a period that ends before it starts, and impossible dates", async () => {
    const res = await app.inject({ url: url("/reports/profit-loss?from=2026-03-01&to=2026-02-01") });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "reports/invalid-range", field: "from" });
    expect(
      (await app.inject({ url: url("/reports/cash-flow?from=2026-02-30&to=2026-03-01") })).statusCode,
    ).toBe(400);
    expect((await app.inject({ url: url("/reports/balance-sheet?asOf=2026-13-01") })).statusCode).toBe(400);
    const bad = await app.inject({
      method: "PATCH",
      url: url("/report-settings"),
      payload: { fiscalYearStart: 13 },
    });
    expect(bad.statusCode).toBe(400);
  });

  it("lets Client Ops read the reports but not move the fiscal year; another firm sees nothing", async () => {
    const ops = await signedIn(t, app, { firmId: c.firmId, role: "client_ops", clients: [c.clientId] });
    expect((await ops.inject(url("/reports/balance-sheet?asOf=2026-02-28"))).statusCode).toBe(200);
    const patch = await ops.inject({
      method: "PATCH",
      url: url("/report-settings"),
      payload: { fiscalYearStart: 4 },
    });
    expect(patch.statusCode).toBe(403);
    const other = await clientWithChart(t.ctx, "other-co", "firm-other");
    const stranger = await signedIn(t, app, { firmId: other.firmId, role: "partner_admin" });
    expect(
      (await stranger.inject(url("/reports/profit-loss?from=2026-01-01&to=2026-01-31"))).statusCode,
    ).toBe(404);
    expect((await stranger.inject(url("/report-settings"))).statusCode).toBe(404);
  });
});
