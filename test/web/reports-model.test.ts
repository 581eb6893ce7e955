// The Reports page's view of a statement: which figures drill into which ledger dates, which rows
// fold under which parents, the chart's points and axis, the accounts a parent's figure is made
// of, and how a package job's state is read.
import { describe, expect, it } from "vitest";
import type { BalanceSheet, ProfitLoss } from "../../web/src/api/reports.ts";
import {
  addAmounts,
  balanceSheetView,
  chartPoints,
  chartTicks,
  collapsibleKeys,
  profitLossView,
  visibleRows,
} from "../../web/src/modules/reports/report-model.ts";
import { subtreeOf } from "../../web/src/modules/reports/drill-model.ts";
import {
  jobState,
  madeAt,
  madeBy,
  progressPercent,
  sortVersions,
} from "../../web/src/modules/reports/package-model.ts";

const col = (
  label: string,
  from: string,
  to: string,
  kind: "amount" | "total" | "change" | "percent" = "amount",
) => ({
  label,
  from,
  to,
  kind,
});

const pl: ProfitLoss = {
  client: "acme",
  currency: "USD",
  basis: "accrual",
  columns: [
    col("Jan 2026", "2026-01-01", "2026-01-31"),
    col("Feb 2026", "2026-02-01", "2026-02-28"),
    col("Total", "2026-01-01", "2026-02-28", "total"),
    col("Prior year (Jan 2025 – Feb 2025)", "2025-01-01", "2025-02-28"),
    col("Change from prior year", "2026-01-01", "2026-02-28", "change"),
    col("Change from prior year (%)", "2026-01-01", "2026-02-28", "percent"),
  ],
  sections: [
    {
      name: "Income",
      type: "income",
      rows: [
        {
          account: "Sales",
          number: "4000",
          depth: 0,
          amounts: ["100.00", "200.00", "300.00", "150.00", "150.00", "100"],
        },
      ],
      totals: ["100.00", "200.00", "300.00", "150.00", "150.00", "100"],
    },
    {
      name: "Expenses",
      type: "expenses",
      rows: [
        {
          account: "Office",
          number: "6000",
          depth: 0,
          amounts: ["30.00", "50.00", "80.00", "0.00", "80.00", null],
        },
        {
          account: "Office:Rent",
          number: "6010",
          depth: 1,
          amounts: ["20.00", "20.00", "40.00", "0.00", "40.00", null],
        },
        {
          account: "Office:Rent:Storage",
          number: "6011",
          depth: 2,
          amounts: ["5.00", "5.00", "10.00", "0.00", "10.00", null],
        },
        {
          account: "Office:Supplies",
          number: "6020",
          depth: 1,
          amounts: ["10.00", "30.00", "40.00", "0.00", "40.00", null],
        },
        {
          account: "Travel",
          number: "6100",
          depth: 0,
          amounts: ["0.00", "250.00", "250.00", "0.00", "250.00", null],
        },
      ],
      totals: ["30.00", "300.00", "330.00", "0.00", "330.00", null],
    },
  ],
  netIncome: ["70.00", "-100.00", "-30.00", "150.00", "-180.00", "-120"],
  otherCommodities: [],
  warnings: [],
};

describe("statement view", () => {
  it("drills amounts and totals into their dates, not changes or percents", () => {
    const v = profitLossView(pl, "month");
    expect(v.columns.map((c) => c.drill)).toEqual([
      { from: "2026-01-01", to: "2026-01-31" },
      { from: "2026-02-01", to: "2026-02-28" },
      { from: "2026-01-01", to: "2026-02-28" },
      { from: "2025-01-01", to: "2025-02-28" },
      null,
      null,
    ]);
    expect(v.bottom).toEqual([{ label: "Net income", amounts: pl.netIncome }]);
  });

  it("drills only the Total of dimension columns (the ledger lines cannot be split by class)", () => {
    const byClass = {
      ...pl,
      columns: [col("Retail", "2026-01-01", "2026-02-28"), col("Total", "2026-01-01", "2026-02-28")],
    };
    expect(profitLossView(byClass, "class").columns.map((c) => c.drill !== null)).toEqual([false, true]);
  });

  it("names a sub-account by its own name under its parent, and leaves out empty sections", () => {
    const empty = {
      name: "Other income",
      type: "other_income",
      rows: [],
      totals: ["0.00", "0.00", "0.00", "0.00", "0.00", null],
    };
    const v = profitLossView({ ...pl, sections: [...pl.sections, empty] });
    expect(v.sections.map((s) => s.key)).toEqual(["income", "expenses"]);
    expect(v.sections[1]!.rows.map((r) => r.name)).toEqual([
      "Office",
      "Rent",
      "Storage",
      "Supplies",
      "Travel",
    ]);
    expect(v.sections[1]!.rows[2]!.account).toBe("Office:Rent:Storage");
  });

  it("adds amounts exactly, whatever their decimals", () => {
    expect(addAmounts(["0.10", "-5", null, "1234567890123.455"], ["0.20", "2.5", "1", "0.005"])).toEqual([
      "0.30",
      "-2.5",
      null,
      "1234567890123.460",
    ]);
  });

  it("folds sub-accounts under a collapsed parent, at any depth", () => {
    const v = profitLossView(pl);
    const rows = v.sections[1]!.rows;
    expect(rows.map((r) => r.hasChildren)).toEqual([true, true, false, false, false]);
    const names = (collapsed: string[]) => visibleRows(rows, new Set(collapsed)).map((r) => r.account);
    expect(names([])).toHaveLength(5);
    expect(names(["expenses/Office:Rent"])).toEqual(["Office", "Office:Rent", "Office:Supplies", "Travel"]);
    expect(names(["expenses/Office"])).toEqual(["Office", "Travel"]);
    // Collapsing a row without children hides nothing.
    expect(names(["expenses/Travel"])).toHaveLength(5);
    expect(collapsibleKeys(v)).toEqual(["income", "expenses", "expenses/Office", "expenses/Office:Rent"]);
  });

  it("marks the balance sheet's computed earnings rows, and drills balances from the fiscal year start", () => {
    const bs: BalanceSheet = {
      client: "acme",
      currency: "USD",
      fiscalYearStart: 7,
      columns: [{ label: "Mar 31, 2026", asOf: "2026-03-31", kind: "amount" }],
      sections: [
        {
          name: "Equity",
          type: "equity",
          rows: [
            { account: "Owner's Equity", number: "3000", depth: 0, amounts: ["10.00"] },
            {
              account: "Retained earnings (net income of prior years)",
              number: null,
              depth: 0,
              amounts: ["5.00"],
            },
            { account: "Net income (current fiscal year)", number: null, depth: 0, amounts: ["1.00"] },
          ],
          totals: ["16.00"],
        },
      ],
      totals: { assets: ["16.00"], liabilities: ["0.00"], equity: ["16.00"] },
      otherCommodities: [],
      warnings: [],
    };
    const v = balanceSheetView(bs);
    expect(v.sections[0]!.rows.map((r) => r.synthetic)).toEqual([false, true, true]);
    expect(v.columns[0]!.drill).toEqual({ from: "2025-07-01", to: "2026-03-31" });
    expect(v.bottom.map((b) => b.label)).toEqual([
      "Total assets",
      "Total liabilities",
      "Total equity",
      "Total liabilities and equity",
    ]);
    expect(v.bottom[3]!.amounts).toEqual(["16.00"]);
  });
});

