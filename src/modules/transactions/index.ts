// The Transaction Manager's public face: transactions made from imported bank lines, their review
// (edit, split, mark reviewed, bulk, rules from corrections), AutoPush / Manual Push per bank
// account, the training history it gives the categorizer, and its HTTP routes.
export { ingestBankLines, processImport, INGEST_BATCH } from "./ingest-service.ts";
export { linkToEntry, unlinkEntry, LINKED_REASON } from "./entry-link.ts";
export type {
  ExistingEntryMatcher,
  ExistingEntryMatch,
  MatchCandidate,
  LinkedEntryKind,
} from "./entry-link.ts";
export type { IngestResult, IncomingLine } from "./ingest-service.ts";
export { orphanedImports } from "./recovery.ts";
export type { OrphanedImport } from "./recovery.ts";
export { reviewWaitingNotice } from "./review-notice.ts";
export {
  listTransactions,
  getTransaction,
  PAGE_SIZE,
  COUNT_AHEAD,
  SEARCH_COUNT_AHEAD,
} from "./query-service.ts";
export type { TransactionQuery, TransactionPage, TransactionDetail } from "./query-service.ts";
export {
  editTransaction,
  bulkEdit,
  splitTransaction,
  reviewTransactions,
  MAX_BULK,
} from "./review-service.ts";
export type { EditInput } from "./review-service.ts";
export { previewRule, applyRule, ruleFromTransaction } from "./rule-service.ts";
export type { RulePreviewView, ApplyResult } from "./rule-service.ts";
export { listAutomation, getAutomation, setAutomation } from "./automation-service.ts";
export type { AutomationView, AutomationResult } from "./automation-service.ts";
export { DEFAULT_AUTOMATION } from "./automation.ts";
export { trainingHistory } from "./history.ts";
export { bankLinesOfEntries, transactionsOfBankLines } from "./bank-line-lookup.ts";
export { reviewFigures } from "./overview-service.ts";
export type { ReviewFigures } from "./overview-service.ts";
export { ENTRY_SOURCE } from "./posting.ts";
export {
  STATUSES,
  MODES,
  BANDS,
  bandOf,
  decide,
  isMaterial,
  earliestStartDate,
  splitOf,
  entryFor,
  repostPlan,
} from "./model.ts";
export type {
  Status,
  AutomationMode,
  Band,
  Coding,
  SplitInput,
  SplitPart,
  Policy,
  Decision,
} from "./model.ts";
export type { TransactionView } from "./view.ts";
export { attachDocument, detachDocument, attachmentsOf } from "./attachments.ts";
export type { AttachmentView, AttachmentSource } from "./attachments.ts";
export type { TransactionTables } from "./tables.ts";
export { transactionRoutes } from "./routes.ts";
export { needsReviewByMonth } from "./close-figures.ts";
