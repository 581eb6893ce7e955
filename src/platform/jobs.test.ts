// Jobs: the in-process queue runs jobs in order, retries failures, and queues inside a transaction.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, onPostgres, type TestDb } from "../../test/support/db.ts";
import { InProcessJobs, PgBossJobs } from "./jobs.ts";
import { sql } from "kysely";

let t: TestDb;
beforeAll(async () => {
  t = await testDb();
});
afterAll(async () => t?.close());

describe("in-process jobs", () => {
  it("runs queued jobs in order and retries a failing job up to three times", async () => {
    const jobs = new InProcessJobs(t.ctx.db);
    const seen: unknown[] = [];
    let failures = 0;
    await jobs.work("record", async (data) => {
      seen.push(data);
    });
    await jobs.work("flaky", async () => {
      failures += 1;
      throw new Error("boom");
    });
    await jobs.send("record", { n: 1, amount: 5n });
    await jobs.send("record", { n: 2 });
    await jobs.send("flaky", {});
    await jobs.drain();
    expect(seen).toEqual([{ n: 1, amount: "5" }, { n: 2 }]);
    expect(failures).toBe(1);
    // Retries wait two seconds; make them due now and drain again.
    for (let i = 0; i < 3; i++) {
      await sql`update job_queue set run_after = now() where state = 'queued'`.execute(t.ctx.db);
      await jobs.drain();
    }
    expect(failures).toBe(3);
    const failed = await sql<{
      state: string;
      last_error: string;
    }>`select state, last_error from job_queue where name = 'flaky'`.execute(t.ctx.db);
    expect(failed.rows[0]).toEqual({ state: "failed", last_error: "boom" });
  });

  it("drops a job queued in a transaction that rolls back", async () => {
    const jobs = new InProcessJobs(t.ctx.db);
    const seen: unknown[] = [];
    await jobs.work("tx-job", async (d) => {
      seen.push(d);
    });
    await t.ctx.db
      .transaction()
      .execute(async (tx) => {
        await jobs.send("tx-job", { x: 1 }, tx);
        throw new Error("rollback");
      })
      .catch(() => undefined);
    await jobs.drain();
    expect(seen).toEqual([]);
  });
});

describe("in-process jobs after a stop", () => {
  it("lists what is still to be done and, on start, puts back the jobs a stopped process was running", async () => {
    const jobs = new InProcessJobs(t.ctx.db, 60_000);
    await jobs.send("resumed", { n: 1 });
    await jobs.send("resumed", { n: 2 });
    await jobs.send("resumed", { n: 3 });
    // The process died while running job 1 (on its first attempt) and job 2 (on its last).
    await sql`update job_queue set state = 'active', attempts = case when data->>'n' = '1' then 1 else 3 end
      where name = 'resumed' and data->>'n' in ('1', '2')`.execute(t.ctx.db);
    expect(await jobs.pending("resumed")).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(await jobs.pending("nothing-of-that-name")).toEqual([]);

    const seen: unknown[] = [];
    await jobs.work("resumed", async (d) => {
      seen.push(d);
    });
    await jobs.start();
    await jobs.drain();
    await jobs.stop();
    // Job 1 ran again; job 2 had used its three attempts and failed, saying why.
    expect(seen).toEqual([{ n: 1 }, { n: 3 }]);
    expect(await jobs.pending("resumed")).toEqual([]);
    const rows = await sql<{ state: string; last_error: string | null }>`
      select state, last_error from job_queue where name = 'resumed' order by id`.execute(t.ctx.db);
    expect(rows.rows.map((r) => r.state)).toEqual(["done", "failed", "done"]);
    expect(rows.rows[1]!.last_error).toMatch(/process stopped/);
  });
});

describe.runIf(onPostgres)("pg-boss jobs", () => {
  it("sends and works a job through pg-boss on PostgreSQL", async () => {
    const url = process.env.DATABASE_URL!;
    const jobs = new PgBossJobs(url);
    const seen: unknown[] = [];
    await jobs.work("closebook-test", async (d) => {
      seen.push(d);
    });
    await jobs.send("closebook-test", { hello: "world" });
    expect(await jobs.pending("closebook-test")).toEqual([{ hello: "world" }]);
    await jobs.drain();
    expect(await jobs.pending("closebook-test")).toEqual([]);
    await jobs.stop();
    expect(seen).toEqual([{ hello: "world" }]);
  });
});