describe("profit and loss chart", () => {
  it("plots each month's income, expenses and net income, not the Total or comparisons", () => {
    expect(chartPoints(pl)).toEqual([
      { label: "Jan 2026", income: 100, expenses: 30, net: 70 },
      { label: "Feb 2026", income: 200, expenses: 300, net: -100 },
    ]);
  });

  it("puts round ticks around the values, zero included", () => {
    const { min, max, ticks } = chartTicks(-100, 300);
    expect(min).toBeLessThanOrEqual(-100);
    expect(max).toBeGreaterThanOrEqual(300);
    expect(ticks).toContain(0);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    expect(ticks.length).toBeLessThanOrEqual(10);
    expect(chartTicks(0, 0).max).toBeGreaterThan(0);
  });
});

describe("drill accounts", () => {
  const chart = [
    { id: "a", fullName: "Office", parentId: null },
    { id: "b", fullName: "Office:Rent", parentId: "a" },
    { id: "c", fullName: "Office:Rent:Storage", parentId: "b" },
    { id: "d", fullName: "Travel", parentId: null },
  ];
  it("asks the ledger for one account alone, or for a parent and all below it", () => {
    expect(subtreeOf(chart, "Travel")).toEqual({ rootId: "d", ids: new Set(["d"]), filterId: "d" });
    expect(subtreeOf(chart, "Office")).toEqual({
      rootId: "a",
      ids: new Set(["a", "b", "c"]),
      filterId: null,
    });
    expect(subtreeOf(chart, "Gone").ids.size).toBe(0);
  });
});

describe("package jobs", () => {
  it("reads progress as a fraction or a percent, and done as 100", () => {
    expect(progressPercent({ status: "running", progress: 0.25 })).toBe(25);
    expect(progressPercent({ status: "running", progress: 40 })).toBe(40);
    expect(progressPercent({ status: "queued", progress: null })).toBe(0);
    expect(progressPercent({ status: "done", progress: null })).toBe(100);
    expect(jobState("Failed")).toBe("failed");
    expect(jobState("ready")).toBe("done");
  });

  it("reads who made a version and when under either contract's names", () => {
    const base = {
      id: "x",
      month: "2026-01",
      version: 1,
      status: "done",
      progress: 100,
      ledgerVersion: null,
    };
    expect(madeBy({ ...base, requestedBy: "Pat", createdBy: "Old" })).toBe("Pat");
    expect(madeBy({ ...base, createdBy: "Old" })).toBe("Old");
    expect(madeAt({ ...base, requestedAt: "2026-02-01T00:00:00Z" })).toBe("2026-02-01T00:00:00Z");
    expect(madeAt(base)).toBe("");
  });

  it("lists the newest month first, newest version first", () => {
    const p = (month: string, version: number) => ({
      id: `${month}/${version}`,
      month,
      version,
      status: "done",
      progress: 100,
      requestedBy: null,
      requestedAt: "2026-01-01T00:00:00Z",
      ledgerVersion: null,
    });
    expect(sortVersions([p("2025-11", 1), p("2025-12", 1), p("2025-12", 2)]).map((x) => x.id)).toEqual([
      "2025-12/2",
      "2025-12/1",
      "2025-11/1",
    ]);
  });
});
