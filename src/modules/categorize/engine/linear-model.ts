// Multinomial logistic regression over hashed sparse features, trained by SGD in typed arrays.
// Weights are stored feature-major (one row of class weights per hash bucket) so scoring a line
// touches a few contiguous rows; the state is plain data (a Float32Array and a class list).
import { validationError } from "../../../platform/errors.ts";
import type { FeatureBuffer } from "./features.ts";
import { makeRng, shuffleInPlace } from "../../../platform/rng.ts";

export interface LinearModel {
  /** log2 of the number of hash buckets. */
  bits: number;
  /** Class ids (accounts or categories); class i owns column i of the weight rows. */
  classes: string[];
  /** (1 << bits) × classes.length weights, feature-major. */
  weights: Float32Array;
}

export interface LinearTrainOptions {
  bits: number;
  epochs: number;
  /** Initial step size; decays linearly to 10% of it over training (the decay and the few epochs
   *  are the regularisation: hashed features are many and sparse). */
  learningRate: number;
  seed: number;
}

export const DEFAULT_LINEAR_OPTIONS: LinearTrainOptions = { bits: 17, epochs: 4, learningRate: 3, seed: 7 };

/** Training examples in compressed sparse rows: example i owns entries offsets[i]..offsets[i+1]. */
export interface SparseDataset {
  offsets: Int32Array;
  hashes: Int32Array;
  values: Float32Array;
  labels: Int32Array;
  /** Per-example weight (recent lines count more); 1 when absent. */
  weights: Float32Array;
  size: number;
}

/** Collects feature buffers into one compact dataset. */
export class DatasetBuilder {
  private hashes = new Int32Array(1 << 16);
  private values = new Float32Array(1 << 16);
  private offsets: number[] = [0];
  private labels: number[] = [];
  private exampleWeights: number[] = [];
  private used = 0;

  /** Adds one example: its first `limit` features (all by default), its label and weight. */
  add(features: FeatureBuffer, label: number, weight = 1, limit = features.length): void {
    const need = this.used + limit;
    if (need > this.hashes.length) {
      let cap = this.hashes.length * 2;
      while (cap < need) cap *= 2;
      const h = new Int32Array(cap);
      h.set(this.hashes.subarray(0, this.used));
      const v = new Float32Array(cap);
      v.set(this.values.subarray(0, this.used));
      this.hashes = h;
      this.values = v;
    }
    this.hashes.set(features.hashes.subarray(0, limit), this.used);
    this.values.set(features.values.subarray(0, limit), this.used);
    this.used = need;
    this.offsets.push(need);
    this.labels.push(label);
    this.exampleWeights.push(weight);
  }

  build(): SparseDataset {
    return {
      offsets: Int32Array.from(this.offsets),
      hashes: this.hashes.slice(0, this.used),
      values: this.values.slice(0, this.used),
      labels: Int32Array.from(this.labels),
      weights: Float32Array.from(this.exampleWeights),
      size: this.labels.length,
    };
  }
}

/** Trains a softmax model. Deterministic for a given seed. */
export function trainLinear(
  data: SparseDataset,
  classes: string[],
  options: LinearTrainOptions = DEFAULT_LINEAR_OPTIONS,
  init?: LinearModel,
): LinearModel {
  if (data.size === 0)
    throw validationError("categorize/empty-training-set", "there are no labelled transactions to train on");
  if (classes.length === 0) throw validationError("categorize/no-classes", "there are no accounts to learn");
  const C = classes.length;
  const mask = (1 << options.bits) - 1;
  const weights = new Float32Array((mask + 1) * C);
  if (init && init.bits === options.bits) warmStart(weights, C, init, classes);
  const scores = new Float64Array(C);
  const active = new Int32Array(C);
  const order = new Int32Array(data.size);
  for (let i = 0; i < data.size; i++) order[i] = i;
  const rng = makeRng(options.seed);
  const total = options.epochs * data.size;
  let step = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, rng);
    for (let o = 0; o < data.size; o++, step++) {
      const i = order[o]!;
      const lr = options.learningRate * (1 - (0.9 * step) / total) * data.weights[i]!;
      const from = data.offsets[i]!;
      const to = data.offsets[i + 1]!;
      accumulateScores(weights, C, mask, data.hashes, data.values, from, to, scores);
      softmaxInPlace(scores);
      scores[data.labels[i]!]! -= 1; // gradient of the log loss w.r.t. the scores
      // Only classes with a noticeable gradient are updated: after the first epoch that is a few
      // of them, which makes the update cost small next to scoring.
      let nActive = 0;
      for (let c = 0; c < C; c++) {
        const g = scores[c]!;
        if (g > 1e-4 || g < -1e-4) active[nActive++] = c;
      }
      for (let k = from; k < to; k++) {
        const base = (data.hashes[k]! & mask) * C;
        const rate = lr * data.values[k]!;
        for (let a = 0; a < nActive; a++) {
          const c = active[a]!;
          weights[base + c]! -= rate * scores[c]!;
        }
      }
    }
  }
  return { bits: options.bits, classes: classes.slice(), weights };
}

