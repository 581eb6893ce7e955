// Property-based tests of the ledger's invariants against a real database: any sequence of valid
// postings keeps the trial balance at zero per currency; a reversal restores every balance; a
// locked period refuses every write.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { clientWithChart, type ClientFixture } from "../../../test/support/fixtures.ts";
import * as ledger from "./index.ts";
import type { EntryInput } from "./model.ts";

let t: TestDb;
let c: ClientFixture;
const NUMBERS = ["1010", "1020", "1100", "2000", "2100", "3000", "4000", "4100", "6000", "6500", "6900"];
const CURRENCIES = ["USD", "EUR", "JPY"];

beforeAll(async () => {
  t = await testDb();
  c = await clientWithChart(t.ctx, "props");
  await ledger.toEntryInput(t.ctx, c.actor, c.slug, {
    date: "2026-01-01",
    lines: CURRENCIES.map((cur) => ({ accountId: c.account("1010"), amount: "0", currency: cur })),
  });
});
afterAll(async () => t?.close());

/** A balanced entry: per currency, random debits and one balancing credit line; not all zero. */
const entryArb = fc
  .record({
    day: fc.integer({ min: 1, max: 28 }),
    month: fc.integer({ min: 1, max: 12 }),
    groups: fc.array(
      fc.record({
        currency: fc.constantFrom(...CURRENCIES),
        debits: fc.array(
          fc.record({
            account: fc.constantFrom(...NUMBERS),
            amount: fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        against: fc.constantFrom(...NUMBERS),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map(({ day, month, groups }): EntryInput => ({
    date: `2025-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
    description: "generated",
    lines: groups.flatMap((g) => {
      const sum = g.debits.reduce((a, d) => a + d.amount, 0n);
      return [
        ...g.debits.map((d) => ({ accountId: c.account(d.account), amount: d.amount, currency: g.currency })),
        { accountId: c.account(g.against), amount: -sum, currency: g.currency },
      ];
    }),
  }))
  // The ledger refuses an entry whose lines are all zero (ledger/all-zero-entry): not a balanced entry to post.
  .filter((e) => e.lines.some((l) => l.amount !== 0n));

async function tbJson(asOf: string) {
  return ledger.trialBalanceJson(await ledger.trialBalance(t.ctx, c.actor, c.slug, asOf));
}

describe("ledger invariants", () => {
  it("keeps the trial balance at zero per currency on any date, after any sequence of valid postings", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(entryArb, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 12 }),
        async (entries, asOfMonth) => {
          for (const e of entries) await ledger.postEntry(t.ctx, c.actor, c.slug, e);
          for (const asOf of [`2025-${String(asOfMonth).padStart(2, "0")}-15`, "2025-12-31"]) {
            const tb = await ledger.trialBalance(t.ctx, c.actor, c.slug, asOf);
            for (const total of tb.totals) expect(total.debit).toBe(total.credit);
            const sums = new Map<string, bigint>();
            for (const r of tb.rows) sums.set(r.currency, (sums.get(r.currency) ?? 0n) + r.balance);
            for (const sum of sums.values()) expect(sum).toBe(0n);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it("restores every balance when an entry is reversed", async () => {
    await fc.assert(
      fc.asyncProperty(entryArb, async (entry) => {
        const before = await tbJson("2025-12-31");
        const posted = await ledger.postEntry(t.ctx, c.actor, c.slug, entry);
        await ledger.reverseEntry(t.ctx, c.actor, c.slug, posted.id);
        expect(await tbJson("2025-12-31")).toEqual(before);
      }),
      { numRuns: 20 },
    );
  });

  it("refuses every write into a locked month and changes nothing", async () => {
    const open = await ledger.postEntry(t.ctx, c.actor, c.slug, {
      date: "2024-06-10",
      description: "before the lock",
      lines: [
        { accountId: c.account("6000"), amount: 500n, currency: "USD" },
        { accountId: c.account("1010"), amount: -500n, currency: "USD" },
      ],
    });
    const draft = await ledger.createDraft(t.ctx, c.actor, c.slug, {
      date: "2024-06-11",
      description: "draft in the month",
      lines: [
        { accountId: c.account("6000"), amount: 700n, currency: "USD" },
        { accountId: c.account("1010"), amount: -700n, currency: "USD" },
      ],
    });
    await ledger.setPeriodLock(t.ctx, c.actor, c.slug, "2024-06", true);
    const snapshot = await tbJson("2024-12-31");
    await fc.assert(
      fc.asyncProperty(entryArb, fc.integer({ min: 1, max: 30 }), async (entry, day) => {
        const inLocked = { ...entry, date: `2024-06-${String(day).padStart(2, "0")}` };
        await expect(ledger.postEntry(t.ctx, c.actor, c.slug, inLocked)).rejects.toMatchObject({
          code: "ledger/period-locked",
        });
      }),
      { numRuns: 20 },
    );
    await expect(ledger.postDraft(t.ctx, c.actor, c.slug, draft.id)).rejects.toMatchObject({
      code: "ledger/period-locked",
    });
    await expect(ledger.reverseEntry(t.ctx, c.actor, c.slug, open.id)).rejects.toMatchObject({
      code: "ledger/period-locked",
    });
    expect(await tbJson("2024-12-31")).toEqual(snapshot);
  });
});
