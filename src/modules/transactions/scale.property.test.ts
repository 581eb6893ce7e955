// Property: bank lines posted into ledgers that keep their currency at 0, 2, 3 and 4 decimals land
// with the same value, and the ledger and the Transaction Manager agree to the last digit (issue
// 11 item 9). Each run imports a statement of random lines into one of the clients (AutoPush posts
// every line) and compares the bank line, the transaction and the posted entry.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { formatMinor, isoScale, parseDecimal } from "../../platform/money.ts";
import * as ledger from "../ledger/index.ts";
import { listTransactions } from "./index.ts";
import { transactionOut } from "./schemas.ts";
import { clientAtScale, importLines, type BooksFixture } from "../../../test/support/books.ts";

/** A currency and the scale its client's ledger keeps it at: below, at and above the bank's ISO scale. */
const LEDGERS = [
  { currency: "JPY", scale: 0 },
  { currency: "USD", scale: 2 },
  { currency: "USD", scale: 3 },
  { currency: "USD", scale: 4 },
] as const;

let t: TestDb;
const clients: BooksFixture[] = [];
let run = 0;

beforeAll(async () => {
  t = await testDb();
  for (const [i, l] of LEDGERS.entries())
    clients.push(await clientAtScale(t.ctx, `scale-${i}`, l.currency, l.scale));
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe("bank lines posted into ledgers of scale 0, 2, 3 and 4", () => {
  it("keep their value, and the ledger and the Transaction Manager agree to the last digit", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: LEDGERS.length - 1 }),
        fc.array(
          fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }).filter((n) => n !== 0n),
          { minLength: 1, maxLength: 4 },
        ),
        async (which, amounts) => {
          const { currency, scale } = LEDGERS[which]!;
          const b = clients[which]!;
          const bankScale = isoScale(currency);
          const tag = `R${String(++run).padStart(4, "0")}`;
          const lines = amounts.map((a, i) => ({
            date: "2026-03-02",
            description: `${tag} LINE ${i}`,
            amount: formatMinor(a, bankScale),
          }));
          await importLines(b, lines, "checking", `${tag}.csv`);
          const found = (
            await listTransactions(t.ctx, b.actor, b.slug, { tab: "all", search: tag, limit: 10 })
          ).transactions;
          expect(found).toHaveLength(lines.length);
          for (const line of lines) {
            const tx = found.find((x) => x.description === line.description)!;
            expect(tx.entryId, line.description).toBeTruthy();
            const entry = await ledger.getEntry(t.ctx, b.actor, b.slug, tx.entryId!);
            const bankSide = entry.lines.find((l) => l.accountId === b.account("1010"))!;
            // The value the bank wrote, at the ledger's scale: nothing lost, nothing gained.
            expect(bankSide.currency).toBe(currency);
            expect(bankSide.amount).toBe(parseDecimal(line.amount, scale));
            // The Transaction Manager holds and shows the ledger's own figure, digit for digit.
            expect(tx.amount).toBe(bankSide.amount);
            expect(tx.scale).toBe(scale);
            expect(transactionOut(tx).amount).toBe(formatMinor(bankSide.amount, scale));
            expect(entry.lines.reduce((s, l) => s + l.amount, 0n)).toBe(0n);
          }
        },
      ),
      { numRuns: 24 },
    );
    // Every ledger still keeps its currency at the scale it started with.
    for (const [i, l] of LEDGERS.entries()) {
      const scales = await ledger.currencyScalesFor(t.ctx, clients[i]!.actor, clients[i]!.slug);
      expect(scales.get(l.currency)).toBe(l.scale);
    }
  }, 300_000);
});
