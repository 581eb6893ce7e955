// The ledger module's public face: what other modules, the CLI and the HTTP routes may use.
export * from "./chart-service.ts";
export * from "./reference-service.ts";
export * from "./entry-service.ts";
export * from "./period-service.ts";
export * from "./report-service.ts";
export * from "./report-format.ts";
export { ACCOUNT_TYPES, DETAIL_TYPES, normalBalanceOf, inferAccountType, trialBalanceOf } from "./model.ts";
export type { AccountType, EntryInput, LineInput, TrialBalance, TrialBalanceRow } from "./model.ts";
export { US_SMALL_BUSINESS_CHART } from "./chart-template.ts";
export type { LedgerTables } from "./tables.ts";
export * from "./entry-input.ts";
export { currencyScalesFor } from "./scales.ts";
export { importJournal, importJournalFile, VIRTUAL_COUNTERPART_ACCOUNT } from "./journal-import.ts";
export { LEDGER_HISTORY_IMPORTED } from "./history-import.ts";
export type { LedgerHistoryImported } from "./history-import.ts";
export type { JournalImportResult, JournalImportOptions } from "./journal-import.ts";
export { exportClientJournal } from "./journal-export.ts";
export { renderedTrialBalance } from "./report-cache.ts";
