// The reconciliation on a real database (PGlite, and PostgreSQL when DATABASE_URL is set): an OFX
// statement with its LEDGERBAL against entries posted from bank lines and a few typed by hand —
// the matches, the live difference, the missing entry created from a statement line, completion,
// locked lines, unreconcile, the refusals, and two people starting at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { bookkeepingClient, type BooksFixture } from "../../../test/support/books.ts";
import { AppError } from "../../platform/errors.ts";
import type { Actor } from "../../platform/actor.ts";
import * as banking from "../banking/index.ts";
import * as ledger from "../ledger/index.ts";
import * as transactions from "../transactions/index.ts";
import {
  completeReconciliation,
  createEntryFromLine,
  decideMatch,
  getReconciliation,
  listReconciliations,
  reconciliationJson,
  startReconciliation,
  unreconcile,
} from "./index.ts";
import { MARCH, ofxStatement } from "../../../test/support/reconcile-statements.ts";
import { MINUTE, testClock } from "../../../test/support/clock.ts";

let t: TestDb;
let b: BooksFixture;
// Early April: March's statement has arrived. Start and completion times come from this clock.
const clock = testClock("2026-04-06T09:00:00Z");
const entries: Record<string, string> = {};

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

const count = async (table: string) =>
  Number(
    (await sql<{ n: bigint }>`select count(*)::int8 as n from ${sql.table(table)}`.execute(t.ctx.db)).rows[0]!
      .n,
  );

async function post(
  date: string,
  description: string,
  cents: bigint,
  reference: string | null,
  other = "4000",
) {
  const e = await ledger.postEntry(t.ctx, b.actor, b.slug, {
    date,
    description,
    reference,
    lines: [
      { accountId: b.account("1010"), amount: cents, currency: "USD" },
      { accountId: b.account(other), amount: -cents, currency: "USD" },
    ],
  });
  return e.id;
}

