// Page layout for printable tables with pdfkit (shared by the reports and the reconciliation report): a first column of labels and right-aligned figure
// columns, a header (title lines and column labels) repeated at the top of every page, a page break
// before a line that would not fit, and "Page i of n" at the foot of each page once all are laid out.
// Fonts are pdfkit's standard Helvetica, whose metrics ship in the package: nothing is fetched.
import PDFDocument from "pdfkit";

const MARGIN = 48;
const FONT = "Helvetica";
const BOLD = "Helvetica-Bold";
const SIZE = 9;
const LINE = 14;
const INDENT = 10;
/** A figure column wide enough for "(1,234,567.89)" at the full size; narrower ones shrink the type. */
const FULL_FIGURE = 62;
const MAX_FIGURE = 96;
const MIN_LABEL = 130;
const MIN_SIZE = 5.5;

export interface PageHeader {
  title: string;
  subtitles: string[];
  columns: string[];
  /** The label column's heading (default "Account"). */
  labelHeading?: string;
}

export interface TableRowStyle {
  bold?: boolean;
  depth?: number;
  /** A rule above the figures (a subtotal) or a rule above and a double rule below (a bottom line). */
  rule?: "single" | "double";
}

/** A new letter-size PDF document collecting its bytes, the pages kept until `end` (for numbering). */
export function newDocument(title: string, layout: "portrait" | "landscape" = "portrait") {
  const doc = new PDFDocument({
    size: "LETTER",
    layout,
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: title, Creator: "Closebook" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  return { doc, done };
}

/** Writes "Page i of n" at the foot of every page from `from` (0-based) on. */
export function numberPages(doc: PDFKit.PDFDocument, size = SIZE - 1, from = 0): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start + from; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would otherwise start a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(FONT)
      .fontSize(size)
      .fillColor("#555555")
      .text(`Page ${i + 1} of ${range.count}`, MARGIN, doc.page.height - MARGIN / 2 - SIZE, {
        width: doc.page.width - 2 * MARGIN,
        align: "right",
        lineBreak: false,
      });
    doc.page.margins.bottom = margin;
  }
}

export class TablePdf {
  readonly doc: PDFKit.PDFDocument;
  /** The index of the table's first page in its document. */
  readonly firstPage: number;
  private y = 0;
  private readonly labelWidth: number;
  private readonly figureWidth: number;
  private readonly size: number;
  private readonly done: Promise<Buffer> | null;
  private readonly pageOptions: PDFKit.PDFDocumentOptions;

  /** A table in a document of its own, or (`shared`) starting on a new page of another one. */
  constructor(
    private readonly header: PageHeader,
    shared?: PDFKit.PDFDocument,
  ) {
    const landscape = header.columns.length > 5;
    this.pageOptions = {
      size: "LETTER",
      layout: landscape ? "landscape" : "portrait",
      margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    };
    if (shared) {
      this.doc = shared;
      this.done = null;
      shared.addPage(this.pageOptions);
    } else {
      const made = newDocument(header.title, landscape ? "landscape" : "portrait");
      this.doc = made.doc;
      this.done = made.done;
    }
    this.firstPage = this.doc.bufferedPageRange().start + this.doc.bufferedPageRange().count - 1;
    const width = this.doc.page.width - 2 * MARGIN;
    const n = Math.max(1, header.columns.length);
    // Twelve months and a total fit a landscape page: the columns narrow and the type with them,
    // never the label column below its minimum (a negative width would stall pdfkit's wrapping).
    this.figureWidth = Math.min(MAX_FIGURE, (width * 0.62) / n, (width - MIN_LABEL) / n);
    this.labelWidth = width - this.figureWidth * n;
    this.size = Math.max(MIN_SIZE, Math.min(SIZE, (SIZE * this.figureWidth) / FULL_FIGURE));
    this.startPage(false);
  }

  private get bottom(): number {
    return this.doc.page.height - MARGIN - LINE;
  }

