// The lock of PGlite's one session serves requests before background work (issue 11 item 6): a job
// waiting for the session lets every request that arrives meanwhile go first, including a request's
// next query that follows its previous one at once.
import { describe, expect, it } from "vitest";
import { Mutex } from "./scoped-driver.ts";

describe("the one session's lock", () => {
  it("hands the session to waiting requests before waiting background work, each lane in order", async () => {
    const mutex = new Mutex();
    const order: string[] = [];
    const releaseFirst = await mutex.lock(true);
    const take = (name: string, background: boolean) =>
      mutex.lock(background).then((release) => {
        order.push(name);
        release();
      });
    const all = Promise.all([
      take("job 1", true),
      take("request 1", false),
      take("job 2", true),
      take("request 2", false),
    ]);
    expect(mutex.locked).toBe(true);
    releaseFirst();
    await all;
    expect(order).toEqual(["request 1", "request 2", "job 1", "job 2"]);
    expect(mutex.locked).toBe(false);
  });

  it("keeps background work waiting while a request goes on with its next query", async () => {
    const mutex = new Mutex();
    const order: string[] = [];
    const first = await mutex.lock(false);
    const job = mutex.lock(true).then((release) => {
      order.push("job");
      release();
    });
    first();
    // The request's second query comes a moment later (after its first answer is handled).
    await Promise.resolve();
    const second = await mutex.lock(false);
    order.push("request, second query");
    second();
    await job;
    expect(order).toEqual(["request, second query", "job"]);
  });
});
