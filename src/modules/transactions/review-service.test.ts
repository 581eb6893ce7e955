// Review on a real database: an edit of a posted transaction reverses its entry and posts a new
// one (the general ledger shows both); a correction teaches memory at once and queues retraining;
// splits by amount and percent; marking reviewed pushes what Manual Push held back; bulk actions;
// and every refusal (locked period, bad split, unknown account) changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { AppError } from "../../platform/errors.ts";
import * as categorize from "../categorize/index.ts";
import * as ledger from "../ledger/index.ts";
import {
  bookkeepingClient,
  importLines,
  learnHistory,
  merchantLines,
  type BooksFixture,
} from "../../../test/support/books.ts";
import {
  bulkEdit,
  editTransaction,
  getTransaction,
  listTransactions,
  reviewTransactions,
  setAutomation,
  splitTransaction,
  type TransactionView,
} from "./index.ts";

let t: TestDb;
let b: BooksFixture;

beforeAll(async () => {
  t = await testDb();
  b = await bookkeepingClient(t.ctx);
  await learnHistory(b, "2026-02-28");
  await setAutomation(t.ctx, b.actor, b.slug, "checking", { mode: "auto_push", startDate: "2026-01-01" });
  await setAutomation(t.ctx, b.actor, b.slug, "card", { mode: "manual_push", startDate: null });
  await importLines(b, merchantLines("2026-04-01", 2), "checking", "april.csv");
});
afterAll(async () => {
  await t?.close();
});

const find = async (
  search: string,
  extra: Parameters<typeof listTransactions>[3] = {},
): Promise<TransactionView> => {
  const rows = (await listTransactions(t.ctx, b.actor, b.slug, { tab: "all", search, limit: 100, ...extra }))
    .transactions;
  if (rows.length === 0) throw new Error(`no transaction matching ${search}`);
  return rows[0]!;
};

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

/** Everything a refused call must leave as it was. */
async function snapshot() {
  const count = async (table: string) =>
    Number(
      (await sql<{ n: bigint }>`select count(*)::int8 as n from ${sql.table(table)}`.execute(t.ctx.db))
        .rows[0]!.n,
    );
  const rows = await sql`select * from transactions order by id`.execute(t.ctx.db);
  const memory = await sql`select key, tally from categorize_memory order by key`.execute(t.ctx.db);
  return {
    transactions: JSON.stringify(rows.rows, (_k, v) => (typeof v === "bigint" ? v.toString() : v)),
    memory: JSON.stringify(memory.rows),
    entries: await count("journal_entries"),
    audit: await count("audit_events"),
    jobs: await count("job_queue"),
  };
}

