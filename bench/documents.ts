// `npm run bench -- documents`: upload and download throughput of one large file (200 MB, generated
// as it streams; BENCH_DOCUMENTS_MB changes it) on local disk and on a local S3 server (s3rver, in a
// child process on loopback), and how much the process's memory grows meanwhile (peak RSS over the
// RSS before, sampled every 10 ms). Measured twice: at the blob store (the storage layer alone) and
// end to end over HTTP against a listening server (multipart upload streamed from a socket, the
// download read from one; PGlite in a temporary folder, an API token). The HTTP figures include
// the client's side in the same process.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { loadConfig } from "../src/platform/config.ts";
import { systemActor } from "../src/platform/actor.ts";
import { LocalDiskStore, S3Store, type BlobStore } from "../src/platform/storage/index.ts";
import { openRuntime } from "../src/app/runtime.ts";
import { createServer } from "../src/app/server.ts";
import * as access from "../src/modules/access/index.ts";
import { benchApiToken } from "./api-token.ts";

const MB = 1024 * 1024;
const SIZE = Number(process.env.BENCH_DOCUMENTS_MB ?? 200) * MB;
const CHUNK = Buffer.alloc(MB, 0x20);
Buffer.from("%PDF-1.4\n").copy(CHUNK); // sniffed as a PDF; the rest is filler

/** `SIZE` bytes in 1 MB chunks, made as they are read (never whole in memory). */
function generated(): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= SIZE) return void this.push(null);
      const n = Math.min(MB, SIZE - sent);
      sent += n;
      this.push(n === MB ? CHUNK : CHUNK.subarray(0, n));
    },
  });
}

async function drain(stream: Readable): Promise<number> {
  let n = 0;
  for await (const chunk of stream) n += (chunk as Buffer).length;
  return n;
}

/** Runs `fn`, sampling RSS: seconds, MB/s and the peak growth over the RSS at the start. */
async function measured(
  fn: () => Promise<number>,
): Promise<{ seconds: number; mbPerSecond: number; peakRssGrowthMb: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const base = process.memoryUsage.rss();
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  const t0 = performance.now();
  const bytes = await fn();
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage.rss());
  if (bytes !== SIZE) throw new Error(`moved ${bytes} bytes, expected ${SIZE}`);
  return {
    seconds: Number(seconds.toFixed(2)),
    mbPerSecond: Number((SIZE / MB / seconds).toFixed(1)),
    peakRssGrowthMb: Number(((peak - base) / MB).toFixed(1)),
  };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((r) => server.close(r));
  return port;
}

async function startS3(dir: string): Promise<{ store: S3Store; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      path.resolve("node_modules/s3rver/bin/s3rver.js"),
      "-d",
      dir,
      "-a",
      "127.0.0.1",
      "-p",
      String(port),
      "-s",
    ],
    { stdio: "ignore" },
  );
  const store = new S3Store({
    endpoint: `http://127.0.0.1:${port}`,
    bucket: "closebook-bench",
    region: "us-east-1",
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    forcePathStyle: true,
  });
  for (let i = 0; ; i++) {
    try {
      await store.client.send(new CreateBucketCommand({ Bucket: "closebook-bench" }));
      break;
    } catch (error) {
      if (i > 100) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { store, child };
}

async function storeLevel(store: BlobStore) {
  let key = "";
  const upload = await measured(async () => {
    const blob = await store.put(generated());
    key = blob.key;
    return blob.size;
  });
  const download = await measured(async () => drain(await store.get(key)));
  await store.delete(key);
  return { upload, download };
}

async function httpLevel(store: BlobStore, dir: string) {
  const config = loadConfig({
    CLOSEBOOK_DATA_DIR: dir,
    LOG_LEVEL: "silent",
    CLOSEBOOK_UPLOAD_MAX_MB: "1000",
  });
  const runtime = await openRuntime(config, { command: "bench" });
  const app = await createServer(runtime, { blobs: store });
  try {
    await app.listen({ port: 0, host: "127.0.0.1" });
    const port = (app.server.address() as net.AddressInfo).port;
    const firm = await access.createFirm(runtime.ctx.db, { slug: "bench-docs", name: "Bench" });
    await access.createClient(runtime.ctx.db, systemActor(firm.id), {
      slug: "bench-client",
      name: "Bench Client",
    });
    const token = await benchApiToken(runtime, firm.id);
    const auth = { authorization: `Bearer ${token}` };
    const folders = await fetch(`http://127.0.0.1:${port}/api/clients/bench-client/folders`, {
      headers: auth,
    });
    const tax = ((await folders.json()) as { folders: Array<{ id: string; name: string }> }).folders.find(
      (f) => f.name === "Tax",
    )!;
    let documentId = "";
    const upload = await measured(async () => {
      const boundary = "benchboundary";
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      );
      const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
      const req = http.request({
        host: "127.0.0.1",
        port,
        method: "POST",
        path: `/api/clients/bench-client/documents?folder=${tax.id}`,
        headers: {
          ...auth,
          "content-type": `multipart/form-data; boundary=${boundary}`,
          "content-length": String(head.length + SIZE + tail.length),
        },
      });
      const answered = new Promise<http.IncomingMessage>((resolve, reject) => {
        req.on("response", resolve);
        req.on("error", reject);
      });
      async function* body() {
        yield head;
        for await (const chunk of generated()) yield chunk as Buffer;
        yield tail;
      }
      await pipeline(Readable.from(body()), req);
      const res = await answered;
      const text = Buffer.concat(await res.toArray()).toString();
      if (res.statusCode !== 201) throw new Error(`upload answered ${res.statusCode}: ${text.slice(0, 200)}`);
      const doc = (JSON.parse(text) as { document: { id: string; size: number } }).document;
      documentId = doc.id;
      return doc.size;
    });
    const download = await measured(async () => {
      const res = await new Promise<http.IncomingMessage>((resolve, reject) =>
        http
          .get(
            {
              host: "127.0.0.1",
              port,
              path: `/api/clients/bench-client/documents/${documentId}/content`,
              headers: auth,
            },
            resolve,
          )
          .on("error", reject),
      );
      if (res.statusCode !== 200) throw new Error(`download answered ${res.statusCode}`);
      return drain(res);
    });
    return { upload, download };
  } finally {
    await app.close();
    await runtime.close();
  }
}

export async function run(): Promise<object> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "closebook-bench-docs-"));
  const local = await new LocalDiskStore(path.join(root, "blobs")).open();
  const s3 = await startS3(path.join(root, "s3"));
  try {
    return {
      fileMb: SIZE / MB,
      gcBetweenPhases: Boolean((globalThis as { gc?: unknown }).gc),
      store: { local: await storeLevel(local), s3: await storeLevel(s3.store) },
      http: {
        local: await httpLevel(local, path.join(root, "data-local")),
        s3: await httpLevel(s3.store, path.join(root, "data-s3")),
      },
      goal: "≥ 100 MB/s on local disk; peak RSS growth < 64 MB",
    };
  } finally {
    s3.store.close();
    s3.child.kill();
    await fs.rm(root, { recursive: true, force: true });
  }
}
