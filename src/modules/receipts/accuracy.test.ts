// Field accuracy on the generated receipts (test/fixtures/receipts/generate.ts), where the truth is
// known. Text PDFs: all 40. Photos: 16 of the held-out receipts (never used while the reader was
// written; every layout twice), read by OCR — the benchmark (`npm run bench -- receipts`) reads all 40.
// The floors are what a bookkeeper may rely on, not what the set happens to score: a text layer is
// read exactly, so 95% (two slips in 40) is already a regression; OCR of a clean photo is right
// 94–100% of the time per field on this set (README), 80% leaves room for another tesseract build
// reading a character differently, and below it the reader is worse than typing the receipt in.
import { afterAll, describe, expect, it } from "vitest";
import { closeOcr, ocrText, pdfLines, readReceipt } from "./index.ts";
import { receiptPdf, receiptPng, receiptSpecs } from "../../../test/fixtures/receipts/generate.ts";
import { accuracy, FIELDS, fieldsRight } from "../../../test/fixtures/receipts/score.ts";

afterAll(() => closeOcr());
const specs = receiptSpecs();

describe("receipt reading accuracy", () => {
  it("reads every field of text PDFs right at least 95% of the time", async () => {
    const results = [];
    for (const spec of specs) {
      const { lines } = await pdfLines(await receiptPdf(spec));
      results.push(fieldsRight(readReceipt(lines, { homeCurrency: "USD" }), spec.truth));
    }
    const figures = accuracy(results);
    for (const field of FIELDS) expect(figures[field], field).toBeGreaterThanOrEqual(0.95);
  });

  it("reads every field of held-out receipt photos right at least 80% of the time", async () => {
    const heldOut = specs.filter((s) => s.index % 5 !== 0).filter((_, i) => i % 2 === 0);
    expect(new Set(heldOut.map((s) => s.layout)).size).toBe(8);
    const results = [];
    for (const spec of heldOut) {
      const lines = await ocrText(await receiptPng(spec));
      results.push(fieldsRight(readReceipt(lines, { homeCurrency: "USD" }), spec.truth));
    }
    const figures = accuracy(results);
    for (const field of FIELDS) expect(figures[field], field).toBeGreaterThanOrEqual(0.8);
  }, 300_000);
});
