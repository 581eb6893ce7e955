// The monthly package as one PDF (pdfkit, the statements laid out by pdf-layout): a cover with the
// firm's name and logo, the client and the month; a table of contents whose page numbers are
// written once every section is laid out; the attention page; each statement on its own pages;
// the notes; "Page i of n" on every page after the cover.
import { drawStatement, statementHeader } from "./export-pdf.ts";
import type { PackageDocument, PackageSection } from "./package-model.ts";
import { newDocument, numberPages, TablePdf } from "../../platform/pdf-layout.ts";

const MARGIN = 48;
/** The cover's band colour when the firm has set no brand colour (the neutral look). */
const ACCENT = "#1f3a5f";
export const CONTENTS_TITLE = "Contents";

function coverPage(doc: PDFKit.PDFDocument, d: PackageDocument): void {
  const width = doc.page.width - 2 * MARGIN;
  const accent = d.cover.color ?? ACCENT;
  doc.rect(0, 0, doc.page.width, 12).fill(accent);
  let y = 90;
  if (d.cover.logo) {
    try {
      doc.image(Buffer.from(d.cover.logo), MARGIN, y, { fit: [180, 72] });
      y += 90;
    } catch {
      // A logo pdfkit cannot read leaves the cover with the firm's name only.
    }
  }
  doc.font("Helvetica-Bold").fontSize(16).fillColor(accent).text(d.cover.firmName, MARGIN, y, { width });
  y = 300;
  doc.font("Helvetica-Bold").fontSize(28).fillColor("black").text(d.cover.clientName, MARGIN, y, { width });
  y = doc.y + 12;
  doc.font("Helvetica").fontSize(18).text(d.cover.title, MARGIN, y, { width });
  y = doc.y + 6;
  doc.fontSize(18).fillColor(accent).text(d.cover.period, MARGIN, y, { width });
  if (d.cover.color) {
    // A branded cover also underlines the period with the firm's colour.
    y = doc.y + 10;
    doc.rect(MARGIN, y, 120, 3).fill(accent);
  }
  y = doc.page.height - MARGIN - 60;
  doc.font("Helvetica").fontSize(9).fillColor("#555555");
  for (const line of d.cover.lines) {
    doc.text(line, MARGIN, y, { width });
    y += 14;
  }
  doc.fillColor("black");
}

/** A page's title: black, or in the brand colour with a thin rule under it when the firm has one. */
function pageTitle(doc: PDFKit.PDFDocument, title: string, color: string | null): void {
  const width = doc.page.width - 2 * MARGIN;
  doc
    .font("Helvetica-Bold")
    .fontSize(14)
    .fillColor(color ?? "black")
    .text(title, MARGIN, MARGIN, { width });
  if (color) {
    const y = doc.y + 3;
    doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + width, y)
      .lineWidth(1)
      .strokeColor(color)
      .stroke();
    doc.strokeColor("black").fillColor("black");
  }
  doc.moveDown(0.8);
}

function textPage(
  doc: PDFKit.PDFDocument,
  s: Extract<PackageSection, { kind: "attention" | "notes" }>,
  color: string | null,
) {
  doc.addPage({ size: "LETTER", layout: "portrait" });
  pageTitle(doc, s.title, color);
  const width = doc.page.width - 2 * MARGIN;
  doc.font("Helvetica").fontSize(10).fillColor("black");
  const paragraphs = s.kind === "attention" ? s.lines.map((l) => `•  ${l}`) : s.text.split(/\r?\n/);
  for (const p of paragraphs) doc.text(p === "" ? " " : p, MARGIN, doc.y, { width, paragraphGap: 6 });
}

function contentsPage(
  doc: PDFKit.PDFDocument,
  entries: Array<{ title: string; page: number }>,
  color: string | null,
): void {
  pageTitle(doc, CONTENTS_TITLE, color);
  const width = doc.page.width - 2 * MARGIN;
  let y = doc.y + 6;
  doc.font("Helvetica").fontSize(11).fillColor("black");
  for (const e of entries) {
    doc.text(e.title, MARGIN, y, { width: width - 60, lineBreak: false });
    doc.text(String(e.page), MARGIN + width - 60, y, { width: 60, align: "right", lineBreak: false });
    doc
      .moveTo(MARGIN + doc.widthOfString(e.title) + 6, y + 10)
      .lineTo(MARGIN + width - 40, y + 10)
      .dash(1, { space: 2 })
      .lineWidth(0.5)
      .strokeColor("#999999")
      .stroke()
      .undash()
      .strokeColor("black");
    y += 22;
  }
}

/** The package's bytes as a PDF. */
export async function packagePdf(d: PackageDocument): Promise<Buffer> {
  const { doc, done } = newDocument(`${d.cover.title}: ${d.cover.clientName}, ${d.cover.period}`);
  coverPage(doc, d);
  doc.addPage({ size: "LETTER", layout: "portrait" });
  const contentsAt = doc.bufferedPageRange().count - 1;
  const entries: Array<{ title: string; page: number }> = [];
  for (const s of d.sections) {
    if (s.kind === "statement") {
      const pdf = new TablePdf(statementHeader(s.table), doc);
      entries.push({ title: s.title, page: pdf.firstPage + 1 });
      drawStatement(pdf, s.table);
    } else {
      textPage(doc, s, d.cover.color);
      entries.push({ title: s.title, page: doc.bufferedPageRange().count });
    }
  }
  doc.switchToPage(contentsAt);
  contentsPage(doc, entries, d.cover.color);
  numberPages(doc, 8, 1);
  doc.end();
  return done;
}
