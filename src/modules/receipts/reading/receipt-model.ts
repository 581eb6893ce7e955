// What a receipt or bill says, read from its lines of text (from a PDF's text layer or from OCR):
// vendor, date, total, tax and currency, each with a confidence 0–1. Label-driven: "Total",
// "Amount due", "Subtotal", "Tax/VAT/GST", currency symbols and codes, date formats; the vendor is
// a known payee of the client found in the text, else the first line that reads like a name.
// Pure: lines in, fields out.
import { amountsOn, currenciesIn, decimalsOf, type FoundAmount } from "./amounts.ts";
import { datesOn } from "./dates.ts";

export interface Field<T> {
  value: T | null;
  /** 0–1; 0 when nothing was found. */
  confidence: number;
}

export interface ReceiptFields {
  vendor: Field<string>;
  /** YYYY-MM-DD. */
  date: Field<string>;
  /** Minor units of `currency` (2 decimals; 0 for JPY). */
  total: Field<bigint>;
  tax: Field<bigint>;
  currency: Field<string>;
}

export interface ReadingHints {
  /** The client's home currency: what a bare "$" means, and the currency when none is printed. */
  homeCurrency: string | null;
  /** Payees the client already pays (from its transactions): a vendor found among them is surer. */
  knownPayees?: readonly string[];
}

const none = <T>(): Field<T> => ({ value: null, confidence: 0 });

// Totals, strongest first. "Subtotal", "total savings", "total tax" and item counts are not totals.
const TOTAL_LABELS: ReadonlyArray<[RegExp, number]> = [
  [
    /\b(grand\s*total|amount\s*due|total\s*due|balance\s*due|total\s*to\s*pay|total\s*amount|invoice\s*total)\b/i,
    0.95,
  ],
  [/\btotal\b/i, 0.85],
  [/\b(amount\s*paid|amount|paid|charged|card\s*payment|visa|mastercard|amex)\b/i, 0.55],
];
const NOT_TOTAL =
  /\b(sub\s*-?\s*total|total\s*(tax|vat|gst|savings|discount|items?|qty|quantity)|items?\s*total|tip|change|cash\s*back|tendered)\b/i;
const TAX_LABEL = /\b(sales\s*tax|tax|vat|gst|hst|pst|qst|mwst|tva|iva)\b/i;
const NOT_TAX =
  /\b(total|incl(uding|\.)?|excl(uding|\.)?|before\s*tax|pre-?tax|tax\s*(id|no|number|reg)|vat\s*(no|number|reg))\b/i;
