// Commodity directives: `commodity` (format, hence display precision and decimal mark), `D` (default
// commodity for amounts without a symbol) and `P` market prices.
import { scanAmount } from "./amount.ts";
import { dateTokenEnd, parseDate } from "./dates.ts";
import { LineError } from "./errors.ts";
import type { Block, ParserState } from "./state.ts";
import { styleOfSample } from "./styles.ts";

export function declareCommodity(state: ParserState, rest: string, lineNo: number): Block {
  const text = rest.replace(/\s(?:;|#).*$/, "").trim();
  if (!text)
    throw new LineError(
      "missing-commodity",
      `"commodity" needs a symbol or a sample amount like "$1,000.00"`,
    );
  const symbol = commoditySample(state, text, lineNo);
  return { kind: "commodity", symbol, line: lineNo };
}

/** Reads `commodity`'s (or `format`'s) argument: a sample amount sets the style, a bare symbol just declares. */
function commoditySample(state: ParserState, text: string, lineNo: number): string {
  let scanned;
  try {
    scanned = scanAmount(text, 0, text.length, {
      declaredDecimalMark: () => null,
      defaultCommodity: undefined,
    });
  } catch {
    scanned = undefined;
  }
  if (scanned && scanned.end === text.length) {
    const symbol = scanned.amount.commodity;
    if (scanned.style.decimalMark === null) {
      // hledger 1.25 refuses these too: "1,000" could mean one thousand or one.
      throw new LineError(
        "bad-commodity",
        `commodity format "${text}" needs a decimal mark to be unambiguous, like "$1,000.00", "1.000,00 EUR" or "$1000."`,
      );
    }
    const style = styleOfSample(scanned.style, scanned.amount.scale);
    state.styles.declare(symbol, style);
    state.declaredPrecision.set(symbol, scanned.amount.scale);
    if (scanned.style.decimalMark !== null) state.decimalMarks.set(symbol, scanned.style.decimalMark);
    else if (scanned.style.digitGroupMark === "," || scanned.style.digitGroupMark === ".")
      state.decimalMarks.set(symbol, scanned.style.digitGroupMark === "," ? "." : ",");
    if (!state.commodityLines.has(symbol)) state.commodityLines.set(symbol, lineNo);
    return symbol;
  }
  const symbol = text.startsWith('"') && text.endsWith('"') && text.length >= 2 ? text.slice(1, -1) : text;
  if (/\s/.test(symbol) && !text.startsWith('"')) {
    throw new LineError("bad-commodity", `"${text}" is not a commodity symbol or sample amount`);
  }
  if (!state.commodityLines.has(symbol)) state.commodityLines.set(symbol, lineNo);
  return symbol;
}

export function commoditySubLine(state: ParserState, symbol: string, text: string, lineNo: number): void {
  if (text.startsWith(";") || text.startsWith("#")) return;
  const word = text.split(/\s+/, 1)[0]!;
  if (word === "format") {
    const sampleSymbol = commoditySample(state, text.slice(6).trim(), lineNo);
    if (sampleSymbol !== symbol) {
      throw new LineError(
        "bad-commodity",
        `format "${text.slice(6).trim()}" is for "${sampleSymbol}", not "${symbol}"`,
      );
    }
  } else if (word !== "note" && word !== "alias" && word !== "nomarket" && word !== "default") {
    state.warn(lineNo, "commodity-subdirective-ignored", `"${word}" under "commodity ${symbol}" is ignored`);
  }
}

export function marketPrice(state: ParserState, rest: string, lineNo: number): void {
  const dEnd = dateTokenEnd(rest, 0, rest.length);
  const date = parseDate(rest.slice(0, dEnd), state.yearForShortDates());
  let i = skipBlanks(rest, dEnd);
  // Ledger writes a time after the date ("P 2004/06/21 02:18:02 AAPL $32.91"); it does not matter here.
  if (rest.charCodeAt(i) >= 48 && rest.charCodeAt(i) <= 57) {
    const time = /^\d{1,2}:\d{2}(?::\d{2})?/.exec(rest.slice(i));
    if (time) i = skipBlanks(rest, i + time[0].length);
  }
  let symbol: string;
  if (rest.charCodeAt(i) === 34 /* " */) {
    const close = rest.indexOf('"', i + 1);
    if (close < 0) throw new LineError("malformed-price", `unclosed quote in "P" commodity`);
    symbol = rest.slice(i + 1, close);
    i = close + 1;
  } else {
    const start = i;
    while (i < rest.length && rest.charCodeAt(i) !== 32 && rest.charCodeAt(i) !== 9) i++;
    symbol = rest.slice(start, i);
  }
  i = skipBlanks(rest, i);
  let end = rest.indexOf(";", i);
  if (end < 0) end = rest.length;
  while (end > i && (rest.charCodeAt(end - 1) === 32 || rest.charCodeAt(end - 1) === 9)) end--;
  if (!symbol || i >= end)
    throw new LineError("malformed-price", `"P" needs a date, a commodity and a price`);
  const scanned = scanAmount(rest, i, end, state);
  if (scanned.end !== end) {
    // hledger 1.25 reads the price and ignores the rest of the line ("1,₲500" is ₲1 there).
    state.warn(
      lineNo,
      "price-text-ignored",
      `"${rest.slice(scanned.end, end).trim()}" after the price is ignored (as hledger does); the price is read as ` +
        `"${rest.slice(i, scanned.end).trim()}"`,
    );
  }
  state.styles.notePrice(scanned.amount.commodity, scanned.style, scanned.amount.scale);
  state.prices.push({ date, commodity: symbol, price: scanned.amount, line: lineNo });
}

function skipBlanks(s: string, i: number): number {
  while (i < s.length && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
  return i;
}

export function defaultCommodity(state: ParserState, rest: string): void {
  const text = rest.replace(/\s;.*$/, "").trim();
  const scanned = scanAmount(text, 0, text.length, {
    declaredDecimalMark: () => null,
    defaultCommodity: undefined,
  });
  if (scanned.end !== text.length || !scanned.hasSymbol) {
    throw new LineError("malformed-amount", `"D" needs a sample amount with a commodity, like "D $1,000.00"`);
  }
  if (scanned.style.decimalMark === null) {
    // As for `commodity`: hledger 1.25 refuses a sample whose decimal mark it would have to guess.
    throw new LineError(
      "malformed-amount",
      `"D ${text}" needs a decimal mark to be unambiguous, like "D $1,000.00", "D 1.000,00 EUR" or "D $1000."`,
    );
  }
  const symbol = scanned.amount.commodity;
  state.defaultCommodity = symbol;
  state.defaultDecimalMark = scanned.style.decimalMark;
  state.styles.noteDefault(symbol, scanned.style, scanned.amount.scale);
}
