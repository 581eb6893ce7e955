// Amounts as decimal strings: reading what banks write ("1.234,50-", "($12.00)", "+0000147,64") into a
// plain "-1234.50", and exact sums/comparisons through bigint. No amount ever passes through a float.
import { ISO_CODE, isoScale } from "../../../platform/money.ts";

export type DecimalSeparator = "." | ",";

/** No bank amount comes near this many digits; longer strings are refused rather than carried along. */
const MAX_DIGITS = 30;

const CURRENCY_SYMBOLS = "$€£¥₹₽₩₪₫₴₦฿";
const SPACES = " \u00a0\u202f\t";

/**
 * Reads an amount as written and returns it as `-?\d+(\.\d+)?`, keeping the decimals the bank wrote
 * ("7" stays "7", "-12.50" stays "-12.50"). Accepts a leading or trailing sign, parentheses for
 * negatives, currency symbols or codes around the number, and thousands separators in groups of three.
 * Returns null when the text is not an amount.
 */
const GROUPED = { ",": /^\d{1,3}(?:,\d{3})+$/, ".": /^\d{1,3}(?:\.\d{3})+$/ } as const;

export function normalizeAmount(text: string, decimal: DecimalSeparator = "."): string | null {
  const quick = plainAmount(text, decimal);
  if (quick !== undefined) return quick;
  let s = text.trim();
  if (s.length === 0 || s.length > 100) return null;
  let negative = false;
  let signs = 0;
  // Peel signs, parentheses and currency marks off both ends; each pass removes at least one char.
  for (let guard = 0; guard < 12 && s.length > 0; guard++) {
    const first = s[0] as string;
    const last = s[s.length - 1] as string;
    if (first === "(" && last === ")") {
      negative = !negative;
      signs++;
      s = s.slice(1, -1).trim();
    } else if (first === "-" || first === "\u2212" || first === "+") {
      if (first !== "+") negative = !negative;
      signs++;
      s = s.slice(1).trim();
    } else if (last === "-" || last === "+") {
      if (last === "-") negative = !negative;
      signs++;
      s = s.slice(0, -1).trim();
    } else if (CURRENCY_SYMBOLS.includes(first)) {
      s = s.slice(1).trim();
    } else if (CURRENCY_SYMBOLS.includes(last)) {
      s = s.slice(0, -1).trim();
    } else if (/^[A-Z]{3}\s/.test(s)) {
      s = s.slice(4).trim();
    } else if (/\s[A-Z]{3}$/.test(s)) {
      s = s.slice(0, -4).trim();
    } else {
      break;
    }
  }
  if (signs > 1 || s.length === 0) return null;
  const decimalAt = s.lastIndexOf(decimal);
  if (decimalAt >= 0 && s.indexOf(decimal) !== decimalAt) return null;
  let whole = decimalAt >= 0 ? s.slice(0, decimalAt) : s;
  const fraction = decimalAt >= 0 ? s.slice(decimalAt + 1) : "";
  if (!/^\d*$/.test(fraction)) return null;
  if (!/^\d*$/.test(whole)) {
    whole = stripThousands(whole, decimal);
    if (whole === "") return null;
  }
  if (whole.length === 0 && fraction.length === 0) return null;
  return composeAmount(negative, whole, fraction, fraction.length > 0);
}

/** Builds "-123.45" from its parts: no leading zeros, no sign on zero, at most MAX_DIGITS on each side. */
function composeAmount(
  negative: boolean,
  digits: string,
  fraction: string,
  hasFraction: boolean,
): string | null {
  let whole = digits;
  if (whole.length > 1 && whole.charCodeAt(0) === 48) whole = whole.replace(/^0+(?=\d)/, "");
  if (whole === "") whole = "0";
  if (whole.length > MAX_DIGITS || fraction.length > MAX_DIGITS) return null;
  const body = hasFraction && fraction.length > 0 ? `${whole}.${fraction}` : whole;
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

/**
 * Fast path for an amount already written plainly ("-1234.50", or "-1234,50" with a decimal comma):
 * returned as is, without allocating. undefined means "not that simple", for the general reader.
 */
function plainAmount(text: string, decimal: DecimalSeparator): string | undefined {
  const n = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  const start = i;
  let nonZero = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    if (c !== 48) nonZero = true;
    i++;
  }
  const wholeLength = i - start;
  if (wholeLength === 0 || wholeLength > MAX_DIGITS) return undefined;
  if (wholeLength > 1 && text.charCodeAt(start) === 48) return undefined;
  let fractionLength = 0;
  if (i < n) {
    if (text[i] !== decimal) return undefined;
    i++;
    const from = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) return undefined;
      if (c !== 48) nonZero = true;
      i++;
    }
    fractionLength = i - from;
    if (fractionLength === 0 || fractionLength > MAX_DIGITS) return undefined;
  }
  if (start === 1 && !nonZero) return undefined;
  return decimal === "." || fractionLength === 0 ? text : text.replace(",", ".");
}

