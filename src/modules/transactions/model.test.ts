// The Transaction Manager's pure rules: bands at their edges, materiality, the 24-month start-date
// limit, what automation decides, splits (amounts must total, percents must make 100, parts always
// sum to the line), the journal entry of a coding (always balanced) and the re-post plan.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { AppError } from "../../platform/errors.ts";
import {
  atLedgerScale,
  bandOf,
  checkStartDate,
  decide,
  earliestStartDate,
  EMPTY_CODING,
  entryFor,
  isMaterial,
  repostPlan,
  splitAtScale,
  splitOf,
  type Coding,
  type Policy,
} from "./model.ts";

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  throw new Error("expected an error");
}

describe("confidence bands", () => {
  it("puts 98% and above in high, 90–97.9% in medium, below 90% in low", () => {
    expect(bandOf(1)).toBe("high");
    expect(bandOf(0.98)).toBe("high");
    expect(bandOf(0.979)).toBe("medium");
    expect(bandOf(0.9)).toBe("medium");
    expect(bandOf(0.8999)).toBe("low");
    expect(bandOf(0)).toBe("low");
  });

  it("uses the client's own limits", () => {
    expect(bandOf(0.96, { high: 9500, medium: 8000 })).toBe("high");
    expect(bandOf(0.85, { high: 9500, medium: 8000 })).toBe("medium");
  });
});

describe("materiality", () => {
  it("counts money in and out alike, at or above the threshold", () => {
    expect(isMaterial(-250_000n, 250_000n)).toBe(true);
    expect(isMaterial(250_000n, 250_000n)).toBe(true);
    expect(isMaterial(-249_999n, 250_000n)).toBe(false);
    expect(isMaterial(-10_000_000n, null)).toBe(false);
  });
});

describe("the automation start date", () => {
  it("goes back at most 24 months", () => {
    expect(earliestStartDate("2026-06-15")).toBe("2024-06-15");
    expect(earliestStartDate("2026-01-31")).toBe("2024-01-31");
    // 29 February two years back does not exist: the month's last day is used.
    expect(earliestStartDate("2028-02-29")).toBe("2026-02-28");
    expect(() => checkStartDate("2024-06-15", "2026-06-15")).not.toThrow();
    expect(codeOf(() => checkStartDate("2024-06-14", "2026-06-15"))).toBe(
      "transactions/start-date-too-early",
    );
    expect(() => checkStartDate(null, "2026-06-15")).not.toThrow();
  });
});

describe("what automation decides", () => {
  const policy: Policy = {
    mode: "auto_push",
    startDate: "2026-01-01",
    bands: { high: 9800, medium: 9000 },
    materiality: 500_000n,
    lowConfidence: "post_default",
    defaultAccount: { out: "uncategorized-expense", in: "uncategorized-income" },
  };
  const line = (amount: bigint, date = "2026-06-01") => ({ date, amount });
  const guess = (confidence: number) => ({ account: "fuel", confidence });

  it("posts high confidence to Processed, medium to Needs Review, low to the default account for review", () => {
    expect(decide(line(-4_500n), guess(0.99), policy)).toMatchObject({
      status: "processed",
      post: true,
      useDefault: false,
      band: "high",
    });
    expect(decide(line(-4_500n), guess(0.95), policy)).toMatchObject({
      status: "needs_review",
      post: true,
      useDefault: false,
      band: "medium",
    });
    expect(decide(line(-4_500n), guess(0.5), policy)).toMatchObject({
      status: "needs_review",
      post: true,
      useDefault: true,
      band: "low",
    });
    expect(decide(line(4_500n), null, policy)).toMatchObject({
      status: "needs_review",
      post: true,
      useDefault: true,
      band: "low",
    });
  });

  it("holds low confidence when told to, or when there is no default account", () => {
    expect(decide(line(-4_500n), guess(0.5), { ...policy, lowConfidence: "hold" })).toMatchObject({
      status: "held",
      post: false,
    });
    const noDefault = { ...policy, defaultAccount: { out: null, in: "x" } };
    expect(decide(line(-4_500n), guess(0.5), noDefault)).toMatchObject({ status: "held", post: false });
  });

  it("sends a material amount to review even with high confidence, still posted", () => {
    expect(decide(line(-500_000n), guess(0.999), policy)).toMatchObject({
      status: "needs_review",
      post: true,
      material: true,
    });
  });

  it("never posts under Manual Push, and leaves out lines before the start date or without automation", () => {
    expect(decide(line(-4_500n), guess(0.999), { ...policy, mode: "manual_push" })).toMatchObject({
      status: "needs_review",
      post: false,
    });
    expect(decide(line(-4_500n, "2025-12-31"), guess(0.999), policy)).toMatchObject({
      status: "excluded",
      post: false,
    });
    expect(decide(line(-4_500n), guess(0.999), { ...policy, mode: "none" })).toMatchObject({
      status: "excluded",
      post: false,
    });
  });
});

