// "Create rule from this": one reviewer's correction becomes a client rule that codes the same
// merchant's lines, in the same direction, the same way next time.
import { formatMinor } from "../../../platform/money.ts";
import { normalizeMerchant } from "./normalize.ts";
import { scaleOf, magnitude, type Condition, type Rule, type RuleActions } from "./rules.ts";
import type { BankLine } from "./types.ts";

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
  const exp = scaleOf(line);
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