/** Removes thousands separators when they group digits by three; "" when the text is not such a number. */
function stripThousands(whole: string, decimal: DecimalSeparator): string {
  const grouped = decimal === "." ? GROUPED[","] : GROUPED["."];
  if (grouped.test(whole)) return whole.replaceAll(decimal === "." ? "," : ".", "");
  const candidates = (decimal === "." ? "," : ".") + SPACES + "'’";
  for (const sep of candidates) {
    if (!whole.includes(sep)) continue;
    const groups = whole.split(sep);
    const [head, ...rest] = groups;
    if (head === undefined || !/^\d{1,3}$/.test(head)) return "";
    if (!rest.every((g) => /^\d{3}$/.test(g))) return "";
    return groups.join("");
  }
  return "";
}

/** Flips the sign of a normalized amount; zero stays unsigned. */
export function negateAmount(amount: string): string {
  if (amount.startsWith("-")) return amount.slice(1);
  return /[1-9]/.test(amount) ? `-${amount}` : amount;
}

/** The amount without its sign. */
export function absAmount(amount: string): string {
  return amount.startsWith("-") ? amount.slice(1) : amount;
}

export function isNegativeAmount(amount: string): boolean {
  return amount.startsWith("-");
}

function decimalsOf(amount: string): number {
  const dot = amount.indexOf(".");
  return dot < 0 ? 0 : amount.length - dot - 1;
}

function toScaled(amount: string, scale: number): bigint {
  const negative = amount.startsWith("-");
  const body = negative ? amount.slice(1) : amount;
  const dot = body.indexOf(".");
  const whole = dot < 0 ? body : body.slice(0, dot);
  const fraction = dot < 0 ? "" : body.slice(dot + 1);
  const value = BigInt((whole || "0") + fraction.padEnd(scale, "0"));
  return negative ? -value : value;
}

function fromScaled(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return (negative ? "-" : "") + (scale > 0 ? `${whole}.${fraction}` : whole);
}

/** Exact sum of normalized amounts, written with the largest number of decimals among them. */
export function sumAmounts(amounts: readonly string[]): string {
  let scale = 0;
  for (const a of amounts) scale = Math.max(scale, decimalsOf(a));
  let total = 0n;
  for (const a of amounts) total += toScaled(a, scale);
  return fromScaled(total, scale);
}

/** True when two normalized amounts are the same number ("5" equals "5.00"). */
export function sameAmount(a: string, b: string): boolean {
  const scale = Math.max(decimalsOf(a), decimalsOf(b));
  return toScaled(a, scale) === toScaled(b, scale);
}

/**
 * Formats an amount written in minor units without a decimal point (BAI2 writes "10000" for 100.00)
 * using the currency's number of decimals.
 */
export function minorUnitsToAmount(text: string, scale: number): string | null {
  const m = /^([+-]?)(\d{1,40})$/.exec(text.trim());
  if (!m) return null;
  const digits = (m[2] as string).replace(/^0+(?=\d)/, "");
  if (digits.length > MAX_DIGITS) return null;
  const value = BigInt(digits);
  return fromScaled(m[1] === "-" ? -value : value, scale);
}

/**
 * Guesses the decimal separator from sample amounts. A separator followed by exactly three digits is
 * ambiguous ("1,234" could be either) and does not vote; null means no sample decided it.
 */
export function detectDecimalSeparator(samples: readonly string[]): DecimalSeparator | null {
  let dot = 0;
  let comma = 0;
  for (const raw of samples) {
    const s = raw.trim().replace(/[^\d.,]/g, "");
    const lastDot = s.lastIndexOf(".");
    const lastComma = s.lastIndexOf(",");
    if (lastDot >= 0 && lastComma >= 0) {
      if (lastDot > lastComma) dot++;
      else comma++;
      continue;
    }
    const at = Math.max(lastDot, lastComma);
    if (at < 0) continue;
    const sep = s[at] as string;
    const after = s.length - at - 1;
    const repeated = s.indexOf(sep) !== at;
    if (repeated) {
      // "1,234,567" — a repeated separator can only be a thousands separator.
      if (sep === ".") comma++;
      else dot++;
    } else if (after !== 3) {
      if (sep === ".") dot++;
      else comma++;
    }
  }
  if (dot === 0 && comma === 0) return null;
  return comma > dot ? "," : ".";
}

/** Decimal places of a currency's minor unit (2 when the currency is unknown). */
export function currencyScale(code: string | null): number {
  return code && ISO_CODE.test(code.toUpperCase()) ? isoScale(code.toUpperCase()) : 2;
}
