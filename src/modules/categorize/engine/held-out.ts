// Held-out judging: the combiner and the confidence calibration must be fitted on lines the models
// did not see, in the order they would meet them. Training (train.ts) judges its most recent days
// with models fitted on the days before; this file turns those judgments into the fitted combiner,
// confidence model and calibrator, with cross-fitting so no score is judged by a fit that saw it.
import {
  DEFAULT_ISOTONIC,
  FALLBACK_CALIBRATOR,
  fitIsotonic,
  calibrate,
  type Calibrator,
} from "./calibrate.ts";
import {
  PRIOR_COMBINER,
  chooseCandidate,
  fitCombiner,
  type CombinerExample,
  type CombinerState,
} from "./combiner.ts";
import {
  CONFIDENCE_FEATURE_COUNT,
  PRIOR_CONFIDENCE,
  clientReliability,
  confidenceFeatures,
  confidenceScore,
  fitLogistic,
  type ConfidenceModel,
} from "./confidence.ts";
import { dayNumber, remember } from "./memory.ts";
import { observation } from "./observation.ts";
import { MIN_SUPPORT_FOR_HIGH, rankAccounts } from "./predict.ts";
import type { CategorizerModel, CategorizerOptions } from "./state.ts";
import type { ChartMapping } from "./taxonomy.ts";
import type { PostedLine } from "./types.ts";

export interface HeldOutExample extends CombinerExample {
  clientId: string;
  day: number;
}

/**
 * Candidates for each held-out line, judged by models that never saw it. Each line is judged twice:
 * frozen (memory as trained) and online (memory also holding the held-out days before it, as it
 * would after reviewers' corrections), so the combiner learns to trust fresh memory as much as it
 * deserves in both situations.
 */
export function heldOutExamples(
  probe: CategorizerModel,
  late: readonly PostedLine[],
  mapping: ChartMapping,
): HeldOutExample[] {
  const examples: HeldOutExample[] = [];
  const judge = (line: PostedLine) => {
    const ranking = rankAccounts(probe, line, mapping);
    // The ranking reuses scratch buffers; the candidate set itself is freshly allocated.
    examples.push({
      candidates: ranking.candidates,
      correct: ranking.candidates.accounts.indexOf(line.coding.account),
      clientId: line.clientId,
      day: dayNumber(line.date),
    });
  };
  for (const line of late) judge(line);
  for (let start = 0; start < late.length;) {
    const day = late[start]!.date.slice(0, 10);
    let end = start;
    while (end < late.length && late[end]!.date.slice(0, 10) === day) end++;
    for (let i = start; i < end; i++) judge(late[i]!);
    for (let i = start; i < end; i++) remember(probe.memory, observation(late[i]!, mapping));
    start = end;
  }
  return examples;
}

/** Wrong held-out lines the confidence model needs before it learns anything but the prior. */
export const MIN_WRONG_FOR_CONFIDENCE = 20;

interface Judged {
  features: Float64Array;
  right: number;
  /** May reach the high band (the client has enough lines of this merchant; see bandGuard). */
  eligible: boolean;
}

/**
 * Fits the combiner, the confidence model and the calibration on held-out lines with two-fold
 * cross-fitting: every score the calibration sees comes from a combiner and a confidence model
 * that did not learn from that line.
 */
