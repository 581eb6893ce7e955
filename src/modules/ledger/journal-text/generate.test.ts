// The benchmark journal generator: hledger's shape (byte-identical to its 1ktxns example) and a
// 10k-transaction journal that parses completely. Timing belongs to bench/, not here.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateBenchmarkJournal } from "./generate.ts";
import { parseJournal } from "./parse.ts";
import { journalPath, withJournals } from "./testkit.ts";
import { totalsByCommodity, trialBalanceOf } from "./trial-balance.ts";

describe("generateBenchmarkJournal", () => {
  withJournals.it("writes hledger's examples/1ktxns-100accts.journal byte for byte", () => {
    expect(generateBenchmarkJournal(1000, 100)).toBe(
      readFileSync(journalPath("hledger__1ktxns-100accts.journal"), "utf8"),
    );
  });

  it("is deterministic and starts like hledger's generator", () => {
    const text = generateBenchmarkJournal(3, 4);
    expect(text).toBe(generateBenchmarkJournal(3, 4));
    expect(text.split("\n").slice(0, 3)).toEqual([
      "2000-01-01 transaction 1",
      "  1                                          1 A @ 0.71 B",
      "  1:2                                       -0.71 B",
    ]);
  });

  it("gives a 10k-transaction, 1000-account journal that parses and balances", () => {
    const journal = parseJournal(generateBenchmarkJournal(10_000, 1000));
    expect(journal.entries).toHaveLength(10_000);
    expect(journal.prices).toHaveLength(10_000);
    expect(new Set(journal.entries.flatMap((e) => e.postings.map((p) => p.account))).size).toBe(1000);
    const totals = totalsByCommodity(trialBalanceOf(journal));
    expect([...totals.values()].every((d) => d.quantity === 0n)).toBe(true);
  });

  it("refuses nonsense sizes", () => {
    expect(() => generateBenchmarkJournal(-1, 10)).toThrow(RangeError);
    expect(() => generateBenchmarkJournal(10, 0)).toThrow(RangeError);
  });
});
