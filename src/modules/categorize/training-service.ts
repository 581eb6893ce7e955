// Training, persisted: the firm-wide training (memory, the global model over taxonomy categories,
// every client model with enough lines, the combiner and the confidence calibration) and the
// retraining of one client's model after corrections. History is read and the engine runs outside
// any transaction (on a worker thread when the history is large); the new versions are stored in
// one transaction with their audit event.
import type { Actor } from "../../platform/actor.ts";
import { systemActor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { AppError, validationError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import * as access from "../access/index.ts";
import { mappingOf, optionsFor, UNTRAINED, TRAIN_CLIENT_JOB, type FirmPart } from "./bot.ts";
import { decodePart, encodePart } from "./engine/codec.ts";
import { emptyMemory } from "./engine/memory.ts";
import * as models from "./model-store.ts";
import { clientScope, requireFirmTraining, type Scope } from "./scope.ts";
import { settingsAndChart } from "./settings-service.ts";
import { runTrainingOffThread } from "./training-runner.ts";
import * as settingsStore from "./settings-store.ts";
import type { CategorizerModel, VersionedModel } from "./engine/state.ts";
import { selectTrainingLines } from "./engine/train.ts";
import type { PostedLine } from "./engine/types.ts";

/** Labelled lines of one client (posted and accepted codings), supplied by the Transaction Manager. */
export type HistorySource = (ctx: Ctx, actor: Actor, clientId: string) => Promise<PostedLine[]>;

export const TRAIN_FIRM_JOB = "categorize.train-firm";

export interface TrainingReport {
  scope: "firm" | "client";
  generation: number;
  /** Labelled lines in the training windows. */
  lines: number;
  clientModels: Array<{ clientId: string; version: string; rows: number }>;
  heldOut: CategorizerModel["heldOut"] | null;
  /** Why no client model was stored, when none was. */
  note: string | null;
}

function emptyWindow(window: { from: string | null; to: string | null } | null): AppError {
  const range =
    window && (window.from || window.to)
      ? ` between ${window.from ?? "the start"} and ${window.to ?? "today"}`
      : "";
  return validationError(
    "categorize/empty-training-window",
    `there are no labelled transactions to learn from${range} (excluded accounts do not count)`,
    { field: "trainingWindow" },
  );
}

async function firmPart(ctx: Ctx, firmId: string): Promise<{ id: string | null; part: FirmPart }> {
  const row = await models.currentModel(ctx.db, firmId, null);
  return { id: row?.id ?? null, part: row ? decodePart<FirmPart>(row.state) : UNTRAINED };
}

/** A model object carrying only what train()/retrainClient() read from the one they replace. */
function shell(part: FirmPart, options: CategorizerModel["options"]): CategorizerModel {
  return {
    format: 1,
    version: part.generation,
    trainedAt: part.trainedAt,
    options,
    memory: emptyMemory(options.halfLifeDays),
    globalModel: part.globalModel,
    clientModels: {},
    combiner: part.combiner,
    confidence: part.confidence,
    calibrator: part.calibrator,
    stale: {},
    heldOut: part.heldOut,
  };
}

/**
 * Trains the firm-wide categorizer on every active client's labelled lines (each client's own
 * window and excluded accounts apply), replacing the firm's memory and storing new versions.
 */
export async function trainFirm(ctx: Ctx, actor: Actor, history: HistorySource): Promise<TrainingReport> {
  requireFirmTraining(actor);
  const firmId = actor.firmId;
  // The firm's whole memory is rebuilt, so every client is read whatever the caller may see.
  const sys = systemActor(firmId);
  const clients = await access.listClients(ctx.db, sys, "active");
  const previous = await firmPart(ctx, firmId);
  const explicit = await settingsStore.explicitCategoriesOfFirm(ctx.db, firmId);
  const table: Record<string, Record<string, string>> = {};
  const rows: PostedLine[] = [];
  for (const client of clients) {
    const s: Scope = { firmId, clientId: client.id };
    const { settings, chart } = await settingsAndChart(ctx, sys, s);
    const mapping = mappingOf(client.id, chart, explicit.get(client.id) ?? new Map());
    table[client.id] = Object.fromEntries(
      chart.flatMap((a) => {
        const category = mapping.categoryOf(client.id, a.id);
        return category ? [[a.id, category]] : [];
      }),
    );
    rows.push(
      ...selectTrainingLines(await history(ctx, sys, client.id), optionsFor(previous.part, settings)),
    );
  }
  if (rows.length === 0) throw emptyWindow(null);
  const options = { ...previous.part.options, trainingWindow: {}, excludedAccounts: [] };
  // Off the server's thread: a firm's history takes seconds of CPU (training-runner.ts).
  const model = await runTrainingOffThread({
    kind: "firm",
    rows,
    table,
    options,
    now: ctx.clock.now().toISOString(),
    previous: shell(previous.part, options),
  });
  const generation = model.version;
  const part: FirmPart = {
    format: 1,
    generation,
    trainedAt: model.trainedAt,
    options: model.options,
    globalModel: model.globalModel,
    combiner: model.combiner,
    confidence: model.confidence,
    calibrator: model.calibrator,
    heldOut: model.heldOut,
  };
  const clientIds = new Set(clients.map((c) => c.id));
  const tallies = Object.entries(model.memory.tallies).map(([key, tally]) => {
    const prefix = key.slice(0, 36);
    return { key, clientId: clientIds.has(prefix) ? prefix : null, tally };
  });
  const clientModels = Object.entries(model.clientModels).map(([clientId, m]) => ({
    clientId,
    version: m.version,
    rows: m.rows,
  }));
  await inTransaction(ctx.db, async (tx) => {
    const who = { id: actor.id, name: actor.displayName };
    const withModel = new Set(Object.keys(model.clientModels));
    for (const id of await models.clientsWithModels(tx, firmId))
      if (!withModel.has(id)) await models.retireClientModel(tx, firmId, id);
    await models.insertModels(
      tx,
      firmId,
      [
        {
          id: newId(),
          clientId: null,
          version: model.globalModel?.version ?? `firm-v${generation}`,
          generation,
          state: encodePart(part),
          rows: rows.length,
          trainedThrough: rows[rows.length - 1]!.date.slice(0, 10),
          heldOut: model.heldOut,
        },
        ...Object.entries(model.clientModels).map(([clientId, m]) => ({
          id: newId(),
          clientId,
          version: m.version,
          generation,
          state: encodePart(m),
          rows: m.rows,
          trainedThrough: m.trainedThrough || null,
          heldOut: null,
        })),
      ],
      who,
    );
    await models.replaceFirmMemory(tx, firmId, tallies);
    for (const c of clients) await models.trainingDone(tx, { firmId, clientId: c.id });
    await recordAudit(tx, actor, {
      action: "categorize.firm.trained",
      subjectType: "firm",
      subjectId: firmId,
      after: {
        generation,
        lines: rows.length,
        clients: clients.length,
        clientModels,
        heldOut: model.heldOut,
      },
    });
  });
  return { scope: "firm", generation, lines: rows.length, clientModels, heldOut: model.heldOut, note: null };
}

/** Refits one client's model on its labelled lines (the firm-wide part stays as it is). */
export async function trainClient(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  history: HistorySource,
): Promise<TrainingReport> {
  const s = await clientScope(ctx.db, actor, clientRef, "settings");
  const { settings } = await settingsAndChart(ctx, actor, s);
  const firm = await firmPart(ctx, s.firmId);
  const options = optionsFor(firm.part, settings);
  const rows = selectTrainingLines(await history(ctx, systemActor(s.firmId), s.clientId), options);
  if (rows.length === 0) throw emptyWindow(settings.trainingWindow);
  const current = await models.currentModel(ctx.db, s.firmId, s.clientId);
  const n =
    current && current.generation === firm.part.generation
      ? Number(/\.(\d+)$/.exec(current.version)?.[1] ?? 0)
      : 0;
  const model = await runTrainingOffThread({
    kind: "client",
    model: shell(firm.part, options),
    clientId: s.clientId,
    rows,
    revision: String(n + 1),
  });
  const fitted: VersionedModel | undefined = model.clientModels[s.clientId];
  await inTransaction(ctx.db, async (tx) => {
    if (fitted) {
      await models.insertModels(
        tx,
        s.firmId,
        [
          {
            id: newId(),
            clientId: s.clientId,
            version: fitted.version,
            generation: firm.part.generation,
            state: encodePart(fitted),
            rows: fitted.rows,
            trainedThrough: fitted.trainedThrough || null,
            heldOut: null,
          },
        ],
        { id: actor.id, name: actor.displayName },
      );
    } else if (current) {
      await models.retireClientModel(tx, s.firmId, s.clientId);
    }
    await models.trainingDone(tx, s);
    await recordAudit(tx, actor, {
      action: "categorize.client.trained",
      clientId: s.clientId,
      subjectType: "client",
      subjectId: s.clientId,
      after: { lines: rows.length, version: fitted?.version ?? null, rows: fitted?.rows ?? 0 },
    });
  });
  return {
    scope: "client",
    generation: firm.part.generation,
    lines: rows.length,
    clientModels: fitted ? [{ clientId: s.clientId, version: fitted.version, rows: fitted.rows }] : [],
    heldOut: null,
    note: fitted
      ? null
      : `a client model needs ${options.minClientRows} labelled transactions in the training window; this client has ${rows.length}`,
  };
}

export interface TrainingJob {
  firmId: string;
  clientId?: string | undefined;
}

/**
 * The training job: after corrections, retrain the client's model — or, while the firm has no
 * trained categorizer yet, train the firm. An empty window is not a failure worth retrying.
 */
export async function runTrainingJob(
  ctx: Ctx,
  name: string,
  job: TrainingJob,
  history: HistorySource,
): Promise<void> {
  const actor = systemActor(job.firmId);
  try {
    const hasFirm = (await models.currentModel(ctx.db, job.firmId, null)) !== undefined;
    if (name === TRAIN_CLIENT_JOB && job.clientId && hasFirm)
      await trainClient(ctx, actor, job.clientId, history);
    else await trainFirm(ctx, actor, history);
  } catch (error) {
    if (
      error instanceof AppError &&
      (error.code === "categorize/empty-training-window" || error.kind === "not-found")
    ) {
      if (job.clientId) await models.clearQueued(ctx.db, { firmId: job.firmId, clientId: job.clientId });
      return;
    }
    throw error;
  }
}

/**
 * Queues a training (on demand): the client's model, or the whole firm's. An empty training window
 * is refused now, with the same error the training would give, and nothing is queued.
 */
export async function queueTraining(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  scope: "client" | "firm",
  history: HistorySource,
): Promise<void> {
  const s = await clientScope(ctx.db, actor, clientRef, "settings");
  if (scope === "firm") requireFirmTraining(actor);
  const { settings } = await settingsAndChart(ctx, actor, s);
  const firm = await firmPart(ctx, s.firmId);
  const rows = selectTrainingLines(
    await history(ctx, systemActor(s.firmId), s.clientId),
    optionsFor(firm.part, settings),
  );
  if (rows.length === 0 && scope === "client") throw emptyWindow(settings.trainingWindow);
  await ctx.jobs.send(scope === "firm" ? TRAIN_FIRM_JOB : TRAIN_CLIENT_JOB, {
    firmId: s.firmId,
    clientId: s.clientId,
  });
}

/**
 * "Train now" from the AI settings: queued as a job, or (wait) run before answering — this client's
 * model, or the firm's whole categorizer for someone who may train the firm and may see the client.
 */
export async function trainNow(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  request: { scope: "client" | "firm"; wait: boolean },
  history: HistorySource,
): Promise<{ queued: true } | TrainingReport> {
  if (!request.wait) {
    await queueTraining(ctx, actor, clientRef, request.scope, history);
    return { queued: true };
  }
  if (request.scope === "client") return trainClient(ctx, actor, clientRef, history);
  await clientScope(ctx.db, actor, clientRef, "settings");
  return trainFirm(ctx, actor, history);
}

export interface ModelVersionView {
  id: string;
  scope: "firm" | "client";
  version: string;
  generation: number;
  rows: number;
  trainedThrough: string | null;
  heldOut: unknown;
  isCurrent: boolean;
  trainedBy: string;
  trainedAt: string;
  sizeBytes: number;
}

export interface LearningView {
  models: ModelVersionView[];
  pendingCorrections: number;
  trainingQueued: boolean;
  /** Where the last tracked training (after a history import) stands. */
  training: models.TrainingProgress | null;
  memory: { clientTallies: number; firmTallies: number; learned: string };
}

export async function learningStatus(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  limit = 20,
): Promise<LearningView> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  const [history, state, counts, training] = await Promise.all([
    models.modelHistory(ctx.db, s, limit),
    models.learningState(ctx.db, s),
    models.memoryRowCount(ctx.db, s),
    models.trainingProgress(ctx.db, s),
  ]);
  return {
    models: history.map((m) => ({
      id: m.id,
      scope: m.client_id === null ? "firm" : "client",
      version: m.version,
      generation: m.generation,
      rows: m.rows,
      trainedThrough: m.trained_through,
      heldOut: m.held_out,
      isCurrent: m.is_current,
      trainedBy: m.trained_by_name,
      trainedAt: m.trained_at.toISOString(),
      sizeBytes: m.size,
    })),
    pendingCorrections: state.pendingCorrections,
    trainingQueued: state.trainingQueued,
    training,
    memory: { clientTallies: counts.client, firmTallies: counts.firm, learned: state.learned.toString() },
  };
}
