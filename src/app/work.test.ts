// Lost work is found again: bank lines whose import job vanished (a crash, or before the data-folder
// lock a second process on the embedded database) are queued again at start-up and become
// transactions; lines whose job still waits, or that have transactions, are left alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { testDb, type TestDb } from "../../test/support/db.ts";
import * as banking from "../modules/banking/index.ts";
import * as transactions from "../modules/transactions/index.ts";
import { bookkeepingClient, merchantLines, type BooksFixture } from "../../test/support/books.ts";
import { csvOf } from "../../test/support/bank-fixtures.ts";
import { requeueLostImports } from "./work.ts";

let t: TestDb;
let b: BooksFixture;

beforeAll(async () => {
  t = await testDb();
  b = await bookkeepingClient(t.ctx);
});
afterAll(async () => {
  await t?.close();
});

async function countTransactions(): Promise<number> {
  const page = await transactions.listTransactions(t.ctx, b.actor, b.slug, { tab: "all", limit: 500 });
  return page.transactions.length;
}

describe("bank lines whose import job was lost", () => {
  it("are queued again once and become transactions; a waiting job is not doubled", async () => {
    const lines = merchantLines("2026-03-02", 1);
    const summary = await banking.importStatementFile(b.ctx, b.actor, b.slug, "checking", {
      bytes: csvOf(lines),
      fileName: "lost.csv",
      source: "upload",
    });
    expect(summary.newLines).toBe(lines.length);
    // While its job waits in the queue, nothing is lost and nothing is queued again.
    expect(await requeueLostImports(t.ctx)).toBe(0);
    // The job vanishes (as it did when the CLI and a server shared one PGlite folder).
    await sql`delete from job_queue where name = ${banking.BANK_LINES_IMPORTED}`.execute(t.ctx.db);
    await t.ctx.jobs.drain();
    expect(await countTransactions()).toBe(0);

    expect(await requeueLostImports(t.ctx)).toBe(1);
    await t.ctx.jobs.drain();
    expect(await countTransactions()).toBe(lines.length);
    // Found once: every line has its transaction now.
    expect(await requeueLostImports(t.ctx)).toBe(0);
    expect(await transactions.orphanedImports(t.ctx.db)).toEqual([]);
  });

  it("picks up the lines left over when a job stopped half-way, without doubling the others", async () => {
    const lines = merchantLines("2026-04-06", 1);
    await banking.importStatementFile(b.ctx, b.actor, b.slug, "checking", {
      bytes: csvOf(lines),
      fileName: "half.csv",
      source: "upload",
    });
    await t.ctx.jobs.drain();
    const before = await countTransactions();
    // Two of the import's transactions disappear, as if the job had stopped before them.
    await sql`delete from transactions where id in (
      select id from transactions where date = ${lines[0]!.date} order by id limit 2)`.execute(t.ctx.db);
    const orphaned = await transactions.orphanedImports(t.ctx.db);
    expect(orphaned).toHaveLength(1);
    expect(orphaned[0]!.orphans).toBe(2);
    expect(await requeueLostImports(t.ctx)).toBe(1);
    await t.ctx.jobs.drain();
    expect(await countTransactions()).toBe(before);
  });
});
