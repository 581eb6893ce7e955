// The import's promise, checked by fast-check on a real database: any sequence of imports of
// overlapping slices of a statement leaves exactly their union — each distinct line as many times
// as the import that held it most often — so repeats add nothing and identical lines are never lost.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { createBankAccount } from "./account-service.ts";
import { importStatementFile, listBankLines } from "./import-service.ts";
import {
  bankClient,
  csvOf,
  newLedgerBankAccount,
  type BankFixture,
  type CsvLine,
} from "../../../test/support/bank-fixtures.ts";

let t: TestDb;
let c: BankFixture;

beforeAll(async () => {
  t = await testDb();
  c = await bankClient(t.ctx, "prop-co", "firm-prop");
});
afterAll(async () => {
  await t?.close();
});

const DAYS = ["2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04"];
// Few values, so that identical lines (same day, amount and text) are common.
const arbLine = fc.record({
  date: fc.constantFrom(...DAYS),
  amount: fc.constantFrom("-4.50", "-3.00", "120.00"),
  description: fc.constantFrom("Coffee", "Bagel", "Rent"),
});
const arbStatement = fc
  .array(arbLine, { maxLength: 24 })
  .map((lines) => [...lines].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)));

/** A slice: the whole days of a date range (what a later bank statement holds), or any sub-sequence of lines. */
const arbSlice = fc.oneof(
  fc.record({
    kind: fc.constant("days" as const),
    from: fc.nat(DAYS.length - 1),
    length: fc.nat(DAYS.length),
  }),
  fc.record({
    kind: fc.constant("subset" as const),
    keep: fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }),
  }),
);
type Slice = typeof arbSlice extends fc.Arbitrary<infer T> ? T : never;

function sliceOf(statement: CsvLine[], slice: Slice): CsvLine[] {
  if (slice.kind === "subset") return statement.filter((_, i) => slice.keep[i]);
  const days = new Set(DAYS.slice(slice.from, slice.from + slice.length));
  return statement.filter((l) => days.has(l.date));
}

const keyOf = (l: { date: string; amount: string; description: string }) =>
  `${l.date}|${l.amount}|${l.description}`;

function counts(lines: readonly CsvLine[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of lines) m.set(keyOf(l), (m.get(keyOf(l)) ?? 0) + 1);
  return m;
}

let run = 0;

describe("idempotent, lossless import (property)", () => {
  it("any sequence of imports of overlapping slices of a statement yields exactly their union", async () => {
    await fc.assert(
      fc.asyncProperty(
        arbStatement,
        fc.array(arbSlice, { minLength: 1, maxLength: 5 }),
        async (statement, slices) => {
          run += 1;
          const ledgerAccountId = await newLedgerBankAccount(t.ctx, c, `Property ${run}`);
          const account = await createBankAccount(t.ctx, c.actor, c.slug, {
            name: `Property ${run}`,
            kind: "bank",
            ledgerAccountId,
          });
          const expected = new Map<string, number>();
          let stored = 0;
          for (const [i, slice] of slices.entries()) {
            const lines = sliceOf(statement, slice);
            const summary = await importStatementFile(t.ctx, c.actor, c.slug, account.id, {
              bytes: csvOf(lines),
              fileName: `slice-${i}.csv`,
              source: "upload",
            }).catch((error: { code?: string }) => {
              // A slice without lines is a file without a statement: refused, and it changes nothing.
              if (lines.length === 0 && error.code === "banking/no-statements") return null;
              throw error;
            });
            for (const [k, n] of counts(lines)) expected.set(k, Math.max(expected.get(k) ?? 0, n));
            if (summary) {
              expect(summary.newLines + summary.duplicateLines).toBe(lines.length);
              stored += summary.newLines;
            }
          }
          const { lines, total } = await listBankLines(t.ctx, c.actor, c.slug, {
            bankAccountRef: account.id,
            limit: 1000,
            offset: 0,
          });
          expect(total).toBe(stored);
          const actual = counts(
            lines.map((l) => ({
              date: l.date,
              amount: (l.fields as Record<string, string>).Amount!,
              description: l.description,
            })),
          );
          expect(actual).toEqual(expected);
          // Imports of whole days only: the union is every line of the days they covered.
          if (slices.every((s) => s.kind === "days")) {
            const covered = new Set(
              slices.flatMap((s) => (s.kind === "days" ? DAYS.slice(s.from, s.from + s.length) : [])),
            );
            expect(actual).toEqual(counts(statement.filter((l) => covered.has(l.date))));
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