export function fitCombinerAndCalibrator(
  examples: readonly HeldOutExample[],
  options: CategorizerOptions,
): {
  combiner: CombinerState;
  confidence: ConfidenceModel;
  calibrator: Calibrator;
  heldOut: CategorizerModel["heldOut"];
} {
  const probs = new Float64Array(64);
  const choose = (state: CombinerState, example: HeldOutExample) =>
    chooseCandidate(state.weights, example.candidates, probs);
  const usable = examples.filter((e) => e.candidates.count > 0);
  const n = examples.length;
  if (usable.length < options.minCalibrationRows) {
    // Too little history to fit anything: the prior combiner, judged on what there is.
    const scores: number[] = [];
    const right: number[] = [];
    for (const e of usable) {
      const best = choose(PRIOR_COMBINER, e);
      scores.push(probs[best]!);
      right.push(best === e.correct ? 1 : 0);
    }
    const calibrator = usable.length >= 50 ? fitIsotonic(scores, right) : FALLBACK_CALIBRATOR;
    return {
      combiner: PRIOR_COMBINER,
      confidence: PRIOR_CONFIDENCE,
      calibrator,
      heldOut: heldOutSummary(scores, right, calibrator, n),
    };
  }
  // Folds are the earlier and the later half of the held-out days (not interleaved days): each
  // fold is then judged by a fit from another period, so the calibration also absorbs the drift
  // between periods that the real future will bring.
  const folds: HeldOutExample[][] = [[], []];
  const days = usable.map((e) => e.day).sort((a, b) => a - b);
  const midDay = days[Math.floor(days.length / 2)]!;
  for (const e of usable) folds[e.day < midDay ? 0 : 1]!.push(e);
  // 1. Out-of-fold choices of the combiner.
  const choices: Array<Array<{ example: HeldOutExample; best: number; probs: Float64Array }>> = [[], []];
  for (const k of [0, 1]) {
    const state = fitCombiner(folds[1 - k]!);
    for (const example of folds[k]!) {
      const best = choose(state, example);
      choices[k]!.push({ example, best, probs: probs.slice(0, example.candidates.count) });
    }
  }
  // 2. Client reliability from the other fold, then confidence features.
  const pooledRight =
    choices.flat().filter((c) => c.best === c.example.correct).length / Math.max(1, choices.flat().length);
  const reliabilityTable = (k: number) => {
    const table: Record<string, [number, number]> = {};
    for (const c of choices[k]!) {
      const t = (table[c.example.clientId] ??= [0, 0]);
      t[1]++;
      if (c.best === c.example.correct) t[0]++;
    }
    return table;
  };
  const judged: Judged[][] = [[], []];
  for (const k of [0, 1]) {
    const other = { clients: reliabilityTable(1 - k), pooled: pooledRight };
    for (const c of choices[k]!) {
      const features = confidenceFeatures(
        c.example.candidates,
        c.best,
        c.probs,
        clientReliability(other, c.example.clientId),
        new Float64Array(CONFIDENCE_FEATURE_COUNT),
      );
      judged[k]!.push({
        features,
        right: c.best === c.example.correct ? 1 : 0,
        eligible: c.example.candidates.line[0]! >= Math.log1p(MIN_SUPPORT_FOR_HIGH) - 1e-9,
      });
    }
  }
  // 3. Out-of-fold confidence scores, calibrated by isotonic regression. With next to no wrong
  // lines (a small, regular history) there is nothing to learn what makes a prediction wrong: the
  // confidence model stays the prior (the combiner's probability) instead of learning "always right".
  const all = judged.flat();
  const learnable = all.filter((j) => j.right === 0).length >= MIN_WRONG_FOR_CONFIDENCE;
  const fitOrPrior = (rows: readonly Judged[]) =>
    learnable
      ? fitLogistic(
          rows.map((j) => j.features),
          rows.map((j) => j.right),
        )
      : PRIOR_CONFIDENCE.weights.slice();
  const scores: number[] = [];
  const right: number[] = [];
  const eligible: boolean[] = [];
  const foldWeights: number[][] = [];
  for (const k of [0, 1]) {
    const weights = fitOrPrior(judged[1 - k]!);
    foldWeights.push(weights);
    const model: ConfidenceModel = { weights, clients: {}, pooled: pooledRight };
    for (const j of judged[k]!) {
      scores.push(confidenceScore(model, j.features));
      right.push(j.right);
      eligible.push(j.eligible);
    }
  }
  const clients: Record<string, [number, number]> = {};
  for (const c of choices.flat()) {
    const t = (clients[c.example.clientId] ??= [0, 0]);
    t[1]++;
    if (c.best === c.example.correct) t[0]++;
  }
  const confidence: ConfidenceModel = {
    weights: fitOrPrior(all),
    folds: foldWeights,
    clients,
    pooled: pooledRight,
  };
  const calibrator = fitIsotonic(scores, right, DEFAULT_ISOTONIC, eligible);
  return {
    combiner: fitCombiner(usable),
    confidence,
    calibrator,
    heldOut: heldOutSummary(scores, right, calibrator, n, eligible),
  };
}

function heldOutSummary(
  scores: number[],
  right: number[],
  calibrator: Calibrator,
  lines: number,
  eligible?: boolean[],
): CategorizerModel["heldOut"] {
  let high = 0;
  let highRight = 0;
  for (let i = 0; i < scores.length; i++) {
    if (calibrate(calibrator, scores[i]!) >= 0.98 && (eligible?.[i] ?? true)) {
      high++;
      highRight += right[i]!;
    }
  }
  return {
    lines,
    accuracy: lines ? right.reduce((a, b) => a + b, 0) / lines : 0,
    coverageHigh: lines ? high / lines : 0,
    precisionHigh: high ? highRight / high : 0,
  };
}
