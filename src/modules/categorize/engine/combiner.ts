// The combiner weighs the evidence of every predictor for each candidate account and picks one:
// a conditional logit (softmax over the candidates of one line) over features such as "share of
// this merchant's past lines at this client", "client model probability", "firm-wide share".
// It is fitted on held-out history, so it learns how far to trust memory with 1 vs 40 votes.
// Every feature is evidence *for* a candidate and every weight is kept ≥ 0, so more evidence never
// lowers a candidate: the fit cannot learn a quirk of correlated features that would misfire on a
// client unlike those it was fitted on (a new client has only firm-wide evidence).
import { solveSymmetric } from "./cholesky.ts";

/** Candidate features, in order. Each must vary between candidates of one line to matter. */
export const COMBINER_FEATURES = [
  "clientKey.share", // recency-weighted share of this account in the client's history of this merchant
  "clientKey.share×log(n)", // …scaled by how much history there is
  "clientKey.countShare",
  "clientKey.newRun", // the latest lines went here, in a run the models have not seen (corrections)
  "clientKey.isLast×fresh", // …and that was recent
  "clientKey.unanimous×log(n)", // every past line of this merchant went here, and how many
  "clientBrand.share",
  "clientBrand.share×log(n)",
  "firmKey.share", // firm-wide share of the category for this merchant
  "firmKey.share×log(n)",
  "firmBrand.share",
  "firmBrand.share×log(n)",
  "client.share", // the client's overall use of the account (prior)
  "client.logShare",
  "clientModel.p",
  "clientModel.logP",
  "clientModel.isTop",
  "globalModel.p",
  "globalModel.logP",
  "globalModel.isTop",
  "clientRecent.share", // the client's use of the account these last weeks (memory.ts recentKey)
  "clientRecent.logShare",
] as const;

export const FEATURE_COUNT = COMBINER_FEATURES.length;

/** Weights used before there is enough history to fit them: memory first, models as tie-breakers. */
export const PRIOR_WEIGHTS: readonly number[] = [
  2.0, 1.0, 0.5, 0.5, 0.5, 0.3, 1.0, 0.5, 0.8, 0.4, 0.3, 0.2, 0.3, 0.2, 1.0, 0.5, 0.3, 1.5, 0.6, 0.3, 0, 0,
];

export interface CombinerState {
  weights: number[];
  /** Number of held-out lines it was fitted on (0 = prior weights). */
  fittedOn: number;
}

export const PRIOR_COMBINER: CombinerState = { weights: PRIOR_WEIGHTS.slice(), fittedOn: 0 };

/** One line's candidates and their features (row-major, `count` × FEATURE_COUNT). */
export interface CandidateSet {
  accounts: string[];
  features: Float64Array;
  count: number;
  /** Line-level evidence shared by all candidates (LINE_STATS in confidence.ts). */
  line: Float64Array;
}

/** A training example for the combiner: the candidates and which of them was right (−1: none). */
export interface CombinerExample {
  candidates: CandidateSet;
  correct: number;
}

export interface CombinerFitOptions {
  iterations: number;
  /** Pull towards PRIOR_WEIGHTS, per held-out line: keeps the fit sensible on little history. */
  l2: number;
  /** Twenty weights need no more than this many lines; larger sets are thinned evenly. */
  maxExamples: number;
}

export const DEFAULT_COMBINER_FIT: CombinerFitOptions = { iterations: 10, l2: 1e-3, maxExamples: 8_000 };

/** Softmax probabilities of the candidates under `weights`, written to `out`. */
export function scoreCandidates(weights: readonly number[], set: CandidateSet, out: Float64Array): void {
  let max = -Infinity;
  for (let c = 0; c < set.count; c++) {
    let s = 0;
    const base = c * FEATURE_COUNT;
    // A model saved before a feature existed has no weight for it: the feature then counts 0.
    for (let f = 0; f < FEATURE_COUNT; f++) s += (weights[f] ?? 0) * set.features[base + f]!;
    out[c] = s;
    if (s > max) max = s;
  }
  let sum = 0;
  for (let c = 0; c < set.count; c++) {
    out[c] = Math.exp(out[c]! - max);
    sum += out[c]!;
  }
  for (let c = 0; c < set.count; c++) out[c]! /= sum;
}

/** Negative conditional log-likelihood (plus the pull towards the prior) and, optionally, its
 *  gradient and Hessian. */
