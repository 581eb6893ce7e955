// Schedule tables: known textbook values, the remainder rule, refusals, and properties that hold
// for any terms (every schedule totals exactly, no negative period).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { prepaidTable } from "./prepaid-model.ts";
import { depreciationTable, type DepreciationTerms } from "./depreciation-model.ts";
import { levelPayment, loanTable } from "./loan-model.ts";
import { absorbInLast, addMonths, assertTotals } from "./schedule-math.ts";

const amounts = (rows: { amount: bigint }[]) => rows.map((r) => r.amount);
const sum = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);

describe("prepaid amortization", () => {
  it("splits straight with the last month absorbing the rounding", () => {
    const rows = prepaidTable({ total: 100_000n, startMonth: "2026-11", months: 3 });
    expect(amounts(rows)).toEqual([33_333n, 33_333n, 33_334n]);
    expect(rows.map((r) => r.month)).toEqual(["2026-11", "2026-12", "2027-01"]);
    expect(rows.at(-1)!.remaining).toBe(0n);
  });
  it("takes typed amounts that total, and refuses ones that do not with the difference", () => {
    expect(
      amounts(prepaidTable({ total: 300n, startMonth: "2026-01", months: 2, amounts: [100n, 200n] })),
    ).toEqual([100n, 200n]);
    expect(() =>
      prepaidTable({ total: 300n, startMonth: "2026-01", months: 2, amounts: [100n, 150n] }),
    ).toThrow(
      expect.objectContaining({
        code: "journals/schedule-not-total",
        extra: { difference: "50" },
        field: "amounts",
      }),
    );
  });
  it("refuses nonsense terms naming the field", () => {
    expect(() => prepaidTable({ total: 0n, startMonth: "2026-01", months: 2 })).toThrow(
      expect.objectContaining({ field: "amount" }),
    );
    expect(() => prepaidTable({ total: 10n, startMonth: "2026-13", months: 2 })).toThrow(
      expect.objectContaining({ field: "startMonth" }),
    );
    expect(() => prepaidTable({ total: 10n, startMonth: "2026-01", months: 0 })).toThrow(
      expect.objectContaining({ field: "months" }),
    );
  });
  it("always totals exactly and never goes negative", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.integer({ min: 1, max: 600 }),
        (total, months) => {
          const xs = amounts(prepaidTable({ total, startMonth: "2026-01", months }));
          expect(sum(xs)).toBe(total);
          expect(xs.every((x) => x >= 0n)).toBe(true);
        },
      ),
    );
  });
});

const asset = (over: Partial<DepreciationTerms>): DepreciationTerms => ({
  cost: 1_000_000n,
  salvage: 100_000n,
  lifeMonths: 60,
  method: "straight_line",
  convention: "full_month",
  inServiceMonth: "2026-01",
  ...over,
});

