// Optical character recognition of a receipt's image with tesseract.js. Tesseract runs on its own
// worker thread (tesseract.js starts one in Node), so the server's event loop keeps answering while
// a photo is read; one worker is kept while receipts keep coming and ends after a minute idle.
// Every path is a local file: the worker script and the WebAssembly core from tesseract.js's own
// packages, the English data from @tesseract.js-data/eng; the cache is off, so nothing is written
// beside the app and nothing is fetched (test: receipts/ocr.test.ts).
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Worker as OcrWorker, WorkerOptions } from "tesseract.js";
import { englishDataPath } from "./read-file-paths.ts";

const require = createRequire(import.meta.url);
const IDLE_MS = 60_000;

/** Where tesseract.js finds its parts: all of them files in node_modules. */
export function ocrOptions(): Partial<WorkerOptions> {
  const tesseract = dirname(require.resolve("tesseract.js/package.json"));
  return {
    workerPath: join(tesseract, "src", "worker-script", "node", "index.js"),
    corePath: dirname(require.resolve("tesseract.js-core/package.json")),
    langPath: englishDataPath(),
    gzip: true,
    cacheMethod: "none",
  };
}

let worker: Promise<OcrWorker> | undefined;
let idle: NodeJS.Timeout | undefined;
let queue: Promise<unknown> = Promise.resolve();

async function startWorker(): Promise<OcrWorker> {
  const tesseract = await import("tesseract.js");
  // OEM 1: the LSTM engine alone, the one the "best int" data carries.
  return tesseract.createWorker("eng", 1, ocrOptions());
}

/** The lines of text tesseract reads in an image (PNG or JPEG bytes). One image at a time. */
export function ocrText(image: Uint8Array): Promise<string[]> {
  const run = queue.then(async () => {
    if (idle) clearTimeout(idle);
    worker ??= startWorker();
    const w = await worker.catch((error: unknown) => {
      worker = undefined;
      throw error;
    });
    try {
      const result = await w.recognize(Buffer.from(image));
      return result.data.text.split(/\r?\n/).filter((l) => l.trim() !== "");
    } finally {
      idle = setTimeout(() => void closeOcr(), IDLE_MS);
      idle.unref();
    }
  });
  queue = run.catch(() => undefined);
  return run;
}

/** Ends the OCR worker (tests, benchmarks and the idle timer). */
export async function closeOcr(): Promise<void> {
  if (idle) clearTimeout(idle);
  idle = undefined;
  const w = worker;
  worker = undefined;
  if (w) await (await w.catch(() => undefined))?.terminate();
}
