// Evaluation metrics for predictions: accuracy, macro F1, confidence bands and calibration error.
import type { Method } from "./types.ts";

export interface Scored {
  truth: string;
  predicted: string | null;
  confidence: number;
  method: Method;
}

export interface BandMetrics {
  accuracy: number;
  macro_f1: number;
  /** Share of lines with confidence ≥ 0.98, and the accuracy among them (0 when there are none). */
  coverage_high: number;
  precision_high: number;
  /** Share of lines with confidence ≥ 0.90 (the high band included), and the accuracy among them. */
  coverage_medium: number;
  precision_medium: number;
  /** Expected calibration error over 10 equal-width confidence bins. */
  ece: number;
  by_method: Record<string, { n: number; accuracy: number }>;
}

export const HIGH = 0.98;
export const MEDIUM = 0.9;

/** Macro-averaged F1 over every label that occurs as truth or as prediction. */
export function macroF1(items: readonly Scored[]): number {
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const { truth, predicted } of items) {
    if (predicted === truth) inc(tp, truth);
    else {
      inc(fn, truth);
      if (predicted !== null) inc(fp, predicted);
    }
  }
  const labels = new Set([...tp.keys(), ...fp.keys(), ...fn.keys()]);
  if (labels.size === 0) return 0;
  let sum = 0;
  for (const label of labels) {
    const t = tp.get(label) ?? 0;
    const denominator = 2 * t + (fp.get(label) ?? 0) + (fn.get(label) ?? 0);
    sum += denominator ? (2 * t) / denominator : 0;
  }
  return sum / labels.size;
}

/** Expected calibration error: Σ over 10 equal-width bins of (bin share) × |accuracy − mean confidence|. */
export function expectedCalibrationError(items: readonly Scored[], bins = 10): number {
  if (items.length === 0) return 0;
  const count = new Array<number>(bins).fill(0);
  const right = new Array<number>(bins).fill(0);
  const conf = new Array<number>(bins).fill(0);
  for (const item of items) {
    const b = Math.min(bins - 1, Math.max(0, Math.floor(item.confidence * bins)));
    count[b]! += 1;
    conf[b]! += item.confidence;
    if (item.predicted === item.truth) right[b]! += 1;
  }
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    if (count[b]! === 0) continue;
    ece += (count[b]! / items.length) * Math.abs(right[b]! / count[b]! - conf[b]! / count[b]!);
  }
  return ece;
}

function band(items: readonly Scored[], threshold: number): { coverage: number; precision: number } {
  let n = 0;
  let right = 0;
  for (const item of items) {
    if (item.confidence >= threshold) {
      n++;
      if (item.predicted === item.truth) right++;
    }
  }
  return { coverage: items.length ? n / items.length : 0, precision: n ? right / n : 0 };
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

export function summarize(items: readonly Scored[]): BandMetrics {
  const right = items.filter((i) => i.predicted === i.truth).length;
  const high = band(items, HIGH);
  const medium = band(items, MEDIUM);
  const byMethod: Record<string, { n: number; accuracy: number }> = {};
  const tallies = new Map<string, { n: number; right: number }>();
  for (const item of items) {
    const t = tallies.get(item.method) ?? { n: 0, right: 0 };
    t.n++;
    if (item.predicted === item.truth) t.right++;
    tallies.set(item.method, t);
  }
  for (const [method, t] of [...tallies].sort((a, b) => a[0].localeCompare(b[0])))
    byMethod[method] = { n: t.n, accuracy: round(t.right / t.n) };
  return {
    accuracy: round(items.length ? right / items.length : 0),
    macro_f1: round(macroF1(items)),
    coverage_high: round(high.coverage),
    precision_high: round(high.precision),
    coverage_medium: round(medium.coverage),
    precision_medium: round(medium.precision),
    ece: round(expectedCalibrationError(items)),
    by_method: byMethod,
  };
}
