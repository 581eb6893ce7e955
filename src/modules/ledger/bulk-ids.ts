// Ids for a batch of rows written together (an import's entries): UUID version 7 like newId(),
// but drawn from one buffer of random bytes and counting up within the batch, so that a
// 100,000-entry import makes one call for randomness instead of 100,000, and its ids are in
// insertion order (new rows land at the right edge of the primary key indexes).
import crypto from "node:crypto";

/** Ids per millisecond of the timestamp: the batch counter takes 20 bits (12 of rand_a, 8 of rand_b). */
const PER_MS = 1 << 20;

export function newIds(count: number, now = Date.now()): string[] {
  const random = crypto.randomBytes(count * 7);
  const ids = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    const ms = now + Math.floor(i / PER_MS);
    const seq = i % PER_MS;
    const time = ms.toString(16).padStart(12, "0");
    // rand_a: the counter's high 12 bits; rand_b: the variant, the counter's low 8 bits, 54 random bits.
    const randA = (seq >>> 8).toString(16).padStart(3, "0");
    const o = i * 7;
    const group4 = (0x8000 | ((seq & 0xff) << 6) | (random[o]! & 0x3f)).toString(16);
    ids[i] =
      `${time.slice(0, 8)}-${time.slice(8, 12)}-7${randA}-${group4}-${random.toString("hex", o + 1, o + 7)}`;
  }
  return ids;
}
