// The categorize module's public face: what the Transaction Manager (and later the store, jobs and
// routes of this module) may use. Everything here is pure; state is plain data with a version.

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

// Confidence bands and evaluation
export {
  HIGH as HIGH_CONFIDENCE,
  MEDIUM as MEDIUM_CONFIDENCE,
  summarize,
  type BandMetrics,
} from "./metrics.ts";
export { evaluateCategorizer, type EvalReport, type EvalOptions } from "./evaluate.ts";

// Persistence and use cases: rules, AI settings, the taxonomy mapping, memory and model versions,
// training jobs and the HTTP routes (listed in services.ts).
export {
  CATEGORIZE_PERMISSIONS,
  DEFAULT_CHART_CATEGORIES,
  SETTING_NAMES,
  TRAIN_CLIENT_JOB,
  TRAIN_FIRM_JOB,
  TRAIN_HISTORY_JOB,
  accountCategories,
  categorizeRoutes,
  checkDraftRule,
  clientUserIds,
  createRule,
  defaultSettings,
  deleteRule,
  getRule,
  getSettings,
  learnCodings,
  learningStatus,
  listRules,
  openBot,
  queueHistoryTraining,
  queueTraining,
  ruleInSchema,
  ruleOut,
  ruleSchema,
  runHistoryTraining,
  runTrainingJob,
  setAccountCategory,
  settingsAndChart,
  trainClient,
  trainFirm,
  updateRule,
  updateSettings,
} from "./services.ts";
export type {
  AccountCategoryView,
  AiSettings,
  CategorizeTables,
  ChartAccount,
  ClientBot,
  HistoryImported,
  HistoryOutcome,
  HistorySource,
  LearnItem,
  LearnOutcome,
  LearningView,
  LowConfidence,
  ModelVersionView,
  RuleInput,
  RuleOrigin,
  SettingName,
  SettingsInput,
  SettingsPatch,
  SettingsView,
  StoredRule,
  TrainingJob,
  TrainingReport,
} from "./services.ts";
