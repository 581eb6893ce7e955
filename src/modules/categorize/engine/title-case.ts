// Display names for merchants: title case that keeps acronyms, initials and "Mc" names right.
import { EXPAND } from "./merchant-vocabulary.ts";

const SMALL_WORDS = new Set([
  "OF",
  "AND",
  "THE",
  "AT",
  "IN",
  "FOR",
  "A",
  "AN",
  "ON",
  "TO",
  "DE",
  "DU",
  "LA",
  "LE",
]);
const KEEP_UPPER = new Set([
  "BP",
  "KFC",
  "NHS",
  "HMRC",
  "DVLA",
  "BT",
  "UK",
  "USA",
  "NCP",
  "TTS",
  "IBM",
  "HP",
  "DHL",
  "UPS",
  "TSB",
  "RAC",
  "AA",
  "YMCA",
  "IKEA",
  "ATM",
  "CIC",
  "PC",
  "TV",
  "DIY",
  "LA",
]);

/** Title case that respects names: McDonald's, AT&T, P.F. Chang's, CVS. */
export function titleCase(tokens: readonly string[]): string {
  return tokens
    .map((token, i) => {
      const bare = token.replace(/[^A-Z0-9&.']/gi, "");
      const upper = token.toUpperCase();
      if (KEEP_UPPER.has(upper) || /&/.test(token) || /^([A-Z]\.)+[A-Z]?\.?$/i.test(token)) return upper;
      if (bare.length <= 3 && !/[AEIOUY]/i.test(bare) && /[A-Z]/i.test(bare)) return upper;
      if (i > 0 && SMALL_WORDS.has(upper)) return token.toLowerCase();
      const expanded = EXPAND[upper];
      if (expanded) return expanded;
      let word = token.charAt(0).toUpperCase() + token.slice(1).toLowerCase();
      word = word.replace(/^Mc([a-z])/, (_m, c: string) => `Mc${c.toUpperCase()}`);
      word = word.replace(/-([a-z])/g, (_m, c: string) => `-${c.toUpperCase()}`);
      return word;
    })
    .join(" ");
}
