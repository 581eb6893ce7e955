// Where stored files live, chosen by the configuration: an S3-compatible bucket when S3_BUCKET is
// set, otherwise local disk under the data folder (<CLOSEBOOK_DATA_DIR>/blobs).
import path from "node:path";
import { LocalDiskStore } from "./local-disk-store.ts";
import { S3Store, type S3Settings } from "./s3-store.ts";
import type { BlobStore } from "./blob-store.ts";

export type { BlobStore, StoredBlob, PutOptions } from "./blob-store.ts";
export { BlobNotFound, BlobTooLarge, BLOB_KEY } from "./blob-store.ts";
export { LocalDiskStore } from "./local-disk-store.ts";
export { S3Store, type S3Settings } from "./s3-store.ts";
export { peek, type Peeked } from "./peek.ts";

export interface StorageSettings {
  dataDir: string;
  s3?: S3Settings | undefined;
}

export async function openBlobStore(settings: StorageSettings): Promise<BlobStore> {
  if (settings.s3) return new S3Store(settings.s3);
  return new LocalDiskStore(path.join(settings.dataDir, "blobs")).open();
}

/**
 * The store of these settings, opened on first use: a server that never stores a file never makes
 * the blobs folder (and a test server's data folder need not exist).
 */
export function lazyBlobStore(settings: StorageSettings): BlobStore {
  let opened: Promise<BlobStore> | undefined;
  const store = () => (opened ??= openBlobStore(settings));
  return {
    kind: settings.s3 ? "s3" : "local",
    put: async (source, options) => (await store()).put(source, options),
    get: async (key) => (await store()).get(key),
    head: async (key) => (await store()).head(key),
    delete: async (key) => (await store()).delete(key),
  };
}
