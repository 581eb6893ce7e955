// Auto-reconcile and write-up batches on a real database (PGlite, and PostgreSQL when DATABASE_URL
// is set): a clean month completed by Closebook and undone; a month with a difference left as a
// task that closes itself when a person completes it; an excluded account left alone; a write-up of
// several months in order with one needing a person; the automation start date refused, moved back
// or kept; two batches (or a batch and a person) on one account at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { testDb, type TestDb } from "../../test/support/db.ts";
import { bookkeepingClient, clientAtScale, type BooksFixture } from "../../test/support/books.ts";
import { MARCH, ofxStatement } from "../../test/support/reconcile-statements.ts";
import { monthlyStatements } from "../../test/support/write-up-statements.ts";
import { AppError } from "../platform/errors.ts";
import * as banking from "../modules/banking/index.ts";
import * as reconcile from "../modules/reconcile/index.ts";
import * as transactions from "../modules/transactions/index.ts";
import * as work from "../modules/work/index.ts";

let t: TestDb;

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

const rows = async (query: string) => (await sql.raw<Record<string, unknown>>(query).execute(t.ctx.db)).rows;

const reconcileTasks = async (b: BooksFixture, status: work.TaskStatus[]) =>
  (await work.listTasks(t.ctx, b.actor, { assignee: "any", client: b.slug, status })).tasks.filter((x) =>
    x.systemKey?.startsWith("reconcile.period:"),
  );

async function importInto(b: BooksFixture, account: string, name: string, bytes: Uint8Array) {
  const summary = await banking.importStatementFile(t.ctx, b.actor, b.slug, account, {
    bytes,
    fileName: name,
    source: "upload",
  });
  await t.ctx.jobs.drain();
  return summary;
}

