// A purged client's documents leave the blob store too. Access purges the rows of every table that
// carries a client id but may not call documents (documents depends on access), so the app joins
// them: the keys are read before the rows go and the bytes deleted after.
import type { PurgeCompanion } from "../modules/access/index.ts";
import { clientBlobKeys, deleteBlobs, type DocumentsCtx } from "../modules/documents/index.ts";

export function purgeClientFiles(documents: DocumentsCtx): PurgeCompanion {
  return async (firmId, clientId) => {
    const keys = await clientBlobKeys(documents, firmId, clientId);
    return async () => {
      const left = await deleteBlobs(documents, keys);
      if (left > 0)
        process.stderr.write(
          `purge: ${left} of ${keys.length} files of client ${clientId} stay in storage\n`,
        );
    };
  };
}
