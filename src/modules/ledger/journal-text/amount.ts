// Reads one amount ("$-1.50", "-EUR 10", "1.000,00 EUR", "\"ABC 1\" 5") from a line, exactly as
// hledger 1.25 does, including its decimal-mark guess. Hand-written scanning: no regex per amount.
import { LineError } from "./errors.ts";
import { isDigit, resolveNumber, scanNumber } from "./number.ts";
import type { Amount } from "./types.ts";

/** The written form of an amount: what hledger infers a commodity's display style from. */
export interface WrittenStyle {
  side: "left" | "right";
  spaced: boolean;
  /** The decimal mark actually written, or null ("10", "1,000,000"). */
  decimalMark: "." | "," | null;
  digitGroupMark: string | null;
  digitGroupSizes: number[];
}

export interface ScannedAmount {
  amount: Amount;
  /** True when a symbol was written (false: the default commodity or none was used). */
  hasSymbol: boolean;
  style: WrittenStyle;
  /** Index just after the amount. */
  end: number;
}

export interface AmountContext {
  /** The decimal mark declared for a commodity (commodity directive, D, or decimal-mark), if any. */
  declaredDecimalMark(commodity: string): "." | "," | null;
  /** The `D` default commodity for amounts written without a symbol. */
  defaultCommodity: string | undefined;
}

const SPACE = 32;
const TAB = 9;
const QUOTE = 34;
const MINUS = 45;
const PLUS = 43;
const DOT = 46;
const COMMA = 44;

/** hledger's isNonsimpleCommodityChar: digits and -+.@*;\t\n "{}= end an unquoted symbol. */
function isSymbolChar(c: number): boolean {
  if (c >= 48 && c <= 57) return false;
  switch (c) {
    case 45: // -
    case 43: // +
    case 46: // .
    case 64: // @
    case 42: // *
    case 59: // ;
    case 9:
    case 10:
    case 13:
    case 32:
    case 34: // "
    case 123: // {
    case 125: // }
    case 61: // =
      return false;
    default:
      return !Number.isNaN(c);
  }
}

/** True when a symbol must be quoted to be read back ("ABC 1", "VACHR 2", ""). */
export function symbolNeedsQuotes(symbol: string): boolean {
  if (symbol.length === 0) return false;
  for (let i = 0; i < symbol.length; i++) if (!isSymbolChar(symbol.charCodeAt(i))) return true;
  return false;
}

function skipSpaces(s: string, i: number, end: number): number {
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c !== SPACE && c !== TAB) break;
    i++;
  }
  return i;
}

/** Reads a quoted or unquoted symbol at i; returns [symbol, end] or null when there is none. */
function scanSymbol(s: string, i: number, end: number): [string, number] | null {
  if (i >= end) return null;
  const c = s.charCodeAt(i);
  if (c === QUOTE) {
    const close = s.indexOf('"', i + 1);
    if (close < 0 || close >= end)
      throw new LineError("malformed-amount", `unclosed quote in commodity symbol`);
    return [s.slice(i + 1, close), close + 1];
  }
  if (!isSymbolChar(c)) return null;
  let j = i + 1;
  while (j < end && isSymbolChar(s.charCodeAt(j))) j++;
  return [s.slice(i, j), j];
}

/** Shared styles for the common ungrouped case: one object per (side, spacing, decimal mark). */
const PLAIN_STYLES: (WrittenStyle | undefined)[] = [];
function plainStyle(side: "left" | "right", spaced: boolean, decimalMark: "." | "," | null): WrittenStyle {
  const key =
    (side === "left" ? 6 : 0) + (spaced ? 3 : 0) + (decimalMark === null ? 0 : decimalMark === "." ? 1 : 2);
  let style = PLAIN_STYLES[key];
  if (style === undefined) {
    style = Object.freeze({
      side,
      spaced,
      decimalMark,
      digitGroupMark: null,
      digitGroupSizes: [] as number[],
    });
    PLAIN_STYLES[key] = style;
  }
  return style;
}

