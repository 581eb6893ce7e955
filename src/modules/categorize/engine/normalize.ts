// Merchant normalization: raw bank text → a clean payee name and a stable merchant key.
// "POS DEBIT 0412 MCDONALD'S #12345 SPRINGFIELD IL" → name "McDonald's", key "mcdonalds".
import { BRANDS } from "./brands.ts";
import {
  CITIES,
  DOMAIN,
  GENERIC_TAIL,
  LEADING_NOISE,
  LEADING_NOISE_NEEDS_MORE,
  NON_MERCHANT,
  P2P,
  PROCESSORS,
  US_STATES,
} from "./merchant-vocabulary.ts";
import { titleCase } from "./title-case.ts";

/** What kind of counterparty a bank line names. Only "merchant" lines carry a business name. */
export type MerchantKind = "merchant" | "person" | "transfer" | "atm" | "check" | "fee" | "none";

export interface NormalizedMerchant {
  /** Display name for people ("McDonald's"), or null when the line names no counterparty. */
  name: string | null;
  /** Lowercase words without numbers or noise: the key memory and models use ("mcdonalds"). */
  key: string;
  /** A coarser key (the brand, else the first significant word) that groups branches of a chain. */
  brandKey: string;
  kind: MerchantKind;
  /** Payment processor or wallet the payment went through ("Square", "PayPal"), when named. */
  processor: string | null;
  /** True when the name came from the table of known brands. */
  knownBrand: boolean;
}

const brandIndex: Map<string, string> = new Map();
const brandWholeIndex: Map<string, string> = new Map();
for (const brand of BRANDS) {
  for (const spelling of brand.spellings) {
    if (spelling.startsWith("=")) brandWholeIndex.set(spelling.slice(1), brand.name);
    else brandIndex.set(spelling, brand.name);
  }
}

/** Lowercase letters and digits only: "Mc Donald's" → "mcdonalds". */
export function squash(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "");
}

/** A token that is a number, a reference or a date rather than a word of the name. */
function isNumberish(token: string): boolean {
  if (/^#/.test(token)) return true;
  const digits = token.replace(/[^0-9]/g, "").length;
  if (digits === 0) return false;
  if (/^\d+$/.test(token)) return true;
  if (/^\d{1,2}[/-]\d{1,2}([/-]\d{2,4})?$/.test(token)) return true; // dates
  if (/^\d{1,2}(:\d\d)?(AM|PM)$/.test(token)) return true; // times
  if (/^\d+(ST|ND|RD|TH)$/.test(token)) return false; // "42ND STREET"
  return digits >= 2 || /^[A-Z]\d+$/.test(token); // references like 1A2B3C, R123
}

/**
 * Normalizes a raw bank description. Pure and deterministic; safe to memoize by input text.
 * Order matters: line kind, processor split, prefixes, domains, numbers, locations, brand, casing.
 */
export function normalizeMerchant(raw: string): NormalizedMerchant {
  let text = raw
    .toUpperCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/\s+/g, " ")
    .trim();
  let processor: string | null = null;

  for (const [pattern, kind] of NON_MERCHANT) {
    if (pattern.test(text) && !/\*/.test(text)) return nonMerchant(text, kind);
  }

  // Person-to-person apps: "ZELLE TO JOHN DOE", "VENMO *PIZZA PLACE".
  for (const [prefix, app] of Object.entries(P2P)) {
    const m = new RegExp(`^${prefix}\\b\\s*\\*?\\s*(?:(?:PAYMENT )?(?:TO|FROM)\\b)?\\s*(.*)$`).exec(text);
    if (m) {
      const rest = stripTrailingNumbers(tokenize(m[1] ?? ""));
      const key = keyOf(rest);
      return {
        name: rest.length ? titleCase(rest) : null,
        key: key || squash(app),
        brandKey: key || squash(app),
        kind: "person",
        processor: app,
        knownBrand: false,
      };
    }
  }

  text = stripLeadingNoise(text);

  // "X*Y": a processor followed by the merchant, or a merchant followed by an order reference.
  const star = /^([^*]+?)\s*\*\s*(.*)$/.exec(text);
  if (star) {
    const head = (star[1] ?? "").trim();
    const tail = (star[2] ?? "").trim();
    const known = PROCESSORS[head.replace(/[^A-Z0-9]/g, "")];
    if (known && tail) {
      processor = known;
      text = stripLeadingNoise(tail.replace(/\*/g, " "));
    } else {
      text = head;
    }
  } else {
    // Processors written without a star: "PAYPAL BLUEPHOENIX", "SQ DOWNTOWN CAFE", "EB CAS DAY 3".
    const m = /^(PAYPAL|SQ|SQU|TST|SUMUP|IZETTLE|ZETTLE|EB)\s+(\S.*)$/.exec(text);
    if (m && m[2] && !/^\d/.test(m[2])) {
      processor = PROCESSORS[m[1] ?? ""] ?? null;
      text = m[2];
    }
  }

  let tokens = tokenize(text);
  const fromDomain = DOMAIN.test(tokens[0] ?? "") || /^WWW\./.test(tokens[0] ?? "");
  tokens = resolveDomains(tokens);
  tokens = dropReferences(tokens);
  tokens = dropLocation(tokens);
  tokens = dropGeneric(tokens);

  if (tokens.length === 0) {
    if (processor) {
      const key = squash(processor);
      return { name: processor, key, brandKey: key, kind: "merchant", processor, knownBrand: true };
    }
    return nonMerchant(text, "none");
  }

  const key = keyOf(tokens);
  // "APPLE.COM/BILL ONE": a name taken from a web address is the brand even with words after it.
  const brand = findBrand(tokens) ?? (fromDomain ? findBrand(tokens.slice(0, 1)) : null);
  const brandKey = brand ? squash(brand) : firstSignificant(tokens);
  return {
    name: brand ?? titleCase(tokens),
    key,
    brandKey,
    kind: "merchant",
    processor,
    knownBrand: brand !== null,
  };
}

