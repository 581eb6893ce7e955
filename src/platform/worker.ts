// Runs a CPU-bound pure function on a worker thread, so that the server's event loop (and, on the
// embedded database, its one PGlite session) keeps answering requests while it runs. A worker is
// started for one call and ends with it: the calls that need one (a firm's retraining) take seconds,
// so the ~50 ms a start costs does not matter, and nothing stays resident between them.
//
// Where the worker's code is: the compiled CLI (dist/cli, scripts/build-cli.mjs) has one entry per
// worker, named after it, next to its own chunks; run from the TypeScript sources (tests, tsx),
// the worker loads its source file through tsx's loader.
import { parentPort, Worker, workerData } from "node:worker_threads";
import { fileURLToPath } from "node:url";
import { AppError, type ErrorKind } from "./errors.ts";

/** A worker entry: its name in dist/cli and its source file. */
export interface WorkerEntry {
  /** dist/cli/<name>.js in the compiled CLI (an entry of scripts/build-cli.mjs). */
  name: string;
  /** The source file, resolved by the caller from its own `import.meta.url`. */
  source: URL;
}

/** An AppError as it crosses the thread (structured clone keeps no class). */
interface CarriedAppError {
  kind: ErrorKind;
  code: string;
  detail: string;
  field: string | undefined;
  line: number | undefined;
  extra: Record<string, unknown> | undefined;
}

/** What a worker posts back: a value, a refusal (AppError) or another failure. */
type WorkerReply<O> =
  | { ok: true; value: O }
  | { ok: false; appError: CarriedAppError }
  | { ok: false; error: { name: string; message: string; stack: string | undefined } };

// Not `import.meta.url`: the CLI build rewrites that to the source path (build-cli.mjs), while the
// worker must be found next to the compiled file actually running.
const here = import.meta["url"];
const compiled = here.endsWith(".js");

/**
 * The compiled entry; or, from the sources, a bootstrap that registers tsx's loader on the worker
 * thread before importing the TypeScript file (a worker takes no `--import` of its own, and the
 * loader of the thread that starts it, if any, is not inherited).
 */
function workerOf(entry: WorkerEntry, input: unknown): Worker {
  if (compiled) return new Worker(fileURLToPath(new URL(`./${entry.name}.js`, here)), { workerData: input });
  // Resolved here, so that the worker finds tsx whatever the working folder (vitest has no resolve).
  const tsx = typeof import.meta.resolve === "function" ? import.meta.resolve("tsx/esm/api") : "tsx/esm/api";
  const bootstrap =
    `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.source.href)}); })` +
    `.catch((error) => { setImmediate(() => { throw error; }); });`;
  return new Worker(bootstrap, { eval: true, workerData: input });
}

function rebuilt(reply: Exclude<WorkerReply<unknown>, { ok: true }>): Error {
  if ("appError" in reply) {
    const e = reply.appError;
    return new AppError(e.kind, e.code, e.detail, { field: e.field, line: e.line, extra: e.extra });
  }
  return Object.assign(new Error(reply.error.message), { name: reply.error.name, stack: reply.error.stack });
}

/**
 * Runs `entry` with `input` (structured-cloned: plain data, typed arrays, bigints, Maps) and
 * resolves with what it answers. A refusal in the worker (AppError) is rethrown as one, with its
 * kind, code and field; a worker that dies without answering rejects with its exit code.
 */
export function runInWorker<I, O>(entry: WorkerEntry, input: I): Promise<O> {
  return new Promise<O>((resolve, reject) => {
    const worker = workerOf(entry, input);
    let answered = false;
    worker.once("message", (reply: WorkerReply<O>) => {
      answered = true;
      if (reply.ok) resolve(reply.value);
      else reject(rebuilt(reply));
    });
    worker.once("error", (error) => {
      answered = true;
      reject(error);
    });
    worker.once("exit", (code) => {
      if (!answered) reject(new Error(`worker ${entry.name} stopped (exit code ${code}) without an answer`));
    });
  });
}

/** The worker's side: answers its one input with `work(input)`, then the thread ends. */
export function serveWorker<I, O>(work: (input: I) => O): void {
  if (!parentPort) throw new Error("serveWorker runs only on a worker thread");
  let reply: WorkerReply<O>;
  try {
    reply = { ok: true, value: work(workerData as I) };
  } catch (error) {
    reply =
      error instanceof AppError
        ? {
            ok: false,
            appError: {
              kind: error.kind,
              code: error.code,
              detail: error.detail,
              field: error.field,
              line: error.line,
              extra: error.extra,
            },
          }
        : {
            ok: false,
            error: {
              name: error instanceof Error ? error.name : "Error",
              message: error instanceof Error ? error.message : String(error),
              stack: error instanceof Error ? error.stack : undefined,
            },
          };
  }
  parentPort.postMessage(reply);
}
