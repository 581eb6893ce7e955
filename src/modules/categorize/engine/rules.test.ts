// Rules: matching, ranking, splits and validation, with property tests for the invariants.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../../../platform/errors.ts";
import {
  applyRule,
  compareRules,
  matchRule,
  previewRule,
  selectRule,
  splitParts,
  type Condition,
  type Rule,
} from "./rules.ts";
import { ruleFromCorrection } from "./rule-from-correction.ts";
import { validateRule } from "./rule-validation.ts";
import type { BankLine } from "./types.ts";

const line = (over: Partial<BankLine> = {}): BankLine => ({
  id: "l1",
  clientId: "acme",
  bankAccountId: "chk",
  date: "2025-03-01",
  description: "POS DEBIT AMAZON MKTPLACE PMTS 1234",
  amount: -4599n,
  ...over,
});

const rule = (over: Partial<Rule> = {}): Rule => ({
  id: "r1",
  scope: "client",
  clientId: "acme",
  match: "all",
  conditions: [{ field: "description", op: "contains", value: "amazon" }],
  actions: { account: "office" },
  ...over,
});

const accounts = new Set(["office", "meals", "rent", "cogs"]);

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an error");
}

describe("matching", () => {
  it("checks description, payee, amount, direction and bank account", () => {
    const l = line();
    const yes: Condition[] = [
      { field: "description", op: "contains", value: "AMAZON" },
      { field: "description", op: "startsWith", value: "pos debit" },
      { field: "description", op: "regex", value: "mktplace\\s+pmts" },
      { field: "payee", op: "equals", value: "amazon" },
      { field: "amount", op: "equals", value: "45.99" },
      { field: "amount", op: "between", min: "40", max: "50" },
      { field: "amount", op: "approx", value: "45", tolerancePercent: "5" },
      { field: "direction", op: "is", value: "out" },
      { field: "bankAccount", op: "is", value: "chk" },
    ];
    for (const c of yes) expect(matchRule(rule({ conditions: [c] }), l), JSON.stringify(c)).toBe(true);
    const no: Condition[] = [
      { field: "description", op: "contains", value: "walmart" },
      { field: "amount", op: "equals", value: "45.98" },
      { field: "amount", op: "approx", value: "40", tolerancePercent: "5" },
      { field: "direction", op: "is", value: "in" },
      { field: "bankAccount", op: "is", value: "card" },
    ];
    for (const c of no) expect(matchRule(rule({ conditions: [c] }), l), JSON.stringify(c)).toBe(false);
  });

  it("matches ALL or ANY", () => {
    const conditions: Condition[] = [
      { field: "description", op: "contains", value: "amazon" },
      { field: "direction", op: "is", value: "in" },
    ];
    expect(matchRule(rule({ conditions, match: "all" }), line())).toBe(false);
    expect(matchRule(rule({ conditions, match: "any" }), line())).toBe(true);
  });

  it("keeps client rules to their client and skips disabled rules", () => {
    expect(matchRule(rule(), line({ clientId: "other" }))).toBe(false);
    expect(matchRule(rule({ scope: "firm", clientId: undefined }), line({ clientId: "other" }))).toBe(true);
    expect(matchRule(rule({ enabled: false }), line())).toBe(false);
  });
});

