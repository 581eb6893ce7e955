// Loan payments matched to bank lines: the exact amount out, in the month or a week either side,
// each line paying one period, the earliest first.
import { describe, expect, it } from "vitest";
import { matchLoanPayments, paymentWindow } from "./loan-match-model.ts";

const line = (id: string, date: string, amount: bigint) => ({ id, bankAccountId: "bank", date, amount });

describe("matchLoanPayments", () => {
  const periods = [
    { month: "2026-01", payment: 50_000n },
    { month: "2026-02", payment: 50_000n },
    { month: "2026-03", payment: 49_990n },
  ];

  it("matches each period to the line that took out its payment, in or near its month", () => {
    const m = matchLoanPayments(periods, [
      line("jan", "2026-01-30", -50_000n),
      line("feb", "2026-03-03", -50_000n), // February's, paid a few days late
      line("mar", "2026-03-31", -49_990n),
      line("deposit", "2026-02-15", 50_000n), // money in is no payment
    ]);
    expect(Object.fromEntries([...m].map(([k, v]) => [k, v.id]))).toEqual({
      "2026-01": "jan",
      "2026-02": "feb",
      "2026-03": "mar",
    });
  });

  it("uses a line once, and leaves a period without a payment of the exact amount unmatched", () => {
    const m = matchLoanPayments(periods, [
      line("one", "2026-01-31", -50_000n),
      line("x", "2026-03-15", -49_000n),
    ]);
    expect([...m.keys()]).toEqual(["2026-01"]);
  });

  it("looks a week either side of the month", () => {
    expect(paymentWindow("2026-02")).toEqual({ from: "2026-01-25", to: "2026-03-07" });
    expect(matchLoanPayments(periods, [line("late", "2026-02-08", -50_000n)]).get("2026-01")).toBeUndefined();
  });
});
