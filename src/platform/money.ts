// Money as bigint minor units. Decimal strings exist only at the edges (files, API, screens);
// inside, an amount is a bigint and a currency (or commodity) with a known scale: the number of
// decimal places its minor units stand for (ISO 4217 calls this the currency's "exponent"; we say
// scale everywhere). A client's ledger decides the scale of each of its currencies; the ISO scale
// is only the default and what a bank statement is written in.
import { validationError } from "./errors.ts";

/** ISO 4217 currencies whose minor unit is not 2 decimals. Everything else ISO-like defaults to 2. */
const NON_TWO_DECIMAL: Record<string, number> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

export const ISO_CODE = /^[A-Z]{3}$/;

/** Decimal places of an ISO 4217 currency, its ISO "exponent" (2 unless listed otherwise). */
export function isoScale(code: string): number {
  return NON_TWO_DECIMAL[code] ?? 2;
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d*))?$|^([+-])?\.(\d+)$/;

/**
 * Parses a plain decimal string ("-12.30", "5", ".5") into minor units at `scale` places.
 * More decimals than the scale allows is an error (never silent rounding).
 */
export function parseDecimal(text: string, scale: number, field = "amount"): bigint {
  const trimmed = text.trim();
  const m = DECIMAL.exec(trimmed);
  if (!m) throw validationError("money/not-a-number", `"${text}" is not a decimal number`, { field });
  const sign = m[1] ?? m[4];
  const whole = m[2] ?? "0";
  const fraction = (m[3] ?? m[5] ?? "").replace(/0+$/, "");
  if (fraction.length > scale) {
    throw validationError(
      "money/too-many-decimals",
      `"${text}" has ${fraction.length} decimal places; at most ${scale} are allowed here`,
      { field },
    );
  }
  const digits = whole + fraction.padEnd(scale, "0");
  const value = BigInt(digits);
  if (value > MAX_MINOR) {
    throw validationError(
      "money/too-large",
      `"${text}" is too large: at ${scale} decimal places an amount must stay within ${formatMinor(MAX_MINOR, scale)}`,
      { field },
    );
  }
  return sign === "-" ? -value : value;
}

/** The largest amount in minor units Closebook stores (PostgreSQL's int8, where amounts live). */
export const MAX_MINOR = 2n ** 63n - 1n;

/** Number of decimal places written in a decimal string (trailing zeros count: "1.50" → 2). */
export function decimalPlaces(text: string): number {
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Formats minor units as a plain decimal string with exactly `scale` places ("-12.30"). */
export function formatMinor(amount: bigint, scale: number): string {
  const negative = amount < 0n;
  const digits = (negative ? -amount : amount).toString();
  if (scale === 0) return (negative ? "-" : "") + digits;
  const padded = digits.padStart(scale + 1, "0");
  const whole = padded.slice(0, padded.length - scale);
  const fraction = padded.slice(padded.length - scale);
  return `${negative ? "-" : ""}${whole}.${fraction}`;
}

/** What a rescaled amount is, for the refusal's message: "the bank line", "part 2"… */
export interface RescaleSubject {
  /** Names the amount for people ("the bank line of 2026-03-02"). */
  what?: string | undefined;
  currency: string;
  /** The offending field, for the problem document. */
  field?: string | undefined;
}

/**
 * Re-expresses minor units at scale `from` as minor units at scale `to`, exactly: up a scale
 * multiplies by 10^k; down divides only when no digit is lost, and otherwise refuses with a
 * problem error naming the amount, its currency and both scales (never rounds). Past 64 bits is
 * refused as well: the database could not store it.
 */
export function rescale(amount: bigint, from: number, to: number, subject?: RescaleSubject): bigint {
  if (to === from) return amount;
  const label = () => {
    const figure = `${formatMinor(amount, from)}${subject ? ` ${subject.currency}` : ""}`;
    return subject?.what ? `${subject.what} (${figure})` : figure;
  };
  const extra = subject?.field ? { field: subject.field } : {};
  if (to > from) {
    const up = amount * 10n ** BigInt(to - from);
    if (up > MAX_MINOR || -up > MAX_MINOR)
      throw validationError(
        "money/too-large",
        `${label()} is too large to keep at ${to} decimal places (at most ${formatMinor(MAX_MINOR, to)})`,
        extra,
      );
    return up;
  }
  const factor = 10n ** BigInt(from - to);
  if (amount % factor !== 0n) {
    throw validationError(
      "money/scale-loses-digits",
      `${label()} cannot be written with ${to} decimal places without losing digits (it has ${from}); ` +
        "amounts are never rounded",
      extra,
    );
  }
  return amount / factor;
}

/**
 * Splits `total` into parts proportional to non-negative integer `weights`.
 * Remainder rule (largest remainder): each part first gets the floor of its exact share; the
 * minor units left over go one each to the parts with the largest fractional remainders, ties
 * going to the earlier part. Parts always sum to `total`; a negative total is split as its
 * absolute value and negated, so the rule is symmetric.
 */
export function allocate(total: bigint, weights: readonly bigint[]): bigint[] {
  if (weights.length === 0) throw validationError("money/no-parts", "cannot allocate into zero parts");
  if (weights.some((w) => w < 0n))
    throw validationError("money/negative-weight", "weights must not be negative");
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n) throw validationError("money/zero-weights", "weights must not all be zero");
  const negative = total < 0n;
  const abs = negative ? -total : total;
  const parts = weights.map((w) => (abs * w) / sum);
  const remainders = weights.map((w, i) => ({ i, r: (abs * w) % sum }));
  let left = abs - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (let k = 0; left > 0n; k++, left--) parts[remainders[k]!.i]! += 1n;
  return negative ? parts.map((p) => -p) : parts;
}

/** Allocation by percentages given as decimal strings ("33.33"); they must total exactly 100. */
export function allocateByPercent(total: bigint, percents: readonly string[]): bigint[] {
  const scaled = percents.map((p, i) => parseDecimal(p, 6, `percent[${i}]`));
  const sum = scaled.reduce((a, b) => a + b, 0n);
  if (sum !== 100_000_000n) {
    throw validationError(
      "money/percent-not-100",
      `percentages total ${formatMinor(sum, 6).replace(/\.?0+$/, "")}%, not 100%`,
      {
        field: "percent",
      },
    );
  }
  return allocate(total, scaled);
}
