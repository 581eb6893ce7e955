// Secrets at rest and keyed hashes, from one server key. Encrypts what must be read back (TOTP
// secrets, SSO client secrets) with AES-256-GCM, and hashes what must only be compared (one-time
// codes, recovery codes, session and API tokens) with HMAC-SHA-256, so a copy of the database alone
// reveals none of them and cannot be brute-forced offline.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export interface Secrets {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** A keyed hash of `value`; `purpose` separates uses so one kind of token never matches another. */
  hash(purpose: string, value: string): string;
}

const VERSION = "v1";

export function createSecrets(key: Buffer): Secrets {
  if (key.length !== 32) throw new Error("the secret key must be 32 bytes");
  const encKey = crypto.createHmac("sha256", key).update("closebook:encrypt").digest();
  const macKey = crypto.createHmac("sha256", key).update("closebook:hash").digest();
  return {
    encrypt(plain) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv("aes-256-gcm", encKey, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
    },
    decrypt(sealed) {
      const [version, data] = sealed.split(":");
      if (version !== VERSION || !data) throw new Error("unknown secret format");
      const raw = Buffer.from(data, "base64url");
      const decipher = crypto.createDecipheriv("aes-256-gcm", encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    },
    hash(purpose, value) {
      return crypto
        .createHmac("sha256", macKey)
        .update(purpose)
        .update("\0")
        .update(value)
        .digest("base64url");
    },
  };
}

/**
 * The server key: CLOSEBOOK_SECRET_KEY (base64 of 32 bytes) when set — required when several
 * servers share a database — else `secret.key` in the data dir, created on first start (0600).
 */
export function loadSecretKey(options: { secretKey: string | undefined; dataDir: string }): Buffer {
  if (options.secretKey) {
    const key = Buffer.from(options.secretKey, "base64");
    if (key.length !== 32)
      throw new Error("CLOSEBOOK_SECRET_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)");
    return key;
  }
  const file = path.join(options.dataDir, "secret.key");
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
  fs.mkdirSync(options.dataDir, { recursive: true });
  const key = crypto.randomBytes(32);
  try {
    fs.writeFileSync(file, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    return key;
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === "EEXIST")
      return Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
    throw error;
  }
}

/** A random token for URLs and cookies: 32 bytes, base64url (43 characters). */
export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString("base64url");
}

/** Constant-time comparison of two strings. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
