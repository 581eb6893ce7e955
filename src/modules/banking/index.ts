// The banking module's public face: bank accounts and institutions, statement imports and raw bank
// lines — what other modules, the CLI and the server may use.
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
  listStatements,
  listImports,
  statementFile,
  BANK_LINES_IMPORTED,
} from "./import-service.ts";
export type { ImportInput, ImportSummary, Preview, BankLinesImported } from "./import-service.ts";
export { CONNECTION_STATES, nextState } from "./connection-model.ts";
export type { ConnectionState, ConnectionEvent } from "./connection-model.ts";
export { totalsOf, BANK_ACCOUNT_KINDS } from "./model.ts";
export type { BankAccountKind, CurrencyTotals } from "./model.ts";
export type { BankingTables } from "./tables.ts";
