// Whole-dollar rounding of the package's statements: the rounding rule, a hand-made case that
// needs a rounding line, and — on generated books (fast-check) — every section total and bottom
// line of the profit and loss, balance sheet and cash flows foots after rounding, each figure is
// its exact figure rounded, and a rounding line appears only where the rounded lines miss.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { balanceSheet } from "./balance-sheet-model.ts";
import { cashFlow } from "./cash-flow-model.ts";
import type { ColumnSpec } from "./column-model.ts";
import {
  balanceSheetTable,
  cashFlowTable,
  profitLossTable,
  type ExportTable,
  type FigureLine,
} from "./export-table-model.ts";
import { profitLoss } from "./profit-loss-model.ts";
import type { Report } from "./report-service.ts";
import { footingErrors, roundTable, roundToWhole, ROUNDING_LABEL } from "./rounding-model.ts";
import type { ReportAccount } from "./section-model.ts";
import type { AccountType } from "../ledger/index.ts";

const amount = (label: string, from: string, to: string): ColumnSpec => ({ kind: "amount", label, from, to });

function report<T>(columns: ColumnSpec[], statement: T, scale = 2): Report<T> {
  return {
    client: "acme",
    currency: "USD",
    scale,
    basis: "accrual",
    columns,
    statement,
    others: [],
    warnings: [],
    fiscalYearStart: 1,
  };
}

const figures = (t: ExportTable) =>
  t.lines.filter((l): l is FigureLine => l.kind === "row" || l.kind === "total");

describe("roundToWhole", () => {
  it("rounds half away from zero", () => {
    expect(roundToWhole(149n, 2)).toBe(1n);
    expect(roundToWhole(150n, 2)).toBe(2n);
    expect(roundToWhole(-150n, 2)).toBe(-2n);
    expect(roundToWhole(-149n, 2)).toBe(-1n);
    expect(roundToWhole(123_456_789n, 2)).toBe(1_234_568n);
    expect(roundToWhole(7n, 0)).toBe(7n);
    expect(roundToWhole(1_500n, 3)).toBe(2n);
  });
});

describe("roundTable", () => {
  it("adds a rounding line where three 0.40 sales round to 0 but their 1.20 total to 1", () => {
    const chart = new Map<string, ReportAccount>(
      ["a", "b", "c"].map((id) => [
        id,
        { id, fullName: `Sales ${id}`, number: null, type: "income", detailType: "income", parentId: null },
      ]),
    );
    const specs = [amount("Jan 2026", "2026-01-01", "2026-01-31")];
    const pl = profitLoss(chart, specs, [
      new Map([
        ["a", -40n],
        ["b", -40n],
        ["c", -40n],
      ]),
    ]);
    const rounded = roundTable(profitLossTable(report(specs, pl), { clientName: "Acme" }));
    const lines = figures(rounded);
    expect(lines.filter((l) => l.label.startsWith("Sales")).map((l) => l.amounts[0])).toEqual([0n, 0n, 0n]);
    const income = lines.find((l) => l.label === "Total income")!;
    expect(income.amounts[0]).toBe(1n);
    const rounding = lines[lines.indexOf(income) - 1]!;
    expect(rounding).toMatchObject({ label: ROUNDING_LABEL, amounts: [1n], scale: 0 });
    expect(lines.find((l) => l.label === "Net income")!.amounts[0]).toBe(1n);
    expect(lines.every((l) => l.scale === 0)).toBe(true);
    expect(footingErrors(rounded)).toEqual([]);
  });

  it("adds nothing when the rounded lines already foot", () => {
    const chart = new Map<string, ReportAccount>([
      [
        "a",
        { id: "a", fullName: "Sales", number: null, type: "income", detailType: "income", parentId: null },
      ],
    ]);
    const specs = [amount("Jan 2026", "2026-01-01", "2026-01-31")];
    const pl = profitLoss(chart, specs, [new Map([["a", -123_456n]])]);
    const rounded = roundTable(profitLossTable(report(specs, pl), { clientName: "Acme" }));
    expect(figures(rounded).some((l) => l.label === ROUNDING_LABEL)).toBe(false);
    expect(figures(rounded).find((l) => l.label === "Net income")!.amounts).toEqual([1235n]);
  });
});

// ── generated books ─────────────────────────────────────────────────────────────────────────────

const TYPES: Array<[AccountType, string]> = [
  ["asset", "bank"],
  ["asset", "accounts_receivable"],
  ["asset", "fixed_asset"],
  ["liability", "accounts_payable"],
  ["liability", "long_term_liability"],
  ["equity", "owners_equity"],
  ["income", "income"],
  ["income", "other_income"],
  ["expense", "expense"],
  ["expense", "cost_of_goods_sold"],
];

