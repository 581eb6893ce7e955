// `closebook report package` end to end: the real command on a temp data dir after a journal import —
// a PDF (cover, contents, net income in whole dollars) and an XLSX written, each run a new stored
// version (JSON on stdout), and bad input (exit 2, nothing stored).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfText } from "../../../test/support/pdf-text.ts";

const ROOT = path.resolve(fileURLToPath(new URL(".", import.meta.url)), "../../..");
let dataDir: string;

const JOURNAL = `
2026-01-02 Opening
    assets:bank:checking     $5,000.00
    equity:opening

2026-02-15 Design work
    assets:bank:checking     $1,200.60
    income:services

2026-02-20 Hosting
    expenses:hosting            $90.45
    assets:bank:checking
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
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "closebook-cli-package-"));
  fs.writeFileSync(path.join(dataDir, "books.journal"), JOURNAL);
  const imported = closebook("ledger", "import", path.join(dataDir, "books.journal"), "--client", "studio");
  expect(imported.status).toBe(0);
}, 240_000);
afterAll(() => {
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("closebook report package", () => {
  it("writes the PDF and XLSX of a new stored version, and a second run makes version 2", async () => {
    const pdf = path.join(dataDir, "feb.pdf");
    const xlsx = path.join(dataDir, "feb.xlsx");
    const r = closebook(
      "report",
      "package",
      "--client",
      "studio",
      "--month",
      "2026-02",
      "--output",
      pdf,
      "--xlsx",
      xlsx,
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ client: "studio", month: "2026-02", version: 1, pdf, xlsx });
    const text = await pdfText(fs.readFileSync(pdf));
    for (const s of [
      "Monthly report package",
      "February 2026",
      "Contents",
      "Profit and loss",
      "Balance sheet",
    ])
      expect(text).toContain(s);
    // 1,200.60 − 90.45 = 1,110.15 → 1,110: whole dollars.
    expect(text).toMatch(/Net income\s+1,110\b/);
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe("PK");
    const again = closebook("report", "package", "--client", "studio", "--month", "2026-02", "--output", pdf);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ version: 2, xlsx: null });
  });

  it("refuses bad input with exit 2 and stores nothing", () => {
    const out = path.join(dataDir, "bad.pdf");
    for (const args of [
      ["--client", "studio", "--month", "2026-13", "--output", out],
      ["--client", "studio", "--month", "Feb", "--output", out],
      ["--client", "studio", "--output", out],
      ["--client", "studio", "--month", "2026-02"],
      ["--client", "nobody", "--month", "2026-02", "--output", out],
      ["--client", "studio", "--month", "2026-02", "--output", out, "--bogus"],
    ]) {
      const r = closebook("report", "package", ...args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/month|required|client|bogus/i);
    }
    expect(fs.existsSync(out)).toBe(false);
    const month = closebook("report", "package", "--client", "studio", "--month", "2026-13", "--output", out);
    expect(month.stderr).toContain('"2026-13" is not a month (expected YYYY-MM');
    const third = closebook("report", "package", "--client", "studio", "--month", "2026-02", "--output", out);
    expect(JSON.parse(third.stdout).version).toBe(3);
  });
});