function objective(
  examples: readonly CombinerExample[],
  weights: readonly number[],
  l2: number,
  derivatives?: { gradient: number[]; hessian: number[][] },
): number {
  const F = FEATURE_COUNT;
  const probs = new Float64Array(64);
  const mean = new Float64Array(F);
  let loss = 0;
  for (const { candidates, correct } of examples) {
    scoreCandidates(weights, candidates, probs);
    loss -= Math.log(Math.max(probs[correct]!, 1e-300));
    if (!derivatives) continue;
    const x = candidates.features;
    mean.fill(0);
    for (let c = 0; c < candidates.count; c++) {
      const p = probs[c]!;
      if (p < 1e-12) continue;
      const base = c * F;
      for (let f = 0; f < F; f++) mean[f]! += p * x[base + f]!;
      for (let f = 0; f < F; f++) {
        const pf = p * x[base + f]!;
        if (pf === 0) continue;
        const row = derivatives.hessian[f]!;
        for (let g = 0; g < F; g++) row[g]! += pf * x[base + g]!;
      }
    }
    const base = correct * F;
    for (let f = 0; f < F; f++) {
      derivatives.gradient[f]! += mean[f]! - x[base + f]!;
      const row = derivatives.hessian[f]!;
      for (let g = 0; g < F; g++) row[g]! -= mean[f]! * mean[g]!;
    }
  }
  for (let f = 0; f < F; f++) {
    const d = weights[f]! - PRIOR_WEIGHTS[f]!;
    loss += 0.5 * l2 * d * d;
    if (derivatives) {
      derivatives.gradient[f]! += l2 * d;
      derivatives.hessian[f]![f]! += l2;
    }
  }
  return loss;
}

/**
 * Fits the combiner weights by projected Newton steps on the conditional log-likelihood, keeping
 * every weight ≥ 0 (weights at zero whose gradient pushes them below stay fixed for the step).
 * Deterministic; a few iterations suffice for twenty weights.
 */
export function fitCombiner(
  examples: readonly CombinerExample[],
  options: CombinerFitOptions = DEFAULT_COMBINER_FIT,
): CombinerState {
  const eligible = examples.filter((e) => e.correct >= 0 && e.candidates.count > 1);
  const stride = Math.max(1, eligible.length / options.maxExamples);
  const usable =
    stride > 1
      ? Array.from(
          { length: Math.floor(eligible.length / stride) },
          (_, i) => eligible[Math.floor(i * stride)]!,
        )
      : eligible;
  let weights = PRIOR_WEIGHTS.slice();
  if (usable.length === 0) return { weights, fittedOn: 0 };
  // The prior pull is per line, so it fades as the held-out history grows.
  const l2 = options.l2 * usable.length;
  let loss = objective(usable, weights, l2);
  for (let iter = 0; iter < options.iterations; iter++) {
    const gradient = new Array<number>(FEATURE_COUNT).fill(0);
    const hessian = Array.from({ length: FEATURE_COUNT }, () => new Array<number>(FEATURE_COUNT).fill(0));
    objective(usable, weights, l2, { gradient, hessian });
    // Weights held at zero by the constraint take no part in this step.
    const free = weights.map((w, f) => w > 1e-12 || gradient[f]! < 0);
    const idx = free.map((isFree, f) => (isFree ? f : -1)).filter((f) => f >= 0);
    const step = solveSymmetric(
      idx.map((f) => idx.map((g) => hessian[f]![g]!)),
      idx.map((f) => gradient[f]!),
      1e-8,
    );
    let t = 1;
    let improved = false;
    for (let tries = 0; tries < 20; tries++, t /= 2) {
      const candidate = weights.slice();
      idx.forEach((f, k) => (candidate[f] = Math.max(0, weights[f]! - t * step[k]!)));
      const next = objective(usable, candidate, l2);
      if (next < loss - 1e-9) {
        improved = loss - next > 1e-7 * Math.max(1, loss);
        weights = candidate;
        loss = next;
        break;
      }
    }
    if (!improved) break;
  }
  return { weights, fittedOn: usable.length };
}

/**
 * Lines in a row, after the models were trained, that make memory override the combiner. Held-out
 * checks on three split dates: following runs of 2 raised online accuracy by 0.5–0.7 points over
 * never overriding (1 was no better and less well calibrated). It also means a reviewer who corrects
 * a merchant twice sees the third line follow, without waiting for the models to retrain.
 */
export const FOLLOW_RUN = 2;
const NEW_RUN = COMBINER_FEATURES.indexOf("clientKey.newRun");

/** Does candidate `c` carry a run of unseen corrections long enough to be followed? */
export function followsRun(set: CandidateSet, c: number): boolean {
  return set.features[c * FEATURE_COUNT + NEW_RUN]! >= Math.log1p(FOLLOW_RUN) - 1e-9;
}

/** The chosen candidate: the combiner's favourite, unless a run of unseen corrections says otherwise.
 *  Writes the combiner's probabilities to `out`. */
export function chooseCandidate(weights: readonly number[], set: CandidateSet, out: Float64Array): number {
  scoreCandidates(weights, set, out);
  for (let c = 0; c < set.count; c++) if (followsRun(set, c)) return c;
  let best = 0;
  for (let c = 1; c < set.count; c++) if (out[c]! > out[best]!) best = c;
  return best;
}
