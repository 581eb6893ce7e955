// `closebook vault rotate-key --new-key-file FILE`: re-wraps every client's vault data key with a
// new master key (all or nothing; no entry is touched; audited per firm) and stores its check
// value. The current key is the configured one (VAULT_MASTER_KEY, else the data dir's vault.key).
// With the key file in use, the new key replaces it; with VAULT_MASTER_KEY, the operator sets the
// new value before the next start (a server started with the old one refuses, naming the setting).
import fs from "node:fs";
import { parse, required } from "../args.ts";
import { CliUsageError } from "../cli-errors.ts";
import { fileOf, processIo, type CommandIo } from "../io.ts";
import * as vault from "../../modules/vault/index.ts";

const USAGE =
  "closebook vault rotate-key --new-key-file FILE (32 random bytes, base64: openssl rand -base64 32)";

export async function run(argv: string[], io: CommandIo = processIo()): Promise<number> {
  const { values, positionals } = parse(argv, { "new-key-file": { type: "string" } }, USAGE);
  if (positionals[0] !== "rotate-key") throw new CliUsageError(`usage: ${USAGE}`);
  const file = fileOf(io, required(values["new-key-file"], "--new-key-file", USAGE));
  if (!fs.existsSync(file)) throw new CliUsageError(`no such file: ${file}`);
  let next: Buffer;
  try {
    next = vault.parseMasterKey(fs.readFileSync(file, "utf8"), `--new-key-file ${file}`);
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  const runtime = await io.openRuntime("vault rotate-key");
  try {
    const { config } = runtime;
    const current = vault.loadMasterKey({ vaultMasterKey: config.vaultMasterKey, dataDir: config.dataDir });
    if (current.key.equals(next)) throw new CliUsageError("the new key is the current one: make a new key");
    const count = await vault.rotateMasterKey(runtime.ctx, current, next);
    io.stdout(`Re-wrapped ${count} client vault key(s) with the new master key; no entry was touched.\n`);
    if (config.vaultMasterKey) {
      io.stdout(
        "Set VAULT_MASTER_KEY to the new key before the next start (a server started with the old one refuses).\n",
      );
    } else {
      io.stdout(
        `The new key replaces ${vault.replaceKeyFile(config.dataDir, next)}; keep a copy somewhere safe.\n`,
      );
    }
    return 0;
  } finally {
    await runtime.close();
  }
}
