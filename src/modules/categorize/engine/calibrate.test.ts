// Calibration on synthetic data whose true probabilities are known.
import { describe, expect, it } from "vitest";
import { calibrate, fitIsotonic, wilsonLower } from "./calibrate.ts";
import { CONFIDENCE_FEATURE_COUNT, fitLogistic } from "./confidence.ts";
import { makeRng } from "../../../platform/rng.ts";

describe("isotonic calibration", () => {
  it("recovers known probabilities from raw scores", () => {
    const rng = makeRng(1);
    const scores: number[] = [];
    const right: number[] = [];
    // The score is informative but miscalibrated: P(right | s) = s².
    for (let i = 0; i < 40_000; i++) {
      const s = rng();
      scores.push(s);
      right.push(rng() < s * s ? 1 : 0);
    }
    const calibrator = fitIsotonic(scores, right);
    for (const s of [0.2, 0.4, 0.6, 0.8, 0.95])
      expect(Math.abs(calibrate(calibrator, s) - s * s)).toBeLessThan(0.04);
    // Monotone everywhere.
    let previous = -1;
    for (let s = 0; s <= 1; s += 0.01) {
      const p = calibrate(calibrator, s);
      expect(p).toBeGreaterThanOrEqual(previous);
      previous = p;
    }
  });

  it("gives calibrated confidences: the frequency in each band matches the stated confidence", () => {
    const rng = makeRng(2);
    const fitScores: number[] = [];
    const fitRight: number[] = [];
    for (let i = 0; i < 30_000; i++) {
      const s = rng();
      fitScores.push(s);
      fitRight.push(rng() < 0.2 + 0.79 * s ? 1 : 0);
    }
    const calibrator = fitIsotonic(fitScores, fitRight);
    // Fresh data from the same process: mean confidence ≈ accuracy within each band.
    const bands = new Map<number, { conf: number; right: number; n: number }>();
    for (let i = 0; i < 30_000; i++) {
      const s = rng();
      const c = calibrate(calibrator, s);
      const band = Math.min(9, Math.floor(c * 10));
      const b = bands.get(band) ?? { conf: 0, right: 0, n: 0 };
      b.n++;
      b.conf += c;
      if (rng() < 0.2 + 0.79 * s) b.right++;
      bands.set(band, b);
    }
    for (const b of bands.values())
      if (b.n > 1000) expect(Math.abs(b.right / b.n - b.conf / b.n)).toBeLessThan(0.03);
  });

  it("does not claim the high band on thin evidence", () => {
    // 30 lines with the top score, all right: 100% observed, but too few to promise 98%.
    const scores = [...new Array<number>(500).fill(0.5), ...new Array<number>(30).fill(0.99)];
    const right = [
      ...Array.from({ length: 500 }, (_, i) => (i % 2 ? 1 : 0)),
      ...new Array<number>(30).fill(1),
    ];
    expect(calibrate(fitIsotonic(scores, right), 0.99)).toBeLessThan(0.98);
    const many = [...new Array<number>(500).fill(0.5), ...new Array<number>(3000).fill(0.99)];
    const manyRight = [
      ...Array.from({ length: 500 }, (_, i) => (i % 2 ? 1 : 0)),
      ...new Array<number>(3000).fill(1),
    ];
    expect(calibrate(fitIsotonic(many, manyRight), 0.99)).toBeGreaterThanOrEqual(0.98);
  });

  it("judges the high band only on the lines that may enter it", () => {
    // Top-scored lines: 1000 eligible ones, 96% right, and 3000 ineligible ones, all right.
    const scores = [...new Array<number>(1000).fill(0.3), ...new Array<number>(4000).fill(0.99)];
    const right = [
      ...Array.from({ length: 1000 }, (_, i) => (i % 3 ? 0 : 1)),
      ...Array.from({ length: 4000 }, (_, i) => (i < 1000 ? (i % 25 ? 1 : 0) : 1)),
    ];
    const eligible = [
      ...new Array<boolean>(1000).fill(true),
      ...Array.from({ length: 4000 }, (_, i) => i < 1000),
    ];
    expect(calibrate(fitIsotonic(scores, right), 0.99)).toBeGreaterThanOrEqual(0.98);
    expect(calibrate(fitIsotonic(scores, right, undefined, eligible), 0.99)).toBeLessThan(0.98);
  });

  it("computes Wilson lower bounds", () => {
    expect(wilsonLower(98, 100, 1)).toBeGreaterThan(0.95);
    expect(wilsonLower(98, 100, 1)).toBeLessThan(0.98);
    expect(wilsonLower(0, 0, 1)).toBe(0);
  });
});

describe("confidence model", () => {
  it("learns which evidence makes a prediction reliable", () => {
    const rng = makeRng(3);
    const rows: Float64Array[] = [];
    const right: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const x = new Float64Array(CONFIDENCE_FEATURE_COUNT);
      x[0] = 1;
      x[3] = rng(); // memory share: helps
      x[7] = rng() * 3; // support: helps
      x[14] = rng(); // noise
      const logit = -2 + 3 * x[3]! + 0.8 * x[7]!;
      rows.push(x);
      right.push(rng() < 1 / (1 + Math.exp(-logit)) ? 1 : 0);
    }
    const w = fitLogistic(rows, right);
    expect(w[3]).toBeGreaterThan(2);
    expect(w[7]).toBeGreaterThan(0.5);
    expect(Math.abs(w[14]!)).toBeLessThan(0.5);
  });

  it("stays finite and calibrated when a feature is a constant twin of the bias (one client)", () => {
    // With a single client its line count is the same on every row: collinear with the bias.
    // A full Newton step overshoots there; the fit must still settle near the observed rate.
    const rng = makeRng(5);
    const rows: Float64Array[] = [];
    const right: number[] = [];
    for (let i = 0; i < 400; i++) {
      const x = new Float64Array(CONFIDENCE_FEATURE_COUNT);
      x[0] = 1;
      x[1] = 4 + rng(); // a confident combiner…
      x[7] = 2 * rng();
      x[18] = 7.5; // log(1 + lines of the only client)
      rows.push(x);
      right.push(rng() < 0.6 ? 1 : 0); // …that is right only 60% of the time
    }
    const w = fitLogistic(rows, right);
    expect(w.every(Number.isFinite)).toBe(true);
    let mean = 0;
    for (const x of rows) {
      let s = 0;
      for (let i = 0; i < w.length; i++) s += w[i]! * x[i]!;
      mean += 1 / (1 + Math.exp(-s)) / rows.length;
    }
    const observed = right.reduce((a, b) => a + b, 0) / right.length;
    expect(Math.abs(mean - observed)).toBeLessThan(0.05);
  });
});
