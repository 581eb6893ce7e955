// An import's job works in batches, each in its own short transaction (issue 11 item 6): on PGlite,
// where every query of the process shares one session, a request for another client's trial balance
// completes while a large import is still being worked, instead of waiting for all of it; and a job
// stopped between two batches leaves whole batches behind, which a second run completes without
// doubling anything. The job is held between batches by a hook, not timed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import * as banking from "../banking/index.ts";
import { csvOf } from "../../../test/support/bank-fixtures.ts";
import * as ledger from "../ledger/index.ts";
import type { Pacing } from "../../platform/pacing.ts";
import { registerWork } from "../../app/work.ts";
import {
  bookkeepingClient,
  importLines,
  merchantLines,
  type BooksFixture,
} from "../../../test/support/books.ts";
import { processImport, setAutomation } from "./index.ts";

let t: TestDb;
let busy: BooksFixture;
let other: BooksFixture;

beforeAll(async () => {
  t = await testDb();
  busy = await bookkeepingClient(t.ctx, "busy", "firm-a");
  other = await bookkeepingClient(t.ctx, "other", "firm-b");
  // Lines post (AutoPush), so a batch's entries and transactions must commit together.
  await setAutomation(t.ctx, busy.actor, busy.slug, "checking", {
    mode: "auto_push",
    startDate: "2026-01-05",
  });
  // The other client has books of its own: its trial balance reads real balances.
  await setAutomation(t.ctx, other.actor, other.slug, "checking", {
    mode: "auto_push",
    startDate: "2026-01-05",
  });
  await importLines(other, merchantLines("2026-02-02", 2), "checking", "other.csv");
});
afterAll(async () => {
  await t?.close();
});

/** Transactions made so far from one import's lines. */
async function transactionsOf(importId: string): Promise<{ lines: number; posted: number }> {
  const { rows } = await sql<{ lines: number; posted: number }>`
    select count(*)::int as lines, count(t.entry_id)::int as posted
    from transactions t join bank_lines bl on bl.id = t.bank_line_id
    where bl.import_id = ${importId}::uuid`.execute(t.ctx.db);
  return rows[0]!;
}

async function importQueued(from: string, lines: number, name: string): Promise<banking.ImportSummary> {
  return banking.importStatementFile(busy.ctx, busy.actor, busy.slug, "checking", {
    bytes: csvOf(merchantLines(from, lines / 8, { seed: lines })),
    fileName: name,
    source: "upload",
  });
}

/** A hook that holds the job before batch `at` (lines done) until released. */
function holdAt(at: number) {
  let release!: () => void;
  let reached!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const hold = {
    reached: new Promise<void>((resolve) => (reached = resolve)),
    release,
    pacing: {
      batchSize: 8,
      between: async (done: number) => {
        if (done !== at) return;
        reached();
        await released;
      },
    } satisfies Pacing,
  };
  return hold;
}

describe("an import job worked in batches", () => {
  it("lets another client's trial balance through while it is half-way, then finishes every line", async () => {
    const summary = await importQueued("2026-03-02", 40, "big.csv");
    const hold = holdAt(16);
    await registerWork(t.ctx, { importPacing: hold.pacing });
    let finished = false;
    const working = t.ctx.jobs.drain().then(() => (finished = true));
    await hold.reached;

    // Two batches are committed and visible; the job holds no transaction while it waits.
    expect(await transactionsOf(summary.importId)).toMatchObject({ lines: 16 });
    const tb = await ledger.trialBalance(t.ctx, other.actor, other.slug);
    expect(tb.totals.length).toBeGreaterThan(0);
    expect(finished).toBe(false);

    hold.release();
    await working;
    expect(await transactionsOf(summary.importId)).toMatchObject({ lines: 40 });
    // One audit event per batch: each batch is its own change.
    const audits = await sql<{ n: number }>`
      select count(*)::int as n from audit_events
      where action = 'transactions.created' and after->>'importId' = ${summary.importId}`.execute(t.ctx.db);
    expect(audits.rows[0]!.n).toBe(5);
  });

  it("goes back to the queue, between two batches, when the job runner stops", async () => {
    const summary = await importQueued("2026-05-04", 32, "stopping.csv");
    const hold = holdAt(8);
    await registerWork(t.ctx, { importPacing: hold.pacing });
    const working = t.ctx.jobs.drain();
    await hold.reached;
    const stopping = t.ctx.jobs.stop();
    hold.release();
    await Promise.all([working, stopping]);
    // The first batch is in; the job waits in the queue for the rest, its attempt not counted.
    expect(await transactionsOf(summary.importId)).toMatchObject({ lines: 8 });
    const { rows } = await sql<{ state: string; attempts: number }>`
      select state, attempts from job_queue
      where name = ${banking.BANK_LINES_IMPORTED} and data->>'importId' = ${summary.importId}`.execute(
      t.ctx.db,
    );
    expect(rows).toEqual([{ state: "queued", attempts: 0 }]);
    await t.ctx.jobs.drain();
    expect(await transactionsOf(summary.importId)).toMatchObject({ lines: 32 });
  });

  it("leaves whole batches when stopped between two, and a second run does the rest without doubling", async () => {
    const summary = await importQueued("2026-04-06", 48, "stopped.csv");
    const [job] = (await t.ctx.jobs.pending(banking.BANK_LINES_IMPORTED)) as banking.BankLinesImported[];
    expect(job?.importId).toBe(summary.importId);
    // The process stops before the fourth batch (an error stands in for the kill).
    const stop: Pacing = {
      batchSize: 8,
      between: async (done) => {
        if (done === 24) throw new Error("stopped");
      },
    };
    await expect(processImport(t.ctx, job!, stop)).rejects.toThrow("stopped");
    const half = await transactionsOf(summary.importId);
    expect(half.lines).toBe(24);
    expect(half.posted).toBeGreaterThan(0);
    // Nothing partial: every transaction that says posted has its entry, every entry its transaction.
    const entries = await sql<{ n: number }>`
      select count(*)::int as n from journal_entries e
      where e.id in (select t.entry_id from transactions t join bank_lines bl on bl.id = t.bank_line_id
                     where bl.import_id = ${summary.importId}::uuid)`.execute(t.ctx.db);
    expect(entries.rows[0]!.n).toBe(half.posted);

    const again = await processImport(t.ctx, job!, { batchSize: 8 });
    expect(again).toMatchObject({ created: 24, skipped: 24 });
    expect(await transactionsOf(summary.importId)).toMatchObject({ lines: 48 });
    await t.ctx.jobs.drain();
    expect(await transactionsOf(summary.importId)).toMatchObject({ lines: 48 });
    const tb = await ledger.trialBalance(t.ctx, busy.actor, busy.slug);
    for (const total of tb.totals) expect(total.debit).toBe(total.credit);
  });
});