describe("ranking", () => {
  it("prefers client rules, then more specific rules", () => {
    const firm = rule({
      id: "firm",
      scope: "firm",
      clientId: undefined,
      conditions: [{ field: "description", op: "equals", value: line().description }],
    });
    const broad = rule({ id: "broad" });
    const narrow = rule({
      id: "narrow",
      conditions: [...broad.conditions, { field: "amount", op: "equals", value: "45.99" }],
      actions: { account: "cogs" },
    });
    expect(selectRule([firm, broad, narrow], line())?.id).toBe("narrow");
    expect(selectRule([firm, broad], line())?.id).toBe("broad");
    expect(selectRule([firm], line())?.id).toBe("firm");
  });

  const conditionArb: fc.Arbitrary<Condition> = fc.oneof(
    fc
      .constantFrom("amazon", "pos", "mktplace", "amazon mktplace")
      .map((value): Condition => ({ field: "description", op: "contains", value })),
    fc.constant<Condition>({ field: "direction", op: "is", value: "out" }),
    fc.constant<Condition>({ field: "amount", op: "between", min: "10", max: "100" }),
    fc.constant<Condition>({ field: "amount", op: "equals", value: "45.99" }),
    fc.constant<Condition>({ field: "bankAccount", op: "is", value: "chk" }),
  );
  const rulesArb = fc
    .array(
      fc.record({
        scope: fc.constantFrom<"client" | "firm">("client", "firm"),
        match: fc.constantFrom<"all" | "any">("all", "any"),
        conditions: fc.array(conditionArb, { minLength: 1, maxLength: 3 }),
        createdAt: fc.constantFrom("2025-01-01", "2025-02-01"),
      }),
      { minLength: 1, maxLength: 8 },
    )
    .map((specs) =>
      specs.map((s, i): Rule => ({ id: `r${i}`, clientId: "acme", actions: { account: "office" }, ...s })),
    );

  it("chooses the same rule whatever the order of the list", () => {
    fc.assert(
      fc.property(rulesArb, fc.infiniteStream(fc.nat()), (rules, seeds) => {
        const expected = selectRule(rules, line())?.id;
        const shuffled = [...rules]
          .map((r) => ({ r, k: seeds.next().value as number }))
          .sort((a, b) => a.k - b.k)
          .map(({ r }) => r);
        expect(selectRule(shuffled, line())?.id).toBe(expected);
        expect(selectRule([...rules].reverse(), line())?.id).toBe(expected);
      }),
    );
  });

  it("orders rules totally (antisymmetric, never 0 for different ids)", () => {
    fc.assert(
      fc.property(rulesArb, (rules) => {
        for (const a of rules)
          for (const b of rules)
            if (a.id !== b.id)
              expect(Math.sign(compareRules(a, b))).toBe(-Math.sign(compareRules(b, a)) || 1);
      }),
    );
  });
});

describe("splits", () => {
  it("splits by percent with parts summing to the amount, keeping the sign", () => {
    const parts = splitParts(
      {
        by: "percent",
        parts: [
          { account: "office", percent: "33.33" },
          { account: "meals", percent: "33.33" },
          { account: "rent", percent: "33.34" },
        ],
      },
      line({ amount: -10000n }),
    );
    expect(parts.map((p) => p.amount)).toEqual([-3333n, -3333n, -3334n]);
  });

  it("splits by amount with one part taking the rest", () => {
    const parts = splitParts(
      { by: "amount", parts: [{ account: "office", amount: "10.00" }, { account: "meals" }] },
      line(),
    );
    expect(parts.map((p) => p.amount)).toEqual([-1000n, -3599n]);
  });

  it("never posts a fixed split that does not fit the line", () => {
    const r = rule({
      actions: {
        split: {
          by: "amount",
          parts: [
            { account: "office", amount: "10.00" },
            { account: "meals", amount: "30.00" },
          ],
        },
      },
    });
    expect(matchRule(r, line())).toBe(false);
    expect(matchRule(r, line({ amount: -4000n }))).toBe(true);
  });

  it("percent splits always sum to the amount (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -10_000_000_000n, max: 10_000_000_000n }),
        fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 2, maxLength: 6 }),
        (amount, weights) => {
          // Turn weights into percentages with 4 decimals that total exactly 100.
          const total = weights.reduce((a, b) => a + b, 0);
          const scaled = weights.map((w) => Math.floor((w * 1_000_000) / total));
          scaled[0]! += 1_000_000 - scaled.reduce((a, b) => a + b, 0);
          const percents = scaled.map((s) => (s / 10_000).toFixed(4));
          const parts = splitParts(
            { by: "percent", parts: percents.map((percent, i) => ({ account: `a${i}`, percent })) },
            line({ amount }),
          );
          expect(parts.reduce((a, p) => a + p.amount, 0n)).toBe(amount);
        },
      ),
    );
  });

  it("amount splits with a remainder always sum to the amount (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10_000_000n }),
        fc.array(fc.bigInt({ min: 1n, max: 1_000n }), { minLength: 1, maxLength: 4 }),
        (abs, fixed) => {
          const sum = fixed.reduce((a, b) => a + b, 0n);
          fc.pre(sum <= abs);
          const cents = (v: bigint) => `${v / 100n}.${String(v % 100n).padStart(2, "0")}`;
          const split = {
            by: "amount" as const,
            parts: [...fixed.map((v, i) => ({ account: `a${i}`, amount: cents(v) })), { account: "rest" }],
          };
          for (const amount of [abs, -abs]) {
            const parts = splitParts(split, line({ amount }));
            expect(parts.reduce((a, p) => a + p.amount, 0n)).toBe(amount);
          }
        },
      ),
    );
  });
});

