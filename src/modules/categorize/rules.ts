// Rules as data: "when the description contains AMAZON and money goes out, post to Office Supplies".
// Conditions on description, payee, amount, direction and bank account; actions set account, payee,
// class, memo or a split. Rules are deterministic and always win over learned predictions.
//
// Ranking (most specific first, a total order, so the chosen rule never depends on list order):
//   1. client rules before firm-wide rules;
//   2. higher specificity score. Each condition scores by how narrow it is: description/payee
//      equals 100, amount equals 80, bank account 60, starts-with 50, amount approx 45, amount range
//      40, contains 30 (+1 per character of the text, up to 20), regex 25, direction 10. A rule
//      matching ALL conditions scores their sum; a rule matching ANY scores its weakest condition;
//   3. more conditions; 4. the earlier `createdAt`; 5. the smaller id.
import { validationError } from "../../platform/errors.ts";
import { allocate, allocateByPercent, formatMinor, isoExponent, parseDecimal } from "../../platform/money.ts";
import { normalized } from "./features.ts";
import { normalizeMerchant } from "./normalize.ts";
import type { BankLine, SplitPart } from "./types.ts";

export type TextField = "description" | "payee";

export type Condition =
  | { field: TextField; op: "contains" | "equals" | "startsWith"; value: string }
  | { field: TextField; op: "regex"; value: string }
  /** Amounts are decimal strings in the line's currency and compare with the line's magnitude. */
  | { field: "amount"; op: "equals"; value: string }
  | { field: "amount"; op: "between"; min: string; max: string }
  | { field: "amount"; op: "approx"; value: string; tolerancePercent: string }
  | { field: "direction"; op: "is"; value: "in" | "out" }
  | { field: "bankAccount"; op: "is"; value: string };

export type SplitAction =
  /** Fixed amounts (decimal strings); at most one part leaves `amount` out and takes the rest. */
  | { by: "amount"; parts: Array<{ account: string; amount?: string; classId?: string; memo?: string }> }
  /** Percentages as decimal strings ("33.33") that must total exactly 100. */
  | { by: "percent"; parts: Array<{ account: string; percent: string; classId?: string; memo?: string }> };

export interface RuleActions {
  account?: string;
  payee?: string;
  classId?: string;
  memo?: string;
  split?: SplitAction;
}

export interface Rule {
  id: string;
  name?: string;
  /** Client rules apply to one client and outrank firm-wide rules. */
  scope: "client" | "firm";
  clientId?: string;
  match: "all" | "any";
  conditions: Condition[];
  actions: RuleActions;
  enabled?: boolean;
  /** Bumped on each edit; recorded with the predictions the rule makes. */
  version?: number;
  createdAt?: string;
}

/** What a rule does to one line. */
export interface RuleOutcome {
  ruleId: string;
  account: string | null;
  payee: string | null;
  classId: string | null;
  memo: string | null;
  split: SplitPart[] | null;
}

/** The payee name a rule condition sees: the given one, else the normalized merchant. */
function payeeOf(line: BankLine, payee?: string): string {
  return payee ?? normalized(line.description).name ?? "";
}

const regexCache = new Map<string, RegExp>();
function regexOf(source: string): RegExp {
  let re = regexCache.get(source);
  if (!re) {
    re = new RegExp(source, "i");
    if (regexCache.size > 1000) regexCache.clear();
    regexCache.set(source, re);
  }
  return re;
}

function magnitude(amount: bigint): bigint {
  return amount < 0n ? -amount : amount;
}

function exponentOf(line: BankLine): number {
  return isoExponent(line.currency ?? "USD");
}

/** Does one condition hold for a line? */
export function matchCondition(condition: Condition, line: BankLine, payee?: string): boolean {
  switch (condition.field) {
    case "description":
    case "payee": {
      const text = (condition.field === "description" ? line.description : payeeOf(line, payee))
        .toLowerCase()
        .replace(/\s+/g, " ")
        .trim();
      if (condition.op === "regex") return regexOf(condition.value).test(text);
      const value = condition.value.toLowerCase().replace(/\s+/g, " ").trim();
      if (condition.op === "equals") return text === value;
      if (condition.op === "startsWith") return text.startsWith(value);
      return text.includes(value);
    }
    case "amount": {
      const exp = exponentOf(line);
      const abs = magnitude(line.amount);
      if (condition.op === "equals") return abs === parseDecimal(condition.value, exp);
      if (condition.op === "between")
        return abs >= parseDecimal(condition.min, exp) && abs <= parseDecimal(condition.max, exp);
      // approx: |abs − value| ≤ value × tolerance%, in integers (percent scaled by 10^6).
      const target = parseDecimal(condition.value, exp);
      const tolerance = parseDecimal(condition.tolerancePercent, 6);
      return magnitude(abs - target) * 100_000_000n <= target * tolerance;
    }
    case "direction":
      return condition.value === "in" ? line.amount > 0n : line.amount < 0n;
    case "bankAccount":
      return line.bankAccountId === condition.value;
  }
}

