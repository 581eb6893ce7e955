// A PDF's text read back with pdfjs-dist (legacy build, for Node), for tests that check what a
// generated PDF says: each page's text items joined by spaces.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** Each page's text, in page order. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ("str" in it ? it.str : "")).join(" "));
  }
  await doc.destroy();
  return pages;
}

/** The whole document's text, one line per page. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  return (await pdfPages(bytes)).join("\n");
}
