// Confidence: how likely the chosen account is right, from the evidence behind it (vote share and
// support of memory, agreement of the models, the combiner's margin, how reliably this client's
// lines were predicted before). A logistic model over these features ranks lines by reliability;
// isotonic calibration (calibrate.ts) then turns its score into a probability.
import { FEATURE_COUNT, type CandidateSet } from "./combiner.ts";
import { solveSymmetric } from "./cholesky.ts";

export const CONFIDENCE_FEATURES = [
  "bias",
  "logit(combiner p)",
  "margin to second",
  "clientKey.share",
  "clientKey.share×log(n)",
  "clientKey.isLast",
  "clientKey.isLast×fresh",
  "log(1+n clientKey)",
  "clientKey has several accounts",
  "clientKey unanimous with n≥3",
  "clientBrand.share",
  "log(1+n clientBrand)",
  "firmKey.share",
  "log(1+n firmKey)",
  "clientModel.p",
  "clientModel.isTop",
  "globalModel.p",
  "globalModel.isTop",
  "log(1+n client)",
  "client reliability (logit)",
  "clientKey.newRun (corrections the models have not seen)",
  "clientKey.unanimous×log(n)",
  "both models agree × log(1+n clientKey)",
  "clientKey unanimous × fresh",
  "amount surprise for this merchant at this client (capped at 3)",
  "clientKey unanimous × amount usual × log(1+n clientKey)",
] as const;

export const CONFIDENCE_FEATURE_COUNT = CONFIDENCE_FEATURES.length;

/** Line-level evidence kept beside the candidates (see buildCandidates). */
export const LINE_STATS = [
  "log1p(n clientKey)",
  "log1p(n clientBrand)",
  "log1p(n firmKey)",
  "log1p(n client)",
  "labels in clientKey",
  "fresh",
  "amount surprise (−1: unknown)",
] as const;

export const LINE_STAT_COUNT = LINE_STATS.length;

export interface ConfidenceModel {
  weights: number[];
  /** The per-fold fits whose out-of-fold scores the calibration was fitted on. When present, a
   *  line's score is their average: the same scale the calibration saw, which a single refit on
   *  all held-out lines would not guarantee (its scores run higher, and the high band would leak). */
  folds?: number[][];
  /** Past prediction accuracy per client (held-out lines: right, total), for the reliability feature. */
  clients: Record<string, [number, number]>;
  /** Pooled accuracy that client reliability is shrunk towards. */
  pooled: number;
}

/** Before any held-out history: the combiner's probability alone. */
export const PRIOR_CONFIDENCE: ConfidenceModel = {
  weights: [0, 1, ...new Array<number>(CONFIDENCE_FEATURE_COUNT - 2).fill(0)],
  clients: {},
  pooled: 0.5,
};

const logit = (p: number) => {
  const q = Math.min(1 - 1e-4, Math.max(1e-4, p));
  return Math.log(q / (1 - q));
};

/** Smoothed reliability of a client's predictions (logit), shrunk to the pooled rate with 10 pseudo-lines. */
export function clientReliability(
  model: Pick<ConfidenceModel, "clients" | "pooled">,
  clientId: string,
): number {
  const [right, total] = model.clients[clientId] ?? [0, 0];
  return logit((right + 10 * model.pooled) / (total + 10));
}

/** Confidence features of candidate `chosen`, given the combiner's probabilities. */
export function confidenceFeatures(
  set: CandidateSet,
  chosen: number,
  probabilities: ArrayLike<number>,
  reliability: number,
  out: Float64Array,
): Float64Array {
  const p = probabilities[chosen]!;
  let second = 0;
  for (let c = 0; c < set.count; c++)
    if (c !== chosen && probabilities[c]! > second) second = probabilities[c]!;
  const f = chosen * FEATURE_COUNT;
  const x = set.features;
  const line = set.line;
  out[0] = 1;
  out[1] = logit(p);
  out[2] = p - second;
  out[3] = x[f + 0]!;
  out[4] = x[f + 1]!;
  out[5] = x[f + 3]!;
  out[6] = x[f + 4]!;
  out[7] = line[0]!;
  out[8] = line[4]! > 1 ? 1 : 0;
  out[9] = line[4] === 1 && line[0]! >= Math.log1p(3) && x[f + 0]! > 0.999 ? 1 : 0;
  out[10] = x[f + 6]!;
  out[11] = line[1]!;
  out[12] = x[f + 8]!;
  out[13] = line[2]!;
  out[14] = x[f + 14]!;
  out[15] = x[f + 16]!;
  out[16] = x[f + 17]!;
  out[17] = x[f + 19]!;
  out[18] = line[3]!;
  out[19] = reliability;
  out[20] = x[f + 3]!;
  out[21] = x[f + 5]!;
  const agree = x[f + 16]! > 0 && x[f + 19]! > 0 ? 1 : 0;
  out[22] = agree * line[0]!;
  out[23] = x[f + 5]! > 0 ? line[5]! : 0;
  const surprise = line[6]!;
  out[24] = surprise >= 0 ? Math.min(surprise, 3) : 0;
  out[25] = x[f + 5]! > 0 && surprise >= 0 && surprise < 1 ? line[0]! : 0;
  return out;
}

