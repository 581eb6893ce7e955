// `closebook vault rotate-key` on a temp data dir: the data keys are re-wrapped with the new key,
// the data dir's vault.key replaced, the entries still read; a bad key file is refused unchanged.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../platform/config.ts";
import { openRuntime } from "../../app/runtime.ts";
import { systemActor } from "../../platform/actor.ts";
import * as access from "../../modules/access/index.ts";
import * as vault from "../../modules/vault/index.ts";
import type { CommandIo } from "../io.ts";
import { run } from "./vault.ts";

let dataDir: string;
const out: string[] = [];
const config = () => loadConfig({ CLOSEBOOK_DATA_DIR: dataDir, LOG_LEVEL: "silent" });
const io = (): CommandIo => ({
  stdout: (text) => void out.push(text),
  stderr: (text) => void out.push(text),
  stderrIsTTY: false,
  cwd: dataDir,
  openRuntime: (command) => openRuntime(config(), { command }),
});

async function usernames(): Promise<string[]> {
  const runtime = await openRuntime(config());
  try {
    const master = vault.loadMasterKey({ vaultMasterKey: undefined, dataDir });
    await vault.checkMasterKey(runtime.ctx, master);
    const firm = await access.defaultFirm(runtime.ctx.db);
    const entries = await vault.listEntries({ ...runtime.ctx, master }, systemActor(firm.id), "rotate-co");
    return entries.map((e) => e.username);
  } finally {
    await runtime.close();
  }
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "closebook-vault-cli-"));
  const runtime = await openRuntime(config());
  try {
    const firm = await access.createFirm(runtime.ctx.db, { slug: "rotate-firm", name: "Rotate" });
    const actor = systemActor(firm.id);
    await access.createClient(runtime.ctx.db, actor, { slug: "rotate-co", name: "Rotate Co" });
    const master = vault.loadMasterKey({ vaultMasterKey: undefined, dataDir });
    await vault.checkMasterKey(runtime.ctx, master);
    await vault.createEntry({ ...runtime.ctx, master }, actor, "rotate-co", {
      site: "Bank",
      username: "rotating@example.test",
      password: "rotate-me-please",
    });
  } finally {
    await runtime.close();
  }
}, 900_000);
afterAll(() => {
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("closebook vault rotate-key", () => {
  it("refuses a key file that is not 32 bytes of base64, changing nothing", async () => {
    const before = fs.readFileSync(path.join(dataDir, vault.VAULT_KEY_FILE), "utf8");
    fs.writeFileSync(path.join(dataDir, "short.key"), "c2hvcnQ=\n");
    await expect(run(["rotate-key", "--new-key-file", "short.key"], io())).rejects.toThrow(/32 bytes/);
    expect(fs.readFileSync(path.join(dataDir, vault.VAULT_KEY_FILE), "utf8")).toBe(before);
  });

  it("re-wraps the keys with the new one, which replaces vault.key; the entries still read", async () => {
    const next = Buffer.alloc(32, 5).toString("base64");
    fs.writeFileSync(path.join(dataDir, "new.key"), `${next}\n`);
    expect(await run(["rotate-key", "--new-key-file", "new.key"], io())).toBe(0);
    expect(out.join("")).toMatch(/Re-wrapped 1 client vault key/);
    expect(fs.readFileSync(path.join(dataDir, vault.VAULT_KEY_FILE), "utf8").trim()).toBe(next);
    expect(await usernames()).toEqual(["rotating@example.test"]);
  }, 900_000);
});
