// Auto Bank Rec (reconcile): bank and card statements reconciled against the ledger. So far the
// pure matching engine (matching/, documented in matching/index.ts); the reconciliation's
// persistence, services and routes come next and will be exported here too.
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
