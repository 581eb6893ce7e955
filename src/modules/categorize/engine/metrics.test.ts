// Evaluation metrics on small hand-checked cases.
import { describe, expect, it } from "vitest";
import { expectedCalibrationError, macroF1, summarize, type Scored } from "./metrics.ts";

const s = (
  truth: string,
  predicted: string | null,
  confidence: number,
  method: Scored["method"] = "memory",
): Scored => ({ truth, predicted, confidence, method });

describe("metrics", () => {
  it("computes macro F1 over labels seen as truth or prediction", () => {
    const items = [s("a", "a", 1), s("a", "b", 1), s("b", "b", 1), s("c", "b", 1)];
    // a: P=1 R=.5 F=2/3; b: P=1/3 R=1 F=.5; c: F=0 → mean 0.3889
    expect(macroF1(items)).toBeCloseTo((2 / 3 + 0.5 + 0) / 3, 6);
  });

  it("computes ECE over ten equal-width bins", () => {
    const items = [s("a", "a", 0.95), s("a", "b", 0.95), s("a", "a", 0.15), s("a", "a", 0.15)];
    // bin 9: acc .5 conf .95 → .45 × .5; bin 1: acc 1 conf .15 → .85 × .5
    expect(expectedCalibrationError(items)).toBeCloseTo(0.45 * 0.5 + 0.85 * 0.5, 9);
    expect(expectedCalibrationError([s("a", "a", 1), s("b", "b", 1)])).toBe(0);
  });

  it("summarizes bands and methods", () => {
    const items = [
      s("a", "a", 0.99),
      s("a", "b", 0.985),
      s("b", "b", 0.95, "global_model"),
      s("b", "a", 0.5, "global_model"),
    ];
    const m = summarize(items);
    expect(m.accuracy).toBe(0.5);
    expect(m.coverage_high).toBe(0.5);
    expect(m.precision_high).toBe(0.5);
    expect(m.coverage_medium).toBe(0.75);
    expect(m.precision_medium).toBeCloseTo(2 / 3, 4);
    expect(m.by_method).toEqual({ global_model: { n: 2, accuracy: 0.5 }, memory: { n: 2, accuracy: 0.5 } });
  });
});
