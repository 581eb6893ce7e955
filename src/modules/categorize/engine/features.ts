// Turns a bank line into hashed sparse features for the linear models (the hashing trick).
// Features are 32-bit hashes; each model masks them to its own table size.
import { combineHash, hashString, mix32, seedHash, stepHash } from "./hash.ts";
import { normalizeMerchant, type NormalizedMerchant } from "./normalize.ts";

/** The parts of a bank line the predictors look at. */
export interface FeatureInput {
  clientId: string;
  description: string;
  /** Signed minor units; only its sign and rough size are used (as features, never as money). */
  amount: bigint;
  bankAccountId?: string | undefined;
}

/** Feature namespaces: a word and a client with the same spelling must not collide. */
const NS = {
  bias: 1,
  key: 2,
  brand: 3,
  word: 4,
  bigram: 5,
  char: 6,
  client: 7,
  clientKey: 8,
  clientBrand: 9,
  clientWord: 10,
  amount: 11,
  brandAmount: 12,
  sign: 13,
  bank: 14,
  clientAmount: 15,
  round: 16,
} as const;

export interface FeatureOptions {
  /** Include the client and client × text crosses (firm-wide models); client models leave them out. */
  clientFeatures: boolean;
}

/** A reusable buffer of features (hash, value) so the hot path allocates nothing per line. */
export class FeatureBuffer {
  hashes: Int32Array;
  values: Float32Array;
  length = 0;
  /** The leading features that describe the line itself (words, character grams, amount; no
   *  client crosses): what a client's own model uses. */
  wordLength = 0;
  constructor(capacity = 512) {
    this.hashes = new Int32Array(capacity);
    this.values = new Float32Array(capacity);
  }
  push(hash: number, value: number): void {
    if (this.length === this.hashes.length) {
      const hashes = new Int32Array(this.length * 2);
      hashes.set(this.hashes);
      const values = new Float32Array(this.length * 2);
      values.set(this.values);
      this.hashes = hashes;
      this.values = values;
    }
    this.hashes[this.length] = hash;
    this.values[this.length] = value;
    this.length++;
  }
  /** Scales values so the whole vector has unit length: keeps the SGD step size independent of text length. */
  normalize(): void {
    let sum = 0;
    for (let i = 0; i < this.length; i++) sum += this.values[i]! * this.values[i]!;
    if (sum <= 0) return;
    const scale = 1 / Math.sqrt(sum);
    for (let i = 0; i < this.length; i++) this.values[i]! *= scale;
  }
}

const NORMALIZE_CACHE_LIMIT = 100_000;
const normalizeCache = new Map<string, NormalizedMerchant>();

/** Memoized normalizeMerchant: bank text repeats a lot, and normalization is the costliest step. */
export function normalized(description: string): NormalizedMerchant {
  let hit = normalizeCache.get(description);
  if (hit === undefined) {
    hit = normalizeMerchant(description);
    if (normalizeCache.size >= NORMALIZE_CACHE_LIMIT) normalizeCache.clear();
    normalizeCache.set(description, hit);
  }
  return hit;
}

/** Words of the raw description (lowercase, letters required), location words included. */
export function descriptionWords(description: string): string[] {
  const words = description.toLowerCase().split(/[^a-z0-9&]+/);
  const out: string[] = [];
  for (const w of words) if (w.length >= 2 && /[a-z]/.test(w)) out.push(w);
  return out.length > 16 ? out.slice(0, 16) : out;
}

/** Size bucket of an amount: half-steps of log2 of the major-unit magnitude. */
export function amountBucket(amount: bigint): number {
  const abs = amount < 0n ? -amount : amount;
  const major = Number(abs) / 100;
  return major < 1 ? 0 : 1 + Math.floor(2 * Math.log2(major));
}

/** Writes the features of one line into `out` (cleared first). */
export function extractFeatures(input: FeatureInput, options: FeatureOptions, out: FeatureBuffer): void {
  out.length = 0;
  const merchant = normalized(input.description);
  const words = descriptionWords(input.description);
  const key = merchant.key || words.join(" ");
  const keyHash = hashString(key, NS.key);
  const brandHash = hashString(merchant.brandKey || key, NS.brand);
  const bucket = amountBucket(input.amount);
  const negative = input.amount < 0n;

  out.push(hashString("", NS.bias), 1);
  out.push(keyHash, 1.5);
  out.push(brandHash, 1);
  const wordHashes: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const h = hashString(words[i]!, NS.word);
    wordHashes.push(h);
    out.push(h, 1);
    if (i > 0) out.push(combineHash(wordHashes[i - 1]!, hashString(words[i]!, NS.bigram)), 0.7);
  }
  const amountHash = combineHash(seedHash(NS.amount), bucket * 2 + (negative ? 1 : 0));
  out.push(amountHash, 0.7);
  out.push(combineHash(brandHash, amountHash), 0.7);
  out.push(hashString(negative ? "-" : "+", NS.sign), 0.5);
  const abs = input.amount < 0n ? -input.amount : input.amount;
  if (abs % 100n === 0n) out.push(hashString("whole", NS.round), 0.5);
  if (input.bankAccountId) out.push(hashString(input.bankAccountId, NS.bank), 0.7);
  addCharGrams(key, out);
  out.wordLength = out.length;

  if (options.clientFeatures) {
    const clientHash = hashString(input.clientId, NS.client);
    out.push(clientHash, 1);
    out.push(combineHash(clientHash, keyHash ^ NS.clientKey), 1.5);
    out.push(combineHash(clientHash, brandHash ^ NS.clientBrand), 1);
    out.push(combineHash(clientHash, amountHash ^ NS.clientAmount), 0.5);
    for (const h of wordHashes) out.push(combineHash(clientHash, h ^ NS.clientWord), 0.7);
  }
  out.normalize();
}

/** Character 4-grams of the merchant key with boundary marks: robust to truncation and typos.
 *  (3-grams as well added nothing measurable on held-out data and cost a third of the time.) */
function addCharGrams(key: string, out: FeatureBuffer): void {
  const text = `^${key}$`;
  const seed = seedHash(NS.char);
  for (let start = 0; start + 4 <= text.length; start++) {
    let h = seed;
    for (let k = 0; k < 4; k++) h = stepHash(h, text.charCodeAt(start + k));
    out.push(mix32(h) | 0, 0.4);
  }
}

/** The readable features of a line (merchant and its words) with the hashes they contribute,
 *  so explanations can say which words weighed most. */
export function namedFeatures(input: FeatureInput): Array<{ name: string; hashes: number[] }> {
  const merchant = normalized(input.description);
  const words = descriptionWords(input.description);
  const key = merchant.key || words.join(" ");
  const clientHash = hashString(input.clientId, NS.client);
  const keyHash = hashString(key, NS.key);
  const out: Array<{ name: string; hashes: number[] }> = [];
  const seen = new Set<string>();
  for (const word of words) {
    if (seen.has(word)) continue;
    seen.add(word);
    const h = hashString(word, NS.word);
    out.push({ name: word, hashes: [h, combineHash(clientHash, h ^ NS.clientWord)] });
  }
  if (key && !seen.has(key))
    out.push({ name: key, hashes: [keyHash, combineHash(clientHash, keyHash ^ NS.clientKey)] });
  return out;
}
