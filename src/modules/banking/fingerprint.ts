// What makes a bank line "the same line" when a statement is imported again: the bank's transaction
// id when it gives one, otherwise a fingerprint of (date, amount, normalized description) — each
// numbered by its occurrence within the statement, so two genuine identical coffees stay two lines.
import crypto from "node:crypto";

const ASCII = /^[\x20-\x7e]*$/;

/** Description text compared across files: Unicode-normalized, lower case, single spaces. */
export function normalizeDescription(text: string): string {
  // Most bank text is plain ASCII, which Unicode normalization leaves as it is (and it is the slow part).
  const folded = ASCII.test(text) ? text : text.normalize("NFKC");
  return folded.toLowerCase().replace(/\s+/g, " ").trim();
}

/** 128 bits of SHA-256 over the line's date, amount (minor units) and normalized description, as hex. */
export function fingerprintOf(date: string, amount: bigint, description: string): string {
  return crypto
    .hash("sha256", `${date}\u001f${amount.toString()}\u001f${normalizeDescription(description)}`, "hex")
    .slice(0, 32);
}

export interface KeyInput {
  date: string;
  amount: bigint;
  description: string;
  /** The bank's own transaction id (OFX FITID, CAMT AcctSvcrRef, …), when the file has one. */
  bankTransactionId: string | null;
}

export interface LineKey {
  fingerprint: string;
  /** 1 for the first line with this fingerprint (or bank id) in the statement, 2 for the second, … */
  occurrence: number;
  /** Unique per bank account: "id:<bank id>#n" or "fp:<fingerprint>#n". */
  key: string;
}

/**
 * Keys the lines of one statement, in statement order. A bank id is trusted as the identity of a
 * line (scoped to the bank account by the caller); the occurrence number still guards the rare
 * bank that repeats an id within one statement, so even then nothing is dropped.
 */
export function keyLines(lines: readonly KeyInput[]): LineKey[] {
  const seen = new Map<string, number>();
  return lines.map((line) => {
    const fingerprint = fingerprintOf(line.date, line.amount, line.description);
    const id = line.bankTransactionId?.trim();
    const base = id ? `id:${id}` : `fp:${fingerprint}`;
    const occurrence = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrence);
    return { fingerprint, occurrence, key: `${base}#${occurrence}` };
  });
}
