// Auto Bank Rec (reconcile): bank and card statements reconciled against the ledger — the pure
// matching engine (matching/, documented in matching/index.ts), and the reconciliation itself:
// start/refresh for a statement period, decisions, completion (locking cleared lines), unreconcile,
// the report, and its HTTP routes; auto-reconcile (per account, opt-in; excluded accounts), the
// "Reconciled by Closebook" list with undo, and write-up batches.
export {
  DEFAULT_OPTIONS as MATCH_DEFAULTS,
  addBusinessDays,
  evaluateMatches,
  matchStatement,
  matchedLedgerIds,
  reconciliationBalances,
  syntheticBooks,
  validateStatement,
  type LedgerLine,
  type Match,
  type MatchClass,
  type MatchKind,
  type MatchOptions,
  type MatchQuality,
  type MatchResult,
  type ReconciliationBalances,
  type Statement,
  type StatementLine,
  type StatementProblem,
  type SyntheticBooks,
  type SyntheticOptions,
  type TruthGroup,
} from "./matching/index.ts";
export { startReconciliation } from "./start-service.ts";
export type { StartInput, Started } from "./start-service.ts";
export { acceptProposed, decideMatch, setOutstanding, createEntryFromLine } from "./decision-service.ts";
export { completeReconciliation, unreconcile, RECONCILIATION_COMPLETED } from "./completion-service.ts";
export type { ReconciliationCompleted } from "./completion-service.ts";
export { autoReconcile, statementsOfImport, AUTO_RECONCILE_JOB } from "./auto-service.ts";
export type { AutoRun, AutoTarget, AutoReconcileJob } from "./auto-service.ts";
export type { AutoOutcome, AutoResult } from "./auto-model.ts";
export { getReconcileSettings, updateReconcileSettings } from "./settings-service.ts";
export type { ReconcileSettingsView, SettingsChange } from "./settings-service.ts";
export { listAutoReconciled, undoAutoReconciled } from "./auto-list-service.ts";
export type { AutoReconciledJson } from "./auto-list-service.ts";
export { createWriteUp, getWriteUp, listWriteUps, WRITE_UP_JOB } from "./write-up-service.ts";
export type { WriteUpInput, WriteUpJob } from "./write-up-service.ts";
export type { WriteUpJson } from "./write-up-view.ts";
export { runWriteUp } from "./write-up-job.ts";
export type { WriteUpHooks } from "./write-up-job.ts";
export { getReconciliation, listReconciliations } from "./query-service.ts";
export type { AccountReconciliation } from "./query-service.ts";
export type { ReconciliationState } from "./state.ts";
export { reconciliationJson, cliJson } from "./view.ts";
export type { ReconciliationJson, StatementLineJson, LedgerLineJson } from "./view.ts";
export type { OpeningSource } from "./period-model.ts";
export type { ReconcileTables } from "./tables.ts";
export { reconciliationCsv } from "./report-format.ts";
export { reconciliationPdf } from "./report-pdf.ts";
export { reconcileRoutes } from "./routes.ts";
export { reconciledThrough } from "./close-figures.ts";
