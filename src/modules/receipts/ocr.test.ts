// Nothing is fetched to read a photo: every path tesseract.js is given is a file on this disk, the
// language data is there, no cache is written, and a receipt image is read with fetch made to fail.
import { existsSync, statSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { closeOcr, ocrOptions, ocrText, readReceipt, readFileText } from "./index.ts";
import {
  receiptPdf,
  receiptPng,
  receiptScanPdf,
  receiptSpecs,
} from "../../../test/fixtures/receipts/generate.ts";

afterAll(() => closeOcr());

describe("OCR without the network", () => {
  it("gives tesseract.js local paths only, and no cache", () => {
    const o = ocrOptions();
    for (const path of [o.workerPath!, o.corePath!, o.langPath!]) {
      expect(isAbsolute(path), path).toBe(true);
      expect(path).not.toMatch(/^[a-z]+:\/\//i);
      expect(existsSync(path), path).toBe(true);
    }
    expect(statSync(join(o.langPath!, "eng.traineddata.gz")).size).toBeGreaterThan(1_000_000);
    expect(o.cacheMethod).toBe("none");
  });

  it("reads a receipt photo with fetch failing and leaves no language file behind", async () => {
    const fetch = vi.spyOn(globalThis, "fetch").mockRejectedValue(new Error("no network in this test"));
    try {
      const spec = receiptSpecs(2)[1]!;
      const lines = await ocrText(await receiptPng(spec));
      const read = readReceipt(lines, { homeCurrency: "USD" });
      expect(read.total.value).toBe(spec.truth.total);
      expect(fetch).not.toHaveBeenCalled();
      expect(existsSync("eng.traineddata")).toBe(false);
    } finally {
      fetch.mockRestore();
    }
  });

  it("reads a PDF's text layer without OCR, and a scanned PDF by rendering its page", async () => {
    const spec = receiptSpecs(1)[0]!;
    const text = await readFileText(await receiptPdf(spec), "application/pdf");
    expect(text.source).toBe("pdf_text");
    expect(text.lines[0]).toBe(spec.truth.vendor);
    const scan = await readFileText(await receiptScanPdf(spec), "application/pdf");
    expect(scan.source).toBe("ocr_pdf");
    expect(readReceipt(scan.lines, { homeCurrency: "USD" }).total.value).toBe(spec.truth.total);
    await expect(readFileText(new TextEncoder().encode("a,b\n1,2\n"), "text/csv")).rejects.toMatchObject({
      code: "receipts/not-readable",
    });
  });
});
