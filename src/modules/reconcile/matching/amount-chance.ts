// How common an amount is: the expected number of lines in a date window that carry exactly this
// amount by coincidence. An equal amount proves little for $18.05 among thousands of small card
// charges, much for $2,417.63; round amounts ($50.00) are commoner still. Estimated from the
// amounts near it (within a tenth) over the whole side, scaled to the window.

function lowerBound(sorted: BigInt64Array, x: bigint): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface AmountDensity {
  /** Expected lines within ±window business days with exactly `amount`, by chance. */
  chance(amount: bigint, window: number): number;
}

export function amountDensity(lines: readonly { amount: bigint; businessDay: number }[]): AmountDensity {
  // A typed array sorts numerically without a comparator (amounts fit: at most MAX_MINOR).
  const all = BigInt64Array.from(lines, (l) => l.amount).sort();
  const round = all.filter((a) => a % 100n === 0n);
  let first = Infinity;
  let last = -Infinity;
  for (const l of lines) {
    first = Math.min(first, l.businessDay);
    last = Math.max(last, l.businessDay);
  }
  const span = lines.length ? last - first + 1 : 1;
  const count = (sorted: BigInt64Array, lo: bigint, hi: bigint) =>
    lowerBound(sorted, hi + 1n) - lowerBound(sorted, lo);
  return {
    chance(amount, window) {
      const tenth = (amount < 0n ? -amount : amount) / 10n;
      const lo = amount - tenth;
      const hi = amount + tenth;
      // Counts and the band's width are sizes, not amounts: numbers are fine for a probability.
      const width = Number(hi - lo + 1n);
      const share = Math.min(1, (2 * window + 1) / span);
      const exact = (count(all, lo, hi) * share) / width;
      if (amount % 100n !== 0n) return exact;
      const roundValues = Math.max(1, Math.floor(width / 100));
      return Math.max(exact, (count(round, lo, hi) * share) / roundValues);
    },
  };
}
