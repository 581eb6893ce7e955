// The bytes of a client being purged. The purge (access) deletes the client's rows through the
// catalog and knows nothing of the blob store, so the app asks here for the keys first and, once
// the rows are gone, deletes the bytes: a blob is never removed while a row can still reach it.
import type { DocumentsCtx } from "./documents-ctx.ts";
import * as docs from "./document-store.ts";

/** The blob keys of every version of every document of the client, trashed ones included. */
export async function clientBlobKeys(ctx: DocumentsCtx, firmId: string, clientId: string): Promise<string[]> {
  return docs.blobKeysOfClient(ctx.db, { firmId, clientId });
}

/**
 * Deletes the bytes; returns how many could not be deleted. Those stay as unreferenced blobs,
 * which is safe (nothing reaches them) and reported, as the trash purge does.
 */
export async function deleteBlobs(ctx: DocumentsCtx, keys: readonly string[]): Promise<number> {
  let left = 0;
  for (const key of keys) await ctx.blobs.delete(key).catch(() => left++);
  return left;
}
