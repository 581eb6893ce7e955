// Every fixture of our own, as `closebook parse` reads it: the files real banks write are read (at least one
// line each, every amount a plain decimal, every date real), and the broken ones are refused in their own format.
import { describe, expect, it } from "vitest";
import { fixture, fixtureNames } from "../../../../test/support/statement-fixtures.ts";
import { detectFormat, FORMAT_NAMES, readStatementFile, StatementParseError } from "./index.ts";

const names = fixtureNames();
const accepted = names.filter((n) => !n.startsWith("refused-"));
const refused = names.filter((n) => n.startsWith("refused-"));

describe("the statement fixtures", () => {
  it("cover every class of file", () => {
    expect(accepted.length).toBeGreaterThanOrEqual(18);
    expect(refused.length).toBeGreaterThanOrEqual(4);
  });

  it("include a file of every format the parser reads, so a clone without ../shared tests them all", async () => {
    const files = await Promise.all(accepted.map((n) => readStatementFile(fixture(n), { fileName: n })));
    const formats = new Set(files.map((f) => f.format));
    expect([...formats].sort()).toEqual([...FORMAT_NAMES].sort());
  });

  it.each(accepted)("reads %s", async (name) => {
    const file = await readStatementFile(fixture(name), { fileName: name });
    const lines = file.statements.flatMap((s) => s.transactions);
    expect(lines.length).toBeGreaterThan(0);
    for (const t of lines) {
      expect(t.amount).toMatch(/^-?\d+(\.\d+)?$/);
      expect(Number.isNaN(Date.parse(t.date))).toBe(false);
      expect(t.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it.each(refused)("refuses %s in the format it is, with a reason", async (name) => {
    const format = detectFormat(fixture(name), name);
    let error: unknown = null;
    try {
      await readStatementFile(fixture(name), { fileName: name });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StatementParseError);
    const type = (error as StatementParseError).type;
    expect(type.split("/")[0]).toBe(format.replace(/^camt\d+$/, "camt"));
    // A PDF has no lines of text to point at: its refusals name the page and row in their sentence.
    if (format === "pdf") expect((error as StatementParseError).detail).toMatch(/page \d+, row \d+/);
    else expect((error as StatementParseError).line).not.toBeNull();
  });
});
