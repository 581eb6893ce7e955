// Use cases for journal entries, as index.ts, the routes and the imports see them: one import for
// the whole family, while each part lives in a file of its own purpose — drafts
// (entry-draft-service.ts), posting one or many (entry-posting-service.ts), reversal
// (entry-reversal-service.ts) and reading (entry-read-service.ts). What they share is the facts the
// checks need (posting-context.ts), input normalization (entry-normalize.ts) and the view (entry-view.ts).
export { createDraft, updateDraft, deleteDraft, postDraft } from "./entry-draft-service.ts";
export { postEntry, postEntries } from "./entry-posting-service.ts";
export { reverseEntry } from "./entry-reversal-service.ts";
export { getEntry, listEntries } from "./entry-read-service.ts";
export { postingContext } from "./posting-context.ts";
export { rowsToLines } from "./entry-view.ts";
export type { EntryView } from "./entry-view.ts";
