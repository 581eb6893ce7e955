// Hourly upkeep of a running Closebook, through the job queue: purge terminated clients whose
// 90 days are over (their documents' bytes included), purge documents 30 days in the trash, send
// the daily and weekly notification digests that are due, generate the current period of every
// recurring project template, and open or close the weekly "review transactions" tasks and the
// "upload the statement" and "reconnect the bank" ones. All are idempotent, so several servers
// sharing a database may each schedule them.
import type { Runtime } from "./runtime.ts";
import type { AppServices } from "./services.ts";
import * as access from "../modules/access/index.ts";
import { sendDueDigests } from "../modules/notifications/index.ts";
import { PURGE_TRASH_JOB, purgeTrash } from "../modules/documents/index.ts";
import { runUnscoped } from "../platform/tenant-scope.ts";
import { generateDueWork, GENERATE_JOB } from "../modules/work/index.ts";
import { syncReviewTasks } from "./review-tasks.ts";
import { purgeClientFiles } from "./client-files.ts";
import { syncStatementTasks } from "./statement-tasks.ts";
import { syncReconnectTasks } from "./reconnect-tasks.ts";
import { bankingCtx } from "../modules/banking/index.ts";

export const DIGEST_JOB = "notifications.send-digests";
export const REVIEW_TASKS_JOB = "work.review-tasks";
export const SYSTEM_TASKS_JOB = "work.system-tasks";

export async function startMaintenance(
  runtime: Runtime,
  services: AppServices,
  everyMs = 60 * 60_000,
): Promise<() => void> {
  const { jobs } = runtime.ctx;
  await jobs.work(access.PURGE_JOB, () =>
    runUnscoped(
      async () => void (await access.purgeDueClients(runtime.ctx, purgeClientFiles(services.documents))),
    ),
  );
  // Documents that have waited 30 days in the trash go, bytes included.
  await jobs.work(PURGE_TRASH_JOB, () =>
    runUnscoped(async () => void (await purgeTrash(services.documents))),
  );
  await jobs.work(DIGEST_JOB, () => runUnscoped(async () => void (await sendDueDigests(services.notify))));
  await jobs.work(GENERATE_JOB, () => runUnscoped(async () => void (await generateDueWork(runtime.ctx))));
  await jobs.work(REVIEW_TASKS_JOB, () => runUnscoped(async () => void (await syncReviewTasks(runtime.ctx))));
  // "Upload the statement" for recent missing months and "reconnect the bank" for broken connections,
  // opened and closed as the months and connections are.
  await jobs.work(SYSTEM_TASKS_JOB, () =>
    runUnscoped(async () => {
      await syncStatementTasks(runtime.ctx, services.documents);
      await syncReconnectTasks(runtime.ctx, bankingCtx(runtime.ctx, { dataDir: runtime.config.dataDir }));
    }),
  );
  // One job after the other, and the first round awaited: the caller starts the job runner only
  // after, so pg-boss is started once (two concurrent starts on a fresh database deadlock).
  const tick = async () => {
    for (const name of [
      access.PURGE_JOB,
      PURGE_TRASH_JOB,
      DIGEST_JOB,
      GENERATE_JOB,
      REVIEW_TASKS_JOB,
      SYSTEM_TASKS_JOB,
    ]) {
      await jobs
        .send(name, {})
        .catch((error: Error) =>
          process.stderr.write(`maintenance: could not queue ${name}: ${error.message}\n`),
        );
    }
  };
  await tick();
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
