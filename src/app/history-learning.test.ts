// Learning from the books: a journal of a client's old books, imported, queues one retraining by
// itself (coalesced per client); the bot then predicts the next statement's lines from that history
// with memory and the "seen three times" guard counting it; the importer hears how it went. An
// import that moves no money says there is nothing to learn; a failed retraining keeps the model.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../test/support/db.ts";
import { createUser } from "../../test/support/auth.ts";
import type { Actor } from "../platform/actor.ts";
import { loadConfig } from "../platform/config.ts";
import { addDays } from "../platform/dates.ts";
import { createDelivery } from "../platform/delivery/index.ts";
import * as categorize from "../modules/categorize/index.ts";
import * as identity from "../modules/identity/index.ts";
import * as ledger from "../modules/ledger/index.ts";
import type { NotifyCtx } from "../modules/notifications/index.ts";
import * as transactions from "../modules/transactions/index.ts";
import { bookkeepingClient, type BooksFixture } from "../../test/support/books.ts";

let t: TestDb;
let b: BooksFixture;
let person: Actor;
const logged: string[] = [];

const CHECKING = "Cash and Bank:Operating Checking";

/** A year of old books: rent, power and sales through the checking account, every few days. */
function oldBooks(from: string, days: number): string {
  const out: string[] = [];
  for (let d = 0; d < days; d += 3) {
    const date = addDays(from, d);
    const [text, account, cents] =
      d % 9 === 0
        ? ["HARBORVIEW PROPERTY RENT", "Rent", -150_000]
        : d % 9 === 3
          ? ["CITY POWER & LIGHT ELECTRICITY", "Utilities", -8_000 - d]
          : ["SQUARE DEPOSIT CARD SALES", "Sales", 40_000 + d * 10];
    const amount = (cents / 100).toFixed(2);
    out.push(`${date} ${text}`, `    ${CHECKING}  $${amount}`, `    ${account}`, "");
  }
  return out.join("\n");
}

const bell = async (userId: string) =>
  (
    await sql<{ event: string; title: string; body: string }>`
      select event, title, body from notifications where user_id = ${userId} order by created_at`.execute(
      t.ctx.db,
    )
  ).rows;

const progress = async () =>
  (
    await sql<{
      training_progress: { stage: string; lines?: number; error?: string } | null;
      training_queued: boolean;
    }>`
      select training_progress, training_queued from categorize_state where client_id = ${b.clientId}::uuid`.execute(
      t.ctx.db,
    )
  ).rows[0];

beforeAll(async () => {
  t = await testDb();
  const nctx: NotifyCtx = {
    ...t.ctx,
    delivery: createDelivery(loadConfig({}), t.ctx.db),
    baseUrl: "https://books.example",
    emailsOf: identity.emailsOf,
  };
  b = await bookkeepingClient(t.ctx, "acme", "firm-a", { notify: nctx, log: (line) => logged.push(line) });
  const user = await createUser(t, { firmId: b.firmId, role: "partner_admin", clients: "all" });
  person = { ...b.actor, type: "user", id: user.id };
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe("learning from an imported history", () => {
  it("says there is nothing to learn when no entry moves money in a bank or card account", async () => {
    await ledger.importJournal(
      t.ctx,
      person,
      b.slug,
      "2026-01-31 Depreciation\n    Depreciation Expense  $100.00\n    Accumulated Depreciation\n",
      {
        fileName: "depreciation.journal",
      },
    );
    await t.ctx.jobs.drain();
    expect(logged.join("\n")).toMatch(/nothing to learn/);
    expect(await bell(person.id)).toEqual([
      expect.objectContaining({ event: "bot.learned", title: "Nothing for the bot to learn" }),
    ]);
    expect((await progress())?.training_progress?.stage).toBe("nothing-to-learn");
    expect(await categorize.learningStatus(t.ctx, b.actor, b.slug)).toMatchObject({ models: [] });
  });

  it("retrains once per client by itself, and the next statement is predicted from the books", async () => {
    const start = addDays(t.ctx.clock.today(), -200);
    await ledger.importJournal(t.ctx, person, b.slug, oldBooks(start, 120), {
      fileName: "old-books-1.journal",
    });
    // Histories arriving while a retraining waits (or runs) add no second one.
    const job = {
      firmId: b.firmId,
      clientId: b.clientId,
      userId: person.id,
      fileName: "old-books-2.journal",
      entries: 20,
      moneyEntries: 20,
    };
    const first = await categorize.queueHistoryTraining(t.ctx, job);
    const again = await categorize.queueHistoryTraining(t.ctx, job);
    expect(first.log).toMatch(/retraining (already )?queued/);
    expect(again.log).toMatch(/retraining already queued/);
    await t.ctx.jobs.drain();
    expect((await progress())?.training_progress).toMatchObject({ stage: "done" });
    expect((await progress())?.training_queued).toBe(false);
    const status = await categorize.learningStatus(t.ctx, b.actor, b.slug);
    expect(status.models.filter((m) => m.isCurrent).length).toBeGreaterThan(0);
    expect(await bell(person.id)).toContainEqual(
      expect.objectContaining({ title: "The bot has learned from the imported history" }),
    );
    // The books' merchants are in memory, counted for the guard: the same merchant on a bank line
    // is predicted from memory with its history's account and support.
    const bot = await categorize.openBot(t.ctx, b.actor, b.slug, []);
    const p = bot.predict(
      {
        id: "x",
        clientId: b.clientId,
        date: t.ctx.clock.today(),
        description: "HARBORVIEW PROPERTY RENT",
        amount: -150_000n,
      },
      b.account("1010"),
    );
    expect(p.method).toBe("memory");
    expect(p.account).toBe(b.account("6500"));
    expect((p.reason.memory?.support ?? 0) >= categorize.MIN_SUPPORT_FOR_HIGH).toBe(true);
    expect(transactions.ENTRY_SOURCE).not.toBe("import");
  });

  it("keeps the previous model and reports a failed retraining", async () => {
    const before = (await categorize.learningStatus(t.ctx, b.actor, b.slug)).models.filter(
      (m) => m.isCurrent,
    );
    const outcome = await categorize.runHistoryTraining(
      t.ctx,
      { firmId: b.firmId, clientId: b.clientId, userId: person.id },
      async () => {
        throw new Error("the history could not be read");
      },
    );
    expect(outcome.log).toMatch(/failed, previous model kept: the history could not be read/);
    expect(outcome.notice?.title).toBe("The bot could not learn from the imported history");
    expect((await progress())?.training_progress).toMatchObject({
      stage: "failed",
      error: "the history could not be read",
    });
    const after = (await categorize.learningStatus(t.ctx, b.actor, b.slug)).models.filter((m) => m.isCurrent);
    expect(after.map((m) => m.id)).toEqual(before.map((m) => m.id));
  });
});