const SUBTOTAL = /\bsub\s*-?\s*total\b/i;
const DATE_LABEL = /\b(date|dated|issued|invoice\s*date|receipt\s*date|transaction\s*date)\b/i;
const DUE_LABEL = /\b(due|expires?|valid|until|period|exp)\b/i;
const NOT_VENDOR =
  /\b(receipt|invoice|tax\s*invoice|bill|welcome|thank|order|table|server|cashier|tel|phone|fax|www|http|date|time|store\s*#|no\.|customer|copy|page)\b|@|\d{3}[-. ]\d{3,4}|^\W*$/i;

// OCR of a fixed-width font breaks words ("Subt ot al", "Sal es Tax"): a label is also looked for in
// the line with its spaces taken out, by the label's pattern without its word boundaries.
const loose = new Map<RegExp, RegExp>();
function has(label: RegExp, line: string): boolean {
  if (label.test(line)) return true;
  let squashed = loose.get(label);
  if (!squashed) {
    squashed = new RegExp(label.source.replace(/\\b|\\s\*/g, ""), label.flags);
    loose.set(label, squashed);
  }
  return squashed.test(line.replace(/\s+/g, ""));
}

/** Reads a receipt's fields from its lines, top to bottom. */
export function readReceipt(lines: readonly string[], hints: ReadingHints): ReceiptFields {
  const clean = lines.map(normalize).filter((l) => l.trim() !== "");
  const currency = readCurrency(clean, hints.homeCurrency);
  const monthFirst =
    currency.value === "USD" || currency.value === "CAD" || (!currency.value && hints.homeCurrency === "USD");
  const found = clean.map((line) => amountsOn(line, hints.homeCurrency));
  const subtotal = labelled(clean, found, (l) => has(SUBTOTAL, l));
  const tax = readTax(clean, found);
  const total = readTotal(clean, found, subtotal, tax.value);
  return {
    vendor: readVendor(clean, hints.knownPayees ?? []),
    date: readDate(clean, monthFirst),
    total,
    tax,
    currency,
  };
}

/** OCR slips that break numbers: "4. 90", "4 ,90", a letter O in a figure. */
function normalize(line: string): string {
  return line
    .replace(/(\d)\s*([.,])\s+(\d{2})(?!\d)/g, "$1$2$3")
    .replace(/(\d)[Oo](?=\d|[.,]\d)/g, "$10")
    .replace(/\s+/g, " ")
    .trim();
}

/** The last amount on the first line that passes `test` (amounts sit at the end of their label's line). */
function labelled(
  lines: readonly string[],
  found: readonly FoundAmount[][],
  test: (line: string) => boolean,
): bigint | null {
  for (let i = 0; i < lines.length; i++) {
    if (!test(lines[i]!)) continue;
    const here = found[i]!;
    if (here.length > 0) return here[here.length - 1]!.minor;
  }
  return null;
}

function readTotal(
  lines: readonly string[],
  found: readonly FoundAmount[][],
  subtotal: bigint | null,
  tax: bigint | null,
): Field<bigint> {
  for (const [label, confidence] of TOTAL_LABELS) {
    // The last such line wins: a "Total" near the bottom comes after item lines that mention totals.
    for (let i = lines.length - 1; i >= 0; i--) {
      const line = lines[i]!;
      if (!has(label, line) || has(NOT_TOTAL, line)) continue;
      const amounts = found[i]!.length > 0 ? found[i]! : (found[i + 1] ?? []);
      const amount = amounts[amounts.length - 1];
      if (!amount || amount.minor <= 0n) continue;
      // Subtotal plus tax adding up to it settles the matter.
      const adds = subtotal !== null && subtotal + (tax ?? 0n) === amount.minor;
      return { value: amount.minor, confidence: adds ? 0.99 : confidence };
    }
  }
  if (subtotal !== null) return { value: subtotal + (tax ?? 0n), confidence: 0.5 };
  const all = found.flat().filter((a) => a.minor > 0n);
  if (all.length === 0) return none();
  // No label: the largest figure is most often the total.
  const largest = all.reduce((a, b) => (b.minor > a.minor ? b : a));
  return { value: largest.minor, confidence: 0.35 };
}

function readTax(lines: readonly string[], found: readonly FoundAmount[][]): Field<bigint> {
  let sum = 0n;
  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!has(TAX_LABEL, line) || has(NOT_TAX, line) || has(SUBTOTAL, line)) continue;
    const amounts = found[i]!;
    const amount = amounts[amounts.length - 1];
    if (!amount || amount.minor < 0n) continue;
    sum += amount.minor;
    count++;
  }
  if (count === 0) {
    // Tax included in a total ("incl. VAT 20% 2.00"): the figure after the tax word.
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const m = TAX_LABEL.exec(line);
      if (!m || !/\bincl/i.test(line)) continue;
      const after = found[i]!.filter((a) => a.index > m.index);
      if (after.length > 0) return { value: after[after.length - 1]!.minor, confidence: 0.75 };
    }
    // No tax line: none charged (or none printed), fairly sure.
    return { value: null, confidence: 0.6 };
  }
  return { value: sum, confidence: count === 1 ? 0.9 : 0.8 };
}

