// Calibration: turns a raw score into the probability that a prediction is right, fitted on
// held-out history. Isotonic regression (pool-adjacent-violators) keeps the map monotone; each
// block's rate is shrunk towards the pooled rate when it rests on few lines, and blocks claim the
// high band only on enough evidence, so that "98%" is not claimed on thin evidence.

export interface Calibrator {
  /** Upper score bound of each block (ascending); the last block extends to +∞. */
  bounds: number[];
  /** Calibrated probability of each block. */
  values: number[];
  /** Number of held-out lines the calibrator was fitted on (0 = the identity fallback). */
  fittedOn: number;
  /** The lowest score among those lines. Below it the fit has no evidence: a score there keeps its
   *  own value (at most the first block's), instead of borrowing the rate of lines scored far
   *  higher. (Absent in calibrators fitted before it was kept.) */
  low?: number;
}

/** Used before any history exists: trusts the score, but never above 0.9. */
export const FALLBACK_CALIBRATOR: Calibrator = {
  bounds: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9],
  values: [0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.9],
  fittedOn: 0,
};

export interface IsotonicOptions {
  /** Pseudo-count pulling each block towards the pooled rate. */
  prior: number;
  /** The confidence level that lets a line through without review (the high band). */
  high: number;
  /** z of the lower bound a block needs to claim the high band. */
  z: number;
  /** How far below `high` that lower bound may fall. */
  slack: number;
  /** z of the lower bound the whole high band must meet (one-sided 95% by default)… */
  bandZ: number;
  /** …and by how much it must clear `high`: the future drifts from the held-out past. */
  bandMargin: number;
  /** Held-out lines the band needs before it is granted at all: a few hundred lines of one
   *  household's last months are no basis for posting without review. */
  minBandLines: number;
}

export const DEFAULT_ISOTONIC: IsotonicOptions = {
  prior: 2,
  high: 0.98,
  z: 1,
  slack: 0.01,
  bandZ: 1.645,
  bandMargin: 0.005,
  minBandLines: 500,
};

/** Wilson score lower bound of a rate of `s` successes out of `c`. */
export function wilsonLower(s: number, c: number, z: number): number {
  if (c === 0) return 0;
  const p = s / c;
  const denom = 1 + (z * z) / c;
  const centre = p + (z * z) / (2 * c);
  const margin = z * Math.sqrt((p * (1 - p)) / c + (z * z) / (4 * c * c));
  return (centre - margin) / denom;
}

/** Fits a monotone map score → P(correct). `correct[i]` is 1 or 0. */
export function fitIsotonic(
  scores: ArrayLike<number>,
  correct: ArrayLike<number>,
  options: IsotonicOptions = DEFAULT_ISOTONIC,
  /** Which lines may enter the high band at all (see bandGuard in predict.ts); all by default.
   *  The band's record is judged on those lines only, as they are the ones it will hold. */
  eligible?: ArrayLike<boolean>,
): Calibrator {
  const n = scores.length;
  if (n === 0) return FALLBACK_CALIBRATOR;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  // Blocks of the pool-adjacent-violators algorithm: sum of outcomes, count, max score. Equal
  // scores start as one block (they must share one value whatever order they came in).
  const sums: number[] = [];
  const counts: number[] = [];
  const maxes: number[] = [];
  const eligibleSums: number[] = [];
  const eligibleCounts: number[] = [];
  let pooled = 0;
  for (let start = 0; start < n;) {
    const score = scores[order[start]!]!;
    let s = 0;
    let c = 0;
    let es = 0;
    let ec = 0;
    let end = start;
    for (; end < n && scores[order[end]!]! === score; end++) {
      const i = order[end]!;
      s += correct[i]!;
      c++;
      if (!eligible || eligible[i]) {
        es += correct[i]!;
        ec++;
      }
    }
    start = end;
    pooled += s;
    sums.push(s);
    counts.push(c);
    maxes.push(score);
    eligibleSums.push(es);
    eligibleCounts.push(ec);
    // Merge while the previous block's rate is not below this one.
    while (sums.length > 1) {
      const k = sums.length - 1;
      if (sums[k - 1]! / counts[k - 1]! < sums[k]! / counts[k]!) break;
      sums[k - 1]! += sums[k]!;
      counts[k - 1]! += counts[k]!;
      eligibleSums[k - 1]! += eligibleSums[k]!;
      eligibleCounts[k - 1]! += eligibleCounts[k]!;
      maxes[k - 1] = maxes[k]!;
      sums.pop();
      counts.pop();
      eligibleSums.pop();
      eligibleCounts.pop();
      maxes.pop();
    }
  }
  const base = pooled / n;
  const values = sums.map((s, k) => {
    const c = counts[k]!;
    const mean = (s + options.prior * base) / (c + options.prior);
    // The high band posts without review: a block claims it only when even a cautious reading of
    // its record (a block of 40 lines that were all right does not prove 98%) stays close to it.
    if (mean >= options.high && wilsonLower(s, c, options.z) < options.high - options.slack)
      return options.high - 0.001;
    return mean;
  });
  // The high band is a promise about the band as a whole: "of lines given ≥ 98%, at least 98% are
  // right". Take the largest run of top blocks whose pooled record clears that (plus a margin)
  // with a 95% lower bound, and give them at least `high`, even where a block alone is a little below it; blocks
  // under the band stay below `high`. Within-band lines keep their order and bin averages move little.
  let pooledRight = 0;
  let pooledCount = 0;
  let bandStart = values.length;
  for (let k = values.length - 1; k >= 0; k--) {
    pooledRight += eligibleSums[k]!;
    pooledCount += eligibleCounts[k]!;
    if (
      pooledCount >= options.minBandLines &&
      wilsonLower(pooledRight, pooledCount, options.bandZ) >= options.high + options.bandMargin
    )
      bandStart = k;
  }
  for (let k = 0; k < values.length; k++) {
    if (k >= bandStart) values[k] = Math.max(values[k]!, options.high);
    else values[k] = Math.min(values[k]!, options.high - 0.001);
  }
  // Shrinking and the guards can break monotonicity; restore it from the top down.
  for (let k = values.length - 2; k >= 0; k--) if (values[k]! > values[k + 1]!) values[k] = values[k + 1]!;
  return { bounds: maxes.slice(0, -1), values, fittedOn: n, low: scores[order[0]!]! };
}

/** Calibrated probability for a raw score. */
export function calibrate(calibrator: Calibrator, score: number): number {
  const { bounds, values, low } = calibrator;
  // No extrapolation downwards: when every held-out line was right (a small, regular history),
  // isotonic regression is one block, and a score of 0.3 would otherwise read as that block's 99%.
  if (low !== undefined && score < low) return Math.min(values[0] ?? 0, score);
  // Binary search for the first block whose upper bound is ≥ score.
  let lo = 0;
  let hi = bounds.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bounds[mid]! < score) lo = mid + 1;
    else hi = mid;
  }
  return values[lo] ?? values[values.length - 1] ?? 0;
}