describe("editing a posted transaction", () => {
  it("reverses its entry and posts a new one; the general ledger shows both", async () => {
    const fuel = await find("SHELL", { from: "2026-04-01", to: "2026-04-01" });
    expect(fuel).toMatchObject({ status: "processed", posted: true });
    const original = fuel.entryId!;
    const edited = await editTransaction(t.ctx, b.actor, b.slug, fuel.id, { accountId: b.account("6750") });
    expect(edited.coding.accountId).toBe(b.account("6750"));
    expect(edited.entryId).not.toBe(original);
    expect(edited.edited?.name).toBe(b.actor.displayName);
    const before = await ledger.getEntry(t.ctx, b.actor, b.slug, original);
    expect(before.status).toBe("reversed");
    const after = await ledger.getEntry(t.ctx, b.actor, b.slug, edited.entryId!);
    expect(after.lines.find((l) => l.accountId === b.account("6750"))?.amount).toBe(-fuel.amount);
    const gl = await ledger.generalLedger(t.ctx, b.actor, b.slug, {
      from: "2026-04-01",
      to: "2026-04-01",
      accountId: b.account("6100"),
    });
    const lines = gl.accounts[0]!.lines;
    // The original debit and its reversal stay side by side in the account's detail.
    expect(lines.map((l) => l.amount).sort()).toEqual([fuel.amount, -fuel.amount].sort());
    const detail = await getTransaction(t.ctx, b.actor, b.slug, fuel.id);
    expect(detail.history.map((h) => h.action)).toEqual(["transactions.transaction.edited"]);
  });

  it("refuses an edit in a locked month and changes nothing", async () => {
    const staples = await find("STAPLES", { from: "2026-04-02", to: "2026-04-02" });
    await ledger.setPeriodLock(t.ctx, b.actor, b.slug, "2026-04", true);
    const before = await snapshot();
    const error = await errorOf(
      editTransaction(t.ctx, b.actor, b.slug, staples.id, { accountId: b.account("6600") }),
    );
    expect(error).toMatchObject({ code: "ledger/period-locked", status: 422 });
    expect(await snapshot()).toEqual(before);
    await ledger.setPeriodLock(t.ctx, b.actor, b.slug, "2026-04", false);
  });

  it("refuses an unknown account, naming the field", async () => {
    const staples = await find("STAPLES", { from: "2026-04-02", to: "2026-04-02" });
    const before = await snapshot();
    const error = await errorOf(
      editTransaction(t.ctx, b.actor, b.slug, staples.id, {
        accountId: "0190b5d4-0000-7000-8000-000000000000",
      }),
    );
    expect(error).toMatchObject({ code: "transactions/unknown-account", field: "accountId" });
    expect(await snapshot()).toEqual(before);
  });
});

describe("learning from corrections", () => {
  it("teaches memory at once, so the next line from the merchant follows, and queues one retraining", async () => {
    await importLines(
      b,
      [{ date: "2026-04-06", description: "BLUE BOTTLE COFFEE #0411", amount: "-6.50" }],
      "checking",
      "coffee-1.csv",
    );
    const first = await find("BLUE BOTTLE");
    expect(first.prediction.method).not.toBe("memory");
    const corrected = await editTransaction(t.ctx, b.actor, b.slug, first.id, {
      accountId: b.account("6350"),
      payee: "Blue Bottle Coffee",
    });
    expect(corrected.coding).toMatchObject({
      accountId: b.account("6350"),
      payee: "Blue Bottle Coffee",
      contactId: expect.any(String),
    });
    const queued = await categorize.learningStatus(t.ctx, b.actor, b.slug);
    expect(queued).toMatchObject({ pendingCorrections: 1, trainingQueued: true });
    const versionBefore = queued.models.find((m) => m.isCurrent && m.scope === "client")!.version;

    await importLines(
      b,
      [{ date: "2026-04-07", description: "BLUE BOTTLE COFFEE #0412", amount: "-7.25" }],
      "checking",
      "coffee-2.csv",
    );
    const second = await find("BLUE BOTTLE COFFEE #0412");
    expect(second.prediction.method).toBe("memory");
    expect(second.prediction.coding.accountId).toBe(b.account("6350"));
    expect(second.prediction.coding.payee).toBe("Blue Bottle Coffee");
    expect(second.prediction.explanation).toContain("6350 Meals");

    // The import drained the queue: the client's model was retrained and the correction counted in.
    const after = await categorize.learningStatus(t.ctx, b.actor, b.slug);
    expect(after).toMatchObject({ pendingCorrections: 0, trainingQueued: false });
    const current = after.models.find((m) => m.isCurrent && m.scope === "client")!;
    expect(current.version).toMatch(/^client-v1\.\d+$/);
    expect(current.version).not.toBe(versionBefore);
    expect(after.models.filter((m) => m.scope === "client" && !m.isCurrent).map((m) => m.version)).toContain(
      versionBefore,
    );
    const jobs = await sql<{
      state: string;
    }>`select state from job_queue where name = 'categorize.train-client'`.execute(t.ctx.db);
    expect(jobs.rows.every((r) => r.state === "done")).toBe(true);
  });

  it("counts a line once when it is corrected twice", async () => {
    const line = await find("BLUE BOTTLE COFFEE #0411");
    await editTransaction(t.ctx, b.actor, b.slug, line.id, { accountId: b.account("6400") });
    await editTransaction(t.ctx, b.actor, b.slug, line.id, { accountId: b.account("6350") });
    const bot = await categorize.openBot(t.ctx, b.actor, b.slug, []);
    const tallies = Object.entries(bot.model.memory.tallies).filter(
      ([k]) => k.startsWith(b.clientId) && k.includes("blue bottle"),
    );
    const byAccount = tallies[0]![1];
    expect(byAccount.labels).not.toContain(b.account("6400"));
    const meals = byAccount.labels.indexOf(b.account("6350"));
    // Corrected twice, the line still counts once (the second, unreviewed Blue Bottle line is not learned yet).
    expect(byAccount.counts[meals]).toBe(1);
  });
});

