// A pass-through stream that counts and hashes the bytes on their way to a store, and fails the
// pipeline as soon as a size limit is passed (so a too-large upload is cut off, not stored whole first).
import { createHash, type Hash } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import { BlobTooLarge } from "./blob-store.ts";

// Its count is not called `size`: the S3 upload helper reads a body's `size` as its length up front.
export class Meter extends Transform {
  bytes = 0;
  private readonly hash: Hash = createHash("sha256");

  constructor(private readonly maxBytes: number | undefined) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.maxBytes !== undefined && this.bytes > this.maxBytes) {
      done(new BlobTooLarge(this.maxBytes));
      return;
    }
    this.hash.update(chunk);
    done(null, chunk);
  }

  digest(): string {
    return this.hash.digest("hex");
  }
}
