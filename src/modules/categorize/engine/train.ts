// Training: builds memory, the firm-wide model and client models from posted history, then fits
// the combiner and the confidence calibration on the most recent slice of that history (models
// trained on the earlier part, judged on the later part), and finally refits on everything.
import { validationError } from "../../../platform/errors.ts";
import { FALLBACK_CALIBRATOR, type Calibrator } from "./calibrate.ts";
import { PRIOR_COMBINER, type CombinerState } from "./combiner.ts";
import { PRIOR_CONFIDENCE, type ConfidenceModel } from "./confidence.ts";
import { FeatureBuffer, extractFeatures } from "./features.ts";
import { fitCombinerAndCalibrator, heldOutExamples, type HeldOutExample } from "./held-out.ts";
import { DatasetBuilder, trainLinear, type LinearModel } from "./linear-model.ts";
import { emptyMemory, remember, type MemoryState } from "./memory.ts";
import { observation } from "./observation.ts";
import {
  resolveOptions,
  type CategorizerModel,
  type CategorizerOptions,
  type VersionedModel,
} from "./state.ts";
import type { ChartMapping } from "./taxonomy.ts";
import type { PostedLine } from "./types.ts";

export interface TrainContext {
  mapping: ChartMapping;
  options?: Partial<CategorizerOptions>;
  /** When training ran (ISO); recorded, never read from the clock here. */
  now: string;
  /** The model being replaced: versions continue from it. */
  previous?: CategorizerModel;
  /** Progress for long runs (CLI, job runner). */
  onProgress?: (stage: string) => void;
}

/** The lines training may use: inside the window, not in an excluded account; oldest first. */
export function selectTrainingLines(
  history: readonly PostedLine[],
  options: CategorizerOptions,
): PostedLine[] {
  const excluded = new Set(options.excludedAccounts);
  const { from, to } = options.trainingWindow;
  const rows = history.filter((line) => {
    const day = line.date.slice(0, 10);
    return !excluded.has(line.coding.account) && (!from || day >= from) && (!to || day <= to);
  });
  return rows.sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
}

/** Example steps past which more passes add nothing measurable (checked on the Birmingham data). */
const ENOUGH_STEPS = 200_000;

/** SGD passes for a data set: the configured number; more for small sets, so that a model sees at
 *  least `steps` examples (a few thousand lines need a dozen passes to settle); fewer (but at least
 *  two) for large ones, where two passes over 100k+ lines already settle. */
export function epochsFor(rows: number, configured: number, steps = 60_000): number {
  if (rows * configured >= ENOUGH_STEPS)
    return Math.max(2, Math.min(configured, Math.ceil(ENOUGH_STEPS / rows)));
  return Math.max(configured, Math.min(20, Math.ceil(steps / Math.max(1, rows))));
}

/** Hash-table size of a client model: grows with its data, capped to keep a firm's models small
 *  (a client model sees only word features, a handful per line). */
export function clientBits(rows: number): number {
  return Math.max(10, Math.min(14, Math.ceil(Math.log2(rows * 4))));
}

interface BaseModels {
  memory: MemoryState;
  globalModel: VersionedModel | null;
  clientModels: Record<string, VersionedModel>;
}

function fitBase(
  rows: readonly PostedLine[],
  mapping: ChartMapping,
  options: CategorizerOptions,
  version: number,
  epochs: number,
  init?: LinearModel,
): BaseModels {
  const memory = emptyMemory(options.halfLifeDays);
  for (const row of rows) remember(memory, observation(row, mapping));

  const perClientCount = new Map<string, number>();
  for (const row of rows) perClientCount.set(row.clientId, (perClientCount.get(row.clientId) ?? 0) + 1);
  const categories = [
    ...new Set(
      rows
        .map((r) => mapping.categoryOf(r.clientId, r.coding.account))
        .filter((c): c is string => c !== undefined),
    ),
  ].sort();
  const categoryIndex = new Map(categories.map((c, i) => [c, i]));
  const global = new DatasetBuilder();
  const clients = new Map<string, { builder: DatasetBuilder; accounts: Map<string, number> }>();
  const features = new FeatureBuffer();
  for (const row of rows) {
    extractFeatures(row, { clientFeatures: true }, features);
    const category = mapping.categoryOf(row.clientId, row.coding.account);
    if (category !== undefined) global.add(features, categoryIndex.get(category)!);
    if ((perClientCount.get(row.clientId) ?? 0) >= options.minClientRows) {
      let entry = clients.get(row.clientId);
      if (!entry) clients.set(row.clientId, (entry = { builder: new DatasetBuilder(), accounts: new Map() }));
      let label = entry.accounts.get(row.coding.account);
      if (label === undefined) entry.accounts.set(row.coding.account, (label = entry.accounts.size));
      entry.builder.add(features, label, 1, features.wordLength);
    }
  }
  const through = rows[rows.length - 1]?.date.slice(0, 10) ?? "";
  const linear = { learningRate: options.learningRate, seed: options.seed };
  const globalData = global.build();
  const globalModel: VersionedModel | null =
    globalData.size > 0
      ? {
          version: `global-v${version}`,
          model: trainLinear(
            globalData,
            categories,
            {
              ...linear,
              epochs: init ? epochs : epochsFor(globalData.size, options.epochs),
              bits: options.globalBits,
            },
            init,
          ),
          rows: globalData.size,
          trainedThrough: through,
        }
      : null;
  const clientModels: Record<string, VersionedModel> = {};
  for (const [clientId, { builder, accounts }] of clients) {
    const data = builder.build();
    clientModels[clientId] = {
      version: `client-v${version}`,
      model: trainLinear(data, [...accounts.keys()], {
        ...linear,
        epochs: epochsFor(data.size, options.epochs, 5_000),
        bits: clientBits(data.size),
      }),
      rows: data.size,
      trainedThrough: through,
    };
  }
  return { memory, globalModel, clientModels };
}

