// `closebook ledger import` end to end on a temp data dir: a journal with includes into a new
// client, the same journal again (skipped, not doubled), --allow-duplicates, and a refused journal
// that leaves no empty client behind.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../platform/config.ts";
import { openRuntime } from "../../app/runtime.ts";
import { systemActor } from "../../platform/actor.ts";
import * as access from "../../modules/access/index.ts";

const ROOT = path.resolve(fileURLToPath(new URL(".", import.meta.url)), "../../..");
const MAIN = path.join(ROOT, "src/modules/ledger/journal-corpus/includes/main.journal");
let dataDir: string;

function closebook(...args: string[]) {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const r = spawnSync("./bin/closebook", args, {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...env, CLOSEBOOK_DATA_DIR: dataDir, LOG_LEVEL: "silent" },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function clients(): Promise<string[]> {
  const runtime = await openRuntime(loadConfig({ CLOSEBOOK_DATA_DIR: dataDir, LOG_LEVEL: "silent" }));
  try {
    const firm = await access.defaultFirm(runtime.ctx.db);
    return (await access.listClients(runtime.ctx.db, systemActor(firm.id))).map((c) => c.slug).sort();
  } finally {
    await runtime.close();
  }
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "closebook-cli-ledger-"));
  const runtime = await openRuntime(loadConfig({ CLOSEBOOK_DATA_DIR: dataDir, LOG_LEVEL: "silent" }));
  try {
    await access.createFirm(runtime.ctx.db, { slug: "cli-firm", name: "CLI Firm" });
  } finally {
    await runtime.close();
  }
}, 120_000);
afterAll(() => {
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("closebook ledger import", () => {
  it("imports a journal with its includes into a new client, and again skips it all", () => {
    const first = closebook("ledger", "import", MAIN, "--client", "bluebird");
    expect(first.stderr).toBe("");
    expect(first).toMatchObject({ status: 0 });
    expect(first.stdout).toMatch(/^imported 7 transactions into bluebird \(new client, home currency \$\)/);

    const again = closebook("ledger", "import", MAIN, "--client", "bluebird");
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^imported 0 transactions into bluebird /);
    expect(again.stdout).toContain(
      "skipped 7 transactions already imported into bluebird (use --allow-duplicates",
    );

    const forced = closebook("ledger", "import", MAIN, "--client", "bluebird", "--allow-duplicates");
    expect(forced.stdout).toMatch(/^imported 7 transactions into bluebird /);
  }, 240_000);

  it("refuses a journal that the ledger cannot hold and leaves no empty client behind", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "closebook-cli-bad-"));
    const file = path.join(dir, "tiny.journal");
    fs.writeFileSync(file, "2024-01-01 dust\n    assets:cash    0.0000000000001 BTC\n    income\n");
    const r = closebook("ledger", "import", file, "--client", "never-made");
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("13 decimal places");
    expect(await clients()).toEqual(["bluebird"]);
  }, 240_000);
});