describe("splitting", () => {
  it("splits a posted transaction by amount: reversed, and posted again in parts", async () => {
    const power = await find("CITY POWER", { from: "2026-04-01", to: "2026-04-01" });
    const magnitude = -power.amount;
    const first = magnitude / 4n;
    const toDecimal = (v: bigint) => `${v / 100n}.${String(v % 100n).padStart(2, "0")}`;
    const split = await splitTransaction(t.ctx, b.actor, b.slug, power.id, {
      by: "amount",
      parts: [
        { accountId: b.account("6800"), amount: toDecimal(magnitude - first) },
        { accountId: b.account("6500"), amount: toDecimal(first), memo: "shared meter" },
      ],
    });
    expect(split.coding.split?.map((p) => p.amount)).toEqual([-(magnitude - first), -first]);
    const entry = await ledger.getEntry(t.ctx, b.actor, b.slug, split.entryId!);
    expect(entry.lines).toHaveLength(3);
    expect(entry.lines.reduce((s, l) => s + l.amount, 0n)).toBe(0n);
    expect((await ledger.getEntry(t.ctx, b.actor, b.slug, power.entryId!)).status).toBe("reversed");
  });

  it("splits by percent with parts that total the line", async () => {
    const comcast = await find("COMCAST", { from: "2026-04-01", to: "2026-04-01" });
    const split = await splitTransaction(t.ctx, b.actor, b.slug, comcast.id, {
      by: "percent",
      parts: [
        { accountId: b.account("6700"), percent: "33.33" },
        { accountId: b.account("6600"), percent: "33.33" },
        { accountId: b.account("6400"), percent: "33.34" },
      ],
    });
    expect(split.coding.split!.reduce((s, p) => s + p.amount, 0n)).toBe(comcast.amount);
    expect(split.coding.split!.map((p) => p.percent)).toEqual(["33.33", "33.33", "33.34"]);
  });

  it("refuses a split that does not total the amount, or 100%, or names an unknown account — changing nothing", async () => {
    const adobe = await find("ADOBE", { from: "2026-04-01", to: "2026-04-01" });
    const before = await snapshot();
    const notTotal = await errorOf(
      splitTransaction(t.ctx, b.actor, b.slug, adobe.id, {
        by: "amount",
        parts: [
          { accountId: b.account("6600"), amount: "1.00" },
          { accountId: b.account("6400"), amount: "1.00" },
        ],
      }),
    );
    expect(notTotal).toMatchObject({ code: "transactions/split-not-total", field: "parts" });
    expect(notTotal.detail).toMatch(/the parts total 2\.00 but the transaction is/);
    const not100 = await errorOf(
      splitTransaction(t.ctx, b.actor, b.slug, adobe.id, {
        by: "percent",
        parts: [
          { accountId: b.account("6600"), percent: "60" },
          { accountId: b.account("6400"), percent: "30" },
        ],
      }),
    );
    expect(not100).toMatchObject({ code: "transactions/split-percent-not-100" });
    expect(not100.detail).toMatch(/90%, not 100%/);
    const unknown = await errorOf(
      splitTransaction(t.ctx, b.actor, b.slug, adobe.id, {
        by: "percent",
        parts: [
          { accountId: b.account("6600"), percent: "50" },
          { accountId: "0190b5d4-0000-7000-8000-000000000000", percent: "50" },
        ],
      }),
    );
    expect(unknown).toMatchObject({ code: "transactions/unknown-account", field: "parts[1].accountId" });
    expect(await snapshot()).toEqual(before);
  });
});

