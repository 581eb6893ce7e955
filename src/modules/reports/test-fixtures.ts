// Statements built by hand for the export tests (no database): a small chart with a parent account,
// two months of entries, a profit and loss by month with a total and a prior-period comparison, a
// balance sheet at two month ends and a cash-flow statement.
import { balanceSheet, type BalanceSheet } from "./balance-sheet-model.ts";
import { cashFlow, type CashFlow } from "./cash-flow-model.ts";
import type { ColumnSpec } from "./column-model.ts";
import { profitLoss, type ProfitLoss } from "./profit-loss-model.ts";
import type { Report } from "./report-service.ts";
import type { ReportAccount } from "./section-model.ts";
import type { AccountType } from "../ledger/index.ts";

const CHART = new Map<string, ReportAccount>(
  (
    [
      ["bank", "1000", "Bank", "asset", "bank", null],
      ["receivable", "1100", "Accounts receivable", "asset", "accounts_receivable", null],
      ["equipment", "1500", "Equipment", "asset", "fixed_asset", null],
      ["card", "2000", "Credit card", "liability", "credit_card", null],
      ["owner", "3000", "Owner's equity", "equity", "owners_equity", null],
      ["sales", "4000", "Sales", "income", "income", null],
      ["consulting", "4010", "Sales:Consulting", "income", "income", "sales"],
      ["interest", "4900", "Interest earned", "income", "other_income", null],
      ["cogs", "5000", "Materials", "expense", "cost_of_goods_sold", null],
      ["rent", "6000", "Rent", "expense", "expense", null],
    ] as Array<[string, string, string, AccountType, string, string | null]>
  ).map(([id, number, fullName, type, detailType, parentId]) => [
    id,
    { id, number, fullName, type, detailType, parentId },
  ]),
);

type Entry = [date: string, lines: Array<[string, bigint]>];
const BOOK: Entry[] = [
  [
    "2025-12-01",
    [
      ["bank", 1_000_000n],
      ["owner", -1_000_000n],
    ],
  ],
  [
    "2026-01-05",
    [
      ["receivable", 250_075n],
      ["sales", -250_075n],
    ],
  ],
  [
    "2026-01-09",
    [
      ["bank", 80_000n],
      ["consulting", -80_000n],
    ],
  ],
  [
    "2026-01-20",
    [
      ["rent", 120_000n],
      ["card", -120_000n],
    ],
  ],
  [
    "2026-02-03",
    [
      ["bank", 200_000n],
      ["receivable", -200_000n],
    ],
  ],
  [
    "2026-02-10",
    [
      ["cogs", 45_550n],
      ["bank", -45_550n],
    ],
  ],
  [
    "2026-02-11",
    [
      ["equipment", 300_000n],
      ["bank", -300_000n],
    ],
  ],
  [
    "2026-02-20",
    [
      ["rent", 120_000n],
      ["bank", -120_000n],
    ],
  ],
  [
    "2026-02-28",
    [
      ["bank", 37n],
      ["interest", -37n],
    ],
  ],
];

function sums(from: string, to: string): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const [date, lines] of BOOK)
    if (date >= from && date <= to) for (const [a, x] of lines) out.set(a, (out.get(a) ?? 0n) + x);
  return out;
}

function report<T>(columns: ColumnSpec[], statement: T): Report<T> {
  return {
    client: "acme",
    currency: "USD",
    scale: 2,
    basis: "accrual",
    columns,
    statement,
    others: [],
    warnings: [],
    fiscalYearStart: 1,
  };
}

const amount = (label: string, from: string, to: string): ColumnSpec => ({ kind: "amount", label, from, to });

/** January, February, their total, the prior period (Nov–Dec 2025), change and change in %. */
export function profitLossFixture(): Report<ProfitLoss> {
  const specs: ColumnSpec[] = [
    amount("Jan 2026", "2026-01-01", "2026-01-31"),
    amount("Feb 2026", "2026-02-01", "2026-02-28"),
    { kind: "total", label: "Total", from: "2026-01-01", to: "2026-02-28", of: [0, 1] },
    amount("Prior period (Nov 2025 – Dec 2025)", "2025-11-01", "2025-12-31"),
    {
      kind: "change",
      label: "Change from prior period",
      from: "2026-01-01",
      to: "2026-02-28",
      of: 2,
      base: 3,
    },
    {
      kind: "percent",
      label: "Change from prior period (%)",
      from: "2026-01-01",
      to: "2026-02-28",
      of: 2,
      base: 3,
    },
  ];
  const columns = specs.map((c) => (c.kind === "amount" ? sums(c.from, c.to) : null));
  return report(specs, profitLoss(CHART, specs, columns));
}

export function balanceSheetFixture(): Report<BalanceSheet> {
  const specs = [
    amount("Jan 2026", "2026-01-31", "2026-01-31"),
    amount("Feb 2026", "2026-02-28", "2026-02-28"),
  ];
  const column = (asOf: string) => ({
    balances: sums("0001-01-01", asOf),
    beforeFiscalYear: sums("0001-01-01", "2025-12-31"),
  });
  return report(
    specs,
    balanceSheet(CHART, specs, [column("2026-01-31"), column("2026-02-28")], { earnings: true, home: "USD" }),
  );
}

export function cashFlowFixture(): Report<CashFlow> {
  const specs = [
    amount("Jan 2026", "2026-01-01", "2026-01-31"),
    amount("Feb 2026", "2026-02-01", "2026-02-28"),
  ];
  const column = (from: string, to: string, before: string) => ({
    movements: sums(from, to),
    opening: sums("0001-01-01", before),
  });
  return report(
    specs,
    cashFlow(
      CHART,
      specs,
      [column("2026-01-01", "2026-01-31", "2025-12-31"), column("2026-02-01", "2026-02-28", "2026-01-31")],
      { home: "USD" },
    ),
  );
}

/** A long profit and loss (many expense accounts) to test page breaks. */
export function longProfitLossFixture(accounts: number): Report<ProfitLoss> {
  const chart = new Map(CHART);
  const movements = new Map<string, bigint>([["sales", -10_000_000n]]);
  for (let i = 0; i < accounts; i++) {
    const id = `expense-${i}`;
    chart.set(id, {
      id,
      number: String(6100 + i),
      fullName: `Expense ${i}`,
      type: "expense",
      detailType: "expense",
      parentId: null,
    });
    movements.set(id, BigInt(1000 + i));
  }
  const specs = [amount("Jan 2026", "2026-01-01", "2026-01-31")];
  return report(specs, profitLoss(chart, specs, [movements]));
}

/** The year 2026 by month with its total: thirteen columns, the widest statement there is. */
export function yearByMonthFixture(): Report<ProfitLoss> {
  const specs: ColumnSpec[] = [];
  for (let m = 1; m <= 12; m++) {
    const mm = String(m).padStart(2, "0");
    const last = new Date(Date.UTC(2026, m, 0)).getUTCDate();
    specs.push(amount(`M${mm} 2026`, `2026-${mm}-01`, `2026-${mm}-${last}`));
  }
  specs.push({
    kind: "total",
    label: "Total",
    from: "2026-01-01",
    to: "2026-12-31",
    of: specs.map((_, i) => i),
  });
  const columns = specs.map((c) => (c.kind === "amount" ? sums(c.from, c.to) : null));
  return report(specs, profitLoss(CHART, specs, columns));
}
