// Candidate helpers: top-k selection is exact and stable, whatever the input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { topIndices } from "./candidates.ts";

describe("topIndices", () => {
  it("returns the k largest values, ties by lower index", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 6 }),
        (values, k) => {
          const expected = values
            .map((v, i) => [v, i] as const)
            .sort((a, b) => b[0] - a[0] || a[1] - b[1])
            .slice(0, k)
            .map(([, i]) => i);
          expect(topIndices(values, k)).toEqual(expected);
        },
      ),
    );
  });
});
