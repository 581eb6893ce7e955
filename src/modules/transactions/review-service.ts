// Review: edit a transaction's account, payee, class/department or memo, split it by amount or
// percent, mark it reviewed (posting it first when it is not posted: Manual Push's "push"), and do
// the same to many at once. A posted transaction whose coding changes is reversed and posted again
// (the ledger stays append-only). Every correction teaches memory at once and queues retraining;
// every change is audited; one call is one database transaction, so a refusal changes nothing.
// This file is the one import for routes and index.ts; editing and splitting live in
// review-edit-service.ts, marking reviewed in review-mark-service.ts, and what they share in
// review-coding.ts (checked codings), review-memory.ts (lessons) and review-selection.ts (locked rows).
export { editTransaction, bulkEdit, splitTransaction } from "./review-edit-service.ts";
export { reviewTransactions } from "./review-mark-service.ts";
export { MAX_BULK } from "./review-selection.ts";
export type { EditInput } from "./review-coding.ts";