describe("splits", () => {
  it("splits by amounts that total the line, keeping the line's sign", () => {
    const parts = splitOf(
      -10_000n,
      {
        by: "amount",
        parts: [
          { accountId: "a", amount: "60.00" },
          { accountId: "b", amount: "40" },
        ],
      },
      2,
    );
    expect(parts.map((p) => p.amount)).toEqual([-6_000n, -4_000n]);
  });

  it("refuses amounts that do not total the line, and parts of zero or less", () => {
    expect(
      codeOf(() =>
        splitOf(
          -10_000n,
          {
            by: "amount",
            parts: [
              { accountId: "a", amount: "60" },
              { accountId: "b", amount: "39.99" },
            ],
          },
          2,
        ),
      ),
    ).toBe("transactions/split-not-total");
    expect(
      codeOf(() =>
        splitOf(
          -10_000n,
          {
            by: "amount",
            parts: [
              { accountId: "a", amount: "100" },
              { accountId: "b", amount: "0" },
            ],
          },
          2,
        ),
      ),
    ).toBe("transactions/split-bad-amount");
    expect(
      codeOf(() => splitOf(-10_000n, { by: "amount", parts: [{ accountId: "a", amount: "100" }] }, 2)),
    ).toBe("transactions/split-too-few-parts");
    expect(
      codeOf(() =>
        splitOf(
          -10_000n,
          {
            by: "amount",
            parts: [
              { accountId: "a", amount: "1.001" },
              { accountId: "b", amount: "98.999" },
            ],
          },
          2,
        ),
      ),
    ).toBe("money/too-many-decimals");
  });

  it("splits by percentages that make 100, the remainder going by the largest-remainder rule", () => {
    const parts = splitOf(
      -10_000n,
      {
        by: "percent",
        parts: [
          { accountId: "a", percent: "33.33" },
          { accountId: "b", percent: "33.33" },
          { accountId: "c", percent: "33.34" },
        ],
      },
      2,
    );
    expect(parts.map((p) => p.amount)).toEqual([-3_333n, -3_333n, -3_334n]);
    expect(parts.map((p) => p.percent)).toEqual(["33.33", "33.33", "33.34"]);
    expect(
      codeOf(() =>
        splitOf(
          -10_000n,
          {
            by: "percent",
            parts: [
              { accountId: "a", percent: "50" },
              { accountId: "b", percent: "49.9" },
            ],
          },
          2,
        ),
      ),
    ).toBe("transactions/split-percent-not-100");
  });

  it("always makes parts that total the line (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -10_000_000n, max: 10_000_000n }).filter((n) => n !== 0n),
        fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 2, maxLength: 8 }),
        (total, weights) => {
          // Percentages with two decimals that total exactly 100.00.
          const sum = weights.reduce((a, b) => a + b, 0);
          const hundredths = weights.map((w) => Math.floor((w * 10_000) / sum));
          hundredths[0]! += 10_000 - hundredths.reduce((a, b) => a + b, 0);
          fc.pre(hundredths.every((h) => h > 0));
          const parts = splitOf(
            total,
            {
              by: "percent",
              parts: hundredths.map((h, i) => ({ accountId: `a${i}`, percent: (h / 100).toFixed(2) })),
            },
            2,
          );
          expect(parts.reduce((a, p) => a + p.amount, 0n)).toBe(total);
          for (const p of parts) expect(p.amount === 0n || p.amount < 0n === total < 0n).toBe(true);
        },
      ),
    );
  });
});

