// Row ids: UUID version 7 (time-ordered), so that new rows land at the end of their indexes.
import crypto from "node:crypto";

export function newId(): string {
  const bytes = crypto.randomBytes(16);
  const ms = BigInt(Date.now());
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// Ids for a batch of rows written together (an import's entries): UUID version 7 like newId(),
// but drawn from one buffer of random bytes and counting up within the batch, so that a
// 100,000-entry import makes one call for randomness instead of 100,000, and its ids are in
// insertion order (new rows land at the right edge of the primary key indexes).
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

// Ids composed in SQL: where a bulk insert numbers its rows itself (unnest … with ordinality), sending
// one prefix and letting the database append the position is cheaper than sending a list of ids.
/**
 * The first 28 characters of a UUID version 7 for one batch of rows (48 bits of time, 40 random
 * bits); the row's position in the batch (8 hex digits, appended in SQL) completes it, so a batch's
 * ids are time-ordered and consecutive, and new rows land at the end of the primary key index.
 * Used by banking's bank-line import; newIds() above serves inserts that send their ids.
 */
export function batchIdPrefix(): string {
  const time = Date.now().toString(16).padStart(12, "0");
  const r = crypto.randomBytes(5).toString("hex");
  const variant = (8 + (crypto.randomBytes(1)[0]! & 3)).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${r.slice(0, 3)}-${variant}${r.slice(3, 6)}-${r.slice(6, 10)}`;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
