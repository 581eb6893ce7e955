// Bounded subset-sum: which few of a handful of amounts add up exactly to a total, and how easily
// chance alone would have produced such a sum. The search is cut by size (at most `maxParts` parts
// among at most a few dozen candidates) and by a budget of steps.

export interface SubsetSearch {
  /** Up to two solutions, each the positions (in `parts`) of the amounts that sum to the total. */
  solutions: number[][];
  /**
   * Expected number of combinations that would hit the total by chance, measured rather than
   * assumed: combinations whose sums land near the total (within a quarter of it) give the density
   * of sums there, both over all values and over values with the total's cents (round amounts
   * make round sums common). A single solution is evidence only when this is small. Infinity
   * when the step budget ran out.
   */
  chance: number;
}

const BUDGET = 200_000;

/** Subsets of 2..maxParts of the positive `parts` that sum to the positive `total`. */
export function findSubsets(total: bigint, parts: readonly bigint[], maxParts: number): SubsetSearch {
  const order = parts
    .map((_, i) => i)
    .sort((a, b) => (parts[b]! > parts[a]! ? 1 : parts[b]! < parts[a]! ? -1 : a - b));
  const sorted = order.map((i) => parts[i]!);
  // prefix[i] = sum of the i largest: the most that the next r parts from p can add is prefix[p+r] − prefix[p].
  const prefix: bigint[] = [0n];
  for (const a of sorted) prefix.push(prefix[prefix.length - 1]! + a);
  const n = sorted.length;
  const band = total / 4n > 1000n ? total / 4n : 1000n;
  const low = total - band;
  const high = total + band;
  const cents = total % 100n;
  const solutions: number[][] = [];
  const chosen: number[] = [];
  let near = 0; // sums in the band other than the total
  let nearSameCents = 0;
  let steps = 0;
  const walk = (from: number, sum: bigint): void => {
    for (let p = from; p < n; p++) {
      if (++steps > BUDGET) return;
      const next = sum + sorted[p]!;
      if (next > high) continue;
      const room = maxParts - chosen.length; // parts still allowed, this one included
      if (sum + prefix[Math.min(n, p + room)]! - prefix[p]! < low) return; // even the largest fall short
      chosen.push(p);
      if (chosen.length >= 2 && next >= low) {
        if (next === total) {
          if (solutions.length < 2) solutions.push(chosen.map((q) => order[q]!).sort((x, y) => x - y));
        } else {
          near++;
          if (next % 100n === cents) nearSameCents++;
        }
      }
      if (room > 1) walk(p + 1, next);
      chosen.pop();
    }
  };
  walk(0, 0n);
  // Values in the band: 2·band + 1, a hundredth of them with the total's cents. Band and counts
  // are small numbers (a quarter of an amount, a few thousand combinations), not amounts.
  const values = Number(2n * band + 1n);
  // One or two near sums sharing the cents happen by chance (a hundredth of all); from three on
  // they show the parts are round, and the round density stands.
  const round = nearSameCents >= 3 ? nearSameCents * 100 : 0;
  const chance = steps > BUDGET ? Infinity : Math.max(near, round, 1) / values;
  return { solutions, chance };
}