  private startPage(addPage: boolean): void {
    // Each page of the table in its own layout (a shared document's default may differ).
    if (addPage) this.doc.addPage(this.pageOptions);
    const d = this.doc;
    this.y = MARGIN;
    d.font(BOLD)
      .fontSize(14)
      .fillColor("black")
      .text(this.header.title, MARGIN, this.y, { lineBreak: false });
    this.y += 20;
    d.font(FONT).fontSize(this.size + 1);
    for (const s of this.header.subtitles) {
      d.text(s, MARGIN, this.y, { lineBreak: false });
      this.y += LINE;
    }
    this.y += 6;
    // Column labels may wrap (comparison labels are long): the header is as tall as the tallest.
    d.font(BOLD).fontSize(this.size);
    const heights = this.header.columns.map((c) => d.heightOfString(c, { width: this.figureWidth - 4 }));
    const height = Math.max(LINE, ...heights);
    d.text(this.header.labelHeading ?? "Account", MARGIN, this.y + height - LINE + 2, {
      width: this.labelWidth,
      lineBreak: false,
    });
    this.header.columns.forEach((c, i) =>
      d.text(c, this.figureX(i), this.y, { width: this.figureWidth - 4, align: "right" }),
    );
    this.y += height + 2;
    this.rule(MARGIN, MARGIN + this.labelWidth + this.figureWidth * this.header.columns.length, 0.8);
    this.y += 4;
  }

  private figureX(i: number): number {
    return MARGIN + this.labelWidth + this.figureWidth * i;
  }

  private rule(x1: number, x2: number, width = 0.5): void {
    this.doc.moveTo(x1, this.y).lineTo(x2, this.y).lineWidth(width).stroke();
  }

  /** Breaks the page unless `lines` more lines fit on this one. */
  keep(lines: number): void {
    if (this.y + lines * LINE > this.bottom) this.startPage(true);
  }

  heading(label: string): void {
    this.keep(2);
    this.doc
      .font(BOLD)
      .fontSize(this.size)
      .text(label, MARGIN, this.y + 3, { width: this.labelWidth, lineBreak: false });
    this.y += LINE;
  }

  gap(): void {
    this.y += LINE / 2;
  }

  row(label: string, figures: string[], style: TableRowStyle = {}): void {
    this.keep(1);
    const d = this.doc;
    const right = this.figureX(figures.length);
    if (style.rule) this.rule(this.figureX(0) + 8, right);
    const indent = (style.depth ?? 0) * INDENT + (style.bold ? 0 : INDENT);
    d.font(style.bold ? BOLD : FONT).fontSize(this.size);
    d.text(label, MARGIN + indent, this.y + 3, {
      width: this.labelWidth - indent - 4,
      lineBreak: false,
      ellipsis: true,
    });
    figures.forEach((f, i) =>
      d.text(f, this.figureX(i), this.y + 3, {
        width: this.figureWidth - 4,
        align: "right",
        lineBreak: false,
      }),
    );
    this.y += LINE;
    if (style.rule === "double") {
      this.rule(this.figureX(0) + 8, right);
      this.y += 1.5;
      this.rule(this.figureX(0) + 8, right);
      this.y -= 1.5;
    }
  }

  /** Free text (notes, warnings) across the page, broken over pages as needed. */
  note(text: string): void {
    this.keep(2);
    const d = this.doc.font(FONT).fontSize(this.size - 1);
    const width = this.doc.page.width - 2 * MARGIN;
    const height = d.heightOfString(text, { width });
    d.text(text, MARGIN, this.y + 3, { width });
    this.y += height + 4;
  }

  /** Numbers the pages and returns the file's bytes (a table in a document of its own). */
  async finish(): Promise<Buffer> {
    if (!this.done) throw new Error("a table in a shared document is finished by its document");
    numberPages(this.doc, this.size - 1);
    this.doc.end();
    return this.done;
  }
}
