// The receipts module's public face: receipts and bills read into vendor, date, total, tax and
// currency (with a confidence each), matched to the client's bank transactions, and the list of
// those that wait for a person.
export { readReceipt, decimalOf, simplify } from "./reading/receipt-model.ts";
export type { ReceiptFields, Field, ReadingHints } from "./reading/receipt-model.ts";
export { readFileText, pdfLines, renderFirstPage } from "./read-file.ts";
export type { FileText, ReadSource } from "./read-file.ts";
export { ocrText, closeOcr, ocrOptions } from "./ocr.ts";
export { receiptsRoutes } from "./routes.ts";
export { READ_RECEIPT_JOB, runReadJob, queueReading } from "./read-service.ts";
export type { ReadReceiptJob } from "./read-service.ts";
export {
  listReceipts,
  getReceipt,
  chooseMatch,
  dismissReceipt,
  rereadReceipt,
  uploadReceipt,
} from "./receipt-service.ts";
export type { ReceiptView } from "./receipt-service.ts";
export { matchReceipt, scoreCandidate, nameSimilarity } from "./match-model.ts";
export type { Candidate, ReceiptFacts, Suggestion } from "./match-model.ts";
