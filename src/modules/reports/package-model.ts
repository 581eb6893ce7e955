// What a monthly report package holds, as data: the cover (firm, client, month, version), the
// table of contents, the page that says what is still unfinished in the month (drafts, bank lines
// in review), the statements — rounded to whole units when the settings say so — and the notes.
// The PDF and the XLSX are two renderings of this. Pure.
import type { ColumnSpec } from "./column-model.ts";
import type { ExportTable } from "./export-table-model.ts";
import type { PackageMonth } from "./package-settings-model.ts";
import { monthInWords } from "../../platform/dates.ts";
import { fiscalYearStart, monthLabel, priorYear, type Range } from "./period-model.ts";
import { roundTable } from "./rounding-model.ts";

/** What the month still has open, counted when the package is made. */
export interface Unfinished {
  /** Draft journal entries dated in the month (not in the statements). */
  drafts: number;
  /** Draft journal entries dated before the month (not in the balances either). */
  draftsEarlier: number;
  /** Bank lines waiting for review; null when the count was not available. */
  bankLinesInReview: number | null;
  /** The date of the oldest of them. */
  oldestInReview: string | null;
}

export interface PackageCover {
  firmName: string;
  clientName: string;
  title: string;
  /** "March 2026" */
  period: string;
  /** "Version 2 · prepared 2026-04-03 by Jane Doe" */
  lines: string[];
  /** The firm's logo (PNG or JPEG bytes) when it has one the PDF can draw. */
  logo: Uint8Array | null;
  /** The firm's brand colour (#rrggbb), or null for the neutral look. */
  color: string | null;
}

export type PackageSection =
  | { kind: "attention"; title: string; lines: string[] }
  | { kind: "statement"; title: string; table: ExportTable }
  | { kind: "notes"; title: string; text: string };

export interface PackageDocument {
  cover: PackageCover;
  /** In order: the attention page (when there is one), the statements, the notes (when written). */
  sections: PackageSection[];
  /** Whole units with rounding lines, or the statements' own decimals. */
  rounded: boolean;
}

export interface PackageInput {
  firmName: string;
  clientName: string;
  month: PackageMonth;
  version: number;
  preparedAt: string;
  preparedBy: string;
  logo: Uint8Array | null;
  /** The firm's brand colour (#rrggbb), or null. */
  color?: string | null;
  /** The statements laid out, in the order of the settings. */
  statements: ExportTable[];
  rounding: boolean;
  notes: string;
  unfinished: Unfinished;
}

export const ATTENTION_TITLE = "Before you rely on these figures";
export const NOTES_TITLE = "Notes";
export const PACKAGE_TITLE = "Monthly report package";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The sentences of the attention page; empty when nothing in the month is unfinished. */
export function attentionLines(u: Unfinished, month: PackageMonth): string[] {
  const words = monthInWords(month.month);
  const out: string[] = [];
  if (u.drafts > 0)
    out.push(
      `${plural(u.drafts, "journal entry", "journal entries")} dated in ${words} ${u.drafts === 1 ? "is" : "are"} still a draft: ${u.drafts === 1 ? "it is" : "they are"} not in these statements until posted.`,
    );
  if (u.draftsEarlier > 0)
    out.push(
      `${plural(u.draftsEarlier, "draft journal entry", "draft journal entries")} dated before ${words} ${u.draftsEarlier === 1 ? "is" : "are"} not in the opening balances either.`,
    );
  if (u.bankLinesInReview && u.bankLinesInReview > 0 && (!u.oldestInReview || u.oldestInReview <= month.to))
    out.push(
      `${plural(u.bankLinesInReview, "bank line waits", "bank lines wait")} for review${u.oldestInReview ? ` (the oldest dated ${u.oldestInReview})` : ""}: until reviewed and posted, ${u.bankLinesInReview === 1 ? "it is" : "they are"} not in the books.`,
    );
  return out;
}

/** The package's content: statements rounded (when set), and its sections in order. */
export function packageDocument(input: PackageInput): PackageDocument {
  const sections: PackageSection[] = [];
  const attention = attentionLines(input.unfinished, input.month);
  if (attention.length > 0) sections.push({ kind: "attention", title: ATTENTION_TITLE, lines: attention });
  for (const t of input.statements)
    sections.push({ kind: "statement", title: t.title, table: input.rounding ? roundTable(t) : t });
  if (input.notes.trim() !== "") sections.push({ kind: "notes", title: NOTES_TITLE, text: input.notes });
  return {
    cover: {
      firmName: input.firmName,
      clientName: input.clientName,
      title: PACKAGE_TITLE,
      period: monthInWords(input.month.month),
      lines: [
        `Version ${input.version} · prepared ${input.preparedAt.slice(0, 10)} by ${input.preparedBy}`,
        input.rounding ? "Figures in whole units; rounding differences shown." : "Figures to the cent.",
      ],
      logo: input.logo,
      color: input.color ?? null,
    },
    sections,
    rounded: input.rounding,
  };
}

/**
 * The profit and loss columns of the package: the month and the fiscal year to date, each
 * followed by the same period a year earlier when asked.
 */
export function packageProfitLossColumns(
  month: PackageMonth,
  fiscalYearStartMonth: number,
  withPriorYear: boolean,
): ColumnSpec[] {
  const monthRange: Range = { from: month.from, to: month.to };
  const ytd: Range = { from: fiscalYearStart(month.to, fiscalYearStartMonth), to: month.to };
  const specs: ColumnSpec[] = [];
  const add = (label: string, r: Range) => specs.push({ kind: "amount", label, ...r });
  add(monthLabel(month.from), monthRange);
  if (withPriorYear) add(monthLabel(priorYear(monthRange).from), priorYear(monthRange));
  add("Year to date", ytd);
  if (withPriorYear) add(`Year to date ${priorYear(ytd).to.slice(0, 4)}`, priorYear(ytd));
  return specs;
}

/** The first month of the twelve ending with the package's month ("2025-04-01" for 2026-03). */
export function trailingTwelveFrom(month: PackageMonth): string {
  const total = Number(month.month.slice(0, 4)) * 12 + Number(month.month.slice(5, 7)) - 1 - 11;
  return `${String(Math.floor(total / 12)).padStart(4, "0")}-${String((total % 12) + 1).padStart(2, "0")}-01`;
}

/** "acme-package-2026-03-v2.pdf" */
export function packageFileName(client: string, month: string, version: number, ext: "pdf" | "xlsx"): string {
  return `${client}-package-${month}-v${version}.${ext}`;
}

/** Which image formats the PDF can draw (pdfkit reads PNG and JPEG). */
export function drawableLogo(bytes: Uint8Array | null): Uint8Array | null {
  if (!bytes || bytes.length < 4) return null;
  const png = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  return png || jpeg ? bytes : null;
}