beforeAll(async () => {
  t = await testDb({ clock });
  b = await bookkeepingClient(t.ctx);
  await banking.importStatementFile(t.ctx, b.actor, b.slug, "checking", {
    bytes: ofxStatement(MARCH),
    fileName: "march.ofx",
    source: "upload",
  });
  await t.ctx.jobs.drain();
  // The Shell and Comcast lines are posted by the Transaction Manager (entries from bank lines).
  const page = await transactions.listTransactions(t.ctx, b.actor, b.slug, { tab: "all", limit: 50 });
  const byText = (text: string) => page.transactions.find((x) => x.description.includes(text))!.id;
  await transactions.reviewTransactions(t.ctx, b.actor, b.slug, [byText("SHELL"), byText("COMCAST")]);
  // Typed by hand: the deposit a day early, check 1042, and check 1043 not yet cashed.
  entries.deposit = await post("2026-03-04", "Invoice 31 Cactus Design", 125_000n, "INV31");
  entries.check1042 = await post("2026-03-08", "Rent share", -40_000n, "1042", "6500");
  entries.check1043 = await post("2026-03-28", "Landscaping", -7_500n, "1043", "6500");
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe("a month reconciled from an OFX statement", () => {
  let id: string;

  it("matches what the books have, leaves the rest unmatched on each side, and shows the difference", async () => {
    const started = await startReconciliation(t.ctx, b.actor, b.slug, { bankAccount: "checking" });
    const r = reconciliationJson(started.state);
    id = r.id;
    expect(r.period).toEqual({ from: "2026-03-01", to: "2026-03-31" });
    // OFX states only the closing balance: the first opening is the closing less the lines.
    expect(started.openingSource).toBe("derived");
    expect(r).toMatchObject({ opening: "2356.99", closing: "3000.00", status: "in_progress" });
    expect(r.startedAt).toBe(clock.now().toISOString());
    const byExternal = (fitid: string) =>
      r.matches.find((m) => m.statement.some((l) => l.externalId === fitid));
    expect(byExternal("F1")).toMatchObject({ class: "confident", kind: "bank-line", status: "accepted" });
    expect(byExternal("F4")).toMatchObject({ class: "confident", kind: "bank-line" });
    expect(byExternal("F3")?.ledger.map((l) => l.entryId)).toEqual([entries.check1042]);
    expect(byExternal("F2")?.ledger[0]).toMatchObject({
      entryId: entries.deposit,
      reference: "INV31",
      amount: "1250.00",
    });
    expect(r.unmatched.statement.map((l) => l.externalId)).toEqual(["F5"]);
    expect(r.unmatched.ledger.map((l) => l.entryId)).toEqual([entries.check1043]);
    // Accept whatever the engine left possible; then only the Staples charge is missing.
    for (const m of r.matches.filter((x) => x.status === "proposed"))
      await decideMatch(t.ctx, b.actor, b.slug, id, m.id, { status: "accepted" });
    expect(reconciliationJson(await getReconciliation(t.ctx, b.actor, b.slug, id)).difference).toBe("-32.00");
  });

  it("refuses to complete while there is a difference, saying how much", async () => {
    const e = await errorOf(completeReconciliation(t.ctx, b.actor, b.slug, id));
    expect(e.code).toBe("reconcile/difference-not-zero");
    expect(e.detail).toContain("-32.00");
    expect(await count("reconciled_lines")).toBe(0);
  });

  it("creates the missing entry from the statement line with the bot's coding, and then it balances", async () => {
    const before = reconciliationJson(await getReconciliation(t.ctx, b.actor, b.slug, id));
    const staples = before.unmatched.statement[0]!;
    const after = reconciliationJson(await createEntryFromLine(t.ctx, b.actor, b.slug, id, staples.id));
    expect(after.id).toBe(id);
    expect(after.unmatched.statement).toEqual([]);
    expect(after.difference).toBe("0.00");
    expect(after.clearedBalance).toBe("3000.00");
  });

  it("completes at zero, locks the cleared lines and refuses to change them", async () => {
    clock.advance(90 * MINUTE);
    const done = reconciliationJson(await completeReconciliation(t.ctx, b.actor, b.slug, id));
    expect(done).toMatchObject({ status: "completed", difference: "0.00" });
    // Both times on the same clock: an hour and a half apart, as the person spent them.
    expect(Date.parse(done.completedAt!) - Date.parse(done.startedAt)).toBe(90 * MINUTE);
    expect(done.completedBy?.name).toBe(b.actor.displayName);
    expect(await count("reconciled_lines")).toBe(5);
    await expect(ledger.reverseEntry(t.ctx, b.actor, b.slug, entries.deposit!)).rejects.toThrow(
      /reconcile\/line-reconciled/,
    );
    // The outstanding check is not cleared: it may still be changed.
    const list = await listReconciliations(t.ctx, b.actor, b.slug, { bankAccount: "checking" });
    expect(list[0]!.lastReconciled).toMatchObject({ to: "2026-03-31", closing: "3000.00" });
  });

  it("refuses overlapping and gapped periods, other currencies and locked months", async () => {
    const overlap = await errorOf(
      startReconciliation(t.ctx, b.actor, b.slug, {
        bankAccount: "checking",
        from: "2026-03-15",
        to: "2026-04-14",
        closing: "3000.00",
      }),
    );
    expect(overlap.code).toBe("reconcile/period-overlaps");
    const gap = await errorOf(
      startReconciliation(t.ctx, b.actor, b.slug, {
        bankAccount: "checking",
        from: "2026-04-05",
        to: "2026-04-30",
        closing: "3000.00",
      }),
    );
    expect(gap.code).toBe("reconcile/period-gap");
    expect(gap.detail).toContain("2026-04-01");
    const currency = await errorOf(
      startReconciliation(t.ctx, b.actor, b.slug, {
        bankAccount: "checking",
        from: "2026-04-01",
        to: "2026-04-30",
        closing: "3000.00",
        currency: "EUR",
      }),
    );
    expect(currency.code).toBe("reconcile/currency-mismatch");
    await ledger.setPeriodLock(t.ctx, b.actor, b.slug, "2026-04", true);
    const locked = await errorOf(
      startReconciliation(t.ctx, b.actor, b.slug, {
        bankAccount: "checking",
        from: "2026-04-01",
        to: "2026-04-30",
        closing: "3000.00",
      }),
    );
    expect(locked.code).toBe("reconcile/period-locked");
    await ledger.setPeriodLock(t.ctx, b.actor, b.slug, "2026-04", false);
    expect(await count("reconciliations")).toBe(1);
  });

  it("refuses a statement whose lines do not add up from the opening to the closing balance", async () => {
    // April has no lines: from the March closing (3000.00) the closing must stay 3000.00.
    const e = await errorOf(
      startReconciliation(t.ctx, b.actor, b.slug, {
        bankAccount: "checking",
        from: "2026-04-01",
        to: "2026-04-30",
        closing: "2990.00",
      }),
    );
    expect(e.code).toBe("statement/lines-do-not-sum");
    expect(e.detail).toMatch(/10\.00 too high/);
    expect(await count("reconciliations")).toBe(1);
  });

  it("unreconciles on request (audited), unlocking the lines", async () => {
    const undone = reconciliationJson(
      await unreconcile(t.ctx, b.actor, b.slug, id, { reason: "bank corrected the statement" }),
    );
    expect(undone).toMatchObject({
      status: "unreconciled",
      unreconcileReason: "bank corrected the statement",
    });
    expect(await count("reconciled_lines")).toBe(0);
    const audit = await sql<{
      action: string;
    }>`select action from audit_events where subject_id = ${id} order by occurred_at, id`.execute(t.ctx.db);
    expect(audit.rows.map((r) => r.action)).toContain("reconcile.reconciliation.unreconciled");
  });
});

describe("two people reconciling the same account", () => {
  const pat = (): Actor => ({ ...b.actor, id: "pat", displayName: "Pat" });
  const sam = (): Actor => ({ ...b.actor, id: "sam", displayName: "Sam" });

  it("refuses the second person while the first one's reconciliation is in progress", async () => {
    const first = await startReconciliation(t.ctx, pat(), b.slug, { bankAccount: "checking" });
    const e = await errorOf(startReconciliation(t.ctx, sam(), b.slug, { bankAccount: "checking" }));
    expect(e.status).toBe(409);
    expect(e.detail).toContain("Pat");
    // Pat's own start again is a refresh of the same one.
    const again = await startReconciliation(t.ctx, pat(), b.slug, { bankAccount: "checking" });
    expect(again.state.row.id).toBe(first.state.row.id);
    expect(again.refreshed).toBe(true);
  });

  it("lets exactly one of two simultaneous starts through, and saves nothing of the other", async () => {
    await t.ctx.db.deleteFrom("reconciliation_matches" as never).execute();
    await sql`delete from reconciliations where status = 'in_progress'`.execute(t.ctx.db);
    const before = await count("reconciliations");
    const results = await Promise.allSettled([
      startReconciliation(t.ctx, pat(), b.slug, { bankAccount: "checking" }),
      startReconciliation(t.ctx, sam(), b.slug, { bankAccount: "checking" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((refused.reason as AppError).code).toBe("reconcile/in-progress");
    expect(await count("reconciliations")).toBe(before + 1);
  });
});
