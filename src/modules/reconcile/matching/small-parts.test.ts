// The engine's small parts: business days, words, check numbers, subset-sum and its chance.
import { describe, expect, it } from "vitest";
import { addBusinessDays, businessDayNumber, dayNumber } from "./business-days.ts";
import { findSubsets } from "./subset-sum.ts";
import { checkNumberOf, significantWords, wordSimilarity } from "./text.ts";

describe("business days", () => {
  it("gives a weekend the following Monday's number", () => {
    const bd = (d: string) => businessDayNumber(dayNumber(d));
    expect(bd("2026-03-14")).toBe(bd("2026-03-16")); // Saturday, Monday
    expect(bd("2026-03-15")).toBe(bd("2026-03-16")); // Sunday
    expect(bd("2026-03-16") - bd("2026-03-13")).toBe(1); // Friday to Monday
    expect(bd("2026-03-20") - bd("2026-03-16")).toBe(4);
  });

  it("adds business days across weekends, both ways", () => {
    expect(addBusinessDays("2026-03-13", 1)).toBe("2026-03-16");
    expect(addBusinessDays("2026-03-16", -1)).toBe("2026-03-13");
    expect(addBusinessDays("2026-03-14", 0)).toBe("2026-03-16");
  });
});

describe("words", () => {
  it("keeps the names and drops numbers and transfer vocabulary", () => {
    expect(significantWords("POS DEBIT 0412 ACME CORP #554 Joe's")).toEqual(["acme", "joes"]);
  });

  it("forgives abbreviations and joined words", () => {
    expect(wordSimilarity(["acme", "supp"], ["acme", "supplies"])).toBe(1);
    expect(wordSimilarity(["mcdonalds"], ["mc", "donalds"])).toBe(1);
    expect(wordSimilarity(["summit", "consulting"], ["prairie", "consulting"])).toBe(0.5);
    expect(wordSimilarity([], ["acme"])).toBe(0);
  });

  it("reads check numbers from a field or the text", () => {
    expect(checkNumberOf("001043")).toBe("1043");
    expect(checkNumberOf(null, "CHECK # 001043")).toBe("1043");
    expect(checkNumberOf(null, "CHK 88")).toBe("88");
    expect(checkNumberOf(null, "CHECKOUT.COM 1234")).toBeNull();
  });
});

describe("findSubsets", () => {
  it("finds the parts of a total and stops at two answers", () => {
    expect(findSubsets(1000n, [300n, 450n, 250n, 175n], 5).solutions).toEqual([[0, 1, 2]]);
    expect(findSubsets(100n, [50n, 50n, 50n], 5).solutions).toHaveLength(2);
    expect(findSubsets(999n, [300n, 450n, 250n], 5).solutions).toEqual([]);
  });

  it("respects the largest number of parts", () => {
    expect(findSubsets(400n, [100n, 100n, 100n, 100n], 3).solutions).toEqual([]);
  });

  it("rates a sum among many near sums as likelier chance than a lone one", () => {
    const lone = findSubsets(1_000_00n, [300_00n, 450_00n, 250_00n], 5).chance;
    const crowd = findSubsets(
      1_000_00n,
      Array.from({ length: 14 }, (_, i) => BigInt(20_000 + i * 1_237)),
      5,
    ).chance;
    expect(lone).toBeLessThan(0.001);
    expect(crowd).toBeGreaterThan(lone * 10);
  });
});
