// The one place that opens a PDF: pdfjs-dist's legacy build (the one for Node) finds the text layer
// of each page, and this file hands on its runs of text with their positions, nothing more — what the
// text means is read by the pure layout code (pdf.ts). Nothing is fetched: pdfjs runs its worker code
// in this process from its own package, and text extraction needs no font files. pdfjs is loaded only
// when a PDF arrives, so reading the other formats does not pay for it.
import { StatementParseError } from "./errors.ts";
import type { PdfPage, PdfText, PdfTextItem } from "./pdf-types.ts";

/** A statement runs to a few dozen pages; a file with more is not one. */
export const MAX_PDF_PAGES = 500;

export function isPdf(bytes: Uint8Array): boolean {
  // The header may follow a little junk (some mail gateways prepend a line); readers look in the first 1 KiB.
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 4 < head.length; i++)
    if (
      head[i] === 0x25 &&
      head[i + 1] === 0x50 &&
      head[i + 2] === 0x44 &&
      head[i + 3] === 0x46 &&
      head[i + 4] === 0x2d
    )
      return true;
  return false;
}

export async function extractPdfText(bytes: Uint8Array): Promise<PdfText> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>["promise"]>;
  try {
    doc = await pdfjs.getDocument({
      // A copy: pdfjs may take over the buffer it is given, and the import still needs the file's bytes.
      data: new Uint8Array(bytes),
      useSystemFonts: false,
      disableFontFace: true,
      isEvalSupported: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    throw openError(error);
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES)
      throw new StatementParseError(
        "pdf/too-many-pages",
        `The PDF has ${doc.numPages} pages; a bank statement Closebook reads has at most ${MAX_PDF_PAGES}.`,
      );
    const pages: PdfPage[] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      for (const item of content.items) {
        if (!("str" in item) || item.str.trim() === "") continue;
        const m = pdfjs.Util.transform(viewport.transform, item.transform);
        // Text running up or down the page (a margin note, a reference code) is no part of a table.
        if (Math.abs(m[1]) > Math.abs(m[0]) || m[0] <= 0) continue;
        items.push({
          text: item.str,
          x: m[4],
          y: m[5],
          width: item.width,
          height: Math.hypot(m[2], m[3]),
        });
      }
      pages.push({ number, width: viewport.width, height: viewport.height, items });
      page.cleanup();
    }
    return { pages };
  } catch (error) {
    if (error instanceof StatementParseError) throw error;
    throw openError(error);
  } finally {
    await doc.destroy();
  }
}

function openError(error: unknown): StatementParseError {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === "PasswordException")
    return new StatementParseError(
      "pdf/password-protected",
      "The PDF is protected by a password, so Closebook cannot read it. Open it, print or save it as a PDF " +
        "without a password, or download the statement again without protection.",
    );
  const message = error instanceof Error ? error.message : String(error);
  return new StatementParseError(
    "pdf/corrupt",
    `The PDF is damaged or not a PDF: ${message.replace(/\.$/, "")}. Download the statement again.`,
  );
}
