// Completes and checks one transaction the way hledger 1.25 does: fills the one amountless posting
// with the negated sum (at cost), infers a price when exactly two commodities are left unpriced, and
// requires each group (real, balanced virtual) to sum to zero at the commodities' display precision.
import { addDec, type Dec, looksZero, upscale } from "./decimal.ts";
import { LineError } from "./errors.ts";
import { showAmounts } from "./format.ts";
import type { DraftEntry, DraftPosting } from "./state.ts";
import type { Amount } from "./types.ts";

export type PrecisionOf = (commodity: string) => number | null;

/** Per-commodity sums kept in small parallel arrays: transactions have few commodities. */
class Sums {
  readonly commodities: string[] = [];
  readonly values: Dec[] = [];

  add(commodity: string, quantity: bigint, scale: number): void {
    const k = this.commodities.indexOf(commodity);
    if (k < 0) {
      this.commodities.push(commodity);
      this.values.push({ quantity, scale });
    } else {
      this.values[k] = addDec(this.values[k]!, { quantity, scale });
    }
  }

  nonZero(): Amount[] {
    const out: Amount[] = [];
    for (let k = 0; k < this.commodities.length; k++) {
      const v = this.values[k]!;
      if (v.quantity !== 0n)
        out.push({ quantity: v.quantity, scale: v.scale, commodity: this.commodities[k]! });
    }
    return out;
  }
}

/** What a posting contributes when balancing: its cost when it has one, else its amount. */
function balancingAmount(p: DraftPosting): Amount | null {
  return p.cost ?? p.amount;
}

function sumOf(postings: readonly DraftPosting[]): Sums {
  const sums = new Sums();
  for (const p of postings) {
    const a = balancingAmount(p);
    if (a) sums.add(a.commodity, a.quantity, a.scale);
  }
  return sums;
}

/**
 * hledger's price inference: with no prices written and exactly two commodities left over, the
 * postings in the first commodity get a price converting them into the other. One such posting
 * gets the whole total (`@@`); several share it in proportion, exactly (largest remainder).
 */
function inferPrices(group: DraftPosting[]): void {
  const amountSums = new Sums();
  for (const p of group) {
    if (p.price !== undefined) return;
    amountSums.add(p.amount!.commodity, p.amount!.quantity, p.amount!.scale);
  }
  const left = amountSums.nonZero();
  if (left.length !== 2) return;
  const fromCommodity = group.find((p) => left.some((a) => a.commodity === p.amount!.commodity))!.amount!
    .commodity;
  const from = left.find((a) => a.commodity === fromCommodity)!;
  const to = left.find((a) => a.commodity !== fromCommodity)!;
  const toAbs = to.quantity < 0n ? -to.quantity : to.quantity;
  const fromPostings = group.filter((p) => p.amount!.commodity === fromCommodity);
  if (fromPostings.length === 1) {
    const p = fromPostings[0]!;
    const q = p.amount!.quantity;
    const sign = q < 0n ? -1n : q > 0n ? 1n : 0n;
    p.price = { kind: "inferred", amount: { quantity: toAbs, scale: to.scale, commodity: to.commodity } };
    p.cost = { quantity: toAbs * sign, scale: to.scale, commodity: to.commodity };
    return;
  }
  // Several postings: cost_i = q_i × |to| / |from| overall, i.e. the total T = sign(from)·|to| split
  // in proportion to q_i. Quantities share one scale so the ratio is scale-free.
  const scale = Math.max(...fromPostings.map((p) => p.amount!.scale));
  const weights = fromPostings.map((p) => upscale(p.amount!.quantity, p.amount!.scale, scale));
  const fromTotal = upscale(from.quantity, from.scale, scale);
  const total = fromTotal < 0n ? -toAbs : toAbs;
  const shares = weights.map((w) => (total * w) / fromTotal);
  let remainder = total - shares.reduce((a, b) => a + b, 0n);
  const order = weights
    .map((w, i) => {
      const r = (total * w) % fromTotal;
      return { i, r: r < 0n ? -r : r };
    })
    .sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  const unit = remainder < 0n ? -1n : 1n;
  for (let k = 0; remainder !== 0n; k = (k + 1) % order.length) {
    shares[order[k]!.i]! += unit;
    remainder -= unit;
  }
  fromPostings.forEach((p, i) => {
    const c = shares[i]!;
    p.price = {
      kind: "inferred",
      amount: { quantity: c < 0n ? -c : c, scale: to.scale, commodity: to.commodity },
    };
    p.cost = { quantity: c, scale: to.scale, commodity: to.commodity };
  });
}