/** Does the rule apply to the line (scope, enabled, conditions, and a split that fits the amount)? */
export function matchRule(rule: Rule, line: BankLine, payee?: string): boolean {
  if (rule.enabled === false) return false;
  if (rule.scope === "client" && rule.clientId !== line.clientId) return false;
  if (rule.conditions.length === 0) return false;
  const hit =
    rule.match === "all"
      ? rule.conditions.every((c) => matchCondition(c, line, payee))
      : rule.conditions.some((c) => matchCondition(c, line, payee));
  if (!hit) return false;
  if (rule.actions.split?.by === "amount") {
    try {
      splitParts(rule.actions.split, line);
    } catch {
      return false; // fixed parts that do not fit this amount: the rule cannot post this line
    }
  }
  return true;
}

function conditionScore(condition: Condition): number {
  switch (condition.field) {
    case "description":
    case "payee":
      if (condition.op === "equals") return 100;
      if (condition.op === "startsWith") return 50;
      if (condition.op === "regex") return 25;
      return 30 + Math.min(20, condition.value.trim().length);
    case "amount":
      return condition.op === "equals" ? 80 : condition.op === "approx" ? 45 : 40;
    case "direction":
      return 10;
    case "bankAccount":
      return 60;
  }
}

/** How specific a rule is (see the ranking at the top of this file). */
export function specificity(rule: Rule): number {
  if (rule.conditions.length === 0) return 0;
  const scores = rule.conditions.map(conditionScore);
  return rule.match === "all" ? scores.reduce((a, b) => a + b, 0) : Math.min(...scores);
}

