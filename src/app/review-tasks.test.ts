// The weekly "review transactions" task: an import that leaves lines in Needs Review opens this
// week's task (once, however many imports); reviewing them all and the upkeep's sync close it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../test/support/db.ts";
import {
  bookkeepingClient,
  importLines,
  merchantLines,
  type BooksFixture,
} from "../../test/support/books.ts";
import * as transactions from "../modules/transactions/index.ts";
import * as work from "../modules/work/index.ts";
import { syncReviewTasks, weekStart } from "./review-tasks.ts";

let t: TestDb;
let b: BooksFixture;

beforeAll(async () => {
  t = await testDb(); // today: Monday 2026-06-15
  b = await bookkeepingClient(t.ctx, "rev-co", "firm-rev");
});
afterAll(async () => {
  await t?.close();
});

const reviewTasks = async (status: work.TaskStatus[]) =>
  (await work.listTasks(t.ctx, b.actor, { assignee: "any", client: b.slug, status })).tasks.filter((x) =>
    x.systemKey?.startsWith("transactions.review:"),
  );

describe("review transactions task", () => {
  it("knows the week's Monday", () => {
    expect(weekStart("2026-06-15")).toBe("2026-06-15");
    expect(weekStart("2026-06-21")).toBe("2026-06-15");
    expect(weekStart("2026-06-14")).toBe("2026-06-08");
  });

  it("opens once when lines wait for review, and closes itself when Needs Review is empty", async () => {
    await importLines(b, merchantLines("2026-06-01", 1), "checking", "june-1.csv");
    await importLines(b, merchantLines("2026-06-02", 1), "checking", "june-2.csv");
    const open = await reviewTasks(["to_do"]);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({
      title: "Review transactions",
      systemKey: "transactions.review:2026-06-15",
      dueDate: "2026-06-19",
    });
    expect(await syncReviewTasks(t.ctx)).toEqual({ opened: 0, closed: 0 });
    const waiting = await transactions.listTransactions(t.ctx, b.actor, b.slug, {
      tab: "needs_review",
      limit: 500,
    });
    expect(waiting.transactions.length).toBeGreaterThan(0);
    await transactions.reviewTransactions(
      t.ctx,
      b.actor,
      b.slug,
      waiting.transactions.map((x) => x.id),
    );
    expect(await syncReviewTasks(t.ctx)).toEqual({ opened: 0, closed: 1 });
    expect(await reviewTasks(["to_do"])).toEqual([]);
    const [done] = await reviewTasks(["done"]);
    const history = await work.taskHistory(t.ctx, b.actor, done!.id);
    expect(history.at(-1)).toMatchObject({
      event: "status",
      detail: { to: "done", reason: "Needs Review is empty" },
    });
  });
});
