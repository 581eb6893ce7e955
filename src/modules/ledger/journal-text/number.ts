// Numbers inside amounts: which characters belong to one, and what value it has once we know which
// mark is the decimal mark (hledger's rule: one mark is decimal unless declared otherwise).
import { LineError } from "./errors.ts";

const SPACE = 32;
const MINUS = 45;
const PLUS = 43;
const DOT = 46;
const COMMA = 44;

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Scans the characters of a number (digits, marks, single spaces between digits, exponent). */
export function scanNumber(s: string, i: number, end: number): number {
  let j = i;
  while (j < end) {
    const c = s.charCodeAt(j);
    if (isDigit(c) || c === DOT || c === COMMA) j++;
    else if (
      c === SPACE &&
      j > i &&
      isDigit(s.charCodeAt(j - 1)) &&
      j + 1 < end &&
      isDigit(s.charCodeAt(j + 1))
    )
      j++;
    else break;
  }
  // An exponent (1E3, 2.5e-2) follows directly; "10EUR" is not one (no digit after the E).
  if (j < end && j > i && (s.charCodeAt(j) | 32) === 101) {
    let k = j + 1;
    const sc = s.charCodeAt(k);
    if (sc === MINUS || sc === PLUS) k++;
    if (k < end && isDigit(s.charCodeAt(k))) {
      while (k < end && isDigit(s.charCodeAt(k))) k++;
      return k;
    }
  }
  return j;
}

export interface NumberValue {
  quantity: bigint;
  scale: number;
  decimalMark: "." | "," | null;
  groupMark: string | null;
  groupSizes: number[];
}

/** Turns number text into an exact value, deciding which mark is the decimal mark as hledger does. */
export function resolveNumber(text: string, declared: "." | "," | null): NumberValue {
  let ePos = -1;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k) | 32;
    if (c === 101) {
      ePos = k;
      break;
    }
  }
  const mantissa = ePos < 0 ? text : text.slice(0, ePos);
  let dots = 0;
  let commas = 0;
  let spaces = 0;
  let lastMarkPos = -1;
  for (let k = 0; k < mantissa.length; k++) {
    const c = mantissa.charCodeAt(k);
    if (c === DOT) dots++;
    else if (c === COMMA) commas++;
    else if (c === SPACE) spaces++;
    else continue;
    lastMarkPos = k;
  }
  if (lastMarkPos < 0) {
    const q = applyExponent(BigInt(mantissa), 0, text, ePos);
    return { ...q, decimalMark: null, groupMark: null, groupSizes: [] };
  }
  let decimal: "." | "," | null = null;
  let group: string | null = null;
  const last = mantissa[lastMarkPos] as "." | "," | " ";
  if (dots + commas === 1 && spaces === 0 && lastMarkPos === mantissa.length - 1 && lastMarkPos > 0) {
    // "1," or "1.": a mark with no digits after it is a decimal mark whatever the commodity
    // declares (hledger 1.25 reads "1,₲500" in a "₲ 1,000.00" journal as ₲1).
    const q = applyExponent(BigInt(mantissa.slice(0, -1)), 0, text, ePos);
    return { ...q, decimalMark: last as "." | ",", groupMark: null, groupSizes: [] };
  }
  if (dots > 0 && commas > 0) {
    if (last === " ") throw new LineError("malformed-amount", `"${text}" is not a valid number`);
    decimal = last;
    group = last === "." ? "," : ".";
    if ((decimal === "." ? dots : commas) !== 1 || spaces > 0)
      throw new LineError("malformed-amount", `"${text}" is not a valid number (mixed digit group marks)`);
  } else if (dots + commas === 0) {
    group = " ";
  } else {
    const mark = dots > 0 ? "." : ",";
    const count = dots + commas;
    if (spaces > 0) {
      if (count !== 1 || last !== mark)
        throw new LineError("malformed-amount", `"${text}" is not a valid number (mixed digit group marks)`);
      decimal = mark;
      group = " ";
    } else if (count > 1 || (declared !== null && declared !== mark && lastMarkPos !== 0)) {
      group = mark;
    } else {
      decimal = mark;
    }
  }
  if (ePos >= 0 && group !== null) {
    throw new LineError(
      "malformed-amount",
      `"${text}" is not a valid number: digit group marks and exponents may not be used together`,
    );
  }
  const decimalPos = decimal === null ? -1 : mantissa.lastIndexOf(decimal);
  const intPart = decimalPos < 0 ? mantissa : mantissa.slice(0, decimalPos);
  const fracPart = decimalPos < 0 ? "" : mantissa.slice(decimalPos + 1);
  for (let k = 0; k < fracPart.length; k++) {
    if (!isDigit(fracPart.charCodeAt(k)))
      throw new LineError(
        "malformed-amount",
        `"${text}" is not a valid number (digit group mark after the decimal mark)`,
      );
  }
  const groupSizes: number[] = [];
  let digits = intPart;
  if (group !== null) {
    const parts = intPart.split(group);
    for (const part of parts) {
      if (part.length === 0 || !/^\d+$/.test(part))
        throw new LineError(
          "malformed-amount",
          `"${text}" is not a valid number (misplaced digit group mark)`,
        );
    }
    for (let k = parts.length - 1; k >= 1; k--) groupSizes.push(parts[k]!.length);
    digits = parts.join("");
  }
  if (digits.length === 0 && fracPart.length === 0)
    throw new LineError("malformed-amount", `"${text}" is not a valid number`);
  const q = applyExponent(BigInt((digits || "0") + fracPart), fracPart.length, text, ePos);
  return { ...q, decimalMark: decimal, groupMark: group, groupSizes };
}

function applyExponent(
  quantity: bigint,
  scale: number,
  text: string,
  ePos: number,
): { quantity: bigint; scale: number } {
  if (ePos < 0) return { quantity, scale };
  const exp = Number(text.slice(ePos + 1));
  if (!Number.isSafeInteger(exp) || Math.abs(exp) > 1000)
    throw new LineError("malformed-amount", `"${text}" has an exponent out of range`);
  const s = scale - exp;
  if (s >= 0) return { quantity, scale: s };
  return { quantity: quantity * 10n ** BigInt(-s), scale: 0 };
}
