// How the evidence reads to a bookkeeper: "2 days apart", "payee 'Acme' ~ 'ACME CORP'".
import { formatMinor } from "../../../platform/money.ts";
import type { Line } from "./prepared.ts";
import { wordSimilarity } from "./text.ts";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "same day", "3 days apart", "3 days apart (1 business day)" across a weekend. */
export function daysApart(a: Line, b: Line): string {
  const days = Math.abs(a.day - b.day);
  if (days === 0) return "same day";
  const business = Math.abs(a.businessDay - b.businessDay);
  return business === days
    ? `${plural(days, "day")} apart`
    : `${plural(days, "day")} apart (${plural(business, "business day")})`;
}

/** 1 on the same business day, falling linearly to 0 just past the window. */
export function dateScore(a: Line, b: Line, window: number): number {
  return 1 - Math.abs(a.businessDay - b.businessDay) / (window + 1);
}

const quote = (text: string) => `'${text.length > 40 ? `${text.slice(0, 39)}…` : text.trim()}'`;

/** 0..1: how much a statement line's text resembles a ledger line's description or payee. */
export function textSimilarity(s: Line, l: Line): number {
  const byDescription = wordSimilarity(s.words, l.words);
  return l.payee && byDescription < 1
    ? Math.max(byDescription, wordSimilarity(s.words, l.payeeWords))
    : byDescription;
}

/** The resemblance in words ("payee 'Acme' ~ 'ACME CORP'"), or null when the texts differ. */
export function textReason(s: Line, l: Line): string | null {
  const byDescription = wordSimilarity(s.words, l.words);
  const byPayee = l.payee ? wordSimilarity(s.words, l.payeeWords) : 0;
  if (Math.max(byDescription, byPayee) < 0.5) return null;
  return byPayee >= byDescription && l.payee
    ? `payee ${quote(l.payee)} ~ ${quote(s.description)}`
    : `description ${quote(l.description)} ~ ${quote(s.description)}`;
}

export function amountsDiffer(a: bigint, b: bigint, scale: number): string {
  const d = a > b ? a - b : b - a;
  return `amounts differ by ${formatMinor(d, scale)}`;
}

export const round2 = (x: number) => Math.round(x * 100) / 100;
