// The categorizer's state and options: plain data a store can save (with its version) and load.
// Typed arrays hold model weights; encodeModel/decodeModel turn the whole state into JSON and back.
import { validationError } from "../../../platform/errors.ts";
import type { Calibrator } from "./calibrate.ts";
import type { CombinerState } from "./combiner.ts";
import type { ConfidenceModel } from "./confidence.ts";
import type { LinearModel } from "./linear-model.ts";
import type { MemoryState } from "./memory.ts";

export interface CategorizerOptions {
  /** A client gets its own model once it has this many labelled lines in the window. */
  minClientRows: number;
  /** Memory votes halve in weight every this many days (recent habits win). */
  halfLifeDays: number;
  /** Only lines dated in [from, to] (ISO dates, inclusive) are learned from; open ends allowed. */
  trainingWindow: { from?: string | undefined; to?: string | undefined };
  /** Accounts never learned from, such as "Ask My Accountant" or suspense accounts. */
  excludedAccounts: string[];
  /** Share of the history (the most recent days) held out to fit the combiner and calibration. */
  calibrationShare: number;
  /** Below this many held-out lines the prior combiner and a cautious calibration are used. */
  minCalibrationRows: number;
  /** Hash table size (log2) of the firm-wide model. */
  globalBits: number;
  epochs: number;
  learningRate: number;
  seed: number;
}

export const DEFAULT_OPTIONS: CategorizerOptions = {
  minClientRows: 50,
  halfLifeDays: 60,
  trainingWindow: {},
  excludedAccounts: [],
  calibrationShare: 0.2,
  minCalibrationRows: 300,
  globalBits: 16,
  epochs: 3,
  learningRate: 3,
  seed: 7,
};

export interface VersionedModel {
  /** Stable id of this trained model, recorded with every prediction it makes. */
  version: string;
  model: LinearModel;
  /** Labelled lines it was trained on. */
  rows: number;
  /** Last date in its training data. */
  trainedThrough: string;
}

export interface CategorizerModel {
  format: 1;
  /** Bumped by every full training. */
  version: number;
  trainedAt: string;
  options: CategorizerOptions;
  memory: MemoryState;
  /** Firm-wide model over taxonomy categories (null when nothing maps to a category). */
  globalModel: VersionedModel | null;
  /** Per-client models over the client's own accounts. */
  clientModels: Record<string, VersionedModel>;
  combiner: CombinerState;
  confidence: ConfidenceModel;
  calibrator: Calibrator;
  /** Clients with corrections learned since their model was trained (count of corrections). */
  stale: Record<string, number>;
  /** How the held-out check went at training time (for the settings screen and the audit trail). */
  heldOut: { lines: number; accuracy: number; coverageHigh: number; precisionHigh: number };
}

/** Merges partial options over the defaults and checks them. */
export function resolveOptions(partial: Partial<CategorizerOptions> = {}): CategorizerOptions {
  const options: CategorizerOptions = {
    ...DEFAULT_OPTIONS,
    ...partial,
    trainingWindow: { ...DEFAULT_OPTIONS.trainingWindow, ...(partial.trainingWindow ?? {}) },
    excludedAccounts: [...(partial.excludedAccounts ?? DEFAULT_OPTIONS.excludedAccounts)],
  };
  const check = (ok: boolean, field: string, detail: string) => {
    if (!ok) throw validationError("categorize/bad-option", detail, { field });
  };
  check(
    Number.isInteger(options.minClientRows) && options.minClientRows >= 1,
    "minClientRows",
    "minClientRows must be a positive whole number",
  );
  check(options.halfLifeDays > 0, "halfLifeDays", "halfLifeDays must be positive");
  check(
    options.calibrationShare > 0 && options.calibrationShare < 0.5,
    "calibrationShare",
    "calibrationShare must be between 0 and 0.5",
  );
  check(
    Number.isInteger(options.globalBits) && options.globalBits >= 10 && options.globalBits <= 22,
    "globalBits",
    "globalBits must be 10..22",
  );
  check(Number.isInteger(options.epochs) && options.epochs >= 1, "epochs", "epochs must be at least 1");
  const { from, to } = options.trainingWindow;
  for (const [name, value] of [
    ["from", from],
    ["to", to],
  ] as const) {
    check(
      value === undefined || /^\d{4}-\d{2}-\d{2}$/.test(value),
      `trainingWindow.${name}`,
      `trainingWindow.${name} must be a yyyy-mm-dd date`,
    );
  }
  check(!(from && to && from > to), "trainingWindow", "the training window ends before it starts");
  return options;
}

/** JSON-safe form of a model: weights as base64 little-endian float32. */
export function encodeModel(model: CategorizerModel): string {
  return JSON.stringify(model, (_key, value: unknown) =>
    value instanceof Float32Array
      ? { $f32: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64") }
      : value,
  );
}

export function decodeModel(json: string): CategorizerModel {
  const parsed = JSON.parse(json, (_key, value: unknown) => {
    if (
      value &&
      typeof value === "object" &&
      "$f32" in value &&
      typeof (value as { $f32: unknown }).$f32 === "string"
    ) {
      const bytes = Buffer.from((value as { $f32: string }).$f32, "base64");
      const out = new Float32Array(bytes.byteLength / 4);
      new Uint8Array(out.buffer).set(bytes);
      return out;
    }
    return value;
  }) as CategorizerModel;
  if (parsed?.format !== 1)
    throw validationError("categorize/bad-model", "this is not a saved categorizer model (format 1)");
  return parsed;
}
