// What every service call needs besides its actor and input: the database, the clock, the jobs.
import type { Db } from "./db.ts";
import type { Clock } from "./clock.ts";
import type { Jobs } from "./jobs.ts";

export interface Ctx {
  db: Db;
  clock: Clock;
  jobs: Jobs;
}
