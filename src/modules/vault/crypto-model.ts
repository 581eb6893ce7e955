// The vault's envelope encryption, pure: a random 256-bit data key per client, wrapped by the master
// key (AES-256-GCM, the client id as additional data, so a wrapped key cannot be moved to another
// client), and each entry's fields sealed by the data key (AES-256-GCM, the entry id and the field
// as additional data, so a sealed value cannot be moved to another entry or field). A key check
// value tells whether a master key is the one the keys were wrapped with. Anything that fails to
// authenticate is refused with a VaultCryptoError — never returned as garbage.
import crypto from "node:crypto";

export const KEY_BYTES = 32;
const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type VaultCryptoFailure =
  | "bad-master-key" // not 32 bytes of base64
  | "wrapped-key-unreadable" // tampered, or wrapped by another master key or for another client
  | "sealed-unreadable"; // tampered, or sealed for another entry or field, or with another data key

export class VaultCryptoError extends Error {
  constructor(
    readonly reason: VaultCryptoFailure,
    message: string,
  ) {
    super(message);
    this.name = "VaultCryptoError";
  }
}

/** The sealed fields of an entry: what is shown on the card, and what only a reveal gives. */
export type SealedField = "username" | "secret";

/** Parses a master key given as base64 (VAULT_MASTER_KEY, a key file). */
export function parseMasterKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  const key = /^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed) ? Buffer.from(trimmed, "base64") : Buffer.alloc(0);
  if (key.length !== KEY_BYTES)
    throw new VaultCryptoError(
      "bad-master-key",
      `${source} must be ${KEY_BYTES} bytes, base64-encoded (openssl rand -base64 32)`,
    );
  return key;
}

export function newDataKey(): Buffer {
  return crypto.randomBytes(KEY_BYTES);
}

function encrypt(key: Buffer, plain: Buffer, aad: string): string {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

/** The plain bytes, or null when the value is malformed or does not authenticate. */
function decrypt(key: Buffer, sealed: string, aad: string): Buffer | null {
  const [version, data, extra] = sealed.split(":");
  if (version !== VERSION || !data || extra !== undefined || !/^[A-Za-z0-9_-]+$/.test(data)) return null;
  const raw = Buffer.from(data, "base64url");
  if (raw.length < IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(aad, "utf8"));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    return null;
  }
}

const keyAad = (clientId: string) => `closebook-vault:key:${clientId}`;
const fieldAad = (entryId: string, field: SealedField) => `closebook-vault:entry:${entryId}:${field}`;

export function wrapDataKey(master: Buffer, clientId: string, dataKey: Buffer): string {
  return encrypt(master, dataKey, keyAad(clientId));
}

export function unwrapDataKey(master: Buffer, clientId: string, wrapped: string): Buffer {
  const key = decrypt(master, wrapped, keyAad(clientId));
  if (!key || key.length !== KEY_BYTES)
    throw new VaultCryptoError(
      "wrapped-key-unreadable",
      "the client's vault key cannot be unwrapped: it was altered, or wrapped by another master key",
    );
  return key;
}

export function sealField(dataKey: Buffer, entryId: string, field: SealedField, value: string): string {
  return encrypt(dataKey, Buffer.from(value, "utf8"), fieldAad(entryId, field));
}

export function openField(dataKey: Buffer, entryId: string, field: SealedField, sealed: string): string {
  const plain = decrypt(dataKey, sealed, fieldAad(entryId, field));
  if (!plain)
    throw new VaultCryptoError(
      "sealed-unreadable",
      `the entry's ${field} cannot be decrypted: its stored data was altered or belongs to another entry`,
    );
  return plain.toString("utf8");
}

/** The secret part of an entry, sealed as one value. */
export interface EntrySecret {
  password: string;
  notes: string;
}

export function sealSecret(dataKey: Buffer, entryId: string, secret: EntrySecret): string {
  return sealField(dataKey, entryId, "secret", JSON.stringify(secret));
}

export function openSecret(dataKey: Buffer, entryId: string, sealed: string): EntrySecret {
  const parsed = JSON.parse(openField(dataKey, entryId, "secret", sealed)) as Partial<EntrySecret>;
  return { password: String(parsed.password ?? ""), notes: String(parsed.notes ?? "") };
}

/** A value that identifies a master key without revealing it (HMAC of a fixed label). */
export function keyCheckValue(master: Buffer): string {
  return crypto.createHmac("sha256", master).update("closebook-vault:key-check").digest("base64url");
}

export function matchesKeyCheck(master: Buffer, stored: string): boolean {
  const a = Buffer.from(keyCheckValue(master));
  const b = Buffer.from(stored);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
