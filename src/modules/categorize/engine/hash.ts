// 32-bit string hashing for the hashing trick: features become array indices without a vocabulary.
// FNV-1a over UTF-16 code units, finished with a murmur-style mix so low bits are well spread.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Mixes the bits of a 32-bit value (murmur3 finaliser); makes `h & mask` usable as a bucket. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Starts a hash in a namespace, so "client=abc" and "word=abc" land in different buckets. */
export function seedHash(namespace: number): number {
  return Math.imul(FNV_OFFSET ^ namespace, FNV_PRIME) >>> 0;
}

/** Feeds one code unit into a running FNV-1a hash. */
export function stepHash(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME);
}

/** Hash of a whole string in a namespace. */
export function hashString(text: string, namespace = 0): number {
  let h = seedHash(namespace);
  for (let i = 0; i < text.length; i++) h = stepHash(h, text.charCodeAt(i));
  return mix32(h);
}

/** Combines two hashes (for crossed features such as client × word). */
export function combineHash(a: number, b: number): number {
  return mix32(Math.imul(a ^ 0x9e3779b9, FNV_PRIME) ^ b);
}
