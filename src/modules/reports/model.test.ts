// The report maths without a database: periods, percentages, the profit and loss, the balance sheet
// (it balances, with computed retained earnings) and the cash-flow statement (it ends at the change
// in cash) — on a small hand-made book (generated books are in generated-books.test.ts).
import { describe, expect, it } from "vitest";
import { fillComputed, percentChange, type ColumnSpec } from "./column-model.ts";
import { fiscalYearStart, monthEnds, monthsOf, priorPeriod, priorYear, rangeLabel } from "./period-model.ts";
import { profitLoss } from "./profit-loss-model.ts";
import { balanceSheet, CURRENT_EARNINGS, RETAINED_EARNINGS } from "./balance-sheet-model.ts";
import { cashFlow } from "./cash-flow-model.ts";
import type { ReportAccount } from "./section-model.ts";
import { cumulate, stretchesEnding } from "./cumulative-model.ts";
import type { AccountType } from "../ledger/index.ts";
import { amount, sums, type Entry } from "./report-books-test-support.ts";

function chartOf(list: Array<[string, AccountType, string, string?]>): Map<string, ReportAccount> {
  const chart = new Map<string, ReportAccount>();
  for (const [id, type, detailType, parentId] of list)
    chart.set(id, { id, fullName: id, number: null, type, detailType, parentId: parentId ?? null });
  return chart;
}

const CHART = chartOf([
  ["assets", "asset", "other_current_asset"],
  ["assets:bank", "asset", "bank", "assets"],
  ["assets:receivable", "asset", "accounts_receivable", "assets"],
  ["assets:equipment", "asset", "fixed_asset", "assets"],
  ["assets:depreciation", "asset", "accumulated_depreciation", "assets"],
  ["liabilities:card", "liability", "credit_card"],
  ["liabilities:loan", "liability", "long_term_liability"],
  ["equity:owner", "equity", "owners_equity"],
  ["income:sales", "income", "income"],
  ["income:interest", "income", "other_income"],
  ["expenses:rent", "expense", "expense"],
  ["expenses:cogs", "expense", "cost_of_goods_sold"],
  ["expenses:depreciation", "expense", "depreciation"],
]);

const BOOK: Entry[] = [
  {
    date: "2025-06-01",
    lines: [
      ["assets:bank", 100000n],
      ["equity:owner", -100000n],
    ],
  },
  {
    date: "2025-11-10",
    lines: [
      ["assets:bank", 5000n],
      ["income:sales", -5000n],
    ],
  },
  {
    date: "2026-01-05",
    lines: [
      ["assets:receivable", 20000n],
      ["income:sales", -20000n],
    ],
  },
  {
    date: "2026-01-20",
    lines: [
      ["expenses:rent", 3000n],
      ["liabilities:card", -3000n],
    ],
  },
  {
    date: "2026-02-03",
    lines: [
      ["assets:bank", 15000n],
      ["assets:receivable", -15000n],
    ],
  },
  {
    date: "2026-02-10",
    lines: [
      ["assets:equipment", 24000n],
      ["liabilities:loan", -24000n],
    ],
  },
  {
    date: "2026-02-28",
    lines: [
      ["expenses:depreciation", 400n],
      ["assets:depreciation", -400n],
    ],
  },
  {
    date: "2026-02-28",
    lines: [
      ["expenses:cogs", 7000n],
      ["assets:bank", -7000n],
    ],
  },
  {
    date: "2026-02-28",
    lines: [
      ["assets:bank", 12n],
      ["income:interest", -12n],
    ],
  },
];

