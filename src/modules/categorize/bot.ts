// The categorizer of one client, assembled from what is stored: its settings, rules, chart mapping,
// memory tallies and the current model versions (firm-wide part and its own). Predicts lines in
// memory and learns codings at once, writing back only the memory tallies that changed.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import type { Executor } from "../../platform/db.ts";
import * as ledger from "../ledger/index.ts";
import { FALLBACK_CALIBRATOR } from "./engine/calibrate.ts";
import { decodePart } from "./engine/codec.ts";
import { PRIOR_COMBINER } from "./engine/combiner.ts";
import { PRIOR_CONFIDENCE } from "./engine/confidence.ts";
import { buildContactIndex } from "./engine/contacts.ts";
import { normalized } from "./engine/features.ts";
import { learn } from "./engine/learn.ts";
import { emptyMemory, memoryKey } from "./engine/memory.ts";
import * as models from "./model-store.ts";
import { predict, type PredictContext } from "./engine/predict.ts";
import * as rulesStore from "./rule-store.ts";
import type { StoredRule } from "./rule-store.ts";
import { clientScope, type ClientScope, type Scope } from "./scope.ts";
import { categoriesOf, type AiSettings, type ChartAccount } from "./settings-model.ts";
import { settingsAndChart } from "./settings-service.ts";
import * as settingsStore from "./settings-store.ts";
import {
  resolveOptions,
  type CategorizerModel,
  type CategorizerOptions,
  type VersionedModel,
} from "./engine/state.ts";
import { mappingFromTable, type ChartMapping } from "./engine/taxonomy.ts";
import type { BankLine, Coding, Prediction } from "./engine/types.ts";
import type { Calibrator } from "./engine/calibrate.ts";
import type { CombinerState } from "./engine/combiner.ts";
import type { ConfidenceModel } from "./engine/confidence.ts";

/** The firm-wide part of a trained categorizer, as stored (client_id null). */
export interface FirmPart {
  format: 1;
  generation: number;
  trainedAt: string;
  options: CategorizerOptions;
  globalModel: VersionedModel | null;
  combiner: CombinerState;
  confidence: ConfidenceModel;
  calibrator: Calibrator;
  heldOut: CategorizerModel["heldOut"];
}

export const UNTRAINED: FirmPart = {
  format: 1,
  generation: 0,
  trainedAt: "",
  options: resolveOptions(),
  globalModel: null,
  combiner: PRIOR_COMBINER,
  confidence: PRIOR_CONFIDENCE,
  calibrator: FALLBACK_CALIBRATOR,
  heldOut: { lines: 0, accuracy: 0, coverageHigh: 0, precisionHigh: 0 },
};

// Stored model rows never change, so decoded parts are cached by row id (a handful per process).
const decoded = new Map<string, unknown>();
const CACHE_SIZE = 12;

async function part<T>(ex: Executor, firmId: string, id: string | null): Promise<T | null> {
  if (!id) return null;
  const hit = decoded.get(id);
  if (hit !== undefined) {
    decoded.delete(id);
    decoded.set(id, hit);
    return hit as T;
  }
  const bytes = await models.modelState(ex, firmId, id);
  if (!bytes) return null;
  const value = decodePart<T>(bytes);
  decoded.set(id, value);
  if (decoded.size > CACHE_SIZE) decoded.delete(decoded.keys().next().value!);
  return value;
}

/** The options the engine runs with for this client: the firm's, with the client's window and exclusions. */
export function optionsFor(firm: FirmPart, settings: AiSettings): CategorizerOptions {
  return resolveOptions({
    ...firm.options,
    trainingWindow: {
      ...(settings.trainingWindow.from ? { from: settings.trainingWindow.from } : {}),
      ...(settings.trainingWindow.to ? { to: settings.trainingWindow.to } : {}),
    },
    excludedAccounts: settings.excludedAccountIds,
  });
}

