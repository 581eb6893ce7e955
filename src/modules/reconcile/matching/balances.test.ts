// The reconciliation's arithmetic: cleared balance and the difference left to explain.
import { describe, expect, it } from "vitest";
import { matchedLedgerIds, reconciliationBalances } from "./balances.ts";

describe("reconciliationBalances", () => {
  it("is zero difference when everything on the statement has cleared", () => {
    const b = reconciliationBalances({ opening: 100_000n, closing: 117_500n }, [
      { amount: 25_000n },
      { amount: -4_000n },
      { amount: -3_500n },
    ]);
    expect(b).toEqual({
      opening: 100_000n,
      closing: 117_500n,
      clearedDeposits: 25_000n,
      clearedPayments: -7_500n,
      clearedBalance: 117_500n,
      difference: 0n,
    });
  });

  it("shows what is still to explain: closing − (opening + cleared)", () => {
    const b = reconciliationBalances({ opening: 100_000n, closing: 117_500n }, [{ amount: 25_000n }]);
    expect(b.clearedBalance).toBe(125_000n);
    expect(b.difference).toBe(-7_500n);
  });
});

describe("matchedLedgerIds", () => {
  it("collects the ledger lines of the matches of the chosen classes", () => {
    const result = {
      matches: [
        { class: "confident", ledger: ["g1", "g2"] },
        { class: "possible", ledger: ["g3"] },
      ],
    };
    expect([...matchedLedgerIds(result)]).toEqual(["g1", "g2"]);
    expect([...matchedLedgerIds(result, ["confident", "possible"])]).toEqual(["g1", "g2", "g3"]);
  });
});