describe("the journal entry of a coding", () => {
  const facts = {
    date: "2026-06-01",
    amount: -4_500n,
    currency: "USD",
    scale: 2,
    description: "SHELL OIL #1",
    bankLedgerAccountId: "bank",
  };

  it("moves the bank account by the line and the coded account by the other side, with the payee as contact", () => {
    const entry = entryFor(facts, {
      ...EMPTY_CODING,
      accountId: "fuel",
      contactId: "shell",
      classId: "east",
    });
    expect(entry.lines).toEqual([
      expect.objectContaining({ accountId: "bank", amount: -4_500n, contactId: "shell" }),
      expect.objectContaining({ accountId: "fuel", amount: 4_500n, contactId: "shell", classId: "east" }),
    ]);
  });

  it("balances for any amount and split (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -1_000_000_000n, max: 1_000_000_000n }).filter((n) => n !== 0n),
        fc.integer({ min: 2, max: 6 }),
        (amount, n) => {
          const magnitude = amount < 0n ? -amount : amount;
          const each = magnitude / BigInt(n);
          const amounts = Array.from({ length: n }, (_, i) =>
            i === 0 ? magnitude - each * BigInt(n - 1) : each,
          );
          fc.pre(amounts.every((a) => a > 0n));
          const split = splitOf(
            amount,
            { by: "amount", parts: amounts.map((a, i) => ({ accountId: `x${i}`, amount: a.toString() })) },
            0,
          );
          const entry = entryFor({ ...facts, amount }, { ...EMPTY_CODING, split });
          expect(entry.lines.reduce((s, l) => s + l.amount, 0n)).toBe(0n);
        },
      ),
    );
  });

  it("refuses a coding without an account", () => {
    expect(codeOf(() => entryFor(facts, EMPTY_CODING))).toBe("transactions/no-account");
  });
});

describe("amounts crossing into the ledger", () => {
  const facts = {
    date: "2026-03-02",
    amount: -1_250n,
    currency: "USD",
    scale: 2,
    description: "COFFEE BEANS",
    bankLedgerAccountId: "bank",
  };

  it("are rescaled to the ledger's scale, line and split parts alike, before the entry is made", () => {
    const split = [
      { accountId: "a", amount: -1_000n, classId: null, memo: null },
      { accountId: "b", amount: -250n, classId: null, memo: null },
    ];
    const scaled = atLedgerScale(facts, { ...EMPTY_CODING, split }, 4);
    expect(scaled.facts).toMatchObject({ amount: -125_000n, scale: 4 });
    expect(scaled.coding.split?.map((p) => p.amount)).toEqual([-100_000n, -25_000n]);
    const entry = entryFor(scaled.facts, scaled.coding);
    expect(entry.lines.map((l) => l.amount)).toEqual([-125_000n, 100_000n, 25_000n]);
    expect(atLedgerScale(facts, EMPTY_CODING, 2).facts).toBe(facts);
  });

  it("are refused, naming the transaction, when the ledger keeps fewer decimals than they need", () => {
    expect(codeOf(() => atLedgerScale(facts, { ...EMPTY_CODING, accountId: "x" }, 0))).toBe(
      "money/scale-loses-digits",
    );
    expect(() => atLedgerScale(facts, EMPTY_CODING, 0)).toThrow(
      /COFFEE BEANS.*-12\.50 USD.*0 decimal places/,
    );
    const whole = atLedgerScale({ ...facts, amount: -1_200n }, EMPTY_CODING, 0);
    expect(whole.facts.amount).toBe(-12n);
    const split = [
      { accountId: "a", amount: -1_150n, classId: null, memo: null },
      { accountId: "b", amount: -50n, classId: null, memo: null },
    ];
    expect(() => splitAtScale(split, 2, 0, "USD")).toThrow(/part 1 of the split/);
  });
});

describe("the re-post plan", () => {
  const fuel: Coding = { ...EMPTY_CODING, accountId: "fuel" };
  const meals: Coding = { ...EMPTY_CODING, accountId: "meals" };

  it("reverses and posts again when a posted coding changes, and does nothing when it does not", () => {
    expect(repostPlan("e1", fuel, meals, false)).toEqual({ reverse: "e1", post: true });
    expect(repostPlan("e1", fuel, { ...fuel }, true)).toEqual({ reverse: null, post: false });
  });

  it("posts an unposted transaction only when it should be posted", () => {
    expect(repostPlan(null, fuel, meals, false)).toEqual({ reverse: null, post: false });
    expect(repostPlan(null, fuel, meals, true)).toEqual({ reverse: null, post: true });
  });
});
