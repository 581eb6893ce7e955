// Memory: recency-weighted votes, online updates, taking votes back, plain-JSON state.
import { describe, expect, it } from "vitest";
import {
  amountSurprise,
  countShare,
  emptyMemory,
  forget,
  recall,
  recentKey,
  remember,
  support,
  topLabel,
  weightedShare,
  type MemoryObservation,
} from "./memory.ts";

const obs = (over: Partial<MemoryObservation>): MemoryObservation => ({
  id: "x",
  clientId: "acme",
  date: "2025-01-01",
  amount: -1000n,
  merchantKey: "shell oil",
  brandKey: "shell",
  account: "fuel",
  category: "auto.fuel",
  ...over,
});

describe("memory", () => {
  it("tallies a merchant's history per client and across the firm", () => {
    const m = emptyMemory(60);
    remember(m, obs({ id: "1" }));
    remember(m, obs({ id: "2" }));
    remember(m, obs({ id: "3", clientId: "other", account: "travel", category: "travel.ground" }));
    const mine = recall(m, "clientKey", "acme", "shell oil", "shell")!;
    expect(support(mine)).toBe(2);
    expect(topLabel(mine)).toBe("fuel");
    const firm = recall(m, "firmKey", "acme", "shell oil", "shell")!;
    expect(support(firm)).toBe(3);
    expect(countShare(firm, "auto.fuel")).toBeCloseTo(2 / 3);
    expect(recall(m, "clientKey", "nobody", "shell oil", "shell")).toBeUndefined();
  });

  it("lets recent habits outweigh older, more numerous votes", () => {
    const m = emptyMemory(30);
    for (let i = 0; i < 3; i++) remember(m, obs({ id: `old${i}`, date: "2024-01-10", account: "meals" }));
    remember(m, obs({ id: "new1", date: "2024-06-01", account: "fuel" }));
    remember(m, obs({ id: "new2", date: "2024-06-02", account: "fuel" }));
    const tally = recall(m, "clientKey", "acme", "shell oil", "shell")!;
    expect(countShare(tally, "meals")).toBeCloseTo(0.6);
    expect(weightedShare(tally, "fuel")).toBeGreaterThan(0.9);
    expect(topLabel(tally)).toBe("fuel");
    expect(tally.last).toBe("fuel");
  });

  it("handles lines learned out of date order the same way", () => {
    const a = emptyMemory(30);
    const b = emptyMemory(30);
    const lines = [
      obs({ id: "1", date: "2024-01-01", account: "meals" }),
      obs({ id: "2", date: "2024-03-01" }),
      obs({ id: "3", date: "2024-02-01", account: "meals" }),
    ];
    for (const l of lines) remember(a, l);
    for (const l of [...lines].sort((x, y) => x.date.localeCompare(y.date))) remember(b, l);
    const ta = recall(a, "clientKey", "acme", "shell oil", "shell")!;
    const tb = recall(b, "clientKey", "acme", "shell oil", "shell")!;
    expect(weightedShare(ta, "meals")).toBeCloseTo(weightedShare(tb, "meals"), 10);
  });

  it("takes back a vote when a line is corrected", () => {
    const m = emptyMemory(60);
    remember(m, obs({ id: "1", account: "meals", category: "meals.business" }));
    forget(m, obs({ id: "1", account: "meals", category: "meals.business" }));
    remember(m, obs({ id: "1", account: "fuel" }));
    const tally = recall(m, "clientKey", "acme", "shell oil", "shell")!;
    expect(tally.labels).toEqual(["fuel"]);
    expect(support(recall(m, "firmKey", "acme", "shell oil", "shell")!)).toBe(1);
  });

  it("is plain JSON", () => {
    const m = emptyMemory(60);
    remember(m, obs({ id: "1", payee: "Shell", classId: "east" }));
    const copy = JSON.parse(JSON.stringify(m)) as typeof m;
    expect(copy).toEqual(m);
    remember(copy, obs({ id: "2" }));
    expect(support(recall(copy, "clientKey", "acme", "shell oil", "shell")!)).toBe(2);
  });

  it("knows a merchant's usual amounts at a client, and takes a forgotten line's amount back", () => {
    const m = emptyMemory(60);
    remember(m, obs({ id: "1", amount: -4000n }));
    const tally = () => recall(m, "clientKey", "acme", "shell oil", "shell")!;
    expect(amountSurprise(tally(), -4000n)).toBeUndefined(); // one line says nothing about spread
    remember(m, obs({ id: "2", amount: -4200n }));
    remember(m, obs({ id: "3", amount: -3900n }));
    const usual = amountSurprise(tally(), -4100n)!;
    const odd = amountSurprise(tally(), -90000n)!;
    expect(usual).toBeLessThan(0.5);
    expect(odd).toBeGreaterThan(5);
    // The firm-wide tallies keep no amounts: they mix every client's habits.
    expect(recall(m, "firmKey", "acme", "shell oil", "shell")!.amounts).toBeUndefined();
    forget(m, obs({ id: "3", amount: -3900n }));
    remember(m, obs({ id: "3", amount: -3900n }));
    expect(amountSurprise(tally(), -4100n)).toBeCloseTo(usual, 10);
  });

  it("keeps a client's recent use of accounts, where last weeks outweigh last year", () => {
    const m = emptyMemory(60);
    for (let i = 0; i < 20; i++) remember(m, obs({ id: `old${i}`, date: "2025-01-10", account: "fuel" }));
    for (let i = 0; i < 3; i++)
      remember(m, obs({ id: `new${i}`, date: "2025-04-01", merchantKey: "tesco", account: "food" }));
    const recent = m.tallies[recentKey("acme")]!;
    const prior = recall(m, "client", "acme", "", "")!;
    // 80 days on, 20 fuel lines weigh less than 3 food lines at a 14-day half-life, not at 60 days.
    expect(topLabel(recent)).toBe("food");
    expect(topLabel(prior)).toBe("fuel");
    forget(m, obs({ id: "new2", date: "2025-04-01", merchantKey: "tesco", account: "food" }));
    expect(m.tallies[recentKey("acme")]!.counts[m.tallies[recentKey("acme")]!.labels.indexOf("food")]).toBe(
      2,
    );
    expect(weightedShare(m.tallies[recentKey("acme")]!, "food")).toBeCloseTo(
      2 / (2 + 20 * 0.5 ** (81 / 14)),
      6,
    );
  });
});