const booksArb = fc
  .record({
    accounts: fc.array(fc.integer({ min: 0, max: TYPES.length - 1 }), { minLength: 2, maxLength: 14 }),
    parents: fc.array(fc.nat(), { minLength: 14, maxLength: 14 }),
    // Three periods of movements per account, and a balance before them.
    amounts: fc.array(
      fc.array(fc.bigInt({ min: -5_000_000n, max: 5_000_000n }), { minLength: 4, maxLength: 4 }),
      {
        minLength: 14,
        maxLength: 14,
      },
    ),
    scale: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ accounts, parents, amounts, scale }) => {
    const chart = new Map<string, ReportAccount>();
    accounts.forEach((t, i) => {
      const [type, detailType] = TYPES[t]!;
      const p = parents[i]! % (i + 1);
      const parentId = p < i && TYPES[accounts[p]!]![0] === type ? `a${p}` : null;
      chart.set(`a${i}`, { id: `a${i}`, fullName: `a${i}`, number: null, type, detailType, parentId });
    });
    const column = (k: number) => {
      const m = new Map<string, bigint>();
      [...chart.keys()].forEach((id, i) => m.set(id, amounts[i]![k]!));
      // The books balance: the first account takes the other side.
      const sum = [...m.values()].reduce((s, x) => s + x, 0n);
      m.set("a0", m.get("a0")! - sum);
      return m;
    };
    return { chart, columns: [0, 1, 2, 3].map(column), scale };
  });

function add(a: ReadonlyMap<string, bigint>, b: ReadonlyMap<string, bigint>): Map<string, bigint> {
  const out = new Map(a);
  for (const [k, v] of b) out.set(k, (out.get(k) ?? 0n) + v);
  return out;
}

function checkRounded(exact: ExportTable): void {
  const rounded = roundTable(exact);
  expect(footingErrors(exact)).toEqual([]);
  expect(footingErrors(rounded)).toEqual([]);
  const amountAt = exact.columns.flatMap((c, i) => (c.kind === "amount" ? [i] : []));
  const byId = new Map(figures(exact).map((l) => [l.id, l]));
  for (const line of figures(rounded)) {
    expect(line.scale).toBe(0);
    const before = byId.get(line.id);
    if (!before) {
      // A rounding line: it exists only because the rounded lines missed their total.
      expect(line.label).toBe(ROUNDING_LABEL);
      expect(line.amounts.some((x) => x !== 0n)).toBe(true);
      continue;
    }
    for (const i of amountAt) expect(line.amounts[i]).toBe(roundToWhole(before.amounts[i]!, before.scale));
  }
}

describe("generated books, rounded to whole units", () => {
  it("every total foots: the rounded lines plus the rounding line equal the rounded total", () => {
    fc.assert(
      fc.property(booksArb, ({ chart, columns, scale }) => {
        const [opening, m1, m2, m3] = columns as [
          Map<string, bigint>,
          Map<string, bigint>,
          Map<string, bigint>,
          Map<string, bigint>,
        ];
        const plSpecs: ColumnSpec[] = [
          amount("Jan", "2026-01-01", "2026-01-31"),
          amount("Feb", "2026-02-01", "2026-02-28"),
          { kind: "total", label: "Total", from: "2026-01-01", to: "2026-02-28", of: [0, 1] },
          amount("Prior year", "2025-01-01", "2025-02-28"),
          { kind: "change", label: "Change", from: "2026-01-01", to: "2026-02-28", of: 2, base: 3 },
          { kind: "percent", label: "Change %", from: "2026-01-01", to: "2026-02-28", of: 2, base: 3 },
        ];
        const pl = profitLoss(chart, plSpecs, [m1, m2, null, m3, null, null]);
        checkRounded(profitLossTable(report(plSpecs, pl, scale), { clientName: "Acme" }));

        const bsSpecs: ColumnSpec[] = [
          amount("Feb", "2026-02-28", "2026-02-28"),
          amount("Jan", "2026-01-31", "2026-01-31"),
          { kind: "change", label: "Change", from: "2026-02-28", to: "2026-02-28", of: 0, base: 1 },
        ];
        const feb = add(add(opening, m1), m2);
        const jan = add(opening, m1);
        const bs = balanceSheet(
          chart,
          bsSpecs,
          [{ balances: feb, beforeFiscalYear: opening }, { balances: jan, beforeFiscalYear: opening }, null],
          { earnings: true, home: "USD" },
        );
        checkRounded(balanceSheetTable(report(bsSpecs, bs, scale), { clientName: "Acme" }));

        const cfSpecs = [amount("Feb", "2026-02-01", "2026-02-28")];
        const cf = cashFlow(chart, cfSpecs, [{ movements: m2, opening: jan }], { home: "USD" });
        checkRounded(cashFlowTable(report(cfSpecs, cf, scale), { clientName: "Acme" }));
      }),
      { numRuns: 300 },
    );
  });
});
