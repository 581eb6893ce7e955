// Which bank transaction a read receipt is for: each candidate of the client is scored 0–1 on its
// amount (the receipt's total, exact or within the currency's rounding), its date (the day of the
// receipt to a few days after, as card payments settle) and how much its payee or description looks
// like the vendor; each score comes with its reasons. A match is confident — the receipt is
// attached without asking — only when the amount is exact, the total was read surely, the score is
// high and no other transaction comes close. Pure: values in, values out.
import { simplify } from "./reading/receipt-model.ts";

export interface ReceiptFacts {
  vendor: string | null;
  /** YYYY-MM-DD. */
  date: string | null;
  /** Minor units at `decimals`. */
  total: bigint | null;
  decimals: number;
  currency: string | null;
  totalConfidence: number;
}

export interface Candidate {
  id: string;
  /** YYYY-MM-DD. */
  date: string;
  /** Signed minor units at `scale` (money out negative). */
  amount: bigint;
  scale: number;
  currency: string;
  description: string;
  payee: string | null;
}

export interface Suggestion {
  transactionId: string;
  score: number;
  reasons: string[];
}

/** Days after the receipt's date a card payment may settle. */
export const SETTLE_DAYS = 5;
/** The score from which a match is confident (with an exact amount and a sure total). */
export const CONFIDENT = 0.8;
/** How far ahead of the next candidate a confident match must be. */
export const MARGIN = 0.15;
/** Suggestions below this score are not shown. */
export const SUGGEST_FROM = 0.35;

const DAY = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

function atScale(minor: bigint, from: number, to: number): bigint {
  return to >= from ? minor * 10n ** BigInt(to - from) : minor / 10n ** BigInt(from - to);
}

const cutOff = (short: string, long: string) => short.length >= 3 && long.startsWith(short);

/** Words shared, as a share of the shorter name's words, with partial credit for a shared prefix. */
export function nameSimilarity(a: string, b: string): number {
  const noise = new Set([
    "the",
    "and",
    "of",
    "inc",
    "llc",
    "ltd",
    "co",
    "pos",
    "purchase",
    "card",
    "debit",
    "visa",
  ]);
  const words = (s: string) =>
    simplify(s)
      .split(" ")
      .filter((w) => w.length >= 2 && !noise.has(w) && !/^\d+$/.test(w));
  const x = words(a);
  const y = words(b);
  if (x.length === 0 || y.length === 0) return 0;
  let shared = 0;
  for (const w of x) {
    if (y.includes(w)) shared += 1;
    // Bank descriptions cut names short ("BLUE HARBOR COF"): a cut-off word, or a shared start of
    // four letters, counts half.
    else if (
      y.some(
        (v) =>
          cutOff(v, w) || cutOff(w, v) || (v.length >= 4 && w.length >= 4 && v.slice(0, 4) === w.slice(0, 4)),
      )
    )
      shared += 0.5;
  }
  const squashedA = x.join("");
  const squashedB = y.join("");
  if (squashedA.length >= 5 && squashedB.includes(squashedA)) return 1;
  return Math.min(1, shared / Math.min(x.length, y.length));
}

export function scoreCandidate(receipt: ReceiptFacts, c: Candidate): Suggestion {
  const reasons: string[] = [];
  let score = 0;
  if (receipt.total !== null && receipt.currency === c.currency) {
    const spent = c.amount < 0n ? -c.amount : c.amount;
    const scale = Math.max(c.scale, receipt.decimals);
    const a = atScale(spent, c.scale, scale);
    const b = atScale(receipt.total, receipt.decimals, scale);
    const rounding = 10n ** BigInt(Math.max(0, scale - receipt.decimals));
    const diff = a > b ? a - b : b - a;
    if (diff === 0n) {
      score += 0.5;
      reasons.push(c.amount < 0n ? "same amount" : "same amount, money in (a refund?)");
    } else if (diff <= rounding) {
      score += 0.4;
      reasons.push("same amount but for rounding");
    } else if (b > 0n && diff * 100n <= b * 20n && a > b) {
      // A tip added at the table: the charge is up to 20% above the receipt.
      score += 0.2;
      reasons.push("amount up to 20% more (a tip?)");
    }
  } else if (receipt.currency && receipt.currency !== c.currency)
    reasons.push(`receipt in ${receipt.currency}`);
  if (receipt.date) {
    const after = days(receipt.date, c.date);
    if (after >= 0 && after <= SETTLE_DAYS) {
      score += 0.3 * (1 - after / (2 * SETTLE_DAYS));
      reasons.push(after === 0 ? "same day" : `${after} day${after === 1 ? "" : "s"} after the receipt`);
    } else if (after < 0 && after >= -1) {
      score += 0.1;
      reasons.push("the day before the receipt");
    }
  }
  if (receipt.vendor) {
    const similarity = Math.max(
      nameSimilarity(receipt.vendor, c.description),
      nameSimilarity(receipt.vendor, c.payee ?? ""),
    );
    if (similarity > 0) {
      score += 0.2 * similarity;
      reasons.push(similarity >= 0.99 ? "vendor named" : "vendor looks alike");
    }
  }
  return { transactionId: c.id, score: Math.round(score * 1000) / 1000, reasons };
}

export interface MatchOutcome {
  /** Best first, at most five, none under SUGGEST_FROM. */
  suggestions: Suggestion[];
  /** The transaction to attach the receipt to without asking, if the match is confident. */
  confident: Suggestion | null;
}

export function matchReceipt(receipt: ReceiptFacts, candidates: readonly Candidate[]): MatchOutcome {
  const scored = candidates
    .map((c) => scoreCandidate(receipt, c))
    .filter((s) => s.score >= SUGGEST_FROM)
    .sort((a, b) => b.score - a.score || a.transactionId.localeCompare(b.transactionId));
  const [best, next] = scored;
  const confident =
    best &&
    best.score >= CONFIDENT &&
    best.reasons.includes("same amount") &&
    receipt.totalConfidence >= 0.8 &&
    (!next || best.score - next.score >= MARGIN)
      ? best
      : null;
  return { suggestions: scored.slice(0, 5), confident };
}

/** The window of transaction dates worth looking at for a receipt of this date. */
export function candidateWindow(date: string): { from: string; to: string } {
  const at = Date.parse(date);
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  return { from: iso(at - DAY), to: iso(at + SETTLE_DAYS * DAY) };
}
