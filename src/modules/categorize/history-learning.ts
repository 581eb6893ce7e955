// Learning from a client's books when its history arrives (a journal import): the import queues one
// retraining per client (coalesced: a second import while one waits adds nothing), the retraining
// records its progress, and the person who imported is told how it ended. A history with no bank or
// card movement has nothing to teach, and says so; a retraining that fails leaves the previous
// model in force (new versions are stored only at the very end) and reports the failure.
import { systemActor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction } from "../../platform/db.ts";
import type { NotifyInput } from "../notifications/index.ts";
import * as access from "../access/index.ts";
import * as models from "./model-store.ts";
import { trainFirm, type HistorySource } from "./training-service.ts";

export const TRAIN_HISTORY_JOB = "categorize.train-history";

/** What a history import reports (the ledger's LedgerHistoryImported, as the bot reads it). */
export interface HistoryImported {
  firmId: string;
  clientId: string;
  userId: string | null;
  fileName: string | null;
  entries: number;
  moneyEntries: number;
}

/** Where a notice for people goes, and what is written to the log. */
export interface HistoryOutcome {
  notice: NotifyInput | null;
  log: string;
}

async function noticeFor(
  ctx: Ctx,
  job: Pick<HistoryImported, "firmId" | "clientId" | "userId">,
  title: string,
  body: string,
): Promise<NotifyInput | null> {
  if (!job.userId) return null;
  const client = await access.requireClient(ctx.db, systemActor(job.firmId), job.clientId);
  return {
    firmId: job.firmId,
    userIds: [job.userId],
    event: "bot.learned",
    clientId: job.clientId,
    title,
    body: `${body} (${client.slug})`,
    link: aiSettingsLink(client.slug),
  };
}

/** The portal page of a client's bot settings (where "the bot learned" leads). */
export const aiSettingsLink = (clientSlug: string) => `/c/${clientSlug}/transactions/ai-settings`;

/** A history import arrived: queue the client's retraining once, or say there is nothing to learn. */
export async function queueHistoryTraining(ctx: Ctx, job: HistoryImported): Promise<HistoryOutcome> {
  const s = { firmId: job.firmId, clientId: job.clientId };
  const at = ctx.clock.now().toISOString();
  const file = job.fileName ? `“${job.fileName}”` : "the imported history";
  if (job.moneyEntries === 0) {
    await models.recordProgress(ctx.db, s, { stage: "nothing-to-learn", moneyEntries: 0, at });
    const body = `None of the ${job.entries} entries of ${file} moves money in a bank or card account: the bot has nothing to learn from it.`;
    return {
      notice: await noticeFor(ctx, job, "Nothing for the bot to learn", body),
      log: `categorize: history import for client ${job.clientId}: nothing to learn (${job.entries} entries, none on a bank or card account)`,
    };
  }
  const queued = await inTransaction(ctx.db, async (tx) => {
    const fresh = await models.queueOnce(tx, s);
    await models.recordProgress(tx, s, { stage: "queued", moneyEntries: job.moneyEntries, at });
    if (fresh)
      await ctx.jobs.send(
        TRAIN_HISTORY_JOB,
        { firmId: job.firmId, clientId: job.clientId, userId: job.userId },
        tx,
      );
    return fresh;
  });
  return {
    notice: null,
    log: `categorize: history import for client ${job.clientId}: ${job.moneyEntries} of ${job.entries} entries move money; retraining ${queued ? "queued" : "already queued"}`,
  };
}

/**
 * The retraining after a history import: the firm's training (memory rebuilt from every client's
 * books, models, calibration), with its progress recorded on the client. Never throws: a failure
 * is recorded, logged and told, and the previous model stays current.
 */
export async function runHistoryTraining(
  ctx: Ctx,
  job: { firmId: string; clientId: string; userId: string | null },
  history: HistorySource,
): Promise<HistoryOutcome> {
  const s = { firmId: job.firmId, clientId: job.clientId };
  const now = () => ctx.clock.now().toISOString();
  await models.recordProgress(ctx.db, s, { stage: "training", at: now() });
  try {
    const report = await trainFirm(ctx, systemActor(job.firmId), history);
    await models.recordProgress(ctx.db, s, { stage: "done", lines: report.lines, at: now() });
    return {
      notice: await noticeFor(
        ctx,
        job,
        "The bot has learned from the imported history",
        `Trained on ${report.lines} bank and card lines; new lines are predicted with what it learned.`,
      ),
      log: `categorize: history training for client ${job.clientId}: done, ${report.lines} lines, generation ${report.generation}`,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await models
      .recordProgress(ctx.db, s, { stage: "failed", error: message, at: now() })
      .catch(() => undefined);
    await models.clearQueued(ctx.db, s).catch(() => undefined);
    return {
      notice: await noticeFor(
        ctx,
        job,
        "The bot could not learn from the imported history",
        `Training failed (${message}); the previous model stays in use.`,
      ).catch(() => null),
      log: `categorize: history training for client ${job.clientId} failed, previous model kept: ${message}`,
    };
  }
}
