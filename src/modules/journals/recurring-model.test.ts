// Recurring entries: when they fall due, the checks on save, and working out formula lines.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { checkRecurring, occurrenceIn, reversalDate, type RecurringTerms } from "./recurring-model.ts";
import { resolveLines, type MonthFacts, type RecurringLine } from "./recurring-lines.ts";

const rent: RecurringLine[] = [
  { kind: "fixed", accountId: "rent", amount: 150_000n },
  { kind: "fixed", accountId: "cash", amount: -150_000n },
];
const terms = (over: Partial<RecurringTerms> = {}): RecurringTerms => ({
  description: "Rent",
  frequency: "monthly",
  day: 1,
  startMonth: "2026-01",
  endMonth: null,
  lines: rent,
  autoPost: false,
  autoReverse: false,
  ...over,
});
const facts = (over: Partial<MonthFacts> = {}): MonthFacts => ({
  balances: new Map(),
  activity: new Map(),
  activeAccounts: new Set(["rent", "cash", "revenue", "commission", "accrued", "a", "b", "c"]),
  accountNames: new Map([["rent", "6100 Rent"]]),
  ...over,
});

describe("when a recurring entry falls due", () => {
  it("monthly on a day, moved back in short months, or on the last day", () => {
    expect(occurrenceIn(terms({ day: 31 }), "2026-02")).toBe("2026-02-28");
    expect(occurrenceIn(terms({ day: 31 }), "2028-02")).toBe("2028-02-29");
    expect(occurrenceIn(terms({ day: "last" }), "2026-04")).toBe("2026-04-30");
    expect(occurrenceIn(terms({ day: 15 }), "2026-04")).toBe("2026-04-15");
  });
  it("quarterly and yearly count from the start month, and nothing outside start–end", () => {
    const q = terms({ frequency: "quarterly", startMonth: "2026-02", endMonth: "2026-11" });
    expect(
      ["2026-01", "2026-02", "2026-03", "2026-05", "2026-08", "2026-11", "2027-02"].map(
        (m) => occurrenceIn(q, m) !== null,
      ),
    ).toEqual([false, true, false, true, true, true, false]);
    const y = terms({ frequency: "yearly", startMonth: "2025-12" });
    expect(occurrenceIn(y, "2026-12")).toBe("2026-12-01");
    expect(occurrenceIn(y, "2026-06")).toBeNull();
  });
  it("reverses accruals on the first of the next month", () => {
    expect(reversalDate("2026-12-31")).toBe("2027-01-01");
  });
  it("is due exactly once every step months", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("monthly", "quarterly", "yearly" as const),
        fc.integer({ min: 1, max: 31 }),
        (frequency, day) => {
          const t = terms({ frequency, day });
          const months = Array.from(
            { length: 24 },
            (_, i) => `${2026 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`,
          );
          const due = months.filter((m) => occurrenceIn(t, m) !== null).length;
          expect(due).toBe({ monthly: 24, quarterly: 8, yearly: 2 }[frequency]);
        },
      ),
    );
  });
});

describe("saving a recurring entry", () => {
  it("refuses lines that do not balance, naming by how much", () => {
    expect(() =>
      checkRecurring(terms({ lines: [rent[0]!, { kind: "fixed", accountId: "cash", amount: -100_000n }] })),
    ).toThrow(
      expect.objectContaining({
        code: "journals/unbalanced",
        field: "lines",
        message: expect.stringContaining("500.00"),
      }),
    );
  });
  it("refuses split percentages that do not total 100, a bad day and an end before the start", () => {
    const split: RecurringLine = {
      kind: "split",
      side: "debit",
      amount: 100n,
      parts: [
        { accountId: "a", percent: "60" },
        { accountId: "b", percent: "30" },
      ],
    };
    expect(() => checkRecurring(terms({ lines: [split, { kind: "balancing", accountId: "cash" }] }))).toThrow(
      expect.objectContaining({ code: "money/percent-not-100" }),
    );
    expect(() => checkRecurring(terms({ day: 0 }))).toThrow(expect.objectContaining({ field: "day" }));
    expect(() => checkRecurring(terms({ endMonth: "2025-12" }))).toThrow(
      expect.objectContaining({ field: "endMonth" }),
    );
    expect(() =>
      checkRecurring(
        terms({
          lines: [rent[0]!, { kind: "balancing", accountId: "a" }, { kind: "balancing", accountId: "b" }],
        }),
      ),
    ).toThrow(expect.objectContaining({ code: "journals/two-balancing" }));
  });
  it("accepts a balanced fixed entry", () => {
    expect(() => checkRecurring(terms())).not.toThrow();
  });
});

describe("working out a month's lines", () => {
  it("takes a percentage of a month's activity with a balancing line", () => {
    const lines: RecurringLine[] = [
      {
        kind: "percent",
        accountId: "commission",
        side: "debit",
        basis: "activity",
        sourceAccountId: "revenue",
        percent: "5",
      },
      { kind: "balancing", accountId: "accrued" },
    ];
    const r = resolveLines(lines, facts({ activity: new Map([["revenue", -1_234_567n]]) }));
    expect(r).toEqual({
      ok: true,
      lines: [
        { accountId: "commission", amount: 61_728n, memo: null },
        { accountId: "accrued", amount: -61_728n, memo: null },
      ],
    });
  });
  it("takes a percentage of a balance at period end", () => {
    const lines: RecurringLine[] = [
      {
        kind: "percent",
        accountId: "a",
        side: "credit",
        basis: "balance",
        sourceAccountId: "b",
        percent: "1.5",
      },
      { kind: "balancing", accountId: "c" },
    ];
    const r = resolveLines(lines, facts({ balances: new Map([["b", 200_000n]]) }));
    expect(r.ok && r.lines.map((l) => l.amount)).toEqual([-3_000n, 3_000n]);
  });
  it("splits a fixed amount by percentages, exactly", () => {
    const lines: RecurringLine[] = [
      {
        kind: "split",
        side: "debit",
        amount: 100n,
        parts: ["a", "b", "c"]
          .map((accountId) => ({ accountId, percent: "33.333333" }))
          .map((p, i) => (i === 2 ? { ...p, percent: "33.333334" } : p)),
      },
      { kind: "fixed", accountId: "cash", amount: -100n },
    ];
    const r = resolveLines(lines, facts());
    expect(r.ok && r.lines.map((l) => l.amount)).toEqual([33n, 33n, 34n, -100n]);
  });
  it("holds the entry, saying which account, when one was deactivated", () => {
    const r = resolveLines(rent, facts({ activeAccounts: new Set(["cash"]) }));
    expect(r).toEqual({ ok: false, reason: expect.stringContaining("6100 Rent is inactive") });
  });
  it("holds an entry whose formula lines no longer balance, and one that is all zero", () => {
    const lines: RecurringLine[] = [
      {
        kind: "percent",
        accountId: "a",
        side: "debit",
        basis: "activity",
        sourceAccountId: "revenue",
        percent: "10",
      },
      { kind: "fixed", accountId: "cash", amount: -50n },
    ];
    expect(resolveLines(lines, facts({ activity: new Map([["revenue", 1000n]]) }))).toEqual({
      ok: false,
      reason: "held: the lines do not balance by 0.50",
    });
    const zero: RecurringLine[] = [lines[0]!, { kind: "balancing", accountId: "cash" }];
    expect(resolveLines(zero, facts())).toEqual({
      ok: false,
      reason: "held: every amount is zero this month",
    });
  });
});
