// Blobs as files under the data folder (<data dir>/blobs/ab/<uuid>). A blob is written to a
// temporary file and renamed into place only once the whole stream has arrived, so an upload cut
// off half-way (or refused for its size) leaves no file a reader could find; the temporary file is
// removed on failure, and leftovers of a killed process are swept at start.
import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { pipeline } from "node:stream/promises";
import type { Readable } from "node:stream";
import { BlobNotFound, checkKey, type BlobStore, type PutOptions, type StoredBlob } from "./blob-store.ts";
import { Meter } from "./metering.ts";

const TMP = ".tmp";

export class LocalDiskStore implements BlobStore {
  readonly kind = "local" as const;

  constructor(readonly root: string) {}

  /** Creates the folders and removes temporary files a killed process left behind. */
  async open(): Promise<this> {
    await fs.mkdir(path.join(this.root, TMP), { recursive: true, mode: 0o700 });
    for (const name of await fs.readdir(path.join(this.root, TMP)))
      await fs.rm(path.join(this.root, TMP, name), { force: true });
    return this;
  }

  private pathOf(key: string): string {
    checkKey(key);
    return path.join(this.root, key.slice(0, 2), key);
  }

  async put(source: Readable, options: PutOptions = {}): Promise<StoredBlob> {
    const key = randomUUID();
    const tmp = path.join(this.root, TMP, `${key}.part`);
    const meter = new Meter(options.maxBytes);
    try {
      await pipeline(source, meter, createWriteStream(tmp, { flags: "wx", mode: 0o600 }));
      const final = this.pathOf(key);
      await fs.mkdir(path.dirname(final), { recursive: true, mode: 0o700 });
      await fs.rename(tmp, final);
    } catch (error) {
      await fs.rm(tmp, { force: true });
      throw error;
    }
    return { key, size: meter.bytes, sha256: meter.digest() };
  }

  async get(key: string): Promise<Readable> {
    const file = this.pathOf(key);
    // Open first, so a missing blob is an error here and not in the middle of a response.
    const handle = await fs.open(file, "r").catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") throw new BlobNotFound(key);
      throw error;
    });
    return handle.createReadStream({ highWaterMark: 256 * 1024 });
  }

  async head(key: string): Promise<{ size: number } | null> {
    try {
      const stat = await fs.stat(this.pathOf(key));
      return { size: stat.size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT" || error instanceof BlobNotFound) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }
}
