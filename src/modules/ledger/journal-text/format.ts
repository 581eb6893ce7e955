// Writes amounts as journal text: in a commodity's style for export, plainly for error messages.
// Quotes symbols that would not read back unquoted.
import { symbolNeedsQuotes } from "./amount.ts";
import { decToString } from "./decimal.ts";
import type { Amount, CommodityStyle } from "./types.ts";

export function quoteSymbol(symbol: string): string {
  return symbolNeedsQuotes(symbol) ? `"${symbol}"` : symbol;
}

/** "-1.50 USD", "$-1.50": plain form for messages, symbol on the side a bookkeeper would expect. */
export function showAmount(a: Amount): string {
  const n = decToString(a.quantity, a.scale);
  if (a.commodity === "") return n;
  const sym = quoteSymbol(a.commodity);
  return defaultStyleFor(a.commodity).side === "left" ? sym + n : `${n} ${sym}`;
}

export function showAmounts(list: readonly Amount[]): string {
  return list.map(showAmount).join(", ");
}

/** The style used for a commodity nobody described: currency signs on the left, codes on the right. */
export function defaultStyleFor(symbol: string, precision: number | null = null): CommodityStyle {
  const left = symbol.length === 1 && !/\p{L}/u.test(symbol);
  return {
    side: left ? "left" : "right",
    spaced: !left,
    decimalMark: ".",
    digitGroupMark: null,
    digitGroupSizes: [],
    precision,
  };
}

function groupDigits(digits: string, mark: string, sizes: readonly number[]): string {
  if (sizes.length === 0) return digits;
  const parts: string[] = [];
  let end = digits.length;
  let k = 0;
  while (end > 0) {
    const size = sizes[Math.min(k, sizes.length - 1)]!;
    const start = Math.max(0, end - size);
    parts.unshift(digits.slice(start, end));
    end = start;
    k++;
  }
  return parts.join(mark);
}

/**
 * The number of an amount in a style, exact: all of its `scale` decimals are written (never rounded),
 * padded to the style's precision. `grouped` adds digit group marks (directives only: amounts are
 * written without them, which every reader accepts); `markAlways` writes the decimal mark even with
 * no decimals ("$1000."), which hledger requires in commodity directives.
 */
export function formatNumber(
  quantity: bigint,
  scale: number,
  style: CommodityStyle,
  grouped = false,
  markAlways = false,
): string {
  const plain = decToString(quantity, scale);
  const negative = plain.startsWith("-");
  const body = negative ? plain.slice(1) : plain;
  const dot = body.indexOf(".");
  let intPart = dot < 0 ? body : body.slice(0, dot);
  let frac = dot < 0 ? "" : body.slice(dot + 1);
  if (style.precision !== null && frac.length < style.precision) frac = frac.padEnd(style.precision, "0");
  if (grouped && style.digitGroupMark !== null)
    intPart = groupDigits(intPart, style.digitGroupMark, style.digitGroupSizes);
  return (negative ? "-" : "") + intPart + (frac.length > 0 || markAlways ? style.decimalMark + frac : "");
}

/** An amount in a style: "$-1.50", "1.000,00 EUR", "5 \"VACHR\"". */
export function formatAmount(a: Amount, style: CommodityStyle, grouped = false, markAlways = false): string {
  const n = formatNumber(a.quantity, a.scale, style, grouped, markAlways);
  if (a.commodity === "") return n;
  const sym = quoteSymbol(a.commodity);
  const gap = style.spaced ? " " : "";
  return style.side === "left" ? sym + gap + n : n + gap + sym;
}
