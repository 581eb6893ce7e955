// Throttle counters in the database, so every server sharing it counts the same attempts. Each
// check-and-record runs in its own short transaction with the row locked.
import type { Executor } from "../../platform/db.ts";
import { inTransaction } from "../../platform/db.ts";
import { q } from "./store.ts";
import {
  judge,
  record,
  type Outcome,
  type ThrottleRule,
  type ThrottleState,
  type Verdict,
} from "./throttle-model.ts";

async function load(ex: Executor, key: string, lock: boolean): Promise<ThrottleState | undefined> {
  let query = q(ex).selectFrom("auth_throttles").selectAll().where("key", "=", key);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row
    ? {
        windowStart: row.window_start,
        count: row.count,
        failures: row.failures,
        lockedUntil: row.locked_until,
      }
    : undefined;
}

export async function verdict(ex: Executor, key: string, rule: ThrottleRule, now: Date): Promise<Verdict> {
  return judge(await load(ex, key, false), rule, now);
}

export async function note(
  ex: Executor,
  key: string,
  rule: ThrottleRule,
  now: Date,
  outcome: Outcome,
): Promise<ThrottleState> {
  return inTransaction(ex, async (tx) => {
    const next = record(await load(tx, key, true), rule, now, outcome);
    const values = {
      window_start: next.windowStart,
      count: next.count,
      failures: next.failures,
      locked_until: next.lockedUntil,
    };
    await q(tx)
      .insertInto("auth_throttles")
      .values({ key, ...values })
      .onConflict((oc) => oc.column("key").doUpdateSet(values))
      .execute();
    return next;
  });
}
