// `closebook close` end to end: the real command on a temp data dir after a journal import — the
// status contract (JSON), a first month closed (its period locked, its package made), a month with
// a blocker refused (exit 2, the blocker listed) then closed with --override, and months closed out
// of order refused. Needs `npm run build:cli`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(fileURLToPath(new URL(".", import.meta.url)), "../../..");
let dataDir: string;

const JOURNAL = `
2026-01-02 Opening
    assets:bank:checking     $5,000.00
    equity:opening

2026-02-15 Design work
    assets:bank:checking     $1,200.60
    income:services
`;

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

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "closebook-close-"));
  const journal = path.join(dataDir, "books.journal");
  fs.writeFileSync(journal, JOURNAL);
  expect(closebook("ledger", "import", journal, "--client", "acme").status).toBe(0);
}, 180_000);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe("closebook close", () => {
  it("prints a month's status, due dates and blockers as JSON", () => {
    const r = closebook("close", "status", "--client", "acme", "--month", "2026-02", "--format", "json");
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      client: "acme",
      month: "2026-02",
      status: "not_started",
      dueDate: "2026-03-05",
      informationDueDate: "2026-02-25",
      blockers: [],
    });
  }, 60_000);

  it("closes a month with no blockers and locks its period", () => {
    const r = closebook("close", "--client", "acme", "--month", "2026-02");
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ month: "2026-02", status: "closed", blockers: [] });
    const again = closebook("close", "--client", "acme", "--month", "2026-02");
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("already closed");
  }, 120_000);

  it("refuses a month with blockers (exit 2, listed), then closes it with --override", () => {
    const add = closebook(
      "bank-accounts",
      "add",
      "--client",
      "acme",
      "--name",
      "Checking",
      "--ledger-account",
      "assets:bank:checking",
      "--currency",
      "USD",
    );
    expect(add.status, add.stderr).toBe(0);
    const refused = closebook("close", "--client", "acme", "--month", "2026-03");
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("unreconciled_accounts");
    const printed = JSON.parse(refused.stdout);
    expect(printed.status).toBe("not_started");
    expect(printed.blockers).toEqual([
      {
        kind: "unreconciled_accounts",
        count: 1,
        detail: "1 bank account not reconciled through 2026-03-31: Checking",
      },
    ]);
    const out = closebook(
      "close",
      "--client",
      "acme",
      "--month",
      "2026-03",
      "--override",
      "statement comes late",
    );
    expect(out.status, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout).status).toBe("closed");
  }, 180_000);

  it("refuses a month whose previous month is open", () => {
    const r = closebook("close", "--client", "acme", "--month", "2026-05", "--override", "x");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("2026-04 is not closed yet");
    const bad = closebook("close", "status", "--client", "acme", "--month", "2026-13");
    expect(bad.status).toBe(2);
  }, 120_000);
});