/** Replaces an amountless posting with one posting per commodity of the negated sum (hledger prints it so). */
function inferMissing(entry: DraftEntry, group: DraftPosting[], missing: DraftPosting): void {
  const sums = sumOf(group).nonZero();
  const amounts: Amount[] =
    sums.length === 0
      ? [{ quantity: 0n, scale: 0, commodity: "" }]
      : sums
          .sort((a, b) => (a.commodity < b.commodity ? -1 : a.commodity > b.commodity ? 1 : 0))
          .map((a) => ({ quantity: -a.quantity, scale: a.scale, commodity: a.commodity }));
  const at = entry.postings.indexOf(missing);
  const filled = amounts.map((amount) => ({ ...missing, amount, amountSource: "inferred" as const }));
  entry.postings.splice(at, 1, ...filled);
}

function groupLabel(virtual: boolean): string {
  return virtual ? "balanced virtual postings ([account])" : "postings";
}

/** Checks one group of postings (real, or balanced virtual) after inference; returns problems or residual. */
function checkGroup(
  group: DraftPosting[],
  virtual: boolean,
  precisionOf: PrecisionOf,
  residual: Amount[],
  problems: string[],
) {
  let missing: DraftPosting | null = null;
  for (const p of group) {
    if (p.amount !== null) continue;
    if (missing !== null) {
      const lines = group.filter((q) => q.amount === null).map((q) => q.line);
      throw new LineError(
        "several-missing-amounts",
        `only one ${virtual ? "balanced virtual posting" : "posting"} per transaction may omit its amount; ` +
          `lines ${lines.join(", ")} all do`,
      );
    }
    missing = p;
  }
  if (missing !== null) return missing;
  inferPrices(group);
  const left = sumOf(group).nonZero();
  if (left.length === 0) return null;
  const off = left.filter((a) => !looksZero(a, precisionOf(a.commodity)));
  if (off.length > 0) problems.push(`${groupLabel(virtual)} sum to ${showAmounts(off)}`);
  else residual.push(...left);
  return null;
}

/**
 * Completes the entry's amounts and checks it balances. Mutates `entry` (postings, residual).
 * Throws a LineError naming the imbalance per commodity.
 */
export function balanceEntry(entry: DraftEntry, precisionOf: PrecisionOf): void {
  const residual: Amount[] = [];
  const problems: string[] = [];
  let anyVirtual = false;
  for (const p of entry.postings) if (p.isVirtual) anyVirtual = true;
  // Most transactions have only real postings: no filtering needed.
  const groups: [DraftPosting[], boolean][] = anyVirtual
    ? [
        [entry.postings.filter((p) => !p.isVirtual), false],
        [entry.postings.filter((p) => p.isVirtual && p.balanced), true],
      ]
    : [[entry.postings, false]];
  for (const [group, virtual] of groups) {
    if (group.length === 0) continue;
    const missing = checkGroup(group, virtual, precisionOf, residual, problems);
    if (missing !== null) inferMissing(entry, group, missing);
  }
  if (anyVirtual) {
    // Unbalanced virtual postings need no amount; hledger leaves them at zero.
    for (let k = 0; k < entry.postings.length; k++) {
      const p = entry.postings[k]!;
      if (p.amount === null && !p.balanced) {
        entry.postings[k] = {
          ...p,
          amount: { quantity: 0n, scale: 0, commodity: "" },
          amountSource: "inferred",
        };
      }
    }
  }
  if (problems.length > 0) {
    throw new LineError(
      "unbalanced",
      `transaction does not balance: ${problems.join("; ")} (should be zero)`,
    );
  }
  if (residual.length > 0) entry.residual = residual;
}
