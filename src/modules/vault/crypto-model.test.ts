// The envelope encryption: round trips, and every kind of tampering refused with a clear error.
import { describe, expect, it } from "vitest";
import {
  VaultCryptoError,
  keyCheckValue,
  matchesKeyCheck,
  newDataKey,
  openField,
  openSecret,
  parseMasterKey,
  sealField,
  sealSecret,
  unwrapDataKey,
  wrapDataKey,
} from "./crypto-model.ts";

const master = Buffer.alloc(32, 1);
const other = Buffer.alloc(32, 2);
const client = "11111111-1111-4111-8111-111111111111";
const entry = "22222222-2222-4222-8222-222222222222";
const entry2 = "33333333-3333-4333-8333-333333333333";

/** Flips one bit of the base64url body at `index` (counted from the start of the raw bytes). */
function flip(sealed: string, index: number): string {
  const [v, data] = sealed.split(":");
  const raw = Buffer.from(data!, "base64url");
  raw[index] = raw[index]! ^ 1;
  return `${v}:${raw.toString("base64url")}`;
}

function refusal(fn: () => unknown): VaultCryptoError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(VaultCryptoError);
    return error as VaultCryptoError;
  }
  throw new Error("expected a refusal");
}

describe("data keys wrapped by the master key", () => {
  it("round-trips a data key, with a fresh IV each time", () => {
    const key = newDataKey();
    const a = wrapDataKey(master, client, key);
    const b = wrapDataKey(master, client, key);
    expect(a).not.toBe(b);
    expect(unwrapDataKey(master, client, a).equals(key)).toBe(true);
  });

  it("refuses a wrapped key that is tampered, wrapped by another master key or for another client", () => {
    const wrapped = wrapDataKey(master, client, newDataKey());
    for (const bad of [
      () => unwrapDataKey(master, client, flip(wrapped, 0)), // IV
      () => unwrapDataKey(master, client, flip(wrapped, 13)), // tag
      () => unwrapDataKey(master, client, flip(wrapped, 40)), // body
      () => unwrapDataKey(other, client, wrapped),
      () => unwrapDataKey(master, entry, wrapped),
      () => unwrapDataKey(master, client, "v1:short"),
      () => unwrapDataKey(master, client, "garbage"),
      () => unwrapDataKey(master, client, ""),
    ])
      expect(refusal(bad).reason).toBe("wrapped-key-unreadable");
  });
});

describe("entry fields sealed by the data key", () => {
  const key = newDataKey();

  it("round-trips a username and the secret (password and notes), Unicode included", () => {
    const u = sealField(key, entry, "username", "ann@example.com");
    expect(openField(key, entry, "username", u)).toBe("ann@example.com");
    const s = sealSecret(key, entry, { password: "pässwörd 🔑", notes: "PIN 1234" });
    expect(openSecret(key, entry, s)).toEqual({ password: "pässwörd 🔑", notes: "PIN 1234" });
    expect(s).not.toContain("pässwörd");
  });

  it("refuses tampered ciphertext, tag or IV, another entry's id, another field, another key", () => {
    const s = sealSecret(key, entry, { password: "hunter2-long", notes: "" });
    const cases: Array<() => unknown> = [
      () => openSecret(key, entry, flip(s, 0)),
      () => openSecret(key, entry, flip(s, 12)),
      () => openSecret(key, entry, flip(s, 30)),
      () => openSecret(key, entry2, s), // the entry id is the additional data
      () => openField(key, entry, "username", s), // and so is the field
      () => openSecret(newDataKey(), entry, s),
      () => openSecret(key, entry, `${s}:extra`),
      () => openSecret(key, entry, s.replace("v1:", "v9:")),
    ];
    for (const bad of cases) {
      const e = refusal(bad);
      expect(e.reason).toBe("sealed-unreadable");
      expect(e.message).not.toContain("hunter2");
    }
  });
});

describe("master keys", () => {
  it("parses 32 bytes of base64 and names the setting otherwise", () => {
    expect(parseMasterKey(master.toString("base64"), "VAULT_MASTER_KEY").equals(master)).toBe(true);
    expect(parseMasterKey(`${master.toString("base64")}\n`, "x").equals(master)).toBe(true);
    for (const bad of ["", "abc", Buffer.alloc(16).toString("base64"), "not base64 at all!"])
      expect(() => parseMasterKey(bad, "VAULT_MASTER_KEY")).toThrow(/VAULT_MASTER_KEY must be 32 bytes/);
  });

  it("tells the right master key from another by its check value", () => {
    const kcv = keyCheckValue(master);
    expect(kcv).not.toContain(master.toString("base64"));
    expect(matchesKeyCheck(master, kcv)).toBe(true);
    expect(matchesKeyCheck(other, kcv)).toBe(false);
    expect(matchesKeyCheck(master, "")).toBe(false);
  });
});
