import { describe, expect, it } from "vitest";
import {
  candidateWindow,
  matchReceipt,
  nameSimilarity,
  scoreCandidate,
  type Candidate,
  type ReceiptFacts,
} from "./match-model.ts";

const receipt: ReceiptFacts = {
  vendor: "Blue Harbor Coffee",
  date: "2026-03-14",
  total: 4871n,
  decimals: 2,
  currency: "USD",
  totalConfidence: 0.99,
};
const txn = (id: string, over: Partial<Candidate> = {}): Candidate => ({
  id,
  date: "2026-03-16",
  amount: -4871n,
  scale: 2,
  currency: "USD",
  description: "BLUE HARBOR COFFEE #4411",
  payee: null,
  ...over,
});

describe("matching a receipt to transactions", () => {
  it("scores amount, date and vendor, with reasons", () => {
    const s = scoreCandidate(receipt, txn("a"));
    expect(s.reasons).toEqual(["same amount", "2 days after the receipt", "vendor named"]);
    expect(s.score).toBeCloseTo(0.5 + 0.3 * 0.8 + 0.2, 5);
    expect(scoreCandidate(receipt, txn("b", { date: "2026-03-25" })).reasons).toEqual([
      "same amount",
      "vendor named",
    ]);
    expect(scoreCandidate(receipt, txn("c", { amount: -4872n })).reasons[0]).toBe(
      "same amount but for rounding",
    );
    expect(scoreCandidate(receipt, txn("d", { amount: -5600n })).reasons[0]).toBe(
      "amount up to 20% more (a tip?)",
    );
    expect(scoreCandidate(receipt, txn("e", { currency: "EUR" })).reasons[0]).toBe("receipt in USD");
    // A ledger at 4 decimals: the same amount.
    expect(scoreCandidate(receipt, txn("f", { amount: -487100n, scale: 4 })).reasons[0]).toBe("same amount");
  });

  it("attaches without asking only when one transaction stands out on an exact amount and a sure total", () => {
    expect(
      matchReceipt(receipt, [txn("a"), txn("b", { description: "SHELL", amount: -100n })]).confident
        ?.transactionId,
    ).toBe("a");
    // Two the same: suggestions, no confident match.
    const two = matchReceipt(receipt, [txn("a"), txn("b")]);
    expect(two.confident).toBeNull();
    expect(two.suggestions.map((s) => s.transactionId)).toEqual(["a", "b"]);
    // A total read unsurely: suggested only.
    expect(matchReceipt({ ...receipt, totalConfidence: 0.5 }, [txn("a")]).confident).toBeNull();
    // Nothing alike: nothing suggested.
    expect(
      matchReceipt(receipt, [txn("z", { amount: -99n, date: "2026-01-01", description: "RENT" })])
        .suggestions,
    ).toEqual([]);
  });

  it("compares names word by word, forgiving cut-off bank descriptions", () => {
    expect(nameSimilarity("Blue Harbor Coffee", "POS PURCHASE BLUE HARBOR COF")).toBeGreaterThan(0.8);
    expect(nameSimilarity("Northside Hardware", "NORTHSIDEHARDWARE 22")).toBe(1);
    expect(nameSimilarity("Blue Harbor Coffee", "SHELL OIL")).toBe(0);
    expect(candidateWindow("2026-03-14")).toEqual({ from: "2026-03-13", to: "2026-03-19" });
  });
});
