// The banking module's public face: bank accounts, institutions, connections and their providers,
// statement imports and raw bank lines — what other modules, the CLI and the server may use.
export {
  bankOverview,
  getBankAccount,
  createBankAccount,
  updateBankAccount,
  listInstitutions,
  createInstitution,
} from "./account-service.ts";
export type {
  BankAccountView,
  BankOverview,
  BankAccountInput,
  BankAccountChange,
} from "./account-service.ts";
export {
  importStatementFile,
  previewStatementFile,
  listBankLines,
  importLineCount,
  importLinesAfter,
  listStatements,
  listImports,
  statementFile,
  BANK_LINES_IMPORTED,
} from "./import-service.ts";
export type { ImportInput, ImportSummary, Preview, BankLinesImported } from "./import-service.ts";
export {
  listConnections,
  getConnection,
  requestConnection,
  addConnection,
  setUpConnection,
  reconnect,
  disconnect,
  linkBankAccounts,
  removeConnection,
  syncConnection,
  pollConnections,
} from "./connection-service.ts";
export type { ConnectionView } from "./connection-service.ts";
export { bankFigures } from "./overview-service.ts";
export type { BankFigures, QuietAccount, TroubledConnection } from "./overview-service.ts";
export { STALE_DAYS, STUCK_CONNECTION_DAYS, isStale, connectionTrouble } from "./overview-model.ts";
export type { ConnectionTrouble } from "./overview-model.ts";
export { bankingCtx } from "./banking-ctx.ts";
export type {
  BankingCtx,
  BankingOptions,
  ConnectionChange,
  ConnectionChangeListener,
} from "./banking-ctx.ts";
export type {
  ConnectionProvider,
  ProviderConnection,
  SetUpOutcome,
  ImportSink,
  PollReport,
} from "./providers/provider.ts";
export { ConnectionLostError } from "./providers/provider.ts";
export { FILE_DROP } from "./providers/file-drop.ts";
export { CONNECTION_STATES, nextState } from "./connection-model.ts";
export type { ConnectionState, ConnectionEvent } from "./connection-model.ts";
export { totalsOf, BANK_ACCOUNT_KINDS } from "./model.ts";
export type { BankAccountKind, CurrencyTotals } from "./model.ts";
export type { BankingTables } from "./tables.ts";
export { bankingRoutes } from "./routes.ts";
export type { BankingRouteOptions } from "./routes.ts";
export { activeBankAccounts } from "./close-figures.ts";
export { bankingLink } from "./connection-support.ts";
