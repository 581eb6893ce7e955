// The two blob stores honour one contract: bytes in and out streamed and intact, a size limit that
// cuts an upload off with nothing stored, a stream broken half-way leaving nothing, a retry that
// succeeds, and a missing or malformed key refused as not found. S3 runs against s3rver on loopback.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { BlobNotFound, BlobTooLarge, LocalDiskStore, peek, type BlobStore } from "./index.ts";
import { localS3, type LocalS3 } from "../../../test/support/s3-server.ts";

/** `total` bytes of a repeatable pattern, in chunks, never whole in memory. */
function generated(total: number, chunk = 64 * 1024): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= total) return void this.push(null);
      const n = Math.min(chunk, total - sent);
      const buf = Buffer.alloc(n);
      for (let i = 0; i < n; i++) buf[i] = (sent + i) % 251;
      sent += n;
      this.push(buf);
    },
  });
}

/** A stream that breaks after `bytes` bytes, as a dropped connection does. */
function broken(bytes: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= bytes) return void this.destroy(new Error("connection reset"));
      sent += 1024;
      this.push(Buffer.alloc(1024, 7));
    },
  });
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

interface Harness {
  store: BlobStore;
  /** Every blob the store holds, whatever their keys (temporary files and parts included). */
  stored(): Promise<string[]>;
}

function contract(name: string, make: () => Promise<Harness>) {
  describe(name, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await make();
    });

    it("streams bytes in and out intact, with their size and SHA-256", async () => {
      const size = 12 * 1024 * 1024 + 17; // past S3's multipart part size
      const blob = await h.store.put(generated(size));
      expect(blob.size).toBe(size);
      const back = await readAll(await h.store.get(blob.key));
      expect(back.length).toBe(size);
      expect(sha(back)).toBe(blob.sha256);
      expect(back[size - 1]).toBe((size - 1) % 251);
      expect(await h.store.head(blob.key)).toEqual({ size });
      await h.store.delete(blob.key);
      expect(await h.store.head(blob.key)).toBeNull();
      await expect(h.store.get(blob.key)).rejects.toBeInstanceOf(BlobNotFound);
      await h.store.delete(blob.key); // gone already: not an error
    });

    it("stores an empty file", async () => {
      const blob = await h.store.put(Readable.from([]));
      expect(blob.size).toBe(0);
      expect((await readAll(await h.store.get(blob.key))).length).toBe(0);
      await h.store.delete(blob.key);
    });

    it("cuts off an upload past its size limit and keeps nothing", async () => {
      const before = await h.stored();
      await expect(
        h.store.put(generated(7 * 1024 * 1024), { maxBytes: 6 * 1024 * 1024 }),
      ).rejects.toBeInstanceOf(BlobTooLarge);
      expect(await h.stored()).toEqual(before);
    });

    it("keeps nothing of an upload broken half-way, and a retry succeeds", async () => {
      const before = await h.stored();
      await expect(h.store.put(broken(6 * 1024 * 1024))).rejects.toThrow("connection reset");
      expect(await h.stored()).toEqual(before);
      const retry = await h.store.put(generated(6 * 1024 * 1024));
      expect(retry.size).toBe(6 * 1024 * 1024);
      expect(await h.stored()).toHaveLength(before.length + 1);
      await h.store.delete(retry.key);
    });

    it("refuses keys it did not make as not found (no path or object name from outside)", async () => {
      for (const key of ["../../etc/passwd", "", "a/b", "00000000-0000-0000-0000-00000000000G"])
        await expect(h.store.get(key)).rejects.toBeInstanceOf(BlobNotFound);
      expect(await h.store.head("../x")).toBeNull();
    });

    it("hands a peeked stream on whole", async () => {
      const { head, whole } = await peek(generated(300_000, 1000), 4100);
      expect(head.length).toBe(4100);
      const blob = await h.store.put(whole);
      expect(blob.size).toBe(300_000);
      const back = await readAll(await h.store.get(blob.key));
      expect(back.subarray(0, 4100)).toEqual(head);
      await h.store.delete(blob.key);
    });
  });
}

let dir: string;
let s3: LocalS3 | undefined;
afterAll(async () => {
  await s3?.close();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

async function filesUnder(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(root, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) out.push(path.join(entry.parentPath, entry.name));
  return out.sort();
}

contract("local disk store", async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "closebook-blobs-"));
  const store = await new LocalDiskStore(path.join(dir, "blobs")).open();
  return { store, stored: () => filesUnder(path.join(dir, "blobs")) };
});

contract("S3 store (s3rver on loopback)", async () => {
  s3 = await localS3();
  const server = s3;
  return {
    store: server.store,
    stored: async () =>
      [...(await server.objects()), ...Array(await server.pendingUploads()).fill("upload")].sort(),
  };
});

describe("local disk store at start", () => {
  it("sweeps temporary files a killed process left behind", async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), "closebook-blobs-"));
    await fs.mkdir(path.join(root, ".tmp"));
    await fs.writeFile(path.join(root, ".tmp", "x.part"), "half");
    await new LocalDiskStore(root).open();
    expect(await fs.readdir(path.join(root, ".tmp"))).toEqual([]);
    await fs.rm(root, { recursive: true, force: true });
  });
});
