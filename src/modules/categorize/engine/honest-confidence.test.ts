// Honest confidence, as properties: the confidence shown is consistent with the alternatives shown
// beside it; a calibration never lends a score it has no evidence for the rate of better-scored
// lines; money in is not coded to an expense account (nor money out to income) at medium or high
// confidence unless the client's own history does so.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calibrate, fitIsotonic } from "./calibrate.ts";
import { directionCount } from "./memory.ts";
import { MEDIUM } from "./metrics.ts";
import { predict } from "./predict.ts";
import { SHARED_CHART } from "./taxonomy.ts";
import { train } from "./train.ts";
import type { PostedLine } from "./types.ts";

const TYPES = new Map([
  ["4000 Sales", "income"],
  ["4900 Other income", "income"],
  ["5100 Supplies", "expense"],
  ["6500 Rent", "expense"],
  ["6800 Utilities", "expense"],
]);
const ACCOUNTS = [...TYPES.keys()];
const WORDS = [
  "VALLEY",
  "DAIRY",
  "HIGHLAND",
  "COFFEE",
  "RENT",
  "POWER",
  "DEPOSIT",
  "CATERING",
  "ORDER",
  "SALES",
];

const historyLine = fc.record({
  words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }),
  cents: fc.integer({ min: -500_000, max: 500_000 }).filter((c) => c !== 0),
  account: fc.constantFrom(...ACCOUNTS),
  day: fc.integer({ min: 0, max: 300 }),
});

function historyOf(
  rows: Array<{ words: string[]; cents: number; account: string; day: number }>,
): PostedLine[] {
  return rows.map((r, i) => ({
    id: `h${i}`,
    clientId: "c1",
    date: new Date(Date.UTC(2025, 0, 1 + r.day)).toISOString().slice(0, 10),
    description: r.words.join(" "),
    amount: BigInt(r.cents),
    coding: { account: r.account },
  }));
}

describe("honest confidence", () => {
  it("never reads a score below the held-out evidence as the rate of better-scored lines", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0.05, max: 1, noNaN: true }), fc.boolean()), {
          minLength: 1,
          maxLength: 300,
        }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (judged, score) => {
          const calibrator = fitIsotonic(
            judged.map(([s]) => s),
            judged.map(([, right]) => (right ? 1 : 0)),
          );
          const lowest = Math.min(...judged.map(([s]) => s));
          const p = calibrate(calibrator, score);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
          if (score < lowest) expect(p).toBeLessThanOrEqual(score);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("shows the alternatives consistent with the confidence, and keeps money in off expense accounts", () => {
    fc.assert(
      fc.property(
        fc.array(historyLine, { minLength: 20, maxLength: 160 }),
        fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: -500_000, max: 500_000 }).filter((c) => c !== 0),
        (rows, words, cents) => {
          const history = historyOf(rows);
          const model = train(history, { mapping: SHARED_CHART, now: "2026-01-01T00:00:00Z" });
          const line = {
            id: "new",
            clientId: "c1",
            date: "2025-12-01",
            description: words.join(" "),
            amount: BigInt(cents),
          };
          const p = predict(model, line, { mapping: SHARED_CHART, accountTypes: TYPES });
          if (p.method === "default" || !p.account) return;
          const alternatives = p.reason.alternatives;
          // The chosen account leads, with the confidence itself; nothing shown beside it is more
          // likely, and together they are no more than certain.
          expect(alternatives[0]).toEqual({
            account: p.account,
            probability: Math.round(p.confidence * 1000) / 1000,
          });
          for (const a of alternatives.slice(1))
            expect(a.probability).toBeLessThanOrEqual(alternatives[0]!.probability);
          expect(alternatives.reduce((sum, a) => sum + a.probability, 0)).toBeLessThanOrEqual(1.002);
          // Money in on an expense account, or money out on an income account, stays below the
          // medium band unless the client's own history moved money that way to that account.
          const type = TYPES.get(p.account);
          const against = cents > 0 ? type === "expense" : type === "income";
          if (against && directionCount(model.memory, "c1", BigInt(cents), p.account) === 0) {
            expect(p.confidence).toBeLessThan(MEDIUM);
            expect(history.some((h) => h.coding.account === p.account && h.amount > 0n === cents > 0)).toBe(
              false,
            );
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("does not code a deposit like the demo's catering order to the supplier account at medium or high", () => {
    const rows: PostedLine[] = [];
    for (let d = 0; d < 120; d++) {
      const date = new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10);
      rows.push({
        id: `s${d}`,
        clientId: "c1",
        date,
        description: "CARD SALES SETTLEMENT",
        amount: 150_000n,
        coding: { account: "4000 Sales" },
      });
      if (d % 7 === 0)
        rows.push({
          id: `o${d}`,
          clientId: "c1",
          date,
          description: "CATERING SUPPLY ORDER",
          amount: -40_000n,
          coding: { account: "5100 Supplies" },
        });
    }
    const model = train(rows, { mapping: SHARED_CHART, now: "2026-01-01T00:00:00Z" });
    const line = {
      id: "n",
      clientId: "c1",
      date: "2025-06-01",
      description: "MOBILE DEPOSIT CATERING ORDER",
      amount: 95_000n,
    };
    const p = predict(model, line, { mapping: SHARED_CHART, accountTypes: TYPES });
    if (TYPES.get(p.account!) === "expense") {
      expect(p.confidence).toBeLessThan(MEDIUM);
      expect(p.explanation).toMatch(
        /money in, and this client's books have never coded money in to 5100 Supplies/,
      );
    }
    // Once the client's own books code money in to it (a supplier's refund), the rule steps aside.
    rows.push({
      id: "refund",
      clientId: "c1",
      date: "2025-04-20",
      description: "CATERING SUPPLY ORDER REFUND",
      amount: 5_000n,
      coding: { account: "5100 Supplies" },
    });
    const taught = train(rows, { mapping: SHARED_CHART, now: "2026-01-01T00:00:00Z" });
    expect(directionCount(taught.memory, "c1", 1n, "5100 Supplies")).toBe(1);
    const again = predict(taught, line, { mapping: SHARED_CHART, accountTypes: TYPES });
    expect(again.explanation).not.toMatch(/never coded money in/);
  });
});