describe("periods", () => {
  it("cuts a range into its months", () => {
    expect(monthsOf({ from: "2026-01-15", to: "2026-03-10" })).toEqual([
      { from: "2026-01-15", to: "2026-01-31" },
      { from: "2026-02-01", to: "2026-02-28" },
      { from: "2026-03-01", to: "2026-03-10" },
    ]);
    expect(monthEnds("2026-01-15", "2026-03-10")).toEqual(["2026-01-31", "2026-02-28", "2026-03-10"]);
  });
  it("finds prior periods and prior years", () => {
    expect(priorPeriod({ from: "2026-04-01", to: "2026-05-31" })).toEqual({
      from: "2026-02-01",
      to: "2026-03-31",
    });
    expect(priorPeriod({ from: "2026-01-11", to: "2026-01-20" })).toEqual({
      from: "2026-01-01",
      to: "2026-01-10",
    });
    expect(priorYear({ from: "2024-02-01", to: "2024-02-29" })).toEqual({
      from: "2023-02-01",
      to: "2023-02-28",
    });
    expect(fiscalYearStart("2026-03-15", 1)).toBe("2026-01-01");
    expect(fiscalYearStart("2026-03-15", 7)).toBe("2025-07-01");
    expect(fiscalYearStart("2026-07-01", 7)).toBe("2026-07-01");
  });
  it("labels columns", () => {
    expect(rangeLabel({ from: "2026-03-01", to: "2026-03-31" })).toBe("Mar 2026");
    expect(rangeLabel({ from: "2026-01-01", to: "2026-03-31" })).toBe("Jan 2026 – Mar 2026");
    expect(rangeLabel({ from: "2026-01-02", to: "2026-03-31" })).toBe("2026-01-02 – 2026-03-31");
  });
  it("computes percentages half away from zero, none on a zero base", () => {
    expect(percentChange(150n, 100n)).toBe("50.0");
    expect(percentChange(0n, 300n)).toBe("-100.0");
    expect(percentChange(1n, 3n)).toBe("-66.7");
    expect(percentChange(-50n, -100n)).toBe("50.0");
    expect(percentChange(5n, 0n)).toBeNull();
    expect(percentChange(1000n, 1000n)).toBe("0.0");
  });
  it("fills totals and changes from the row's amount columns", () => {
    const specs: ColumnSpec[] = [
      amount("a", "2026-01-01", "2026-01-31"),
      amount("b", "2026-02-01", "2026-02-28"),
      { kind: "total", label: "Total", from: "2026-01-01", to: "2026-02-28", of: [0, 1] },
      { kind: "change", label: "Change", from: "2026-01-01", to: "2026-02-28", of: 1, base: 0 },
    ];
    expect(fillComputed([3n, 5n, 0n, 0n], specs)).toEqual([3n, 5n, 8n, 2n]);
  });
});

describe("balances at several dates", () => {
  it("sums the stretches between consecutive dates, running", () => {
    const dates = ["2025-12-31", "2026-01-31", "2026-02-28"];
    expect(stretchesEnding(dates)).toEqual([
      { from: "0001-01-01", to: "2025-12-31" },
      { from: "2026-01-01", to: "2026-01-31" },
      { from: "2026-02-01", to: "2026-02-28" },
    ]);
    const stretches = stretchesEnding(dates).map((r) => new Map([["USD", sums(BOOK, r.from, r.to)]]));
    const at = cumulate(dates, stretches);
    for (const d of dates)
      expect(withoutZeros(at.get(d)!.get("USD")!)).toEqual(withoutZeros(sums(BOOK, "0001-01-01", d)));
  });
});

function withoutZeros(m: Map<string, bigint>): Map<string, bigint> {
  return new Map([...m].filter(([, x]) => x !== 0n));
}

