// What stored files sit behind: a store of opaque blobs by key, streamed both ways so that no file
// is ever held whole in memory. Local disk by default, S3-compatible object storage when configured.
import type { Readable } from "node:stream";

export interface StoredBlob {
  /** The store's key for the bytes (opaque to callers: keep it, hand it back). */
  key: string;
  size: number;
  /** Hex SHA-256 of the bytes, computed while they streamed in. */
  sha256: string;
}

export interface PutOptions {
  /** Refuse (BlobTooLarge) and keep nothing once more than this many bytes arrive. */
  maxBytes?: number | undefined;
  /** Stored as the object's type where the store keeps one (S3). */
  contentType?: string | undefined;
}

export interface BlobStore {
  readonly kind: "local" | "s3";
  /**
   * Stores the stream's bytes under a new key. Either the whole stream is stored or nothing is:
   * a stream that fails or is cut off half-way leaves no blob behind.
   */
  put(source: Readable, options?: PutOptions): Promise<StoredBlob>;
  /** The blob's bytes as a stream; BlobNotFound when there is no such key. */
  get(key: string): Promise<Readable>;
  /** The blob's size, or null when there is no such key. */
  head(key: string): Promise<{ size: number } | null>;
  /** Removes the blob; a key that is already gone is not an error. */
  delete(key: string): Promise<void>;
}

export class BlobTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`the file is larger than ${maxBytes} bytes`);
    this.name = "BlobTooLarge";
  }
}

export class BlobNotFound extends Error {
  constructor(readonly key: string) {
    super(`no stored blob ${key}`);
    this.name = "BlobNotFound";
  }
}

/** Keys this layer makes: a UUID, so that no caller-controlled text ever reaches a path or an object name. */
export const BLOB_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function checkKey(key: string): string {
  if (!BLOB_KEY.test(key)) throw new BlobNotFound(key);
  return key;
}
