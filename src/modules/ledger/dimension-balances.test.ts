// The dimension buckets (migration 0037): on random books — lines with and without classes,
// departments, projects and locations, euro lines at a dollar cost with their conversion lines,
// entries posted at once, drafts posted later and reversals — the bucketed by-dimension sums equal
// the sums read from every line, for any range (whole or partial months) and every kind; and the
// stored buckets equal what the migration's backfill computes from the lines.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { sql } from "kysely";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { clientWithChart, type ClientFixture } from "../../../test/support/fixtures.ts";
import * as ledger from "./index.ts";
import { clientScope } from "./scope.ts";
import { valuedSumsByDimension, valuedSumsByDimensionScan, type DimensionKind } from "./valued-store.ts";
import type { EntryInput, LineInput } from "./model.ts";
import type { Scope } from "./store.ts";

let t: TestDb;
let c: ClientFixture;
let s: Scope;
let conversion: string;
const dims: Record<DimensionKind, string[]> = { class: [], department: [], location: [], project: [] };

beforeAll(async () => {
  t = await testDb();
  c = await clientWithChart(t.ctx, "dims", "firm-dims");
  s = await clientScope(t.ctx.db, c.actor, c.slug, "ledger.read");
  await ledger.ensureCurrencies(t.ctx.db, s, ["EUR"]);
  conversion = (
    await ledger.createAccount(t.ctx, c.actor, c.slug, {
      name: "Currency conversion",
      type: "equity",
      detailType: "conversion",
    })
  ).id;
  for (const kind of ["class", "department", "location", "project"] as const)
    for (const name of ["A", "B", "C"])
      dims[kind].push((await ledger.createDimension(t.ctx, c.actor, c.slug, { kind, name })).id);
});
afterAll(async () => t?.close());

const MONTHS = ["2025-11", "2025-12", "2026-01", "2026-02", "2026-03"];
const day = fc.tuple(fc.constantFrom(...MONTHS), fc.integer({ min: 1, max: 28 }));
const dateOf = ([m, d]: [string, number]) => `${m}-${String(d).padStart(2, "0")}`;
const tags = fc.record({
  class: fc.option(fc.integer({ min: 0, max: 2 })),
  department: fc.option(fc.integer({ min: 0, max: 2 })),
  location: fc.option(fc.integer({ min: 0, max: 2 })),
  project: fc.option(fc.integer({ min: 0, max: 2 })),
});
const op = fc.record({
  how: fc.constantFrom("post", "post", "draft", "reverse"),
  date: day,
  amount: fc.bigInt({ min: 1n, max: 1_000_000n }),
  income: fc.boolean(),
  euro: fc.boolean(),
  debitTags: tags,
  creditTags: tags,
});
type Tags = {
  class: number | null;
  department: number | null;
  location: number | null;
  project: number | null;
};
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;
const range = fc.tuple(day, day).map(([a, b]) => {
  const [x, y] = [dateOf(a), dateOf(b)].sort();
  // Whole months too: from a first day, to a last day.
  return { from: x!, to: y! };
});

function dimensionFields(t: Tags) {
  const pick = (kind: DimensionKind, i: number | null) => (i === null ? null : dims[kind][i]!);
  return {
    classId: pick("class", t.class),
    departmentId: pick("department", t.department),
    locationId: pick("location", t.location),
    projectId: pick("project", t.project),
  };
}

function entryOf(o: Op): EntryInput {
  const date = dateOf(o.date);
  if (o.euro) {
    const cost = (o.amount * 11n) / 10n;
    return {
      date,
      description: "EUR transfer",
      lines: [
        {
          accountId: c.account("1020"),
          amount: o.amount,
          currency: "EUR",
          cost: { amount: cost, currency: "USD" },
          ...dimensionFields(o.debitTags),
        },
        { accountId: c.account("1010"), amount: -cost, currency: "USD", ...dimensionFields(o.creditTags) },
        {
          accountId: conversion,
          amount: -o.amount,
          currency: "EUR",
          isConversion: true,
          ...dimensionFields(o.debitTags),
        },
        { accountId: conversion, amount: cost, currency: "USD", isConversion: true },
      ],
    };
  }
  const [debit, credit] = o.income
    ? [c.account("1010"), c.account("4000")]
    : [c.account("6500"), c.account("1010")];
  const lines: LineInput[] = [
    { accountId: debit, amount: o.amount, currency: "USD", ...dimensionFields(o.debitTags) },
    { accountId: credit, amount: -o.amount, currency: "USD", ...dimensionFields(o.creditTags) },
  ];
  return { date, description: o.income ? "Sale" : "Expense", lines };
}

