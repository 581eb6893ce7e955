// SQL for journal entries, their lines and the monthly balance buckets, as the entry services and
// the export see it: one import, while each part lives in a file of its own purpose — writing
// entries and drafts (entry-write-store.ts), inserting posted lines (line-insert-store.ts), the
// balance buckets (balance-store.ts) and reading (entry-read-store.ts).
export type { EntryRow, LineRow, EntryFilter } from "./entry-read-store.ts";
export {
  entryById,
  lockEntry,
  reversalOf,
  linesOf,
  listEntries,
  allPostedLines,
} from "./entry-read-store.ts";
export type { NewEntry } from "./entry-write-store.ts";
export {
  reserveEntryNumbers,
  insertDraft,
  updateDraft,
  deleteDraft,
  postDraft,
  insertPosted,
  existingImportKeys,
} from "./entry-write-store.ts";
export { addToBalances } from "./balance-store.ts";
export { addToBuckets } from "./bucket-store.ts";
