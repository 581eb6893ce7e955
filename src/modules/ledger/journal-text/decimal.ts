// Exact decimal arithmetic on (bigint quantity, scale) pairs: the only arithmetic amounts get here.
// Rounding is half-even because that is what hledger (Data.Decimal) shows.

const POW10: bigint[] = [1n];

/** 10^n as a bigint (cached: balancing and rescaling ask for the same few powers constantly). */
export function pow10(n: number): bigint {
  for (let i = POW10.length; i <= n; i++) POW10.push(POW10[i - 1]! * 10n);
  return POW10[n]!;
}

/** `quantity` at `from` places re-expressed at `to` ≥ `from` places. */
export function upscale(quantity: bigint, from: number, to: number): bigint {
  return to === from ? quantity : quantity * pow10(to - from);
}

export interface Dec {
  quantity: bigint;
  scale: number;
}

export function addDec(a: Dec, b: Dec): Dec {
  if (a.scale === b.scale) return { quantity: a.quantity + b.quantity, scale: a.scale };
  if (a.scale > b.scale)
    return { quantity: a.quantity + upscale(b.quantity, b.scale, a.scale), scale: a.scale };
  return { quantity: upscale(a.quantity, a.scale, b.scale) + b.quantity, scale: b.scale };
}

export function mulDec(a: Dec, b: Dec): Dec {
  return { quantity: a.quantity * b.quantity, scale: a.scale + b.scale };
}

export function compareDec(a: Dec, b: Dec): number {
  const s = Math.max(a.scale, b.scale);
  const x = upscale(a.quantity, a.scale, s);
  const y = upscale(b.quantity, b.scale, s);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Drops trailing zero decimals (1.500 → 1.5): the same number at the smallest scale. */
export function normalizeDec(d: Dec): Dec {
  let { quantity, scale } = d;
  while (scale > 0 && quantity % 10n === 0n) {
    quantity /= 10n;
    scale--;
  }
  return { quantity, scale };
}

/** Rounds to `places` decimals, half to even (Data.Decimal's roundTo, which hledger displays with). */
export function roundHalfEven(d: Dec, places: number): Dec {
  if (d.scale <= places) return { quantity: upscale(d.quantity, d.scale, places), scale: places };
  const divisor = pow10(d.scale - places);
  const negative = d.quantity < 0n;
  const abs = negative ? -d.quantity : d.quantity;
  let q = abs / divisor;
  const r2 = (abs % divisor) * 2n;
  if (r2 > divisor || (r2 === divisor && q % 2n === 1n)) q += 1n;
  return { quantity: negative ? -q : q, scale: places };
}

/**
 * True when the number shows as zero at `precision` decimals by hledger's balancing rule:
 * at most half a unit of the last shown digit (inclusive). null precision means exactly zero.
 */
export function looksZero(d: Dec, precision: number | null): boolean {
  if (d.quantity === 0n) return true;
  if (precision === null || d.scale <= precision) return false;
  const abs = d.quantity < 0n ? -d.quantity : d.quantity;
  return abs * 2n <= pow10(d.scale - precision);
}

/** Plain decimal text ("-12.30"), exactly `scale` decimals, "." as decimal mark. */
export function decToString(quantity: bigint, scale: number): string {
  const negative = quantity < 0n;
  const digits = (negative ? -quantity : quantity).toString();
  if (scale === 0) return negative ? "-" + digits : digits;
  const padded = digits.length > scale ? digits : digits.padStart(scale + 1, "0");
  const cut = padded.length - scale;
  return (negative ? "-" : "") + padded.slice(0, cut) + "." + padded.slice(cut);
}

/** Parses plain decimal text ("-12.30", "5") exactly. Returns null when it is not one. */
export function decFromString(text: string): Dec | null {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return null;
  const fraction = m[3] ?? "";
  const q = BigInt((m[2] || "0") + fraction);
  return { quantity: m[1] === "-" ? -q : q, scale: fraction.length };
}
