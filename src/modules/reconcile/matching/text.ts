// Text evidence for matching: bank descriptions and bookkeeping descriptions name the same party in
// different words ("POS DEBIT 0412 ACME CORP #554" against "Acme"), so both become bags of
// significant words and are compared by overlap, forgiving abbreviations and joined words.

// Words that say how money moved rather than who with; they appear on both sides of unrelated lines.
const NOISE = new Set(
  (
    "pos debit credit card purchase payment pmt paymt ach online web recurring transfer xfer trf " +
    "deposit dep withdrawal wd check chk cheque from to the and of for by at on in inc llc ltd corp " +
    "co company bill ref id visa mastercard dda ppd ccd web des indn txn trans transaction direct " +
    "dd pay paid received receipt sale sales fee fees"
  ).split(" "),
);

/** Significant lowercase words of a text: no numbers, references or transfer vocabulary. */
export function significantWords(text: string): string[] {
  const words: string[] = [];
  for (const raw of text.toLowerCase().match(/[a-z0-9&']+/g) ?? []) {
    const word = raw.includes("'") ? raw.replace(/'/g, "") : raw;
    if (word.length < 2 || NOISE.has(word) || /\d/.test(word)) continue;
    if (!words.includes(word)) words.push(word);
  }
  return words;
}

function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 3 && long.startsWith(short);
}

/**
 * 0..1: the share of the shorter list's words found in the other (a word matches its prefix of
 * three letters or more, "amzn" aside), or 1 when one text's letters run inside the other's
 * ("mc donalds" in "mcdonalds").
 */
export function wordSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let found = 0;
  for (const w of short) {
    for (const v of long) {
      if (sameWord(w, v)) {
        found++;
        break;
      }
    }
  }
  if (found === short.length) return 1;
  const joinedShort = short.join("");
  if (joinedShort.length >= 4 && long.join("").includes(joinedShort)) return 1;
  return found / short.length;
}

const CHECK_IN_TEXT = /\b(?:check|chk|cheque|ck)\s*(?:no\.?|number|#)?\s*#?\s*0*(\d{1,10})\b/i;

/** A check number without leading zeros, from the field or else from the text ("CHECK # 001043"). */
export function checkNumberOf(
  field: string | null | undefined,
  ...texts: (string | null | undefined)[]
): string | null {
  const explicit = field?.trim().replace(/^0+(?=\d)/, "");
  if (explicit) return explicit;
  for (const text of texts) {
    const m = text ? CHECK_IN_TEXT.exec(text) : null;
    if (m) return m[1]!;
  }
  return null;
}