describe("marking reviewed", () => {
  it("pushes what Manual Push held back: posted, processed, learned", async () => {
    await importLines(b, merchantLines("2026-04-10", 1, { seed: 3 }), "card", "card.csv");
    const waiting = (
      await listTransactions(t.ctx, b.actor, b.slug, { tab: "needs_review", bankAccountId: b.card.id })
    ).transactions;
    expect(waiting).toHaveLength(8);
    for (const w of waiting) expect(w).toMatchObject({ posted: false, status: "needs_review" });
    const reviewed = await reviewTransactions(
      t.ctx,
      b.actor,
      b.slug,
      waiting.map((w) => w.id),
    );
    for (const r of reviewed) {
      expect(r).toMatchObject({ status: "processed", posted: true });
      expect(r.reviewed?.name).toBe(b.actor.displayName);
      const entry = await ledger.getEntry(t.ctx, b.actor, b.slug, r.entryId!);
      // A card purchase credits the card (a liability) and debits the expense.
      expect(entry.lines.find((l) => l.accountId === b.account("2100"))?.amount).toBe(r.amount);
    }
    // Reviewing again changes nothing.
    const again = await reviewTransactions(t.ctx, b.actor, b.slug, [waiting[0]!.id]);
    expect(again[0]!.entryId).toBe(reviewed.find((r) => r.id === waiting[0]!.id)!.entryId);
  });

  it("refuses lines outside automation and lines without an account, changing nothing", async () => {
    await importLines(
      b,
      [{ date: "2025-12-01", description: "OLD LINE", amount: "-1.00" }],
      "checking",
      "old.csv",
    );
    const old = await find("OLD LINE");
    expect(old.status).toBe("excluded");
    const before = await snapshot();
    const stapled = await find("STAPLES", { from: "2026-04-01", to: "2026-04-01" });
    const error = await errorOf(reviewTransactions(t.ctx, b.actor, b.slug, [stapled.id, old.id]));
    expect(error.code).toBe("transactions/excluded");
    expect(await snapshot()).toEqual(before);
  });
});

describe("bulk actions", () => {
  it("codes many at once and marks them reviewed, all or nothing", async () => {
    await importLines(
      b,
      [
        { date: "2026-04-20", description: "ACME WIDGETS 1", amount: "-20.00" },
        { date: "2026-04-20", description: "ACME WIDGETS 2", amount: "-30.00" },
      ],
      "checking",
      "acme.csv",
    );
    const found = (await listTransactions(t.ctx, b.actor, b.slug, { tab: "all", search: "ACME WIDGETS" }))
      .transactions;
    const ids = found.map((x) => x.id);
    expect(ids).toHaveLength(2);
    const before = await snapshot();
    const refused = await errorOf(
      bulkEdit(t.ctx, b.actor, b.slug, [...ids, "0190b5d4-0000-7000-8000-000000000000"], {
        accountId: b.account("5100"),
      }),
    );
    expect(refused.code).toBe("transactions/not-found");
    expect(await snapshot()).toEqual(before);
    const edited = await bulkEdit(t.ctx, b.actor, b.slug, ids, { accountId: b.account("5100") });
    for (const e of edited) expect(e.coding.accountId).toBe(b.account("5100"));
    const reviewed = await reviewTransactions(t.ctx, b.actor, b.slug, ids);
    expect(reviewed.map((r) => r.status)).toEqual(["processed", "processed"]);
    const tb = await ledger.trialBalance(t.ctx, b.actor, b.slug);
    for (const total of tb.totals) expect(total.debit).toBe(total.credit);
  });
});
