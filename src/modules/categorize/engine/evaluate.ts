// The evaluation yardstick: train on history before a split date, predict the rest in date order,
// once frozen and once online (each day's true codings fed back through learn(), as reviewers'
// corrections would be), and report accuracy, confidence bands and calibration.
import { validationError } from "../../../platform/errors.ts";
import { learn } from "./learn.ts";
import { summarize, type BandMetrics, type Scored } from "./metrics.ts";
import { predict } from "./predict.ts";
import type { CategorizerOptions } from "./state.ts";
import { SHARED_CHART, type ChartMapping } from "./taxonomy.ts";
import { train } from "./train.ts";
import type { PostedLine } from "./types.ts";

export interface EvalReport {
  n_train: number;
  n_test: number;
  frozen: BandMetrics;
  online: BandMetrics;
  train_seconds: number;
  predict_per_second: number;
}

export interface EvalOptions {
  /** Lines dated before this day (yyyy-mm-dd) are history; the rest are predicted. */
  splitDate: string;
  mapping?: ChartMapping;
  options?: Partial<CategorizerOptions>;
  onProgress?: (message: string) => void;
  /** Monotonic clock in ms (performance.now); injected so the harness stays testable. */
  clock?: () => number;
}

export function evaluateCategorizer(lines: readonly PostedLine[], opts: EvalOptions): EvalReport {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.splitDate)) {
    throw validationError("eval/bad-split-date", `split date "${opts.splitDate}" must be yyyy-mm-dd`, {
      field: "split-date",
    });
  }
  const mapping = opts.mapping ?? SHARED_CHART;
  const clock = opts.clock ?? (() => performance.now());
  const progress = opts.onProgress ?? (() => {});
  const history = lines.filter((l) => l.date.slice(0, 10) < opts.splitDate);
  // Stable sort: lines of one day keep their file order.
  const test = lines
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => line.date.slice(0, 10) >= opts.splitDate)
    .sort((a, b) => (a.line.date < b.line.date ? -1 : a.line.date > b.line.date ? 1 : a.i - b.i))
    .map(({ line }) => line);
  if (history.length === 0)
    throw validationError("eval/no-history", `no lines are dated before ${opts.splitDate}`, {
      field: "split-date",
    });
  if (test.length === 0)
    throw validationError("eval/no-test", `no lines are dated on or after ${opts.splitDate}`, {
      field: "split-date",
    });

  progress(`training on ${history.length} lines`);
  const started = clock();
  const model = train(history, {
    mapping,
    options: opts.options ?? {},
    now: new Date(0).toISOString(),
    onProgress: progress,
  });
  const trainSeconds = (clock() - started) / 1000;

  progress(`predicting ${test.length} lines (frozen)`);
  const context = { mapping, brief: false };
  const frozen: Scored[] = [];
  // Warm the JIT and the normalization cache before timing: throughput means the steady state.
  // Frozen predictions do not change the model, so predicting these lines twice changes nothing.
  for (const line of test.slice(0, 1000)) predict(model, line, context);
  const predictStart = clock();
  for (const line of test) {
    const p = predict(model, line, context);
    frozen.push({
      truth: line.coding.account,
      predicted: p.account,
      confidence: p.confidence,
      method: p.method,
    });
  }
  const predictSeconds = (clock() - predictStart) / 1000;

  progress(`predicting ${test.length} lines (online: each day's codings learned after the day)`);
  const online: Scored[] = [];
  for (let start = 0; start < test.length;) {
    const day = test[start]!.date.slice(0, 10);
    let end = start;
    while (end < test.length && test[end]!.date.slice(0, 10) === day) end++;
    for (let i = start; i < end; i++) {
      const line = test[i]!;
      const p = predict(model, line, context);
      online.push({
        truth: line.coding.account,
        predicted: p.account,
        confidence: p.confidence,
        method: p.method,
      });
    }
    for (let i = start; i < end; i++) learn(model, test[i]!, { mapping });
    start = end;
  }

  return {
    n_train: history.length,
    n_test: test.length,
    frozen: summarize(frozen),
    online: summarize(online),
    train_seconds: Math.round(trainSeconds * 100) / 100,
    predict_per_second: Math.round(test.length / Math.max(predictSeconds, 1e-9)),
  };
}
