// Rule validation: a rule is checked whole before it is stored, and the first problem is reported
// with the field it concerns, so the rule editor can point at it.
import { validationError } from "../../../platform/errors.ts";
import { formatMinor, isoScale, parseDecimal } from "../../../platform/money.ts";
import type { Condition, Rule } from "./rules.ts";

export interface RuleContext {
  /** Accounts of the client's chart a rule may post to. */
  validAccounts: ReadonlySet<string>;
  /** Currency of the client's lines (for amount precision); USD-like 2 decimals by default. */
  currency?: string;
}

/** Checks a rule and throws a validation error naming the offending field. */
export function validateRule(rule: Rule, context: RuleContext): void {
  const fail = (code: string, detail: string, field: string): never => {
    throw validationError(`categorize/${code}`, detail, { field });
  };
  const exp = isoScale(context.currency ?? "USD");
  if (!rule.id) fail("rule-no-id", "a rule needs an id", "id");
  if (rule.scope === "client" && !rule.clientId)
    fail("rule-no-client", "a client rule needs a client", "clientId");
  if (rule.conditions.length === 0)
    fail("rule-no-conditions", "a rule needs at least one condition", "conditions");
  rule.conditions.forEach((c, i) => {
    const field = `conditions[${i}]`;
    if (c.field === "description" || c.field === "payee") {
      if (!c.value.trim()) fail("rule-empty-text", "the text to match is empty", `${field}.value`);
      if (c.op === "regex") {
        try {
          new RegExp(c.value, "i");
        } catch {
          fail("rule-bad-regex", `"${c.value}" is not a valid pattern`, `${field}.value`);
        }
      }
    } else if (c.field === "amount") {
      if (c.op === "equals") parseDecimal(c.value, exp, `${field}.value`);
      if (c.op === "between") {
        const min = parseDecimal(c.min, exp, `${field}.min`);
        const max = parseDecimal(c.max, exp, `${field}.max`);
        if (min > max) fail("rule-bad-range", `the range ${c.min}–${c.max} is empty`, field);
        if (min < 0n)
          fail(
            "rule-negative-amount",
            "amounts in rules are magnitudes; use a direction condition for in/out",
            `${field}.min`,
          );
      }
      if (c.op === "approx") {
        parseDecimal(c.value, exp, `${field}.value`);
        const tol = parseDecimal(c.tolerancePercent, 6, `${field}.tolerancePercent`);
        if (tol <= 0n || tol > 100_000_000n)
          fail(
            "rule-bad-tolerance",
            "the tolerance must be more than 0% and at most 100%",
            `${field}.tolerancePercent`,
          );
      }
    } else if (c.field === "direction") {
      if (c.value !== "in" && c.value !== "out")
        fail("rule-bad-direction", 'direction must be "in" or "out"', `${field}.value`);
    }
  });
  const { actions } = rule;
  if (!actions.account && !actions.payee && !actions.classId && !actions.memo && !actions.split) {
    fail(
      "rule-no-actions",
      "a rule must set at least one of account, payee, class, memo or split",
      "actions",
    );
  }
  const checkAccount = (account: string, field: string) => {
    if (!context.validAccounts.has(account))
      fail("unknown-account", `account "${account}" is not in this client's chart`, field);
  };
  if (actions.account) checkAccount(actions.account, "actions.account");
  if (actions.split) {
    const { split } = actions;
    if (split.parts.length < 2)
      fail("split-too-few-parts", "a split needs at least two parts", "actions.split.parts");
    split.parts.forEach((p, i) => checkAccount(p.account, `actions.split.parts[${i}].account`));
    if (split.by === "percent") {
      const scaled = split.parts.map((p, i) =>
        parseDecimal(p.percent, 6, `actions.split.parts[${i}].percent`),
      );
      if (scaled.some((s) => s <= 0n))
        fail("split-bad-percent", "each percentage must be more than 0", "actions.split.parts");
      const total = scaled.reduce((a, b) => a + b, 0n);
      if (total !== 100_000_000n) {
        fail(
          "split-percent-not-100",
          `split percentages total ${formatMinor(total, 6).replace(/\.?0+$/, "")}%, not 100%`,
          "actions.split.parts",
        );
      }
    } else {
      const fixed = split.parts.map((p, i) =>
        p.amount === undefined ? null : parseDecimal(p.amount, exp, `actions.split.parts[${i}].amount`),
      );
      if (fixed.some((f) => f !== null && f <= 0n))
        fail("split-bad-amount", "each split amount must be more than 0", "actions.split.parts");
      const rest = fixed.filter((f) => f === null).length;
      if (rest > 1)
        fail("split-two-remainders", "only one split part may take the rest", "actions.split.parts");
      const sum = fixed.reduce<bigint>((a, b) => a + (b ?? 0n), 0n);
      const pinned = rule.conditions.find(
        (c): c is Extract<Condition, { op: "equals"; field: "amount" }> =>
          c.field === "amount" && c.op === "equals",
      );
      if (pinned && rule.match === "all") {
        const amount = parseDecimal(pinned.value, exp);
        if (rest === 0 && sum !== amount) {
          fail(
            "split-not-total",
            `split parts total ${formatMinor(sum, exp)} but the rule's amount is ${formatMinor(amount, exp)}`,
            "actions.split.parts",
          );
        }
        if (rest === 1 && sum >= amount)
          fail(
            "split-exceeds-amount",
            `the fixed parts (${formatMinor(sum, exp)}) leave nothing of ${formatMinor(amount, exp)} for the rest`,
            "actions.split.parts",
          );
      } else if (rest === 0) {
        fail(
          "split-not-total",
          "a split by fixed amounts needs an 'amount equals' condition or one part that takes the rest",
          "actions.split.parts",
        );
      }
    }
  }
}