describe("validation", () => {
  it("accepts a sound rule", () => {
    expect(() => validateRule(rule(), { validAccounts: accounts })).not.toThrow();
  });

  it.each([
    [
      "unknown account",
      rule({ actions: { account: "nope" } }),
      "categorize/unknown-account",
      "actions.account",
    ],
    ["no conditions", rule({ conditions: [] }), "categorize/rule-no-conditions", "conditions"],
    ["no actions", rule({ actions: {} }), "categorize/rule-no-actions", "actions"],
    [
      "bad regex",
      rule({ conditions: [{ field: "description", op: "regex", value: "(" }] }),
      "categorize/rule-bad-regex",
      "conditions[0].value",
    ],
    [
      "empty range",
      rule({ conditions: [{ field: "amount", op: "between", min: "50", max: "10" }] }),
      "categorize/rule-bad-range",
      "conditions[0]",
    ],
    [
      "percent not 100",
      rule({
        actions: {
          split: {
            by: "percent",
            parts: [
              { account: "office", percent: "60" },
              { account: "meals", percent: "30" },
            ],
          },
        },
      }),
      "categorize/split-percent-not-100",
      "actions.split.parts",
    ],
    [
      "split not summing to the rule's amount",
      rule({
        conditions: [{ field: "amount", op: "equals", value: "100.00" }],
        actions: {
          split: {
            by: "amount",
            parts: [
              { account: "office", amount: "60.00" },
              { account: "meals", amount: "30.00" },
            ],
          },
        },
      }),
      "categorize/split-not-total",
      "actions.split.parts",
    ],
    [
      "unknown split account",
      rule({
        actions: {
          split: {
            by: "percent",
            parts: [
              { account: "office", percent: "50" },
              { account: "ghost", percent: "50" },
            ],
          },
        },
      }),
      "categorize/unknown-account",
      "actions.split.parts[1].account",
    ],
  ])("rejects %s", (_name, r, code, field) => {
    const error = errorOf(() => validateRule(r, { validAccounts: accounts }));
    expect(error.code).toBe(code);
    expect(error.kind).toBe("validation");
    expect(error.field).toBe(field);
    expect(error.detail.length).toBeGreaterThan(10);
  });

  it("says what percentages add up to", () => {
    const error = errorOf(() =>
      validateRule(
        rule({
          actions: {
            split: {
              by: "percent",
              parts: [
                { account: "office", percent: "60" },
                { account: "meals", percent: "30.5" },
              ],
            },
          },
        }),
        {
          validAccounts: accounts,
        },
      ),
    );
    expect(error.detail).toContain("90.5%");
  });
});

describe("ruleFromCorrection and previewRule", () => {
  it("builds a valid rule in one step that catches the same merchant again", () => {
    const corrected = line();
    const r = ruleFromCorrection(corrected, { account: "office", payee: "Amazon" }, "from-correction");
    expect(() => validateRule(r, { validAccounts: accounts })).not.toThrow();
    expect(matchRule(r, corrected)).toBe(true);
    expect(matchRule(r, line({ id: "l2", description: "AMAZON MKTPLACE PMTS 998877", amount: -1299n }))).toBe(
      true,
    );
    expect(matchRule(r, line({ id: "l3", description: "AMAZON MKTPLACE REFUND", amount: 1299n }))).toBe(
      false,
    );
    expect(matchRule(r, line({ id: "l4", description: "STAPLES 0042" }))).toBe(false);
    expect(applyRule(r, corrected)).toMatchObject({ account: "office", payee: "Amazon" });
  });

  it("pins the amount when the correction was a split", () => {
    const r = ruleFromCorrection(
      line({ amount: -100000n, description: "ACH RENT PROPERTY MGMT" }),
      {
        account: "rent",
        split: [
          { account: "rent", amount: -80000n },
          { account: "cogs", amount: -20000n },
        ],
      },
      "split",
    );
    expect(() => validateRule(r, { validAccounts: accounts })).not.toThrow();
    const outcome = applyRule(r, line({ amount: -100000n, description: "ACH RENT PROPERTY MGMT" }));
    expect(outcome.split?.map((p) => p.amount)).toEqual([-80000n, -20000n]);
  });

  it("previews the lines a rule takes and where another rule still wins", () => {
    const lines = [line(), line({ id: "l2", amount: -4500n }), line({ id: "l3", description: "UBER TRIP" })];
    const stronger = rule({
      id: "exact",
      conditions: [
        { field: "amount", op: "equals", value: "45.00" },
        { field: "description", op: "contains", value: "amazon" },
      ],
    });
    const preview = previewRule(rule(), lines, [stronger]);
    expect(preview.matched).toBe(2);
    expect(preview.lines.find((l) => l.lineId === "l2")?.outrankedBy).toBe("exact");
    expect(preview.lines.find((l) => l.lineId === "l1")?.outrankedBy).toBeUndefined();
  });
});
