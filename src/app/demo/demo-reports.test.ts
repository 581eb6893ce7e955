// The demo's statements foot: for every month of the demo's year and each client, the cash-flow
// statement ends at the change in cash (cash at each month end equals the bank and undeposited-funds
// balances of the trial balance), the balance sheet balances, and its current-year earnings equal
// the year-to-date net income of the profit and loss. The demo's package of the last closed month.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { systemActor, type Actor } from "../../platform/actor.ts";
import { endOfMonth } from "../../platform/dates.ts";
import * as access from "../../modules/access/index.ts";
import * as ledger from "../../modules/ledger/index.ts";
import * as reports from "../../modules/reports/index.ts";
import { seedDemo } from "./seed.ts";
import { DEMO_PACKAGE_CLIENT, lastClosedMonth } from "./package.ts";

let t: TestDb;
let actor: Actor;
let slugs: string[];

beforeAll(async () => {
  t = await testDb();
  const demo = await seedDemo(t.ctx);
  actor = systemActor(demo.firmId);
  slugs = (await access.listClients(t.ctx.db, actor)).map((c) => c.slug);
}, 300_000);
afterAll(async () => {
  await t?.close();
});

describe("the demo's statements", () => {
  it("split by a dimension from the buckets equal the split read from every line", async () => {
    const year = Number(t.ctx.clock.today().slice(0, 4)) - 1;
    for (const slug of slugs) {
      const s = await access.clientScopeFor(t.ctx.db, actor, slug, "ledger.read");
      for (const kind of ["class", "department", "project", "location"] as const)
        for (const [from, to] of [
          [`${year}-01-01`, `${year}-12-31`],
          [`${year}-02-14`, `${year + 1}-01-10`],
        ] as const) {
          const key = (
            rows: Array<{
              account_id: string;
              dimension_id: string | null;
              currency: string;
              amount: bigint;
            }>,
          ) => rows.map((r) => `${r.account_id} ${r.dimension_id} ${r.currency} ${BigInt(r.amount)}`).sort();
          expect(
            key(await ledger.valuedSumsByDimension(t.ctx.db, s, from, to, kind)),
            `${slug} ${kind}`,
          ).toEqual(key(await ledger.valuedSumsByDimensionScan(t.ctx.db, s, from, to, kind)));
        }
    }
  });

  it("foot every month: cash flows end at the change in cash, the balance sheet balances", async () => {
    const today = t.ctx.clock.today();
    const year = Number(today.slice(0, 4)) - 1;
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    expect(slugs.length).toBeGreaterThan(0);
    for (const slug of slugs) {
      const flows = await reports.cashFlowReport(t.ctx, actor, slug, { from, to, by: "month" });
      const sheet = await reports.balanceSheetReport(t.ctx, actor, slug, { asOf: to, by: "month", from });
      const pl = await reports.profitAndLoss(t.ctx, actor, slug, { from, to, by: "month" });
      const accounts = new Map((await ledger.listAccounts(t.ctx, actor, slug)).map((a) => [a.id, a]));
      const cashAt = async (date: string) =>
        (await ledger.trialBalance(t.ctx, actor, slug, date)).rows
          .filter((r) => ["bank", "undeposited_funds"].includes(accounts.get(r.accountId)?.detail_type ?? ""))
          .reduce((sum, r) => sum + r.balance, 0n);
      const s = flows.statement;
      let ytd = 0n;
      for (let m = 0; m < 12; m++) {
        const monthEnd = endOfMonth(`${year}-${String(m + 1).padStart(2, "0")}-01`);
        expect(s.sections.reduce((sum, sec) => sum + sec.totals[m]!, 0n)).toBe(s.netChange[m]);
        expect(s.cashAtStart[m]! + s.netChange[m]!).toBe(s.cashAtEnd[m]);
        expect(s.cashAtEnd[m]).toBe(await cashAt(monthEnd));
        const totals = sheet.statement.totals;
        expect(totals.assets[m]).toBe(totals.liabilities[m]! + totals.equity[m]!);
        ytd += pl.statement.netIncome[m]!;
        const equity = sheet.statement.sections.find((x) => x.type === "equity")!;
        const current = equity.rows.find((r) => r.account.startsWith("Net income"))!;
        expect(current.amounts[m]).toBe(ytd);
      }
      // The demo's books do move: a statement of zeros would foot too.
      expect(s.netIncome.some((x) => x !== 0n)).toBe(true);
    }
  }, 120_000);
});

describe("the demo's report package", () => {
  it("is generated for the last closed month of Bluebird Coffee, with its PDF and XLSX", async () => {
    const list = await reports.listPackages(t.ctx, actor, DEMO_PACKAGE_CLIENT);
    const last = lastClosedMonth(t.ctx.clock.today());
    // Last month's, and the month before's that the Close Tracker made when it closed that month.
    expect(list.map((p) => p.month).sort()).toEqual([lastClosedMonth(`${last}-01`), last]);
    const latest = list.find((p) => p.month === last);
    expect(latest).toMatchObject({ version: 1, status: "done", progress: 100 });
    expect(list.every((p) => p.status === "done")).toBe(true);
    expect(latest!.files.pdf!.size).toBeGreaterThan(1000);
    expect(latest!.options.notes).toContain("reconciled");
    // Seeding again leaves the demo as it is: no second version.
    await seedDemo(t.ctx);
    expect(await reports.listPackages(t.ctx, actor, DEMO_PACKAGE_CLIENT)).toHaveLength(2);
  }, 120_000);
});