/** Total order of rules, most specific first. */
export function compareRules(a: Rule, b: Rule): number {
  const scope = (a.scope === "client" ? 0 : 1) - (b.scope === "client" ? 0 : 1);
  if (scope !== 0) return scope;
  const spec = specificity(b) - specificity(a);
  if (spec !== 0) return spec;
  const count = b.conditions.length - a.conditions.length;
  if (count !== 0) return count;
  const created = (a.createdAt ?? "").localeCompare(b.createdAt ?? "");
  if (created !== 0) return created;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The most specific rule that applies to a line, if any. */
export function selectRule(rules: readonly Rule[], line: BankLine, payee?: string): Rule | undefined {
  let best: Rule | undefined;
  for (const rule of rules) {
    if (!matchRule(rule, line, payee)) continue;
    if (!best || compareRules(rule, best) < 0) best = rule;
  }
  return best;
}

/** The split parts of a line under a split action; parts always sum to the line's amount. */
export function splitParts(split: SplitAction, line: BankLine): SplitPart[] {
  const exp = exponentOf(line);
  const sign = line.amount < 0n ? -1n : 1n;
  const abs = magnitude(line.amount);
  if (split.by === "percent") {
    const amounts = allocateByPercent(
      abs,
      split.parts.map((p) => p.percent),
    );
    return split.parts.map((p, i) => ({
      account: p.account,
      amount: sign * amounts[i]!,
      classId: p.classId,
      memo: p.memo,
    }));
  }
  const fixed = split.parts.map((p) =>
    p.amount === undefined ? null : parseDecimal(p.amount, exp, "split.amount"),
  );
  const fixedSum = fixed.reduce<bigint>((a, b) => a + (b ?? 0n), 0n);
  const rest = fixed.filter((f) => f === null).length;
  if (rest > 1)
    throw validationError("categorize/split-two-remainders", "only one split part may take the rest", {
      field: "actions.split",
    });
  if (rest === 0 && fixedSum !== abs) {
    throw validationError(
      "categorize/split-not-total",
      `split parts total ${formatMinor(fixedSum, exp)} but the line is ${formatMinor(abs, exp)}`,
      { field: "actions.split" },
    );
  }
  if (fixedSum > abs) {
    throw validationError(
      "categorize/split-exceeds-amount",
      `split parts total ${formatMinor(fixedSum, exp)}, more than the line's ${formatMinor(abs, exp)}`,
      {
        field: "actions.split",
      },
    );
  }
  return split.parts.map((p, i) => ({
    account: p.account,
    amount: sign * (fixed[i] ?? abs - fixedSum),
    classId: p.classId,
    memo: p.memo,
  }));
}

/** What the rule does to the line. Call only when matchRule holds. */
export function applyRule(rule: Rule, line: BankLine): RuleOutcome {
  const { actions } = rule;
  const split = actions.split ? splitParts(actions.split, line) : null;
  return {
    ruleId: rule.id,
    account: actions.account ?? (split && split.length > 0 ? split[0]!.account : null),
    payee: actions.payee ?? null,
    classId: actions.classId ?? null,
    memo: actions.memo ?? null,
    split,
  };
}

export interface RulePreview {
  matched: number;
  /** Lines the rule would take, each with what it would do and which rule would win instead, if any. */
  lines: Array<{ lineId: string; outcome: RuleOutcome; outrankedBy?: string }>;
}

/** What a (new or edited) rule would do to existing lines, and where another rule would still win. */
export function previewRule(
  rule: Rule,
  lines: readonly BankLine[],
  otherRules: readonly Rule[] = [],
): RulePreview {
  const out: RulePreview["lines"] = [];
  for (const line of lines) {
    if (!matchRule(rule, line)) continue;
    const winner = selectRule([...otherRules.filter((r) => r.id !== rule.id), rule], line);
    out.push({
      lineId: line.id,
      outcome: applyRule(rule, line),
      ...(winner && winner.id !== rule.id ? { outrankedBy: winner.id } : {}),
    });
  }
  return { matched: out.length, lines: out };
}

/** A correction a reviewer made, as the rule builder sees it. */
export interface Correction {
  account: string;
  payee?: string;
  classId?: string;
  memo?: string;
  /** A split by amount the reviewer entered (minor units, summing to the line's amount). */
  split?: Array<{ account: string; amount: bigint; classId?: string; memo?: string }>;
}

/**
 * A rule from one correction, in one step: lines from the same merchant (same payee, or failing
 * that the same cleaned description) in the same direction get the same coding. A split by
 * amount also pins the amount, since fixed parts only fit that amount.
 */
export function ruleFromCorrection(
  line: BankLine,
  correction: Correction,
  id: string,
  createdAt?: string,
): Rule {
  const merchant = normalizeMerchant(line.description);
  const conditions: Condition[] = [];
  if (merchant.name) conditions.push({ field: "payee", op: "equals", value: merchant.name });
  else
    conditions.push({
      field: "description",
      op: "contains",
      value: line.description.trim().toLowerCase().replace(/\s+/g, " "),
    });
  if (line.amount !== 0n)
    conditions.push({ field: "direction", op: "is", value: line.amount < 0n ? "out" : "in" });
  const exp = exponentOf(line);
  const actions: RuleActions = { account: correction.account };
  if (correction.payee) actions.payee = correction.payee;
  if (correction.classId) actions.classId = correction.classId;
  if (correction.memo) actions.memo = correction.memo;
  if (correction.split && correction.split.length > 0) {
    conditions.push({ field: "amount", op: "equals", value: formatMinor(magnitude(line.amount), exp) });
    actions.split = {
      by: "amount",
      parts: correction.split.map((p) => ({
        account: p.account,
        amount: formatMinor(magnitude(p.amount), exp),
        ...(p.classId ? { classId: p.classId } : {}),
        ...(p.memo ? { memo: p.memo } : {}),
      })),
    };
    delete actions.account;
  }
  const label = merchant.name ?? line.description.trim();
  return {
    id,
    name: `${label} → ${correction.split?.length ? "split" : correction.account}`,
    scope: "client",
    clientId: line.clientId,
    match: "all",
    conditions,
    actions,
    enabled: true,
    version: 1,
    ...(createdAt ? { createdAt } : {}),
  };
}

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
  const exp = isoExponent(context.currency ?? "USD");
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

/** Splits an amount evenly into n parts (helper for the review screen's "split equally"). */
export function splitEvenly(amount: bigint, parts: number): bigint[] {
  return allocate(
    amount,
    Array.from({ length: parts }, () => 1n),
  );
}