function nonMerchant(text: string, kind: MerchantKind): NormalizedMerchant {
  const key = keyOf(stripTrailingNumbers(tokenize(text)).filter((t) => !isNumberish(t)));
  return { name: null, key, brandKey: key, kind, processor: null, knownBrand: false };
}

/** Splits into word tokens; "/" and "," separate, "'" "&" "." "-" stay inside words. */
function tokenize(text: string): string[] {
  return text
    .replace(/([A-Z])\+(?=\s|$)/g, "$1PLUS") // "DISNEY+" → "DISNEYPLUS", the brand's own spelling
    .replace(/#/g, " #")
    .replace(/[/,;:|()[\]{}"!?+]+/g, " ")
    .split(" ")
    .map((t) =>
      t.replace(/^[.'-]+|[.'-]+$/g, (m) => (m.includes(".") && /^[A-Z](\.[A-Z])+$/.test(t) ? m : "")),
    )
    .filter((t) => t.length > 0);
}

function stripLeadingNoise(text: string): string {
  let tokens = text.split(" ");
  let removed = false;
  for (;;) {
    const first = tokens[0];
    if (first === undefined || tokens.length < 2) break;
    const word = first.replace(/[^A-Z0-9]/g, "");
    if (word === "DIRECT" && tokens[1] === "DEBIT" && tokens.length > 2) {
      tokens = tokens.slice(2);
      removed = true;
      continue;
    }
    if (
      LEADING_NOISE.has(word) &&
      !(LEADING_NOISE_NEEDS_MORE.has(word) && !/[A-Z]/.test(tokens.slice(1).join("")))
    ) {
      if (word === "BP" && !/^\d/.test(tokens[1] ?? "")) break; // "BP SNAX" is BP, not "bill payment"
      tokens = tokens.slice(1);
      removed = true;
      continue;
    }
    // Dates and card digits right after a bank prefix: "POS DEBIT 0412 ...".
    if (removed && isNumberish(first) && tokens.length > 1) {
      tokens = tokens.slice(1);
      continue;
    }
    break;
  }
  return tokens.join(" ");
}

/** "NETFLIX.COM" → "NETFLIX"; "HELP.UBER.COM" after a name → dropped (a support address). */
function resolveDomains(tokens: string[]): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    if (DOMAIN.test(token) || /^WWW\./.test(token)) {
      if (out.length === 0) {
        const label = token
          .replace(/^WWW\./, "")
          .replace(/\/.*$/, "")
          .split(".")[0];
        if (label) out.push(label);
      }
      continue;
    }
    if (token === "WWW") continue;
    out.push(token);
  }
  return out;
}

/** Drops store numbers, references, dates and times, and "STORE #123"-style labels with them. */
function dropReferences(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    if (
      /^(STORE|STR|NO|NUM|UNIT|LOC|REF|ID|TERMINAL|TERM)\.?$/.test(token) &&
      next !== undefined &&
      isNumberish(next)
    ) {
      i++;
      continue;
    }
    // A short number opening a name stays ("24 HOUR FITNESS", "7-ELEVEN"); other numbers go.
    const opensName =
      out.length === 0 && next !== undefined && /^[A-Z]/.test(next) && /^\d{1,3}$/.test(token);
    if (isNumberish(token) && !opensName && !(out.length === 0 && /^\d+-[A-Z]/.test(token))) continue;
    out.push(token.replace(/#\d*$/, "")); // "BP#1234567" → "BP"
  }
  return out.filter((t) => t.length > 0);
}

function stripTrailingNumbers(tokens: string[]): string[] {
  return tokens.filter((t) => !isNumberish(t));
}

/** Drops a trailing US state (and the city before it) or a trailing big-city name. */
function dropLocation(tokens: string[]): string[] {
  let out = tokens.slice();
  const last = out[out.length - 1];
  let hadState = false;
  if (out.length >= 2 && last !== undefined && US_STATES.has(last)) {
    out = out.slice(0, -1);
    hadState = true;
  }
  for (const n of [2, 1]) {
    if (out.length > n && CITIES.has(out.slice(-n).join(" "))) return out.slice(0, -n);
  }
  // After a state the word before it is usually the city; keep at least one name word.
  if (hadState && (out.length >= 3 || (out.length === 2 && !findBrand(out)))) out = out.slice(0, -1);
  return out;
}

function dropGeneric(tokens: string[]): string[] {
  let out = tokens.slice();
  while (out.length > 1 && GENERIC_TAIL.has(out[out.length - 1]!.replace(/\./g, ""))) out = out.slice(0, -1);
  // "COSTCO WHSE", "SPOTIFY USA INC": generic words inside a two-to-three word name go too.
  if (out.length > 1) {
    const kept = out.filter((t, i) => i === 0 || !GENERIC_TAIL.has(t.replace(/\./g, "")));
    if (kept.length >= 1) out = kept;
  }
  return out;
}

function keyOf(tokens: readonly string[]): string {
  return tokens
    .map((t) => squash(t))
    .filter((t) => t.length > 0)
    .join(" ");
}

function firstSignificant(tokens: readonly string[]): string {
  const words = tokens.map(squash).filter((t) => t.length > 0);
  const skip = new Set(["the", "www", "a", "st", "mr", "mrs", "dr"]);
  const first = words.find((w) => !skip.has(w)) ?? words[0] ?? "";
  if (first.length <= 2 && words.length > 1) return words.slice(0, 2).join(" ");
  return first;
}

/** Known-brand display name for the first words of a merchant, longest match first. */
function findBrand(tokens: readonly string[]): string | null {
  const words = tokens.map(squash).filter((t) => t.length > 0);
  const whole = words.join("");
  const wholeHit = brandWholeIndex.get(whole) ?? brandIndex.get(whole);
  if (wholeHit) return wholeHit;
  for (let n = Math.min(3, words.length); n >= 1; n--) {
    const hit = brandIndex.get(words.slice(0, n).join(""));
    if (hit) return hit;
  }
  return null;
}
