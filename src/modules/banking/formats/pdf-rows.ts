// Positioned text runs → rows of cells, as a person reads a printed table: runs on one baseline (within
// a tolerance, since banks' PDF writers jitter by fractions of a point) form a row, ordered left to
// right, and runs separated by less than a column gap are one cell ("COFFEE" "SHOP" → "COFFEE SHOP").
// Baselines closer than a line apart belong to one row too: a table whose cells wrap and are centred
// vertically (HTML printed to PDF) prints "Feb" above "01" and the amounts half a line lower.
import type { PdfPage, PdfTextItem } from "./pdf-types.ts";

export interface PdfCell {
  text: string;
  /** Left and right edges, in points. */
  x0: number;
  x1: number;
}

export interface PdfRow {
  page: number;
  /** Baseline, in points down from the top of the page. */
  y: number;
  /** Font size of the row's tallest run. */
  height: number;
  cells: PdfCell[];
  /** The cells' text joined by single spaces. */
  text: string;
}

/** Font size assumed when a PDF writer gives none. */
const DEFAULT_HEIGHT = 9;
/** Runs whose baselines differ by less than this share of the font size are on one row. */
const SAME_ROW = 0.45;
/** A horizontal gap wider than this share of the font size separates two cells (a word space is ~0.25). */
const CELL_GAP = 1.2;
/** A gap narrower than this share of the font size joins two runs without a space (one word cut in two). */
const NO_SPACE = 0.1;
/** Baselines less than this share of the font size apart overlap as lines of text: one row. */
const SAME_BAND = 0.8;

/** The rows of a page, top to bottom. */
export function pageRows(page: PdfPage): PdfRow[] {
  const items = page.items
    .filter((i) => i.text.trim() !== "")
    .map((i) => ({ ...i, height: i.height > 0 ? i.height : DEFAULT_HEIGHT }))
    .sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: PdfTextItem[][] = [];
  let current: PdfTextItem[] = [];
  let rowY = Number.NEGATIVE_INFINITY;
  for (const item of items) {
    if (current.length > 0 && item.y - rowY > SAME_ROW * item.height) {
      groups.push(current);
      current = [];
    }
    if (current.length === 0) rowY = item.y;
    current.push(item);
  }
  if (current.length > 0) groups.push(current);
  const bands: PdfTextItem[][] = [];
  for (const group of groups) {
    const last = bands[bands.length - 1];
    const lastY = last ? Math.max(...last.map((i) => i.y)) : Number.NEGATIVE_INFINITY;
    const height = Math.max(...group.map((i) => i.height));
    if (last && (group[0] as PdfTextItem).y - lastY < SAME_BAND * height) last.push(...group);
    else bands.push([...group]);
  }
  return bands.map((band) => toRow(page.number, band));
}

function toRow(page: number, items: PdfTextItem[]): PdfRow {
  // Left to right; runs starting at one x (a cell's wrapped lines) top to bottom.
  const sorted = [...items].sort((a, b) => a.x - b.x || a.y - b.y);
  const height = Math.max(...sorted.map((i) => i.height));
  const cells: PdfCell[] = [];
  let lastY = 0;
  for (const item of sorted) {
    const text = item.text.replace(/\s+/g, " ");
    const last = cells[cells.length - 1];
    const gap = last ? item.x - last.x1 : Infinity;
    if (last && gap < CELL_GAP * height) {
      const wrapped = Math.abs(item.y - lastY) > SAME_ROW * height;
      const joiner =
        !wrapped && (gap < NO_SPACE * height || last.text.endsWith(" ") || text.startsWith(" ")) ? "" : " ";
      last.text += joiner + text;
      last.x1 = Math.max(last.x1, item.x + item.width);
    } else {
      cells.push({ text, x0: item.x, x1: item.x + item.width });
    }
    lastY = item.y;
  }
  for (const cell of cells) cell.text = cell.text.trim();
  const kept = cells.filter((c) => c.text !== "");
  return {
    page,
    y: Math.min(...sorted.map((i) => i.y)),
    height,
    cells: kept,
    text: kept.map((c) => c.text).join(" "),
  };
}
