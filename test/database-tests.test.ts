// The suite's PostgreSQL phase runs only the test files scripts/lib/database-tests.mjs lists: a
// file that opens a database must never be left out of it, and pure-logic files are left out.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { describe, expect, it } from "vitest";

const listed = new Set(
  execFileSync("node", ["scripts/lib/database-tests.mjs"], { encoding: "utf8" }).split("\n"),
);

function testFilesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".test.ts"))
    .map((f) => `${dir}/${f}`)
    .filter((f) => !f.startsWith("test/e2e/"));
}

describe("the PostgreSQL phase's file list", () => {
  const all = [...testFilesUnder("src"), ...testFilesUnder("test")];

  it("holds every test file that opens a database, a server or the runtime", () => {
    const opensOne = /\btestDb\(|\btestServer\(|\bopenRuntime\(|\bcreateServer\(|DATABASE_URL/;
    // A CLI test that strips DATABASE_URL from the child's environment runs the CLI on PGlite.
    const users = all.filter((f) =>
      opensOne.test(fs.readFileSync(f, "utf8").replace(/DATABASE_URL: _\w*/g, "")),
    );
    expect(users.length).toBeGreaterThan(50);
    expect(users.filter((f) => !listed.has(f))).toEqual([]);
  });

  it("leaves out pure-logic files", () => {
    expect(listed.has("src/platform/money.test.ts")).toBe(false);
    expect(listed.has("src/modules/banking/formats/ofx.test.ts")).toBe(false);
    expect(listed.has("src/modules/work/routes.test.ts")).toBe(true);
    expect(listed.has("src/cli/commands/report.test.ts")).toBe(false); // the CLI on PGlite, always
    expect(all.length - listed.size).toBeGreaterThan(20);
  });
});
