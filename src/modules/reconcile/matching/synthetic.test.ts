// The synthetic books the property tests and the benchmark rely on: seeded, consistent, and scored.
import { describe, expect, it } from "vitest";
import { evaluateMatches } from "./evaluate.ts";
import { matchStatement } from "./match-statement.ts";
import { syntheticBooks } from "./synthetic.ts";
import { validateStatement } from "./validate.ts";

describe("syntheticBooks", () => {
  it("gives the same books for the same seed, and others for another", () => {
    expect(syntheticBooks({ seed: 5, lines: 200 })).toEqual(syntheticBooks({ seed: 5, lines: 200 }));
    expect(syntheticBooks({ seed: 6, lines: 200 }).ledger).not.toEqual(
      syntheticBooks({ seed: 5, lines: 200 }).ledger,
    );
  });

  it("makes a statement that adds up, and a truth in which every line is once at most", () => {
    const books = syntheticBooks({ seed: 9, lines: 2_000, disturbed: 0.1, splitOrMerged: 0.05 });
    expect(validateStatement(books.statement)).toEqual([]);
    const ids = books.truth.flatMap((t) => [...t.statement, ...t.ledger]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(books.truth.some((t) => t.statement.length > 1)).toBe(true); // split
    expect(books.truth.some((t) => t.ledger.length > 1)).toBe(true); // merged
  });
});

describe("evaluateMatches", () => {
  it("scores a perfect answer as perfect and counts what a person must see", () => {
    const books = syntheticBooks({ seed: 3, lines: 300, disturbed: 0, splitOrMerged: 0 });
    const perfect = {
      matches: books.truth.map((t) => ({
        class: "confident" as const,
        kind: "amount" as const,
        score: 1,
        reasons: [],
        statement: t.statement,
        ledger: t.ledger,
      })),
      unmatched: { statement: [], ledger: [] },
    };
    expect(evaluateMatches(perfect, books)).toMatchObject({
      confidentShare: 1,
      falseConfident: 0,
      leftToPersonShare: 0,
    });
    const q = evaluateMatches(matchStatement(books.statement, books.ledger), books);
    expect(q.falseConfident - q.identicalSwaps).toBe(0);
  });
});