/** The firm-wide memory keys a line's prediction or learning reads (client keys are loaded whole). */
function firmKeysOf(lines: readonly BankLine[], clientId: string): string[] {
  const keys = new Set<string>();
  for (const line of lines) {
    const m = normalized(line.description);
    keys.add(memoryKey("firmKey", clientId, m.key, m.brandKey));
    keys.add(memoryKey("firmBrand", clientId, m.key, m.brandKey));
  }
  return [...keys];
}

export function mappingOf(
  clientId: string,
  chart: readonly ChartAccount[],
  explicit: ReadonlyMap<string, string | null>,
): ChartMapping {
  const table: Record<string, string> = {};
  for (const [account, c] of categoriesOf(chart, explicit)) if (c.category) table[account] = c.category;
  return mappingFromTable({ [clientId]: table });
}

const UUID_G = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

export interface ClientBot {
  scope: ClientScope;
  settings: AiSettings;
  chart: readonly ChartAccount[];
  rules: readonly StoredRule[];
  model: CategorizerModel;
  mapping: ChartMapping;
  /**
   * Predicts one line: rules, memory, client model, firm model, then the default account for its
   * direction. `own` is the ledger account the line's bank account is linked to (never predicted).
   */
  predict(line: BankLine, own?: string | null): Prediction;
  /** Puts account names where the engine's sentences name account ids. */
  humanize(text: string): string;
}

/**
 * Assembles the categorizer for a client, ready to predict `lines` (their firm-wide memory is
 * loaded; the client's own memory is loaded whole). Reads only: safe inside any transaction.
 */
export async function openBot(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  lines: readonly BankLine[],
): Promise<ClientBot> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  const ex = ctx.db;
  const [{ settings, chart }, rules, explicit, tallies, ids, state, contacts, classes] = await Promise.all([
    settingsAndChart(ctx, actor, s),
    rulesStore.listRules(ex, s),
    settingsStore.explicitCategories(ex, s),
    models.memoryTallies(ex, s, firmKeysOf(lines, s.clientId)),
    models.currentModelIds(ex, s.firmId, s.clientId),
    models.learningState(ex, s),
    ledger.listContacts(ctx, actor, s.clientId),
    ledger.listDimensions(ctx, actor, s.clientId, "class"),
  ]);
  const [firmPart, clientPart] = await Promise.all([
    part<FirmPart>(ex, s.firmId, ids.firm),
    part<VersionedModel>(ex, s.firmId, ids.client),
  ]);
  const firm = firmPart ?? UNTRAINED;
  const options = optionsFor(firm, settings);
  const memory = emptyMemory(options.halfLifeDays);
  memory.tallies = tallies;
  memory.learned = Number(state.learned);
  const model: CategorizerModel = {
    format: 1,
    version: firm.generation,
    trainedAt: firm.trainedAt,
    options,
    memory,
    globalModel: firm.globalModel,
    clientModels: clientPart ? { [s.clientId]: clientPart } : {},
    combiner: firm.combiner,
    confidence: firm.confidence,
    calibrator: firm.calibrator,
    stale: state.pendingCorrections ? { [s.clientId]: state.pendingCorrections } : {},
    heldOut: firm.heldOut,
  };
  const mapping = mappingOf(s.clientId, chart, explicit);
  const names = new Map(chart.map((a) => [a.id, a.number ? `${a.number} ${a.fullName}` : a.fullName]));
  const active = new Set(chart.filter((a) => a.isActive).map((a) => a.id));
  const base: PredictContext = {
    mapping,
    rules: rules.filter((r) => r.enabled),
    validAccounts: active,
    contacts: buildContactIndex(contacts.filter((c) => c.is_active).map((c) => ({ id: c.id, name: c.name }))),
    tracksClasses: classes.some((c) => c.is_active),
    accountTypes: new Map(chart.map((a) => [a.id, a.type])),
    mediumFrom: settings.bands.medium / 10_000,
  };
  // One context per direction (its default account) and bank ledger account: a line is never
  // coded to the very account it moves.
  const contexts = new Map<string, PredictContext>();
  const contextFor = (direction: "in" | "out", own: string | null): PredictContext => {
    const key = `${direction}|${own ?? ""}`;
    let found = contexts.get(key);
    if (!found) {
      const fallback =
        direction === "out" ? settings.defaultExpenseAccountId : settings.defaultIncomeAccountId;
      const valid = own && active.has(own) ? new Set([...active].filter((a) => a !== own)) : active;
      found = {
        ...base,
        validAccounts: valid,
        ...(fallback && valid.has(fallback) ? { defaultAccount: fallback } : {}),
      };
      contexts.set(key, found);
    }
    return found;
  };
  const humanize = (text: string) => text.replace(UUID_G, (id) => names.get(id.toLowerCase()) ?? id);
  return {
    scope: s,
    settings,
    chart,
    rules,
    model,
    mapping,
    humanize,
    predict: (line, own = null) => {
      const p = predict(model, line, contextFor(line.amount < 0n ? "out" : "in", own));
      p.explanation = humanize(p.explanation);
      return p;
    },
  };
}

