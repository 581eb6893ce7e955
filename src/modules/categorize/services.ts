// The persisted side of categorization, as index.ts exports it: rules, AI settings, the taxonomy
// mapping, memory and model versions, training jobs, and the HTTP routes.
export { CATEGORIZE_PERMISSIONS } from "./scope.ts";
export { openBot, learnCodings, TRAIN_CLIENT_JOB } from "./bot.ts";
export type { ClientBot, LearnItem, LearnOutcome } from "./bot.ts";
export { listRules, getRule, createRule, updateRule, deleteRule, checkDraftRule } from "./rule-service.ts";
export type { RuleInput, RuleOrigin } from "./rule-service.ts";
export type { StoredRule } from "./rule-store.ts";
export {
  getSettings,
  updateSettings,
  accountCategories,
  setAccountCategory,
  settingsAndChart,
  clientUserIds,
} from "./settings-service.ts";
export type { SettingsView, SettingsInput, AccountCategoryView } from "./settings-service.ts";
export { SETTING_NAMES, defaultSettings, DEFAULT_CHART_CATEGORIES } from "./settings-model.ts";
export type {
  AiSettings,
  SettingsPatch,
  SettingName,
  LowConfidence,
  ChartAccount,
} from "./settings-model.ts";
export {
  trainFirm,
  trainClient,
  runTrainingJob,
  queueTraining,
  learningStatus,
  TRAIN_FIRM_JOB,
} from "./training-service.ts";
export type {
  HistorySource,
  TrainingReport,
  TrainingJob,
  LearningView,
  ModelVersionView,
} from "./training-service.ts";
export { queueHistoryTraining, runHistoryTraining, TRAIN_HISTORY_JOB } from "./history-learning.ts";
export type { HistoryImported, HistoryOutcome } from "./history-learning.ts";
export type { CategorizeTables } from "./tables.ts";
export { categorizeRoutes } from "./routes.ts";
export { ruleIn as ruleInSchema, rule as ruleSchema, ruleOut } from "./schemas.ts";
