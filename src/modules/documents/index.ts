// The documents module's public face: each client's folders (the standard tree), documents with
// versions, uploads (single files and zip archives), the trash, and missing bank statements.
export type { DocumentsCtx } from "./documents-ctx.ts";
export { documentsRoutes } from "./routes.ts";
export {
  ensureStandardTree,
  listFolders,
  createFolder,
  changeFolder,
  deleteFolder,
} from "./folder-service.ts";
export { uploadDocument } from "./upload-service.ts";
export type { UploadInput, UploadResult } from "./upload-service.ts";
export { uploadArchive } from "./archive-service.ts";
export type { ArchiveResult } from "./archive-service.ts";
export {
  listDocuments,
  getDocument,
  documentHistory,
  openDocument,
  changeDocument,
  trashDocument,
  restoreDocument,
  purgeTrash,
  PURGE_TRASH_JOB,
} from "./document-service.ts";
export type { Download } from "./document-service.ts";
export { documentSummary } from "./document-summary.ts";
export type { DocumentSummary } from "./document-summary.ts";
export { clientBlobKeys, deleteBlobs } from "./client-files-service.ts";
export type { DocumentView, VersionView } from "./document-view.ts";
export { listMissingStatements } from "./missing-statements-service.ts";
export { resolveTaskFolder, documentContent } from "./task-file-service.ts";
export type { TaskFolder, DocumentContent } from "./task-file-service.ts";
export type { MissingStatementsView } from "./missing-statements-service.ts";
export type { StatementAccount } from "./folder-tree-model.ts";
export { RECEIPTS as RECEIPTS_FOLDER } from "./folder-tree-model.ts";
export { FILE_KINDS, KIND_NAMES, sniff } from "./content-type-model.ts";
export { TRASH_DAYS } from "./trash-model.ts";
export type { DocumentsTables } from "./tables.ts";
