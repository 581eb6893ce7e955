// The text of a PDF as the layout reader sees it: per page, the positioned runs of text that pdfjs
// finds in its text layer. Extraction (pdf-text.ts) produces it; everything after is pure.

/** One run of text: where it starts, in points from the page's top-left corner, and its size. */
export interface PdfTextItem {
  text: string;
  /** Left edge. */
  x: number;
  /** Baseline, measured down from the top of the page. */
  y: number;
  width: number;
  /** Font size (the run's height); 0 when unknown. */
  height: number;
}

export interface PdfPage {
  /** 1-based page number. */
  number: number;
  width: number;
  height: number;
  items: PdfTextItem[];
}

export interface PdfText {
  pages: PdfPage[];
}
