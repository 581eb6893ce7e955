// The categorizer's engine: merchant names, rules, memory, linear models, calibrated confidence,
// training, prediction and offline evaluation. Pure: values in, values out, no database, request
// context or files (a lint rule keeps it so), so it is tested without a database and the CLI's
// `eval` and the benchmarks load it without the module's persistence. What the rest of categorize
// stores (models, memory, rules) is this engine's plain data; its stores and services sit one folder up.
// Other modules use it through categorize/index.ts, which re-exports these names.

// Shapes
export type {
  BankLine,
  Coding,
  PostedLine,
  Prediction,
  PredictionReason,
  PayeeGuess,
  SplitPart,
  Method,
} from "./types.ts";
export { METHODS } from "./types.ts";

// Training, prediction, learning
export { train, retrainClient, selectTrainingLines, type TrainContext } from "./train.ts";
export { predict, MIN_SUPPORT_FOR_HIGH, type PredictContext } from "./predict.ts";
export { learn, type LearnContext, type LearnResult } from "./learn.ts";
export {
  DEFAULT_OPTIONS,
  resolveOptions,
  encodeModel,
  decodeModel,
  type CategorizerModel,
  type CategorizerOptions,
  type VersionedModel,
} from "./state.ts";

// Rules
export {
  applyRule,
  compareRules,
  matchRule,
  previewRule,
  selectRule,
  specificity,
  splitParts,
  type Condition,
  type Rule,
  type RuleActions,
  type RuleOutcome,
  type RulePreview,
  type SplitAction,
} from "./rules.ts";
export { ruleFromCorrection, type Correction } from "./rule-from-correction.ts";
export { validateRule, type RuleContext } from "./rule-validation.ts";

// Payees and merchants
export { normalizeMerchant, type NormalizedMerchant, type MerchantKind } from "./normalize.ts";
export {
  buildContactIndex,
  resolveContact,
  type Contact,
  type ContactIndex,
  type PayeeMatch,
} from "./contacts.ts";

// Taxonomy
export {
  STANDARD_CATEGORIES,
  SHARED_CHART,
  mappingFromTable,
  type Category,
  type ChartMapping,
  type MappingTable,
} from "./taxonomy.ts";

// Confidence bands and evaluation (the CLI's `eval` reads a labelled file's dates with parseDateColumn)
export {
  HIGH as HIGH_CONFIDENCE,
  MEDIUM as MEDIUM_CONFIDENCE,
  summarize,
  type BandMetrics,
} from "./metrics.ts";
export { evaluateCategorizer, type EvalReport, type EvalOptions } from "./evaluate.ts";
export { parseDateColumn, type DayOrder } from "./dates.ts";
