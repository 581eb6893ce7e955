// Background jobs behind one interface. On PGlite a table-backed queue is worked in-process
// (nothing to run beside the app); on PostgreSQL pg-boss gives scale-out workers and retries.
import { sql } from "kysely";
import type PgBoss from "pg-boss";
import type { Database, Executor } from "./db.ts";
import { toJson } from "./json.ts";
import { runInBackground } from "./tenant-scope.ts";

/**
 * Works one job. `signal` is aborted when the runner stops: a job that works in batches checks it
 * between two and gives up (throws), and the runner puts the job back in the queue unharmed.
 */
export type JobHandler = (data: unknown, signal: AbortSignal) => Promise<void>;

export interface Jobs {
  /** Queues a job. With `executor`, the job is queued in that transaction (in-process queue only). */
  send(name: string, data: unknown, executor?: Executor): Promise<void>;
  work(name: string, handler: JobHandler): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Runs every queued job to completion (tests and CLI commands that must finish their work). */
  drain(): Promise<void>;
  /** The data of the jobs of `name` still to be done: waiting, due for a retry, or running. */
  pending(name: string): Promise<unknown[]>;
}

const MAX_ATTEMPTS = 3;

/** Table-backed queue worked by this process: survives restarts, retries a failing job 3 times. */
export class InProcessJobs implements Jobs {
  private readonly handlers = new Map<string, JobHandler>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopping = new AbortController();

  constructor(
    private readonly db: Executor,
    private readonly pollMs = 250,
  ) {}

  async send(name: string, data: unknown, executor?: Executor): Promise<void> {
    await (executor ?? this.db)
      .insertInto("job_queue")
      .values({ name, data: toJson(data) })
      .execute();
    if (this.timer) this.kick();
  }

  async work(name: string, handler: JobHandler): Promise<void> {
    this.handlers.set(name, handler);
  }

  /**
   * Starts working the queue, at once. Jobs left "active" were running in a process that stopped
   * (a crash, a kill): only one process works this queue (on PGlite the data-folder lock says so),
   * so they go back to the queue, or fail once they have used their attempts.
   */
  async start(): Promise<void> {
    if (this.timer) return;
    await this.db
      .updateTable("job_queue")
      .set({
        state: sql`case when attempts >= ${MAX_ATTEMPTS} then 'failed' else 'queued' end`,
        last_error: "its process stopped while it ran",
        finished_at: sql`case when attempts >= ${MAX_ATTEMPTS} then now() end`,
      })
      .where("state", "=", "active")
      .execute();
    this.timer = setInterval(() => this.kick(), this.pollMs);
    this.timer.unref();
    this.kick();
  }

  async pending(name: string): Promise<unknown[]> {
    const rows = await this.db
      .selectFrom("job_queue")
      .select("data")
      .where("name", "=", name)
      .where("state", "in", ["queued", "active"])
      .orderBy("id")
      .execute();
    return rows.map((r) => r.data);
  }

  /** Stops working: the job in hand finishes, or — between two of its batches — goes back to the queue. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.stopping.abort();
    await this.running;
    this.stopping = new AbortController();
  }

  async drain(): Promise<void> {
    await this.running;
    // Recorded as the running work, so that stop() waits for it (and the timer does not start a second loop).
    const work = (async () => {
      while (await this.runOne()) {
        /* keep going until the queue is empty */
      }
    })();
    this.running = work;
    try {
      await work;
    } finally {
      if (this.running === work) this.running = undefined;
    }
  }

  private kick(): void {
    if (this.running) return;
    // Jobs run as the system, never in the tenant scope (or transaction) of the request that queued
    // them, and in the background: on PGlite's one session, requests' queries go first.
    this.running = runInBackground(async () => {
      try {
        while (!this.stopping.signal.aborted && (await this.runOne())) {
          /* work the backlog */
        }
      } finally {
        this.running = undefined;
      }
    });
  }

  /** Claims and runs the oldest due job; false when none is due. */
  private async runOne(): Promise<boolean> {
    const names = [...this.handlers.keys()];
    if (names.length === 0) return false;
    const job = await this.db
      .updateTable("job_queue")
      .set({ state: "active", attempts: sql`attempts + 1` })
      .where(
        "id",
        "=",
        this.db
          .selectFrom("job_queue")
          .select("id")
          .where("state", "=", "queued")
          .where("name", "in", names)
          .where("run_after", "<=", sql<Date>`now()`)
          .orderBy("id")
          .limit(1)
          .forUpdate()
          .skipLocked(),
      )
      .returning(["id", "name", "data", "attempts"])
      .executeTakeFirst();
    if (!job) return false;
    const signal = this.stopping.signal;
    try {
      await this.handlers.get(job.name)!(job.data, signal);
      await this.db
        .updateTable("job_queue")
        .set({ state: "done", finished_at: new Date() })
        .where("id", "=", job.id)
        .execute();
    } catch (error) {
      if (signal.aborted) {
        // Given up because the runner stops: not a failure, the attempt does not count.
        await this.db
          .updateTable("job_queue")
          .set({ state: "queued", attempts: sql`attempts - 1` })
          .where("id", "=", job.id)
          .execute();
        return false;
      }
      const failed = job.attempts >= MAX_ATTEMPTS;
      await this.db
        .updateTable("job_queue")
        .set({
          state: failed ? "failed" : "queued",
          last_error: String((error as Error)?.message ?? error).slice(0, 2000),
          run_after: sql`now() + interval '2 seconds'`,
          finished_at: failed ? new Date() : null,
        })
        .where("id", "=", job.id)
        .execute();
    }
    return true;
  }
}

