// The ledger module's public face: what other modules, the CLI and the HTTP routes may use.
export {
  applyChartTemplate,
  createAccount,
  ensureCurrencies,
  getAccount,
  listAccounts,
  updateAccount,
} from "./chart-service.ts";
export type { AccountInput, AccountPatch, AccountRow, ClientScope } from "./chart-service.ts";
export {
  createContact,
  createDimension,
  listContacts,
  listDimensions,
  updateContact,
  updateDimension,
} from "./reference-service.ts";
export type { ContactRow, DimensionRow } from "./reference-service.ts";
export {
  createDraft,
  deleteDraft,
  getEntry,
  listEntries,
  postDraft,
  postEntries,
  postEntry,
  postingContext,
  reverseEntry,
  rowsToLines,
  updateDraft,
} from "./entry-service.ts";
export type { EntryView } from "./entry-service.ts";
export { listPeriods, parseMonth, setPeriodLock, setPeriodSoftClose } from "./period-service.ts";
export { lateItemShift } from "./soft-close-model.ts";
export type { LateItem } from "./soft-close-model.ts";
export type { PeriodRow } from "./period-service.ts";
export { accountRegister, generalLedger, rollupByType, trialBalance } from "./report-service.ts";
export type {
  AccountDetail,
  GeneralLedger,
  LedgerLine,
  Register,
  TrialBalanceReport,
  TypeRollup,
} from "./report-service.ts";
export { trialBalanceCsv, trialBalanceJson, trialBalanceText } from "./report-format.ts";
export type { TrialBalanceJson } from "./report-format.ts";
export { ACCOUNT_TYPES, DETAIL_TYPES, normalBalanceOf, inferAccountType, trialBalanceOf } from "./model.ts";
export type { AccountType, EntryInput, LineInput, TrialBalance, TrialBalanceRow } from "./model.ts";
export { US_SMALL_BUSINESS_CHART } from "./chart-template.ts";
export type { LedgerTables } from "./tables.ts";
export { toEntryInput } from "./entry-input.ts";
export type { DecimalEntryInput, DecimalLineInput } from "./entry-input.ts";
export { currencyScalesFor, currencyScalesView } from "./scales.ts";
export type { CurrencyScales } from "./scales.ts";
export { importJournal, importJournalFile, VIRTUAL_COUNTERPART_ACCOUNT } from "./journal-import.ts";
export { LEDGER_HISTORY_IMPORTED } from "./history-import.ts";
export type { LedgerHistoryImported } from "./history-import.ts";
export type { JournalImportResult, JournalImportOptions } from "./journal-import.ts";
export { exportClientJournal } from "./journal-export.ts";
export { renderedTrialBalance } from "./report-cache.ts";
export { ledgerRoutes } from "./routes.ts";
export { valuedBooks, valuedByDimension } from "./valued-service.ts";
export { bookState } from "./book-state-service.ts";
export type { BookState } from "./book-state-service.ts";
export type {
  ChartAccount,
  DimensionSums,
  FirstValuedLine,
  ValuedBooks,
  ValuedSum,
} from "./valued-service.ts";
export { DIMENSION_COLUMNS } from "./valued-store.ts";
// The by-dimension sums from the buckets and from every line (the oracle the demo test compares).
export { valuedSumsByDimension, valuedSumsByDimensionScan } from "./valued-store.ts";
export type { DimensionKind } from "./valued-store.ts";
export { draftEntriesByMonth } from "./close-figures.ts";
