// Turns a statement file's bytes into text: honours byte-order marks, spots BOM-less UTF-16, and falls
// back to windows-1252 when the bytes are not valid UTF-8 (old bank exports are mostly Latin-1/1252).

export interface DecodedText {
  text: string;
  encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeUtf8OrLatin(bytes.subarray(3)).text, encoding: "utf-8" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  return decodeUtf8OrLatin(bytes);
}

function decodeUtf8OrLatin(bytes: Uint8Array): DecodedText {
  try {
    return { text: utf8.decode(bytes), encoding: "utf-8" };
  } catch {
    // Invalid UTF-8: every byte is meaningful in windows-1252, which is what these exports use.
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}

/** windows-1252's 0x80–0x9F block (€, ‚, ƒ, „ …); the rest of the code page equals Latin-1. */
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/**
 * Node's TextDecoder treats the "windows-1252" label as plain Latin-1 and leaves 0x80–0x9F as control
 * characters (so "€" would be lost); decode as Latin-1 and map that block by hand.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = new TextDecoder("latin1").decode(bytes);
  return latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] as string);
}

/**
 * UTF-16 without a BOM shows up as ASCII text with a zero byte in every other position. Text files
 * in single-byte encodings almost never contain zero bytes, so a high share of them is a safe signal.
 */
function sniffUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 2048);
  if (n < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd > pairs * 0.4 && zeroEven < pairs * 0.05) return "utf-16le";
  if (zeroEven > pairs * 0.4 && zeroOdd < pairs * 0.05) return "utf-16be";
  return null;
}