const sorted = (
  rows: Array<{ account_id: string; dimension_id: string | null; currency: string; amount: bigint }>,
) => rows.map((r) => `${r.account_id} ${r.dimension_id ?? "-"} ${r.currency} ${BigInt(r.amount)}`).sort();

describe("dimension buckets", () => {
  it("give the same sums as reading every line, for any range and kind", { timeout: 600_000 }, async () => {
    let posted: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 1, maxLength: 6 }),
        fc.array(range, { minLength: 2, maxLength: 3 }),
        async (ops, ranges) => {
          for (const o of ops) {
            if (o.how === "reverse" && posted.length > 0) {
              const id = posted.shift()!;
              await ledger.reverseEntry(t.ctx, c.actor, c.slug, id, {
                date: dateOf(o.date) < "2026-01-01" ? "2026-01-31" : dateOf(o.date),
              });
            } else if (o.how === "draft") {
              const draft = await ledger.createDraft(t.ctx, c.actor, c.slug, entryOf(o));
              posted.push((await ledger.postDraft(t.ctx, c.actor, c.slug, draft.id)).id);
            } else {
              posted.push((await ledger.postEntry(t.ctx, c.actor, c.slug, entryOf(o))).id);
            }
          }
          for (const r of ranges)
            for (const kind of ["class", "department", "location", "project"] as const) {
              const bucketed = await valuedSumsByDimension(t.ctx.db, s, r.from, r.to, kind);
              const scanned = await valuedSumsByDimensionScan(t.ctx.db, s, r.from, r.to, kind);
              expect(sorted(bucketed), `${kind} ${r.from}..${r.to}`).toEqual(sorted(scanned));
            }
        },
      ),
      { numRuns: 12, seed: 20261207 },
    );
    posted = [];
    // Whole months end to end (buckets only), and a range with partial months at both ends.
    for (const r of [
      { from: "2025-11-01", to: "2026-03-31" },
      { from: "2025-11-10", to: "2026-02-20" },
    ]) {
      const bucketed = await valuedSumsByDimension(t.ctx.db, s, r.from, r.to, "class");
      expect(bucketed.length).toBeGreaterThan(0);
      expect(sorted(bucketed)).toEqual(
        sorted(await valuedSumsByDimensionScan(t.ctx.db, s, r.from, r.to, "class")),
      );
    }
  });

  it("are what the migration's backfill computes from the posted lines", async () => {
    const migration = fs.readFileSync(
      new URL("../../../migrations/0037_dimension_balances.sql", import.meta.url),
      "utf8",
    );
    const backfill = migration.slice(migration.indexOf("select l.firm_id"), migration.lastIndexOf(";"));
    const recomputed = await sql<{ k: string }>`
      select b.kind || ' ' || b.month || ' ' || b.dimension_id || ' ' || b.account_id || ' ' || b.currency || ' ' || b.amount as k
      from (${sql.raw(backfill)}) as b(firm_id, client_id, kind, month, dimension_id, account_id, currency, amount)
      where b.client_id = ${c.clientId}::uuid and b.amount <> 0 order by 1`.execute(t.ctx.db);
    const stored = await sql<{ k: string }>`
      select kind || ' ' || month || ' ' || dimension_id || ' ' || account_id || ' ' || currency || ' ' || amount as k
      from dimension_balances where client_id = ${c.clientId}::uuid and amount <> 0 order by 1`.execute(
      t.ctx.db,
    );
    expect(stored.rows.length).toBeGreaterThan(10);
    expect(stored.rows).toEqual(recomputed.rows);
  });
});
