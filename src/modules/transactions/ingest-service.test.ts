// From import to posting on a real database: the import's job makes one transaction per new line
// with its prediction; Manual Push predicts without posting; AutoPush posts by confidence band,
// holds or posts low confidence to the default account, sends material amounts to review and
// leaves out lines before its start date; a repeated job adds nothing; posted entries balance and
// the trial balance stays zero per currency.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { AppError } from "../../platform/errors.ts";
import * as categorize from "../categorize/index.ts";
import * as ledger from "../ledger/index.ts";
import {
  bookkeepingClient,
  importLines,
  merchantLines,
  learnHistory,
  type BooksFixture,
} from "../../../test/support/books.ts";
import { getTransaction, listTransactions, processImport, setAutomation } from "./index.ts";

let t: TestDb;
let b: BooksFixture;

beforeAll(async () => {
  t = await testDb();
  b = await bookkeepingClient(t.ctx);
});
afterAll(async () => {
  await t?.close();
});

const all = async (extra: Parameters<typeof listTransactions>[3] = {}) =>
  (await listTransactions(t.ctx, b.actor, b.slug, { tab: "all", limit: 500, ...extra })).transactions;

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

async function trialBalanceIsZero(): Promise<void> {
  const tb = await ledger.trialBalance(t.ctx, b.actor, b.slug);
  expect(tb.totals.length).toBeGreaterThan(0);
  for (const total of tb.totals) expect(total.debit).toBe(total.credit);
}