function readCurrency(lines: readonly string[], homeCurrency: string | null): Field<string> {
  const counts = currenciesIn(lines, homeCurrency);
  const [first, second] = [...counts.entries()];
  if (!first) return homeCurrency ? { value: homeCurrency, confidence: 0.4 } : none();
  const clear = !second || first[1] >= 2 * second[1];
  return { value: first[0], confidence: clear ? 0.95 : 0.6 };
}

function readDate(lines: readonly string[], monthFirst: boolean): Field<string> {
  let best: { iso: string; score: number } | null = null;
  lines.forEach((line, i) => {
    const dates = datesOn(line, monthFirst);
    if (dates.length === 0) return;
    // A labelled date ("Date:", "Invoice date") beats one that is due or expires; higher up beats lower.
    const labelBonus = has(DATE_LABEL, line) && !has(DUE_LABEL, line) ? 0.05 : 0;
    const duePenalty = has(DUE_LABEL, line) ? 0.4 : 0;
    const score = dates[0]!.certainty + labelBonus - duePenalty - i * 0.002;
    if (!best || score > best.score) best = { iso: dates[0]!.iso, score };
  });
  if (!best) return none();
  const chosen = best as { iso: string; score: number };
  return { value: chosen.iso, confidence: Math.max(0.05, Math.min(1, chosen.score)) };
}

/** Lower case, letters and digits only, one space between words. */
export function simplify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

function readVendor(lines: readonly string[], knownPayees: readonly string[]): Field<string> {
  const top = lines.slice(0, 6);
  // A known payee in the top lines: the name as the client's books write it.
  const text = ` ${top.map(simplify).join(" ")} `;
  const known = [...knownPayees]
    .filter((p) => simplify(p).length >= 3)
    .sort((a, b) => b.length - a.length)
    .find((p) => text.includes(` ${simplify(p)} `));
  if (known) return { value: known, confidence: 0.9 };
  for (const [i, line] of top.entries()) {
    const letters = line.replace(/[^A-Za-z]/g, "").length;
    if (letters < 3 || NOT_VENDOR.test(line) || amountsOn(line, null).length > 0) continue;
    if (datesOn(line, true).length > 0) continue;
    // An address line: a number followed by words ("123 Main St").
    if (/^\d+\s+\w+/.test(line) && i > 0) continue;
    return { value: tidyName(line), confidence: i === 0 ? 0.7 : 0.55 };
  }
  return none();
}

/** A name line without OCR's stray marks: quotes and dots at its ends, a lone letter at its end. */
function tidyName(line: string): string {
  return line
    .replace(/[*#|_~"'‘’“”`©®]+/g, " ")
    .replace(/\s+/g, " ")
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9)]+$/g, "")
    .replace(/\s+[A-Za-z]$/, "")
    .trim()
    .split(" ")
    .reduce(joinFragments, [] as string[])
    .join(" ");
}

const SMALL_WORDS = new Set(["and", "of", "the", "de", "du", "la", "le", "von", "van", "for", "at", "on"]);

/**
 * OCR of a fixed-width font splits words ("Bl ue Harbor", "Ri ver bend Di ner"): in a name whose
 * words start with a capital, a word starting lower case (other than "and", "of", …) is a piece of
 * the word before it.
 */
function joinFragments(words: string[], word: string): string[] {
  const previous = words[words.length - 1];
  if (
    previous &&
    /^[A-Z]/.test(words[0]!) &&
    /^[a-z]/.test(word) &&
    !SMALL_WORDS.has(word) &&
    /[A-Za-z]$/.test(previous)
  )
    words[words.length - 1] = previous + word;
  else words.push(word);
  return words;
}

/** The minor units of a field as a decimal string at its currency's decimals ("4.90", "1200"). */
export function decimalOf(minor: bigint, currency: string | null): string {
  const decimals = decimalsOf(currency ?? "USD");
  if (decimals === 0) return minor.toString();
  const sign = minor < 0n ? "-" : "";
  const abs = minor < 0n ? -minor : minor;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}