/** Copies an earlier model's weights column by column (classes may have been added since). */
function warmStart(weights: Float32Array, C: number, init: LinearModel, classes: readonly string[]): void {
  const from = init.classes.length;
  const column = classes.map((c) => init.classes.indexOf(c));
  const rows = weights.length / C;
  for (let row = 0; row < rows; row++) {
    for (let c = 0; c < C; c++) {
      const j = column[c]!;
      if (j >= 0) weights[row * C + c] = init.weights[row * from + j]!;
    }
  }
}

/**
 * scores[c] = Σ_k value_k × weight[row_k, c] over features from..to. The class loop is unrolled by
 * four: this loop is where training and prediction spend their time.
 */
function accumulateScores(
  weights: Float32Array,
  C: number,
  mask: number,
  hashes: Int32Array,
  values: Float32Array,
  from: number,
  to: number,
  scores: Float64Array,
): void {
  scores.fill(0);
  const C4 = C - (C % 4);
  for (let k = from; k < to; k++) {
    const v = values[k]!;
    const base = (hashes[k]! & mask) * C;
    let c = 0;
    for (; c < C4; c += 4) {
      scores[c]! += v * weights[base + c]!;
      scores[c + 1]! += v * weights[base + c + 1]!;
      scores[c + 2]! += v * weights[base + c + 2]!;
      scores[c + 3]! += v * weights[base + c + 3]!;
    }
    for (; c < C; c++) scores[c]! += v * weights[base + c]!;
  }
}

/** Turns scores into probabilities in place (numerically stable softmax). */
export function softmaxInPlace(scores: Float64Array): void {
  let max = -Infinity;
  for (let c = 0; c < scores.length; c++) if (scores[c]! > max) max = scores[c]!;
  let sum = 0;
  for (let c = 0; c < scores.length; c++) {
    const e = Math.exp(scores[c]! - max);
    scores[c] = e;
    sum += e;
  }
  for (let c = 0; c < scores.length; c++) scores[c]! /= sum;
}

/** Class probabilities for one line (its first `limit` features), written into `out`. */
export function predictProba(
  model: LinearModel,
  features: FeatureBuffer,
  out: Float64Array,
  limit = features.length,
): void {
  const C = model.classes.length;
  const mask = (1 << model.bits) - 1;
  const w = model.weights;
  accumulateScores(w, C, mask, features.hashes, features.values, 0, limit, out);
  softmaxInPlace(out);
}

/** The features that pushed hardest towards `classIndex` (for explanations): [feature index, weight]. */
export function topContributions(
  model: LinearModel,
  features: FeatureBuffer,
  classIndex: number,
  limit: number,
): Array<{ index: number; weight: number }> {
  const C = model.classes.length;
  const mask = (1 << model.bits) - 1;
  const contributions: Array<{ index: number; weight: number }> = [];
  for (let k = 0; k < features.length; k++) {
    const row = (features.hashes[k]! & mask) * C;
    // Contribution relative to the average class: what makes this class stand out.
    let mean = 0;
    for (let c = 0; c < C; c++) mean += model.weights[row + c]!;
    mean /= C;
    contributions.push({ index: k, weight: features.values[k]! * (model.weights[row + classIndex]! - mean) });
  }
  contributions.sort((a, b) => b.weight - a.weight);
  return contributions.slice(0, limit);
}

const classIndexCache = new WeakMap<LinearModel, Map<string, number>>();

/** Class id → column, cached per model (models are not changed after training). */
export function classIndex(model: LinearModel): Map<string, number> {
  let index = classIndexCache.get(model);
  if (!index) {
    index = new Map(model.classes.map((c, i) => [c, i]));
    classIndexCache.set(model, index);
  }
  return index;
}