/** One coding to learn: the line, how it is coded now, and how memory learned it before (if it did). */
export interface LearnItem {
  line: BankLine;
  coding: Coding;
  previous?: Coding | undefined;
  /** A person changed the bot's coding (counts towards retraining the client's model). */
  correction: boolean;
}

export interface LearnOutcome {
  /** Per item: whether memory took it (excluded accounts and lines outside the window are not learned). */
  learned: boolean[];
  /** True when a training job for the client was queued by this call. */
  trainingQueued: boolean;
}

export const TRAIN_CLIENT_JOB = "categorize.train-client";

/**
 * Teaches the client's memory these codings at once, inside the caller's transaction (`ctx.db`),
 * and queues one training job for the client when corrections are waiting and none is queued.
 */
export async function learnCodings(
  ctx: Ctx,
  actor: Actor,
  s: Scope,
  items: readonly LearnItem[],
): Promise<LearnOutcome> {
  if (items.length === 0) return { learned: [], trainingQueued: false };
  const bot = await openBot(
    ctx,
    actor,
    s.clientId,
    items.map((i) => i.line),
  );
  const { model, mapping } = bot;
  // Which tallies learning reads or writes: those are the ones to save.
  const touched = new Set<string>();
  const target = model.memory.tallies;
  model.memory.tallies = new Proxy(target, {
    get(t, key, receiver) {
      if (typeof key === "string") touched.add(key);
      return Reflect.get(t, key, receiver) as unknown;
    },
    set(t, key, value, receiver) {
      if (typeof key === "string") touched.add(key);
      return Reflect.set(t, key, value, receiver);
    },
    deleteProperty(t, key) {
      if (typeof key === "string") touched.add(key);
      return Reflect.deleteProperty(t, key);
    },
  });
  const learned: boolean[] = [];
  let corrections = 0;
  for (const item of items) {
    const result = learn(
      model,
      { ...item.line, coding: item.coding },
      { mapping, ...(item.previous ? { previous: item.previous } : {}) },
    );
    learned.push(result.learned);
    if (result.learned && item.correction) corrections++;
  }
  model.memory.tallies = target;
  await models.saveTallies(
    ctx.db,
    s.firmId,
    [...touched].map((key) => ({
      key,
      clientId: key.startsWith(s.clientId) ? s.clientId : null,
      tally: target[key] ?? null,
    })),
  );
  const count = learned.filter(Boolean).length;
  const queue = await models.noteLearned(ctx.db, s, count, corrections);
  if (queue) await ctx.jobs.send(TRAIN_CLIENT_JOB, { firmId: s.firmId, clientId: s.clientId }, ctx.db);
  return { learned, trainingQueued: queue };
}