describe("depreciation", () => {
  it("straight line, full month: equal months down to salvage", () => {
    const { rows } = depreciationTable(asset({ lifeMonths: 36 }));
    expect(rows).toHaveLength(36);
    expect(new Set(amounts(rows))).toEqual(new Set([25_000n]));
    expect(rows.at(-1)!.bookValue).toBe(100_000n);
  });
  it("straight line, mid month: half a month at each end", () => {
    const { rows } = depreciationTable(
      asset({ cost: 120_000n, salvage: 0n, lifeMonths: 12, convention: "mid_month" }),
    );
    expect(amounts(rows)).toEqual([5_000n, ...Array.from({ length: 11 }, () => 10_000n), 5_000n]);
    expect(rows.at(-1)!.month).toBe("2027-01");
  });
  it("double declining balance follows the textbook years", () => {
    const { rows } = depreciationTable(asset({ method: "declining_balance", factor: "2" }));
    const years = [0, 1, 2, 3, 4].map((y) => sum(amounts(rows.slice(y * 12, y * 12 + 12))));
    // 10,000 cost, 1,000 salvage, 5 years at 40%: 4,000, 2,400, 1,440, 864, then 296 to salvage
    // (each year's months are rounded, the last month absorbs the cents).
    expect(years.slice(0, 4).map((y) => Number(y) / 100)).toEqual([3999.96, 2400, 1440, 864]);
    expect(sum(years)).toBe(900_000n);
  });
  it("declining balance switches to straight line when that is larger", () => {
    const { rows } = depreciationTable(asset({ method: "declining_balance", factor: "1.5", salvage: 0n }));
    const years = [0, 1, 2, 3, 4].map((y) => sum(amounts(rows.slice(y * 12, y * 12 + 12))));
    // 30%: 3,000, 2,100; then straight line on 4,900 over 3 years (1,633.33) beats 30% (1,470).
    expect(years.map((y) => Number(y) / 100)).toEqual([3000, 2100, 1633.32, 1633.32, 1633.36]);
  });
  it("sum of years' digits weights the years 5:4:3:2:1", () => {
    const { rows } = depreciationTable(asset({ cost: 1_500_000n, salvage: 0n, method: "sum_of_years" }));
    expect(rows[0]!.amount).toBe(41_667n);
    expect(rows[12]!.amount).toBe(33_333n);
    expect(rows[59]!.amount).toBeLessThan(8_400n);
    expect(sum(amounts(rows))).toBe(1_500_000n);
  });
  it("disposal stops depreciation and books gain or loss", () => {
    const t = asset({
      cost: 1_200_000n,
      salvage: 0n,
      lifeMonths: 12,
      disposal: { month: "2026-07", proceeds: 500_000n },
    });
    const full = depreciationTable(t);
    expect(full.rows).toHaveLength(6);
    expect(full.disposal).toEqual({
      month: "2026-07",
      cost: 1_200_000n,
      accumulated: 600_000n,
      bookValue: 600_000n,
      proceeds: 500_000n,
      gainLoss: -100_000n,
    });
    const mid = depreciationTable({ ...t, convention: "mid_month" });
    expect(amounts(mid.rows)).toEqual([50_000n, ...Array.from({ length: 5 }, () => 100_000n), 50_000n]);
    expect(mid.disposal!.gainLoss).toBe(500_000n - 600_000n);
  });
  it("refuses salvage at cost, broken lives and disposal before service", () => {
    expect(() => depreciationTable(asset({ salvage: 1_000_000n }))).toThrow(
      expect.objectContaining({ field: "salvage" }),
    );
    expect(() => depreciationTable(asset({ method: "sum_of_years", lifeMonths: 30 }))).toThrow(
      expect.objectContaining({ field: "lifeMonths" }),
    );
    expect(() => depreciationTable(asset({ method: "declining_balance", factor: "x" }))).toThrow(
      expect.objectContaining({ field: "factor" }),
    );
    expect(() => depreciationTable(asset({ disposal: { month: "2025-12", proceeds: 0n } }))).toThrow(
      expect.objectContaining({ field: "disposal.month" }),
    );
  });
  it("any method and convention totals the depreciable base exactly, never negative", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 11n }),
        fc.bigInt({ min: 0n, max: 10n ** 11n }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom("straight_line", "declining_balance", "sum_of_years" as const),
        fc.constantFrom("full_month", "mid_month" as const),
        fc.constantFrom("1", "1.5", "2", "3.25"),
        (cost, salvageRaw, years, method, convention, factor) => {
          const salvage = salvageRaw % cost;
          const { rows } = depreciationTable(
            asset({ cost, salvage, lifeMonths: years * 12, method, convention, factor }),
          );
          expect(sum(amounts(rows))).toBe(cost - salvage);
          expect(rows.every((r) => r.amount >= 0n)).toBe(true);
          expect(rows.at(-1)!.bookValue).toBe(salvage);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("loan amortization", () => {
  it("computes the textbook level payments", () => {
    expect(levelPayment(1_000_000n, "6", 12)).toBe(86_066n);
    expect(levelPayment(20_000_000n, "6.5", 360)).toBe(126_414n);
    expect(levelPayment(120_000n, "0", 12)).toBe(10_000n);
  });
  it("splits each payment into interest and principal and repays exactly", () => {
    const rows = loanTable({
      principal: 1_000_000n,
      annualRate: "6",
      termMonths: 12,
      firstPaymentMonth: "2026-02",
    });
    expect(rows[0]).toEqual({
      month: "2026-02",
      payment: 86_066n,
      interest: 5_000n,
      principal: 81_066n,
      balance: 918_934n,
    });
    expect(rows.at(-1)!.balance).toBe(0n);
    expect(rows.every((r) => r.payment === r.interest + r.principal)).toBe(true);
  });
  it("refuses a rate that is not a percentage", () => {
    expect(() =>
      loanTable({ principal: 1n, annualRate: "-1", termMonths: 1, firstPaymentMonth: "2026-01" }),
    ).toThrow(expect.objectContaining({ field: "annualRate" }));
  });
  it("repays any loan exactly with non-negative parts", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 10n }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 360 }),
        (principal, rateBp, termMonths) => {
          const annualRate = (rateBp / 100).toFixed(2);
          const rows = loanTable({ principal, annualRate, termMonths, firstPaymentMonth: "2026-01" });
          expect(sum(rows.map((r) => r.principal))).toBe(principal);
          expect(rows.every((r) => r.principal >= 0n && r.interest >= 0n)).toBe(true);
          expect(rows.at(-1)!.balance).toBe(0n);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("schedule arithmetic", () => {
  it("moves months across years", () => {
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
  });
  it("rounds down everywhere when half-up would leave the last period negative", () => {
    expect(absorbInLast([3n, 3n, 3n, 3n, 3n], 5n, 3n)).toEqual([0n, 0n, 0n, 0n, 3n]);
  });
  it("names the difference", () => {
    expect(() => assertTotals([1n], 3n, "x")).toThrow(/difference of 0\.02/);
  });
});