/** pg-boss on a PostgreSQL server: jobs are shared by every Closebook process using the database. */
export class PgBossJobs implements Jobs {
  private boss: PgBoss | undefined;
  /** The one start of pg-boss every caller waits for: two starts would each create its schema and deadlock. */
  private starting: Promise<PgBoss> | undefined;
  private readonly handlers: Array<[string, JobHandler]> = [];
  private readonly queues = new Map<string, Promise<void>>();
  private creating: Promise<void> = Promise.resolve();
  /** Aborted on stop: a batched job gives up between two batches and pg-boss retries it later. */
  private stopping = new AbortController();

  constructor(private readonly connectionString: string) {}

  private ensure(): Promise<PgBoss> {
    this.starting ??= (async () => {
      const { default: Boss } = await import("pg-boss");
      const boss = new Boss({ connectionString: this.connectionString, max: 2 });
      boss.on("error", (error) => process.stderr.write(`jobs: ${String((error as Error).message)}\n`));
      await boss.start();
      this.boss = boss;
      return boss;
    })().catch((error: unknown) => {
      this.starting = undefined; // a later call may try again
      throw error;
    });
    return this.starting;
  }

  /**
   * Creates a queue once per process, one after the other: pg-boss gives each queue its own
   * partition of the job table, and two creations at once deadlock on the parent table.
   */
  private async queue(name: string): Promise<PgBoss> {
    const boss = await this.ensure();
    let created = this.queues.get(name);
    if (!created) {
      created = this.creating.then(() => boss.createQueue(name));
      this.creating = created.catch(() => undefined);
      this.queues.set(name, created);
      created.catch(() => this.queues.delete(name));
    }
    await created;
    return boss;
  }

  async send(name: string, data: unknown): Promise<void> {
    const boss = await this.queue(name);
    await boss.send(name, JSON.parse(toJson(data)) as object, { retryLimit: MAX_ATTEMPTS - 1 });
  }

  async work(name: string, handler: JobHandler): Promise<void> {
    this.handlers.push([name, handler]);
    if (this.boss) await this.register(name, handler);
  }

  private async register(name: string, handler: JobHandler): Promise<void> {
    const boss = await this.queue(name);
    await boss.work<unknown>(name, { pollingIntervalSeconds: 0.5 }, async (jobs) => {
      for (const job of jobs) await handler(job.data, this.stopping.signal);
    });
  }

  async start(): Promise<void> {
    await this.ensure();
    for (const [name, handler] of this.handlers) await this.register(name, handler);
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    const starting = this.starting;
    this.starting = undefined;
    this.queues.clear();
    const boss = await starting?.catch(() => undefined);
    // Graceful: workers finish the job in hand (up to 8 s); pg-boss puts back what it cannot.
    await boss?.stop({ graceful: true, wait: true, timeout: 8_000 });
    this.boss = undefined;
    this.stopping = new AbortController();
  }

  async pending(name: string): Promise<unknown[]> {
    const boss = await this.ensure();
    // pg-boss 10 has no call that lists jobs by state; its table is read here, and only here.
    const { rows } = await boss
      .getDb()
      .executeSql(
        `select data from pgboss.job where name = $1 and state in ('created', 'retry', 'active') order by created_on`,
        [name],
      );
    return rows.map((r: { data: unknown }) => r.data);
  }

  async drain(): Promise<void> {
    const boss = await this.ensure();
    for (const [name, handler] of this.handlers) {
      for (;;) {
        const jobs = await boss.fetch<unknown>(name, { batchSize: 10 });
        if (!jobs || jobs.length === 0) break;
        for (const job of jobs) {
          try {
            await handler(job.data, this.stopping.signal);
            await boss.complete(name, job.id);
          } catch (error) {
            await boss.fail(name, job.id, { message: String((error as Error)?.message ?? error) });
          }
        }
      }
    }
  }
}

export function createJobs(database: Database, databaseUrl: string | undefined): Jobs {
  if (database.kind === "postgres" && databaseUrl) return new PgBossJobs(databaseUrl);
  return new InProcessJobs(database.db);
}
