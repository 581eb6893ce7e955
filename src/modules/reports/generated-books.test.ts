// The report maths on generated books (fast-check): every month the balance sheet balances and the
// cash-flow statement ends at the change in cash, and net income agrees with the profit and loss.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fiscalYearStart, monthsOf } from "./period-model.ts";
import { profitLoss } from "./profit-loss-model.ts";
import { balanceSheet, CURRENT_EARNINGS } from "./balance-sheet-model.ts";
import { cashFlow } from "./cash-flow-model.ts";
import type { ReportAccount } from "./section-model.ts";
import type { AccountType } from "../ledger/index.ts";
import { amount, sums, type Entry } from "./report-books-test-support.ts";

// Generated books: balanced entries over a random chart, some lines in accounts that reports do not
// know valued (an unbalanced home-currency side, as amounts with no cost leave).
const TYPES: Array<[AccountType, string]> = [
  ["asset", "bank"],
  ["asset", "undeposited_funds"],
  ["asset", "accounts_receivable"],
  ["asset", "inventory"],
  ["asset", "fixed_asset"],
  ["asset", "accumulated_depreciation"],
  ["liability", "accounts_payable"],
  ["liability", "credit_card"],
  ["liability", "line_of_credit"],
  ["liability", "long_term_liability"],
  ["equity", "owners_equity"],
  ["income", "income"],
  ["income", "other_income"],
  ["expense", "expense"],
  ["expense", "cost_of_goods_sold"],
  ["expense", "other_expense"],
];

const bookArb = fc
  .record({
    accounts: fc.array(fc.integer({ min: 0, max: TYPES.length - 1 }), { minLength: 2, maxLength: 12 }),
    parents: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
    entries: fc.array(
      fc.record({
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 28 }),
        lines: fc.array(fc.tuple(fc.nat(), fc.bigInt({ min: -1_000_000n, max: 1_000_000n })), {
          minLength: 1,
          maxLength: 4,
        }),
        unbalanced: fc.boolean(),
      }),
      { maxLength: 40 },
    ),
    fyStart: fc.integer({ min: 1, max: 12 }),
  })
  .map(({ accounts, parents, entries, fyStart }) => {
    const chart = new Map<string, ReportAccount>();
    accounts.forEach((t, i) => {
      const [type, detailType] = TYPES[t]!;
      // A parent of the same type, earlier in the list, sometimes.
      const p = parents[i]! % (i + 1);
      const parentId = p < i && TYPES[accounts[p]!]![0] === type ? `a${p}` : null;
      chart.set(`a${i}`, { id: `a${i}`, fullName: `a${i}`, number: null, type, detailType, parentId });
    });
    const ids = [...chart.keys()];
    const book: Entry[] = entries.map((e) => {
      const lines: Array<[string, bigint]> = e.lines.map(([a, x]) => [ids[a % ids.length]!, x]);
      const sum = lines.reduce((s, [, x]) => s + x, 0n);
      // Balanced entries get their counterpart; "unbalanced" ones model a side with no cost.
      if (!e.unbalanced) lines.push([ids[0]!, -sum]);
      const date = `2026-${String(e.month).padStart(2, "0")}-${String(e.day).padStart(2, "0")}`;
      return { date, lines };
    });
    return { chart, book, fyStart };
  });

describe("generated books", () => {
  it("the balance sheet balances and the cash-flow statement ends at the change in cash, every month", () => {
    fc.assert(
      fc.property(bookArb, ({ chart, book, fyStart }) => {
        const months = monthsOf({ from: "2026-01-01", to: "2026-12-31" });
        const flowSpecs = months.map((m) => amount(m.from, m.from, m.to));
        const cf = cashFlow(
          chart,
          flowSpecs,
          months.map((m) => ({
            movements: sums(book, m.from, m.to),
            opening: sums(book, "0001-01-01", `${m.from.slice(0, 8)}00`),
          })),
          { home: "USD" },
        );
        const cash = (asOf: string) =>
          [...sums(book, "0001-01-01", asOf)]
            .filter(([id]) => ["bank", "undeposited_funds"].includes(chart.get(id)!.detailType))
            .reduce((s, [, x]) => s + x, 0n);
        months.forEach((m, i) => {
          const sectionsTotal = cf.sections.reduce((s, sec) => s + sec.totals[i]!, 0n);
          expect(sectionsTotal).toBe(cf.netChange[i]);
          expect(cf.cashAtEnd[i]! - cf.cashAtStart[i]!).toBe(cf.netChange[i]);
          expect(cf.cashAtEnd[i]).toBe(cash(m.to));
        });
        const bsSpecs = months.map((m) => amount(m.to, m.to, m.to));
        const bs = balanceSheet(
          chart,
          bsSpecs,
          months.map((m) => ({
            balances: sums(book, "0001-01-01", m.to),
            beforeFiscalYear: sums(book, "0001-01-01", dayBefore(fiscalYearStart(m.to, fyStart))),
          })),
          { earnings: true, home: "USD" },
        );
        const pl = profitLoss(
          chart,
          months.map((m) => amount(m.from, fiscalYearStart(m.to, fyStart), m.to)),
          months.map((m) => sums(book, fiscalYearStart(m.to, fyStart), m.to)),
        );
        months.forEach((_, i) => {
          expect(bs.totals.assets[i]).toBe(bs.totals.liabilities[i]! + bs.totals.equity[i]!);
          const equity = bs.sections.find((s) => s.type === "equity")!;
          const current = equity.rows.find((r) => r.account === CURRENT_EARNINGS)!;
          // The balance sheet's current-year earnings are the P&L's net income for the year to date.
          expect(current.amounts[i]).toBe(pl.netIncome[i]);
        });
      }),
      { numRuns: 300 },
    );
  });
});

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