/**
 * Reads an amount starting at `start` (no leading spaces) and ending before `end`.
 * Throws a LineError when there is no well-formed amount there.
 */
export function scanAmount(s: string, start: number, end: number, ctx: AmountContext): ScannedAmount {
  let i = start;
  let negative = false;
  let c = s.charCodeAt(i);
  if (c === MINUS || c === PLUS) {
    negative = c === MINUS;
    i = skipSpaces(s, i + 1, end);
  }
  let symbol: string | null = null;
  let side: "left" | "right" = "right";
  let spaced = false;
  const left = scanSymbol(s, i, end);
  if (left) {
    symbol = left[0];
    side = "left";
    const after = skipSpaces(s, left[1], end);
    spaced = after > left[1];
    i = after;
    c = s.charCodeAt(i);
    if (c === MINUS || c === PLUS) {
      if (c === MINUS) negative = !negative;
      i = skipSpaces(s, i + 1, end);
    }
  }
  const numStart = i;
  // Fast scan of the common shape (digits with at most one "."), accumulating the value.
  let digits = 0;
  let value = 0;
  let dotPos = -1;
  let simple = true;
  let j = i;
  while (j < end) {
    const d = s.charCodeAt(j);
    if (d >= 48 && d <= 57) {
      value = value * 10 + (d - 48);
      digits++;
    } else if (d === DOT && dotPos < 0) {
      dotPos = j;
    } else break;
    j++;
  }
  let numEnd = j;
  if (j < end) {
    // Only marks, digit-group spaces and exponents need the full scan; "1 A", "5 @" do not.
    const d = s.charCodeAt(j);
    const next = s.charCodeAt(j + 1);
    if (
      d === DOT ||
      d === COMMA ||
      (d === SPACE && isDigit(next)) ||
      ((d | 32) === 101 && (isDigit(next) || next === MINUS || next === PLUS))
    ) {
      numEnd = scanNumber(s, numStart, end);
      if (numEnd !== j) simple = false;
    }
  }
  if (numEnd === numStart || (simple && digits === 0)) {
    const near = s.slice(start, Math.min(end, start + 30)).trim();
    throw new LineError("malformed-amount", `"${near}" is not a valid amount (no number found)`);
  }
  let stop = numEnd;
  if (symbol === null) {
    const after = skipSpaces(s, numEnd, end);
    const right = scanSymbol(s, after, end);
    if (right) {
      symbol = right[0];
      spaced = after > numEnd;
      stop = right[1];
    }
  }
  const hasSymbol = symbol !== null;
  const commodity = symbol ?? ctx.defaultCommodity ?? "";
  if (simple && dotPos >= 0 && dotPos !== numStart && ctx.declaredDecimalMark(commodity) === ",")
    simple = false;
  if (simple) {
    let quantity: bigint;
    if (digits <= 15) quantity = BigInt(value);
    else
      quantity = BigInt(
        dotPos < 0 ? s.slice(numStart, numEnd) : s.slice(numStart, dotPos) + s.slice(dotPos + 1, numEnd),
      );
    return {
      amount: {
        quantity: negative ? -quantity : quantity,
        scale: dotPos < 0 ? 0 : numEnd - dotPos - 1,
        commodity,
      },
      hasSymbol,
      style: plainStyle(side, spaced, dotPos < 0 ? null : "."),
      end: stop,
    };
  }
  const resolved = resolveNumber(s.slice(numStart, numEnd), ctx.declaredDecimalMark(commodity));
  return {
    amount: { quantity: negative ? -resolved.quantity : resolved.quantity, scale: resolved.scale, commodity },
    hasSymbol,
    style:
      resolved.groupMark === null
        ? plainStyle(side, spaced, resolved.decimalMark)
        : {
            side,
            spaced,
            decimalMark: resolved.decimalMark,
            digitGroupMark: resolved.groupMark,
            digitGroupSizes: resolved.groupSizes,
          },
    end: stop,
  };
}