describe("before the bot has learned anything", () => {
  it("predicts every new line under Manual Push and posts nothing", async () => {
    const summary = await importLines(b, merchantLines("2026-03-02", 1), "checking", "march.csv");
    expect(summary.newLines).toBe(8);
    const rows = await all();
    expect(rows).toHaveLength(8);
    for (const r of rows) {
      expect(r).toMatchObject({ status: "needs_review", posted: false, entryId: null });
      expect(r.prediction.method).toBe("default");
      expect(r.prediction.band).toBe("low");
      expect(r.prediction.explanation).toMatch(/Nothing in this client's history/);
      expect(r.prediction.modelVersion).toBe("default@0");
      // The proposed coding is the default (uncategorized) account.
      expect(r.coding.accountId).toBe(b.account("6990"));
    }
    expect(r0Payees(rows)).toContain("Shell");
  });

  it("posts low confidence to the default account once AutoPush is on, re-running what waits", async () => {
    const result = await setAutomation(t.ctx, b.actor, b.slug, "checking", {
      mode: "auto_push",
      startDate: "2026-01-01",
    });
    expect(result).toMatchObject({
      mode: "auto_push",
      startDate: "2026-01-01",
      rerun: { transactions: 8, posted: 8 },
    });
    expect(result.lastUpdated?.name).toBe(b.actor.displayName);
    const rows = await all();
    for (const r of rows) {
      expect(r).toMatchObject({ status: "needs_review", posted: true });
      expect(r.statusReason).toMatch(/default account/);
      const entry = await ledger.getEntry(t.ctx, b.actor, b.slug, r.entryId!);
      expect(entry.source).toBe("transactions");
      expect(entry.lines.map((l) => l.accountId).sort()).toEqual(
        [b.account("1010"), b.account("6990")].sort(),
      );
      expect(entry.lines.every((l) => l.contactId !== null)).toBe(true);
    }
    await trialBalanceIsZero();
  });

  it("holds low confidence instead when the settings say so", async () => {
    await categorize.updateSettings(t.ctx, b.actor, b.slug, { lowConfidence: "hold" });
    await importLines(b, merchantLines("2026-03-09", 1, { seed: 9 }), "checking", "march-2.csv");
    const held = await all({ from: "2026-03-09", to: "2026-03-09" });
    expect(held).toHaveLength(8);
    for (const r of held) expect(r).toMatchObject({ status: "held", posted: false });
    const page = await listTransactions(t.ctx, b.actor, b.slug, { tab: "needs_review" });
    expect(page.counts).toMatchObject({ needsReview: 16, held: 8, processed: 0 });
    await categorize.updateSettings(t.ctx, b.actor, b.slug, { lowConfidence: "post_default" });
  });
});

function r0Payees(rows: Awaited<ReturnType<typeof all>>): string[] {
  return rows.map((r) => r.coding.payee ?? "");
}

describe("once trained on the client's history", () => {
  beforeAll(async () => {
    const report = await learnHistory(b, "2026-02-28");
    expect(report.lines).toBeGreaterThanOrEqual(640);
    expect(report.clientModels).toHaveLength(1);
    await categorize.updateSettings(t.ctx, b.actor, b.slug, { materiality: "2000.00" });
  });

  it("posts confident lines to Processed with their method, model version and explanation", async () => {
    await importLines(b, merchantLines("2026-04-01", 2), "checking", "april.csv");
    const rows = await all({ from: "2026-04-01", to: "2026-04-02" });
    expect(rows).toHaveLength(16);
    const fuel = rows.find((r) => r.description.startsWith("POS DEBIT SHELL OIL"))!;
    expect(fuel).toMatchObject({ status: "processed", posted: true });
    expect(fuel.coding.accountId).toBe(b.account("6100"));
    expect(fuel.prediction).toMatchObject({ method: "memory", band: "high" });
    expect(fuel.prediction.confidence).toBeGreaterThanOrEqual(0.9);
    expect(fuel.prediction.modelVersion).toMatch(/^memory@1\./);
    expect(fuel.prediction.explanation).toContain("6100 Car and Truck");
    const detail = await getTransaction(t.ctx, b.actor, b.slug, fuel.id);
    expect(detail.history).toEqual([]);
    await trialBalanceIsZero();
  });

  it("sends a material amount to review, posted, whatever its confidence", async () => {
    const rent = (await all({ from: "2026-04-01", to: "2026-04-02", search: "HARBORVIEW" }))[0]!;
    expect(rent.prediction.band).toBe("high");
    expect(rent).toMatchObject({ status: "needs_review", posted: true, material: true });
    expect(rent.statusReason).toMatch(/materiality/);
  });

  it("leaves lines before the start date out of automation", async () => {
    await importLines(b, merchantLines("2025-12-30", 1), "checking", "december.csv");
    const rows = await all({ from: "2025-12-30", to: "2025-12-30" });
    expect(rows).toHaveLength(8);
    for (const r of rows) expect(r).toMatchObject({ status: "excluded", posted: false });
    expect(rows[0]!.statusReason).toMatch(/before the automation start date/);
  });

  it("adds nothing when the same import job runs again", async () => {
    const before = (await all()).length;
    const [job] = (
      await sql<{
        data: { firmId: string; clientId: string; bankAccountId: string; importId: string; newLines: number };
      }>`
        select data from job_queue where name = 'bank-lines.imported' order by id desc limit 1`.execute(
        t.ctx.db,
      )
    ).rows;
    const again = await processImport(t.ctx, job!.data);
    expect(again).toMatchObject({ created: 0, skipped: 8 });
    // A job handed over before its import is visible fails (and is tried again) rather than skip lines.
    const early = await errorOf(processImport(t.ctx, { ...job!.data, newLines: 9 }));
    expect(early.code).toBe("transactions/import-not-visible");
    expect((await all()).length).toBe(before);
  });

  it("keeps every transaction's entry balanced and the trial balance at zero per currency", async () => {
    const rows = (await all()).filter((r) => r.posted);
    expect(rows.length).toBeGreaterThan(20);
    for (const r of rows) {
      const entry = await ledger.getEntry(t.ctx, b.actor, b.slug, r.entryId!);
      expect(entry.lines.reduce((s, l) => s + l.amount, 0n)).toBe(0n);
      expect(entry.lines.find((l) => l.accountId === b.account("1010"))?.amount).toBe(r.amount);
    }
    await trialBalanceIsZero();
  });
});

describe("automation settings", () => {
  it("refuse a start date more than 24 months back, changing nothing", async () => {
    const before = await setAutomation(t.ctx, b.actor, b.slug, "card", {
      mode: "manual_push",
      startDate: null,
    });
    const error = await errorOf(
      setAutomation(t.ctx, b.actor, b.slug, "card", { mode: "auto_push", startDate: "2024-06-14" }),
    );
    expect(error).toMatchObject({ code: "transactions/start-date-too-early", field: "startDate" });
    const after = await import("./index.ts").then((m) => m.getAutomation(t.ctx, b.actor, b.slug, "card"));
    expect(after).toMatchObject({
      mode: before.mode,
      startDate: before.startDate,
      earliestStartDate: "2024-06-15",
    });
  });

  it("say who changed them, in the audit trail too", async () => {
    const rows = await sql<{ action: string; after: { mode: string } }>`
      select action, after from audit_events where action = 'transactions.automation.updated' order by id`.execute(
      t.ctx.db,
    );
    expect(rows.rows.map((r) => r.after.mode)).toEqual(["auto_push", "manual_push"]);
  });
});
