// `include` through a resolver (in memory here: the parser does no I/O), and the other forms of
// hledger's and ledger's files: dates without a year, "(@)"/"(@@)" costs, "{...}" lot prices, text
// after a "P" price, "1," numbers.
import { describe, expect, it } from "vitest";
import { AppError } from "../../../platform/errors.ts";
import { LineError } from "./errors.ts";
import { parseJournal } from "./parse.ts";
import { trialBalanceOf } from "./trial-balance.ts";
import type { IncludeResolver, ParseOptions } from "./types.ts";

/** A folder of files in memory; globs are not needed here (journal-files.ts resolves them). */
function folder(files: Record<string, string>): ParseOptions {
  const include: IncludeResolver = (argument, from) => {
    const dir = from?.includes("/") ? from.slice(0, from.lastIndexOf("/") + 1) : "";
    const name = (dir + argument).replace(/[^/]+\/\.\.\//g, "");
    const text = files[name];
    if (text === undefined) throw new LineError("include-not-found", `no file ${name}`);
    return [{ name, path: name, id: name, text }];
  };
  return { fileName: "main.journal", filePath: "main.journal", fileId: "main.journal", include };
}

const failure = (text: string, options: ParseOptions): AppError => {
  try {
    parseJournal(text, options);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected a failure");
};

describe("include", () => {
  const files = {
    "accounts.journal": "account assets:bank  ; type: C\nalias bank = assets:bank\nY 2020\n",
    "sub/jan.journal": "1/31 January\n    bank    $10\n    income\n",
    "sub/bad.journal":
      "2024-01-01 ok\n    a    $1\n    b\n\n2024-01-02 unbalanced\n    a    $1\n    b    $2\n",
    "loop/a.journal": "include b.journal\n",
    "loop/b.journal": "include ../loop/a.journal\n",
  };

  it("reads an included file in place, with its parent's directives, whose own do not leak back", () => {
    const text =
      "Y 2024\ninclude sub/jan.journal\ninclude accounts.journal\n2/1 February\n    bank    $5\n    income\n";
    const p = parseJournal(text, folder(files));
    expect(p.entries.map((e) => [e.date, e.file, e.line])).toEqual([
      ["2024-01-31", "sub/jan.journal", 1],
      ["2024-02-01", undefined, 4],
    ]);
    // The alias and the year of accounts.journal stayed in it; its declaration did not.
    expect(p.entries[1]!.postings[0]!.account).toBe("bank");
    expect(p.accounts).toEqual([expect.objectContaining({ name: "assets:bank", type: "C" })]);
  });

  it("names the included file and its line when a transaction there is wrong", () => {
    const e = failure("include sub/bad.journal\n", folder(files));
    expect(e).toMatchObject({ code: "journal/unbalanced", line: 5 });
    expect(e.detail).toMatch(/^sub\/bad\.journal:5: /);
  });

  it("refuses a cycle, naming the chain of files", () => {
    const e = failure("include loop/a.journal\n", folder(files));
    expect(e).toMatchObject({ code: "journal/include-cycle", line: 1 });
    expect(e.detail).toContain("loop/a.journal → loop/b.journal → loop/a.journal");
  });

  it("refuses a file that includes itself, and a missing file, naming the include's line", () => {
    expect(failure("\ninclude main.journal\n", folder({ "main.journal": "" }))).toMatchObject({
      code: "journal/include-cycle",
      line: 2,
    });
    expect(failure("; x\n\n!include nowhere.journal\n", folder(files))).toMatchObject({
      code: "journal/include-not-found",
      line: 3,
    });
  });

  it("is refused without a resolver (journal text given without its file)", () => {
    expect(failure("include sub/jan.journal\n", {})).toMatchObject({ code: "journal/include-not-supported" });
  });
});

describe("forms of hledger's and ledger's own files", () => {
  it("gives a date without a year the Y directive's year, else the current year, else refuses it", () => {
    const text = "1/5 a\n    x    $1\n    y\n\nY 2023\n12/20 b\n    x    $1\n    y\n";
    const p = parseJournal(text, { currentYear: 2026 });
    expect(p.entries.map((e) => e.date)).toEqual(["2026-01-05", "2023-12-20"]);
    expect(failure(text, {})).toMatchObject({ code: "journal/date-without-year", line: 1 });
  });

  it("reads (@) and (@@) as costs and ignores lot prices, as hledger 1.25 does", () => {
    const p = parseJournal(
      "2024-01-03 buy\n    stock    10 ACME {$101.75} @ $101.75\n    cash\n\n" +
        "2024-01-04 buy\n    stock    5 ACME {{$515.00}} [2024-01-04] (@@) $515.00\n    cash\n\n" +
        "2024-02-01 paid\n    bank    1,250.00 EUR (@) $1.0825\n    income\n",
    );
    expect(p.entries.map((e) => e.postings[0]!.price?.kind)).toEqual(["unit", "total", "unit"]);
    expect(trialBalanceOf(p).find((r) => r.account === "cash")).toMatchObject({
      quantity: -153250n,
      scale: 2,
    });
    expect(p.warnings.map((w) => w.message)).toContain(
      'lot annotation "{{$515.00}}" is ignored (as hledger does)',
    );
  });

  it("reads a P line with a time, and ignores text after the price with a warning", () => {
    const p = parseJournal('P 2024/01/02 09:30:00 ACME $101.50\nP 2014-08-19 "plate armor"  1,₲500\n');
    expect(p.prices.map((x) => [x.date, x.commodity, x.price])).toEqual([
      ["2024-01-02", "ACME", { quantity: 10150n, scale: 2, commodity: "$" }],
      ["2014-08-19", "plate armor", { quantity: 1n, scale: 0, commodity: "₲" }],
    ]);
    expect(p.warnings).toEqual([expect.objectContaining({ line: 2, code: "price-text-ignored" })]);
  });

  it("accepts transactions that post nothing: no postings, one zero posting, virtual postings only", () => {
    const p = parseJournal(
      "2024-05-28 a note\n\n2024-05-29 count\n    assets:inventory    0\n\n2024-05-31 budget\n    (budget:food)    $-400\n",
    );
    expect(p.entries.map((e) => e.postings.length)).toEqual([0, 1, 1]);
  });
});
