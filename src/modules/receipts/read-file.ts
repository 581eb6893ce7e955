// Turns a receipt's file into lines of text, the I/O half of reading (the pure half is
// reading/receipt-model.ts). A PDF with a text layer is read with pdfjs-dist; an image (PNG, JPEG)
// with tesseract.js, and a scanned PDF (no text) by rendering its first page to an image first —
// pdfjs renders in Node through @napi-rs/canvas, its own optional dependency; where that is missing
// a scanned PDF is refused with a clear word. Nothing is fetched: tesseract's English data comes
// from the @tesseract.js-data/eng package on disk, its core and worker script from its own package.
import { validationError } from "../../platform/errors.ts";
import { ocrText } from "./ocr.ts";

export type ReadSource = "pdf_text" | "ocr_image" | "ocr_pdf";

export interface FileText {
  lines: string[];
  source: ReadSource;
  /** Pages read (a receipt is read from its first page when it has to be scanned). */
  pages: number;
}

/** A receipt or bill longer than this is not one. */
export const MAX_RECEIPT_PAGES = 20;

export async function readFileText(bytes: Uint8Array, contentType: string): Promise<FileText> {
  if (contentType === "application/pdf") {
    const { lines, pages } = await pdfLines(bytes);
    if (lines.length > 0) return { lines, source: "pdf_text", pages };
    const image = await renderFirstPage(bytes);
    return { lines: await ocrText(image), source: "ocr_pdf", pages: 1 };
  }
  if (contentType === "image/png" || contentType === "image/jpeg")
    return { lines: await ocrText(bytes), source: "ocr_image", pages: 1 };
  throw validationError(
    "receipts/not-readable",
    "a receipt is read from a PDF or a photo (PNG or JPEG); this file is neither",
    { field: "file" },
  );
}

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

async function openPdf(bytes: Uint8Array) {
  const pdfjs: PdfJs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  try {
    const doc = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      useSystemFonts: false,
      disableFontFace: true,
      isEvalSupported: false,
      verbosity: 0,
    }).promise;
    return { pdfjs, doc };
  } catch (error) {
    throw validationError(
      "receipts/unreadable-pdf",
      `the PDF cannot be opened (${error instanceof Error ? error.message : String(error)}): save it again, without a password`,
      { field: "file" },
    );
  }
}

/** The text of each page as lines: runs of text on one baseline, left to right. */
export async function pdfLines(bytes: Uint8Array): Promise<{ lines: string[]; pages: number }> {
  const { pdfjs, doc } = await openPdf(bytes);
  try {
    const pages = Math.min(doc.numPages, MAX_RECEIPT_PAGES);
    const lines: string[] = [];
    for (let number = 1; number <= pages; number++) {
      const page = await doc.getPage(number);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const runs: Array<{ text: string; x: number; y: number; h: number }> = [];
      for (const item of content.items) {
        if (!("str" in item) || item.str.trim() === "") continue;
        const m = pdfjs.Util.transform(viewport.transform, item.transform);
        runs.push({ text: item.str, x: m[4], y: m[5], h: Math.max(1, Math.hypot(m[2], m[3])) });
      }
      runs.sort((a, b) => a.y - b.y || a.x - b.x);
      let current: typeof runs = [];
      const flush = () => {
        if (current.length === 0) return;
        lines.push(
          current
            .sort((a, b) => a.x - b.x)
            .map((r) => r.text.trim())
            .join(" "),
        );
        current = [];
      };
      for (const run of runs) {
        // Runs within half a line's height of the line's first run share its baseline.
        if (current.length > 0 && Math.abs(run.y - current[0]!.y) > current[0]!.h / 2) flush();
        current.push(run);
      }
      flush();
      page.cleanup();
    }
    return { lines, pages };
  } finally {
    await doc.destroy();
  }
}

/** The first page as a PNG at ~200 dpi, for OCR (a scanned PDF, or a test's image of a receipt). */
export async function renderFirstPage(bytes: Uint8Array, dpi = 200): Promise<Uint8Array> {
  const { doc } = await openPdf(bytes);
  try {
    const page = await doc.getPage(1);
    const viewport = page.getViewport({ scale: dpi / 72 });
    const factory = (doc as unknown as { canvasFactory?: CanvasFactory }).canvasFactory;
    let target: ReturnType<CanvasFactory["create"]>;
    try {
      if (!factory) throw new Error("no canvas factory");
      target = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    } catch {
      throw scanRefused();
    }
    await page.render({ canvasContext: target.context, viewport, canvas: target.canvas } as never).promise;
    return new Uint8Array(target.canvas.toBuffer("image/png"));
  } finally {
    await doc.destroy();
  }
}

interface CanvasFactory {
  create(
    width: number,
    height: number,
  ): { canvas: { toBuffer(type: "image/png"): Buffer }; context: unknown };
}

function scanRefused() {
  return validationError(
    "receipts/needs-image",
    "this PDF has no text and cannot be turned into an image here: it needs an image — upload a photo or an image scan (PNG or JPEG)",
    { field: "file" },
  );
}
