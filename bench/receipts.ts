// `npm run bench -- receipts`: reading receipts. Time per page for a text PDF (pdfjs text layer and
// the field reader) and for a photo (tesseract OCR on its worker thread, the worker started once
// beforehand; its start is reported apart), and the field accuracy per field on the generated set
// (test/fixtures/receipts/generate.ts: 40 receipts, 8 layouts), for the text PDFs and their images,
// all of them and the held-out part (never looked at while the reader was written). With the load
// average, since the machine may be shared.
import os from "node:os";
import {
  closeOcr,
  ocrText,
  pdfLines,
  readReceipt,
  type ReceiptFields,
} from "../src/modules/receipts/index.ts";
import { receiptPdf, receiptPng, receiptSpecs } from "../test/fixtures/receipts/generate.ts";
import { accuracy, fieldsRight } from "../test/fixtures/receipts/score.ts";

const COUNT = Number(process.env.BENCH_RECEIPTS ?? 40);

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 10) / 10;
};
const round = (x: number) => Math.round(x * 1000) / 1000;
const rounded = (o: Record<string, number>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, round(v)]));

export async function run(): Promise<object> {
  const specs = receiptSpecs(COUNT);
  const loadBefore = os.loadavg().map((x) => Math.round(x * 100) / 100);
  const text: {
    ms: number[];
    right: ReturnType<typeof fieldsRight>[];
    heldOut: ReturnType<typeof fieldsRight>[];
  } = { ms: [], right: [], heldOut: [] };
  const ocr: typeof text = { ms: [], right: [], heldOut: [] };
  const files = await Promise.all(
    specs.map(async (s) => ({ spec: s, pdf: await receiptPdf(s), png: await receiptPng(s) })),
  );
  const startOcr = performance.now();
  await ocrText(files[0]!.png);
  const ocrStartMs = performance.now() - startOcr;
  const read = (lines: string[]): ReceiptFields => readReceipt(lines, { homeCurrency: "USD" });
  for (const { spec, pdf, png } of files) {
    let t = performance.now();
    const fromText = read((await pdfLines(pdf)).lines);
    text.ms.push(performance.now() - t);
    t = performance.now();
    const fromImage = read(await ocrText(png));
    ocr.ms.push(performance.now() - t);
    const a = fieldsRight(fromText, spec.truth);
    const b = fieldsRight(fromImage, spec.truth);
    text.right.push(a);
    ocr.right.push(b);
    if (spec.index % 5 !== 0) {
      text.heldOut.push(a);
      ocr.heldOut.push(b);
    }
  }
  await closeOcr();
  const summary = (x: typeof text) => ({
    msPerPage: { p50: percentile(x.ms, 50), p95: percentile(x.ms, 95) },
    accuracy: rounded(accuracy(x.right)),
    accuracyHeldOut: rounded(accuracy(x.heldOut)),
  });
  return {
    receipts: specs.length,
    heldOut: text.heldOut.length,
    textPdf: summary(text),
    ocrImage: { ...summary(ocr), workerStartMs: Math.round(ocrStartMs) },
    loadAverage: { before: loadBefore, after: os.loadavg().map((x) => Math.round(x * 100) / 100) },
  };
}
