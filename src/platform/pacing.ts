// Background work in bounded steps. On the embedded database every query of the process goes
// through one session, one at a time (scoped-driver.ts), and PGlite runs each query on the main
// thread: a job that did its whole work in one transaction, or one long loop, made every request
// wait for all of it. Jobs therefore work in batches, each in its own short transaction, and give
// the event loop a turn between batches so that requests that arrived meanwhile queue their
// queries before the job's next batch.

/** One turn of the event loop: I/O callbacks (new requests) run before the caller goes on. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** How a batched job paces itself; tests pass `between` to hold a job between two batches. */
export interface Pacing {
  /** Items per batch (per short transaction). */
  batchSize?: number | undefined;
  /** Awaited before every batch but the first (default: yieldToEventLoop). */
  between?: ((done: number, total: number) => Promise<void>) | undefined;
  /** Aborted when the job runner stops: the work gives up before its next batch (and is retried later). */
  signal?: AbortSignal | undefined;
}
