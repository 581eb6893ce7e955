// Hourly upkeep of a running Closebook, through the job queue: purge terminated clients whose
// 90 days are over (their documents' bytes included), purge documents 30 days in the trash, send
// the daily and weekly notification digests that are due, generate the current period of every
// recurring project template, and open or close the weekly "review transactions" tasks. All are idempotent, so several servers sharing
// a database may each schedule them.
import type { Runtime } from "./runtime.ts";
import type { AppServices } from "./services.ts";
import * as access from "../modules/access/index.ts";
import { sendDueDigests } from "../modules/notifications/index.ts";
import { PURGE_TRASH_JOB, purgeTrash } from "../modules/documents/index.ts";
import { runUnscoped } from "../platform/tenant-scope.ts";
import { generateDueWork, GENERATE_JOB } from "../modules/work/index.ts";
import { syncReviewTasks } from "./review-tasks.ts";
import { purgeClientFiles } from "./client-files.ts";

export const DIGEST_JOB = "notifications.send-digests";
export const REVIEW_TASKS_JOB = "work.review-tasks";

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
  // One job after the other, and the first round awaited: the caller starts the job runner only
  // after, so pg-boss is started once (two concurrent starts on a fresh database deadlock).
  const tick = async () => {
    for (const name of [access.PURGE_JOB, PURGE_TRASH_JOB, DIGEST_JOB, GENERATE_JOB, REVIEW_TASKS_JOB]) {
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
