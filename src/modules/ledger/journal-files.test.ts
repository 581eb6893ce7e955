// Which files an `include` glob names, compared with the files hledger 1.25 reads for the same
// pattern (`hledger files`) on a folder made here: `*`, `?`, `[...]`, `**/`, dot files and folders.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readJournalFile } from "./journal-files.ts";
import { hledgerAvailable } from "./journal-text/testkit.ts";

let dir: string;
const FILES = [
  "a.j",
  "b1.j",
  "b2.j",
  ".hidden.j",
  "sub/c.j",
  "sub/deeper/d.j",
  "sub/.dot/e.j",
  ".dotdir/f.j",
];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cb-include-"));
  for (const f of FILES) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), "");
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The files our resolver gives for `include PATTERN` written in main.journal, relative to dir. */
function ours(pattern: string): string[] {
  const main = path.join(dir, "main.journal");
  fs.writeFileSync(main, `include ${pattern}\n`);
  return readJournalFile(main)
    .include(pattern, main)
    .map((s) => s.name);
}

function hledgers(pattern: string): string[] {
  const main = path.join(dir, "main.journal");
  fs.writeFileSync(main, `include ${pattern}\n`);
  const r = spawnSync("hledger", ["-f", main, "files"], { encoding: "utf8" });
  return r.stdout
    .trim()
    .split("\n")
    .slice(1)
    .map((f) => path.relative(dir, f));
}

const PATTERNS = [
  "b*.j",
  "b?.j",
  "b[12].j",
  "*.j",
  "*/*.j",
  "*/**.j",
  "**/*.j",
  "sub/**/*.j",
  "./sub/../a.j",
];

describe("include globs", () => {
  it.each(PATTERNS)("%s names the files hledger would include", (pattern) => {
    const found = ours(pattern);
    expect(found.length).toBeGreaterThan(0);
    expect(
      found.every((f) => !f.split(path.sep).some((part) => part.startsWith(".")) || f.includes(".dot")),
    ).toBe(true);
    if (hledgerAvailable()) expect(found).toEqual(hledgers(pattern));
  });

  it("leaves out dot files and dot folders unless named", () => {
    expect(ours("*.j")).toEqual(["a.j", "b1.j", "b2.j", "main.journal"].filter((f) => f.endsWith(".j")));
    expect(ours(".hidden.j")).toEqual([".hidden.j"]);
    // Only a dot folder right under where "**" starts is left out (hledger 1.25's Glob library).
    expect(ours("**/*.j")).not.toContain(path.join(".dotdir", "f.j"));
    expect(ours("**/*.j")).toContain(path.join("sub", ".dot", "e.j"));
    expect(ours("sub/**/*.j")).not.toContain(path.join("sub", ".dot", "e.j"));
  });

  it("refuses a pattern that matches nothing, a folder, and an unclosed class", () => {
    expect(() => ours("nothing*.j")).toThrow(/no existing files match/);
    expect(() => ours("sub")).toThrow(/is a folder/);
    expect(() => ours("[ab.j")).toThrow(/"\[" is not closed/);
  });
});