function assemble(
  base: BaseModels,
  options: CategorizerOptions,
  version: number,
  now: string,
  combiner: CombinerState,
  confidence: ConfidenceModel,
  calibrator: Calibrator,
): CategorizerModel {
  return {
    format: 1,
    version,
    trainedAt: now,
    options,
    memory: base.memory,
    globalModel: base.globalModel,
    clientModels: base.clientModels,
    combiner,
    confidence,
    calibrator,
    stale: {},
    heldOut: { lines: 0, accuracy: 0, coverageHigh: 0, precisionHigh: 0 },
  };
}

/** Trains a categorizer from posted history. Throws a validation error when the window is empty. */
export function train(history: readonly PostedLine[], ctx: TrainContext): CategorizerModel {
  const options = resolveOptions(ctx.options ?? ctx.previous?.options);
  const rows = selectTrainingLines(history, options);
  if (rows.length === 0) {
    const { from, to } = options.trainingWindow;
    const window = from || to ? ` between ${from ?? "the start"} and ${to ?? "today"}` : "";
    throw validationError(
      "categorize/empty-training-window",
      `there are no labelled transactions to learn from${window} (excluded accounts do not count)`,
      {
        field: "trainingWindow",
      },
    );
  }
  const version = (ctx.previous?.version ?? 0) + 1;
  const progress = ctx.onProgress ?? (() => {});

  // Hold out the most recent days: the combiner and the calibration must be fitted on lines the
  // models did not see, in the order they would meet them. (Judging small histories at several
  // cut-offs was tried: older periods were harder than the future, which made confidence timid.)
  let combiner: CombinerState = PRIOR_COMBINER;
  let calibrator: Calibrator = FALLBACK_CALIBRATOR;
  let confidence: ConfidenceModel = PRIOR_CONFIDENCE;
  let heldOut = { lines: 0, accuracy: 0, coverageHigh: 0, precisionHigh: 0 };
  let warm: LinearModel | undefined;
  const examples: HeldOutExample[] = [];
  const cuts = [1 - options.calibrationShare];
  for (let i = 0; i < cuts.length; i++) {
    const from = dateAt(rows, cuts[i]!);
    const to = i + 1 < cuts.length ? dateAt(rows, cuts[i + 1]!) : "\uffff";
    const early = rows.filter((r) => r.date.slice(0, 10) < from);
    const late = rows.filter((r) => r.date.slice(0, 10) >= from && r.date.slice(0, 10) < to);
    if (early.length === 0 || late.length === 0) continue;
    progress(`training on the history before ${from}`);
    const base = fitBase(early, ctx.mapping, options, version, epochsFor(early.length, options.epochs));
    warm = base.globalModel?.model;
    progress(`judging ${late.length} held-out lines from ${from}`);
    const probe = assemble(
      base,
      options,
      version,
      ctx.now,
      PRIOR_COMBINER,
      PRIOR_CONFIDENCE,
      FALLBACK_CALIBRATOR,
    );
    examples.push(...heldOutExamples(probe, late, ctx.mapping));
  }
  if (examples.length >= 100) {
    const fitted = fitCombinerAndCalibrator(examples, options);
    combiner = fitted.combiner;
    confidence = fitted.confidence;
    calibrator = fitted.calibrator;
    heldOut = fitted.heldOut;
  }
  progress("training on all history");
  // Warm start from the held-out stage's firm model: it has seen the earlier lines already, and one
  // more pass over everything reaches the accuracy of a fresh fit (checked on three split dates) at
  // a fraction of the cost. (A pass over the held-out lines plus a sample of earlier ones was 0.3–0.4
  // points worse for little time saved.)
  const epochs = warm ? 1 : epochsFor(rows.length, options.epochs);
  const base = fitBase(rows, ctx.mapping, options, version, epochs, warm);
  const model = assemble(base, options, version, ctx.now, combiner, confidence, calibrator);
  model.heldOut = heldOut;
  return model;
}

function dateAt(rows: readonly PostedLine[], share: number): string {
  return rows[Math.min(rows.length - 1, Math.floor(rows.length * share))]!.date.slice(0, 10);
}

/**
 * Retrains one client's model on its current history (a training job after corrections made it
 * stale). Below the minimum number of lines the client model is dropped. Mutates and returns `model`.
 */
export function retrainClient(
  model: CategorizerModel,
  clientId: string,
  history: readonly PostedLine[],
  revision: string,
): CategorizerModel {
  const rows = selectTrainingLines(
    history.filter((l) => l.clientId === clientId),
    model.options,
  );
  delete model.stale[clientId];
  if (rows.length < model.options.minClientRows) {
    delete model.clientModels[clientId];
    return model;
  }
  const accounts = new Map<string, number>();
  const builder = new DatasetBuilder();
  const features = new FeatureBuffer();
  for (const row of rows) {
    extractFeatures(row, { clientFeatures: true }, features);
    let label = accounts.get(row.coding.account);
    if (label === undefined) accounts.set(row.coding.account, (label = accounts.size));
    builder.add(features, label, 1, features.wordLength);
  }
  const data = builder.build();
  model.clientModels[clientId] = {
    version: `client-v${model.version}.${revision}`,
    model: trainLinear(data, [...accounts.keys()], {
      bits: clientBits(data.size),
      epochs: epochsFor(data.size, model.options.epochs, 5_000),
      learningRate: model.options.learningRate,
      seed: model.options.seed,
    }),
    rows: data.size,
    trainedThrough: rows[rows.length - 1]!.date.slice(0, 10),
  };
  return model;
}
