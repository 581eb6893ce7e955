// Auto Bank Rec (reconcile): bank and card statements reconciled against the ledger — the pure
// matching engine (matching/, documented in matching/index.ts), and the reconciliation itself:
// start/refresh for a statement period, decisions, completion (locking cleared lines), unreconcile,
// the report, and its HTTP routes.
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
export { completeReconciliation, unreconcile } from "./completion-service.ts";
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
