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
import { validationError } from "../../../platform/errors.ts";
import { allocate, allocateByPercent, formatMinor, isoScale, parseDecimal } from "../../../platform/money.ts";
import { normalized } from "./features.ts";
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

/** Size of an amount whatever its direction. */
export function magnitude(amount: bigint): bigint {
  return amount < 0n ? -amount : amount;
}

/** Decimal places of the line's currency (2 when none is given). */
export function scaleOf(line: BankLine): number {
  return isoScale(line.currency ?? "USD");
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
      const exp = scaleOf(line);
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
  const exp = scaleOf(line);
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

/** Splits an amount evenly into n parts (helper for the review screen's "split equally"). */
export function splitEvenly(amount: bigint, parts: number): bigint[] {
  return allocate(
    amount,
    Array.from({ length: parts }, () => 1n),
  );
}