describe("profit and loss", () => {
  it("shows income and expenses positive, by section, and net income per column", () => {
    const specs = [
      amount("Jan 2026", "2026-01-01", "2026-01-31"),
      amount("Feb 2026", "2026-02-01", "2026-02-28"),
      { kind: "total", label: "Total", from: "2026-01-01", to: "2026-02-28", of: [0, 1] } as ColumnSpec,
    ];
    const pl = profitLoss(CHART, specs, [
      sums(BOOK, "2026-01-01", "2026-01-31"),
      sums(BOOK, "2026-02-01", "2026-02-28"),
      null,
    ]);
    const byType = Object.fromEntries(pl.sections.map((s) => [s.type, s]));
    expect(pl.sections.map((s) => s.type)).toEqual([
      "income",
      "cost_of_goods_sold",
      "expenses",
      "other_income",
      "other_expenses",
    ]);
    expect(byType.income!.totals).toEqual([20000n, 0n, 20000n]);
    expect(byType.cost_of_goods_sold!.totals).toEqual([0n, 7000n, 7000n]);
    expect(byType.expenses!.totals).toEqual([3000n, 400n, 3400n]);
    expect(byType.other_income!.totals).toEqual([0n, 12n, 12n]);
    expect(byType.expenses!.rows.map((r) => r.account)).toEqual(["expenses:depreciation", "expenses:rent"]);
    expect(pl.netIncome).toEqual([17000n, -7388n, 9612n]);
  });

  it("rolls children up into their parents", () => {
    const chart = chartOf([
      ["expenses", "expense", "expense"],
      ["expenses:office", "expense", "expense", "expenses"],
      ["expenses:office:paper", "expense", "expense", "expenses:office"],
      ["expenses:travel", "expense", "expense", "expenses"],
    ]);
    const pl = profitLoss(
      chart,
      [amount("x", "2026-01-01", "2026-01-31")],
      [
        new Map([
          ["expenses:office", 100n],
          ["expenses:office:paper", 50n],
          ["expenses:travel", 7n],
        ]),
      ],
    );
    const rows = pl.sections.find((s) => s.type === "expenses")!.rows;
    expect(rows.map((r) => [r.account, r.depth, r.amounts[0]])).toEqual([
      ["expenses", 0, 157n],
      ["expenses:office", 1, 150n],
      ["expenses:office:paper", 2, 50n],
      ["expenses:travel", 1, 7n],
    ]);
    expect(pl.sections.find((s) => s.type === "expenses")!.totals).toEqual([157n]);
  });
});

describe("balance sheet", () => {
  it("balances, with retained earnings computed at the fiscal year start", () => {
    const specs = [amount("Jan", "2026-01-31", "2026-01-31"), amount("Feb", "2026-02-28", "2026-02-28")];
    const column = (asOf: string) => ({
      balances: sums(BOOK, "0001-01-01", asOf),
      beforeFiscalYear: sums(BOOK, "0001-01-01", "2025-12-31"),
    });
    const bs = balanceSheet(CHART, specs, [column("2026-01-31"), column("2026-02-28")], {
      earnings: true,
      home: "USD",
    });
    const equity = bs.sections.find((s) => s.type === "equity")!;
    expect(equity.rows.find((r) => r.account === RETAINED_EARNINGS)!.amounts).toEqual([5000n, 5000n]);
    expect(equity.rows.find((r) => r.account === CURRENT_EARNINGS)!.amounts).toEqual([17000n, 9612n]);
    expect(bs.totals.assets).toEqual([125000n, 141612n]);
    for (let i = 0; i < 2; i++)
      expect(bs.totals.assets[i]).toBe(bs.totals.liabilities[i]! + bs.totals.equity[i]!);
    const nonCurrent = bs.sections.find((s) => s.type === "non_current_assets")!;
    expect(nonCurrent.totals).toEqual([0n, 23600n]);
  });
});

describe("cash flow", () => {
  it("goes from net income to the change in cash", () => {
    const specs = [amount("Feb", "2026-02-01", "2026-02-28")];
    const cf = cashFlow(
      CHART,
      specs,
      [
        {
          movements: sums(BOOK, "2026-02-01", "2026-02-28"),
          opening: sums(BOOK, "0001-01-01", "2026-01-31"),
        },
      ],
      { home: "USD" },
    );
    const operating = cf.sections[0]!;
    expect(operating.rows.map((r) => [r.account, r.amounts[0]])).toEqual([
      ["Net income", -7388n],
      ["Depreciation and amortization", 400n],
      ["Accounts receivable", 15000n],
    ]);
    expect(cf.sections[1]!.totals).toEqual([-24000n]);
    expect(cf.sections[2]!.totals).toEqual([24000n]);
    expect(cf.cashAtStart).toEqual([105000n]);
    expect(cf.netChange).toEqual([8012n]);
    expect(cf.cashAtEnd).toEqual([113012n]);
  });
});
