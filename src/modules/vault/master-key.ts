// Where the vault's master key comes from: VAULT_MASTER_KEY (base64 of 32 bytes) when set —
// required when several servers share a database — else `vault.key` in the data dir, created on
// first start (0600), as the server key is (platform/secrets.ts).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseMasterKey } from "./crypto-model.ts";

export interface MasterKey {
  key: Buffer;
  /** The setting or file it came from, named when it is the wrong one. */
  source: string;
}

export const VAULT_KEY_FILE = "vault.key";

export function loadMasterKey(options: { vaultMasterKey: string | undefined; dataDir: string }): MasterKey {
  if (options.vaultMasterKey)
    return { key: parseMasterKey(options.vaultMasterKey, "VAULT_MASTER_KEY"), source: "VAULT_MASTER_KEY" };
  const file = path.join(options.dataDir, VAULT_KEY_FILE);
  const source = `the vault key file ${file} (or set VAULT_MASTER_KEY)`;
  if (fs.existsSync(file)) return { key: parseMasterKey(fs.readFileSync(file, "utf8"), source), source };
  fs.mkdirSync(options.dataDir, { recursive: true });
  const key = crypto.randomBytes(32);
  try {
    fs.writeFileSync(file, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    return { key, source };
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === "EEXIST")
      return { key: parseMasterKey(fs.readFileSync(file, "utf8"), source), source };
    throw error;
  }
}

/** Replaces the key file after a rotation (written beside it, then renamed: never half a key). */
export function replaceKeyFile(dataDir: string, key: Buffer): string {
  const file = path.join(dataDir, VAULT_KEY_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${key.toString("base64")}\n`, { mode: 0o600 });
  fs.renameSync(temp, file);
  return file;
}