beforeAll(async () => {
  t = await testDb(); // today: 2026-06-15
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe("auto-reconcile", () => {
  let b: BooksFixture; // AutoPush: every imported line is posted

  beforeAll(async () => {
    b = await clientAtScale(t.ctx, "auto-co", "USD", 2, "firm-auto");
  }, 120_000);

  it("completes a clean month by itself, lists it as Reconciled by Closebook, and undo reopens it", async () => {
    expect(
      await reconcile.updateReconcileSettings(t.ctx, b.actor, b.slug, "checking", { auto: true }),
    ).toMatchObject({
      auto: true,
      excluded: false,
    });
    await importInto(b, "checking", "march.ofx", ofxStatement(MARCH));
    const list = await reconcile.listAutoReconciled(t.ctx, b.actor, b.slug);
    expect(list.auto.map((a) => a.shortName)).toEqual(["checking"]);
    expect(list.reconciliations).toHaveLength(1);
    const [done] = list.reconciliations;
    expect(done).toMatchObject({
      period: { from: "2026-03-01", to: "2026-03-31" },
      status: "completed",
      closing: "3000.00",
      clearedBalance: "3000.00",
      canUndo: true,
      undone: null,
    });
    const rec = await reconcile.getReconciliation(t.ctx, b.actor, b.slug, done!.id);
    expect(rec.row).toMatchObject({
      completed_by: "system",
      completed_by_name: "Closebook",
      started_by: "system",
    });
    expect(rec.matches.every((m) => m.status === "accepted" && m.decided_by === "closebook")).toBe(true);
    // Every automatic step is audited as Closebook.
    const audit = await rows(
      `select action, actor_type, actor_id from audit_events where subject_id = '${done!.id}' order by id`,
    );
    expect(audit).toEqual([
      { action: "reconcile.reconciliation.started", actor_type: "system", actor_id: "system" },
      { action: "reconcile.reconciliation.completed", actor_type: "system", actor_id: "system" },
    ]);
    expect(
      await rows(`select count(*)::int as n from reconciled_lines where reconciliation_id = '${done!.id}'`),
    ).toEqual([{ n: 5 }]);
    expect(await reconcileTasks(b, ["to_do", "in_progress", "done"])).toEqual([]);

    const undone = await reconcile.undoAutoReconciled(t.ctx, b.actor, b.slug, done!.id, {});
    expect(undone).toMatchObject({
      status: "unreconciled",
      unreconcileReason: "Undone from Reconciled by Closebook",
    });
    expect(
      await rows(`select count(*)::int as n from reconciled_lines where reconciliation_id = '${done!.id}'`),
    ).toEqual([{ n: 0 }]);
    const after = await reconcile.listAutoReconciled(t.ctx, b.actor, b.slug);
    expect(after.reconciliations[0]).toMatchObject({ status: "unreconciled", canUndo: false });
    expect(after.reconciliations[0]!.undone?.reason).toBe("Undone from Reconciled by Closebook");
    // Undone once is undone: a second undo is refused.
    expect((await errorOf(reconcile.undoAutoReconciled(t.ctx, b.actor, b.slug, done!.id, {}))).code).toBe(
      "reconcile/not-completed",
    );
  });

  it("leaves an excluded account alone, and refuses auto on it", async () => {
    await reconcile.updateReconcileSettings(t.ctx, b.actor, b.slug, "card", {
      excluded: true,
      excludedReason: "merchant clearing",
    });
    const refused = await errorOf(
      reconcile.updateReconcileSettings(t.ctx, b.actor, b.slug, "card", { auto: true }),
    );
    expect(refused.code).toBe("reconcile/excluded-account");
    await importInto(b, "card", "card-march.ofx", ofxStatement({ ...MARCH, closing: "-500.00" }));
    const list = await reconcile.listAutoReconciled(t.ctx, b.actor, b.slug);
    expect(list.excluded).toEqual([
      { id: b.card.id, shortName: "card", name: "card", reason: "merchant clearing" },
    ]);
    const accounts = await reconcile.listReconciliations(t.ctx, b.actor, b.slug, { bankAccount: "card" });
    expect(accounts[0]).toMatchObject({ excluded: true, auto: false, reconciliations: [] });
    const run = await reconcile.autoReconcile(
      t.ctx,
      { firmId: b.firmId, clientId: b.clientId, bankAccountId: b.card.id },
      { writeUp: true },
    );
    expect(run.outcomes.every((o) => o.result === "skipped" && o.reason?.includes("excluded"))).toBe(true);
    expect(
      await rows(`select count(*)::int as n from reconciliations where bank_account_id = '${b.card.id}'`),
    ).toEqual([{ n: 0 }]);
  });
});

describe("a month with a difference", () => {
  let b: BooksFixture; // Manual Push: imported lines wait in Needs Review, nothing posted

  beforeAll(async () => {
    b = await bookkeepingClient(t.ctx, "diff-co", "firm-diff");
  }, 120_000);

  it("waits as a task, which closes itself when a person completes the period", async () => {
    await reconcile.updateReconcileSettings(t.ctx, b.actor, b.slug, "checking", { auto: true });
    await importInto(b, "checking", "march.ofx", ofxStatement(MARCH));
    const [account] = await reconcile.listReconciliations(t.ctx, b.actor, b.slug, {
      bankAccount: "checking",
    });
    expect(account!.inProgress).toMatchObject({
      from: "2026-03-01",
      to: "2026-03-31",
      startedBy: "Closebook",
    });
    expect(account!.inProgress!.difference).not.toBe("0.00");
    const open = await reconcileTasks(b, ["to_do"]);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({
      title: "Reconcile Operating Checking 2026-03-01 – 2026-03-31",
      systemKey: `reconcile.period:${b.checking.id}:2026-03-01:2026-03-31`,
    });
    expect(open[0]!.description).toContain(
      "The difference is 643.01 and 5 statement lines have no ledger entry",
    );
    expect((await reconcile.listAutoReconciled(t.ctx, b.actor, b.slug)).reconciliations).toEqual([]);

    // A person posts the lines, takes the reconciliation over from Closebook and completes it.
    const page = await transactions.listTransactions(t.ctx, b.actor, b.slug, {
      tab: "needs_review",
      limit: 50,
    });
    await transactions.reviewTransactions(
      t.ctx,
      b.actor,
      b.slug,
      page.transactions.map((x) => x.id),
    );
    const pat = {
      ...b.actor,
      type: "user" as const,
      id: "01a25139-0000-7000-8000-000000000002",
      displayName: "Pat",
    };
    const refreshed = await reconcile.startReconciliation(t.ctx, pat, b.slug, {
      bankAccount: "checking",
    });
    expect(refreshed.refreshed).toBe(true);
    expect(refreshed.state.balances.difference).toBe(0n);
    await reconcile.completeReconciliation(t.ctx, pat, b.slug, refreshed.state.row.id);
    await t.ctx.jobs.drain();
    expect(await reconcileTasks(b, ["to_do"])).toEqual([]);
    expect(await reconcileTasks(b, ["done"])).toHaveLength(1);
    // A period a person completed is not Closebook's to undo.
    const undo = await errorOf(
      reconcile.undoAutoReconciled(t.ctx, b.actor, b.slug, refreshed.state.row.id, {}),
    );
    expect(undo.code).toBe("reconcile/not-auto");
  });
});

describe("write-up batch", () => {
  const files = (s: ReturnType<typeof monthlyStatements>) => s.map((x) => ({ name: x.name, bytes: x.bytes }));

  it("imports, posts and reconciles several months in order; the one whose figures disagree waits for a person", async () => {
    const b = await clientAtScale(t.ctx, "wu-co", "USD", 2, "firm-wu");
    const statements = monthlyStatements("2026-01", 3, { wrongClosing: "2026-03" });
    // Sent out of order: the months are still reconciled January first.
    const batch = await reconcile.createWriteUp(t.ctx, b.actor, b.slug, {
      bankAccount: "checking",
      files: files([statements[2]!, statements[0]!, statements[1]!]),
    });
    expect(batch).toMatchObject({
      status: "queued",
      startDate: "not-needed",
      progress: { filesTotal: 3, filesRead: 0 },
    });
    await t.ctx.jobs.drain();
    const done = await reconcile.getWriteUp(t.ctx, b.actor, b.slug, batch.id);
    expect(done.status).toBe("done");
    expect(done.progress).toEqual({
      filesTotal: 3,
      filesRead: 3,
      linesImported: 10,
      monthsTotal: 3,
      monthsReconciled: 2,
      monthsNeedingPerson: 1,
    });
    expect(done.files.map((f) => [f.name, f.status, f.newLines, f.posted])).toEqual([
      ["2026-03.ofx", "imported", 3, 3],
      ["2026-01.ofx", "imported", 3, 3],
      ["2026-02.ofx", "imported", 4, 4],
    ]);
    expect(done.months.map((m) => [m.period.from, m.result])).toEqual([
      ["2026-01-01", "completed"],
      ["2026-02-01", "completed"],
      ["2026-03-01", "needs-person"],
    ]);
    expect(done.needsPerson).toEqual([
      expect.objectContaining({ kind: "month", name: "2026-03-01 – 2026-03-31" }),
    ]);
    expect(done.needsPerson[0]!.reason).toMatch(/10\.00/);
    expect(await reconcileTasks(b, ["to_do"])).toHaveLength(1);
    // The uploaded copies are gone once imported; the imports keep the files.
    expect(
      await rows(
        `select count(*)::int as n from write_up_files where batch_id = '${batch.id}' and bytes is not null`,
      ),
    ).toEqual([{ n: 0 }]);
  });

  it("refuses statements earlier than the automation start date, saying which dates and the two choices", async () => {
    const b = await clientAtScale(t.ctx, "wu-start", "USD", 2, "firm-wu");
    await transactions.setAutomation(t.ctx, b.actor, b.slug, "checking", {
      mode: "auto_push",
      startDate: "2026-02-01",
    });
    const statements = monthlyStatements("2026-01", 3, { prefix: "S" });
    const refused = await errorOf(
      reconcile.createWriteUp(t.ctx, b.actor, b.slug, { bankAccount: "checking", files: files(statements) }),
    );
    expect(refused.kind).toBe("conflict");
    expect(refused.code).toBe("reconcile/write-up-start-date");
    expect(refused.detail).toContain("2026-01-01");
    expect(refused.detail).toContain("2026-02-01");
    expect(refused.extra).toMatchObject({
      automationStartDate: "2026-02-01",
      firstStatementDate: "2026-01-01",
      choices: ["move-back", "keep"],
    });
    expect(
      await rows(`select count(*)::int as n from write_up_batches where client_id = '${b.clientId}'`),
    ).toEqual([{ n: 0 }]);

    // Keep: January's lines land in Excluded, so January has a difference and the months after wait.
    const kept = await reconcile.createWriteUp(t.ctx, b.actor, b.slug, {
      bankAccount: "checking",
      startDate: "keep",
      files: files(statements),
    });
    await t.ctx.jobs.drain();
    const k = await reconcile.getWriteUp(t.ctx, b.actor, b.slug, kept.id);
    expect(k.startDate).toBe("keep");
    expect(k.files[0]).toMatchObject({ excluded: 3, posted: 0 });
    expect(k.months.map((m) => m.result)).toEqual(["needs-person", "waiting", "waiting"]);
    expect(k.progress).toMatchObject({ monthsReconciled: 0, monthsNeedingPerson: 3 });
    expect((await transactions.getAutomation(t.ctx, b.actor, b.slug, "checking")).startDate).toBe(
      "2026-02-01",
    );
  });

  it("moves the automation start date back to the first statement when asked, audited, and reconciles every month", async () => {
    const b = await clientAtScale(t.ctx, "wu-move", "USD", 2, "firm-wu");
    await transactions.setAutomation(t.ctx, b.actor, b.slug, "checking", {
      mode: "auto_push",
      startDate: "2026-02-01",
    });
    const statements = monthlyStatements("2026-01", 3, { prefix: "M" });
    const batch = await reconcile.createWriteUp(t.ctx, b.actor, b.slug, {
      bankAccount: "checking",
      startDate: "move-back",
      files: files(statements),
    });
    expect((await transactions.getAutomation(t.ctx, b.actor, b.slug, "checking")).startDate).toBe(
      "2026-01-01",
    );
    const audit = await rows(
      `select after->>'startDate' as start from audit_events where action = 'transactions.automation.updated' and client_id = '${b.clientId}' order by id desc limit 1`,
    );
    expect(audit).toEqual([{ start: "2026-01-01" }]);
    await t.ctx.jobs.drain();
    const done = await reconcile.getWriteUp(t.ctx, b.actor, b.slug, batch.id);
    expect(done.months.map((m) => m.result)).toEqual(["completed", "completed", "completed"]);
    expect(done.needsPerson).toEqual([]);
    expect(
      (await reconcile.listAutoReconciled(t.ctx, b.actor, b.slug)).reconciliations.map((r) => r.period.from),
    ).toEqual(["2026-03-01", "2026-02-01", "2026-01-01"]);
  });

  it("refuses a second batch, or a person, on the account while one runs; nothing of the second is saved", async () => {
    const b = await clientAtScale(t.ctx, "wu-two", "USD", 2, "firm-wu");
    const statements = monthlyStatements("2026-01", 2, { prefix: "T" });
    const results = await Promise.allSettled([
      reconcile.createWriteUp(t.ctx, b.actor, b.slug, { bankAccount: "checking", files: files(statements) }),
      reconcile.createWriteUp(t.ctx, b.actor, b.slug, {
        bankAccount: "checking",
        files: files(statements.slice(0, 1)),
      }),
    ]);
    const refused = results.filter((r) => r.status === "rejected");
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    const filesOfWinner = (won[0] as PromiseFulfilledResult<reconcile.WriteUpJson>).value.progress.filesTotal;
    expect(refused).toHaveLength(1);
    expect(((refused[0] as PromiseRejectedResult).reason as AppError).code).toBe(
      "reconcile/write-up-running",
    );
    expect(
      await rows(
        `select count(*)::int as batches, (select count(*)::int from write_up_files f where f.client_id = '${b.clientId}') as files from write_up_batches where client_id = '${b.clientId}'`,
      ),
    ).toEqual([{ batches: 1, files: filesOfWinner }]);
    // A person starting a reconciliation of the account meanwhile is refused too.
    const person = await errorOf(
      reconcile.startReconciliation(
        t.ctx,
        { ...b.actor, type: "user", id: "01a25139-0000-7000-8000-000000000001", displayName: "Pat" },
        b.slug,
        {
          bankAccount: "checking",
          from: "2026-01-01",
          to: "2026-01-31",
          closing: "1.00",
        },
      ),
    );
    expect(person.code).toBe("reconcile/write-up-running");
    await t.ctx.jobs.drain();
    const [batch] = await reconcile.listWriteUps(t.ctx, b.actor, b.slug);
    expect(batch!.months.map((m) => m.result)).toEqual(Array(filesOfWinner).fill("completed"));
  });
});