export function confidenceScore(model: ConfidenceModel, features: Float64Array): number {
  const sets = model.folds && model.folds.length > 0 ? model.folds : [model.weights];
  let total = 0;
  for (const weights of sets) {
    let s = 0;
    // A model saved before a feature existed has no weight for it: the feature then counts 0.
    for (let i = 0; i < CONFIDENCE_FEATURE_COUNT; i++) s += (weights[i] ?? 0) * features[i]!;
    total += 1 / (1 + Math.exp(-s));
  }
  return total / sets.length;
}

/**
 * Fits logistic regression weights by Newton's method (a handful of iterations; the problem is
 * small and convex), with a ridge penalty that keeps rare features from running away.
 */
export function fitLogistic(
  allRows: readonly Float64Array[],
  allOutcomes: readonly number[],
  ridge = 20,
  iterations = 15,
  maxRows = 15_000,
): number[] {
  const d = CONFIDENCE_FEATURE_COUNT;
  // Start from, and shrink towards, the prior: "the combiner's probability is the confidence".
  // With a few hundred held-out lines the fit stays close to it; with thousands the data decide.
  const prior = PRIOR_CONFIDENCE.weights;
  const w = prior.slice();
  if (allRows.length === 0) return prior.slice();
  // Twenty weights need no more than this many lines; larger sets are thinned evenly.
  const stride = Math.max(1, allRows.length / maxRows);
  const pick = Array.from({ length: Math.floor(allRows.length / stride) }, (_, i) => Math.floor(i * stride));
  const rows = pick.map((i) => allRows[i]!);
  const outcomes = pick.map((i) => allOutcomes[i]!);
  for (let iter = 0; iter < iterations; iter++) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (let n = 0; n < rows.length; n++) {
      const x = rows[n]!;
      let s = 0;
      for (let i = 0; i < d; i++) s += w[i]! * x[i]!;
      const p = 1 / (1 + Math.exp(-s));
      const g = p - outcomes[n]!;
      const h = Math.max(p * (1 - p), 1e-6);
      for (let i = 0; i < d; i++) {
        const xi = x[i]!;
        if (xi === 0) continue;
        grad[i]! += g * xi;
        const row = hess[i]!;
        for (let j = 0; j < d; j++) row[j]! += h * xi * x[j]!;
      }
    }
    for (let i = 0; i < d; i++) {
      grad[i]! += ridge * (w[i]! - prior[i]!);
      hess[i]![i]! += ridge;
    }
    const step = solveSymmetric(hess, grad);
    // Backtracking: a full Newton step can overshoot and diverge when features are nearly
    // collinear (a single client makes its line count a constant, twin of the bias), so the step
    // is halved until the penalized loss goes down.
    const before = penalizedLoss(rows, outcomes, w, prior, ridge);
    let t = 1;
    let change = 0;
    for (let tries = 0; tries < 30; tries++, t /= 2) {
      const next = w.map((wi, i) => wi - t * step[i]!);
      if (penalizedLoss(rows, outcomes, next, prior, ridge) <= before + 1e-12) {
        for (let i = 0; i < d; i++) {
          change = Math.max(change, Math.abs(next[i]! - w[i]!));
          w[i] = next[i]!;
        }
        break;
      }
    }
    if (change < 1e-6) break;
  }
  return w;
}

/** Negative log-likelihood of the outcomes plus the ridge pull towards the prior. */
function penalizedLoss(
  rows: readonly Float64Array[],
  outcomes: readonly number[],
  w: readonly number[],
  prior: readonly number[],
  ridge: number,
): number {
  let loss = 0;
  for (let n = 0; n < rows.length; n++) {
    const x = rows[n]!;
    let s = 0;
    for (let i = 0; i < w.length; i++) s += w[i]! * x[i]!;
    // log(1 + e^s) − y·s, computed without overflow.
    loss += (s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s))) - outcomes[n]! * s;
  }
  for (let i = 0; i < w.length; i++) loss += 0.5 * ridge * (w[i]! - prior[i]!) ** 2;
  return loss;
}
