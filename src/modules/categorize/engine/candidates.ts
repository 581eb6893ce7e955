// Gathers the evidence for one bank line (memory tallies, client and firm model probabilities)
// and turns it into candidate accounts with the combiner's features.
import { FEATURE_COUNT, type CandidateSet } from "./combiner.ts";
import { LINE_STAT_COUNT } from "./confidence.ts";
import { FeatureBuffer, extractFeatures, normalized } from "./features.ts";
import { classIndex, predictProba } from "./linear-model.ts";
import {
  amountSurprise,
  countShare,
  dayNumber,
  recentKey,
  recall,
  support,
  weightedShare,
  type MemoryLevel,
  type Tally,
} from "./memory.ts";
import type { NormalizedMerchant } from "./normalize.ts";
import type { CategorizerModel, VersionedModel } from "./state.ts";
import type { ChartMapping } from "./taxonomy.ts";
import type { BankLine } from "./types.ts";

/** Everything known about one line before the combiner weighs it. */
export interface Evidence {
  merchant: NormalizedMerchant;
  day: number;
  tallies: Record<MemoryLevel, Tally | undefined>;
  clientModel: VersionedModel | undefined;
  clientProbs: Float64Array | null;
  globalProbs: Float64Array | null;
  features: FeatureBuffer;
  /** The line's amount (signed minor units). */
  amount: bigint;
}

/** Reusable buffers for one thread of predictions. */
export class Scratch {
  features = new FeatureBuffer();
  clientProbs = new Float64Array(64);
  globalProbs = new Float64Array(256);
  candidateProbs = new Float64Array(MAX_CANDIDATES);
}

export const MAX_CANDIDATES = 16;

export function gatherEvidence(model: CategorizerModel, line: BankLine, scratch: Scratch): Evidence {
  const merchant = normalized(line.description);
  const key = merchant.key;
  const brand = merchant.brandKey;
  const memory = model.memory;
  const tallies: Record<MemoryLevel, Tally | undefined> = {
    clientKey: recall(memory, "clientKey", line.clientId, key, brand),
    clientBrand: recall(memory, "clientBrand", line.clientId, key, brand),
    firmKey: recall(memory, "firmKey", line.clientId, key, brand),
    firmBrand: recall(memory, "firmBrand", line.clientId, key, brand),
    client: recall(memory, "client", line.clientId, key, brand),
  };
  extractFeatures(line, { clientFeatures: true }, scratch.features);
  const clientModel = model.clientModels[line.clientId];
  let clientProbs: Float64Array | null = null;
  if (clientModel) {
    const C = clientModel.model.classes.length;
    if (scratch.clientProbs.length < C) scratch.clientProbs = new Float64Array(C);
    clientProbs = scratch.clientProbs.subarray(0, C);
    predictProba(clientModel.model, scratch.features, clientProbs, scratch.features.wordLength);
  }
  let globalProbs: Float64Array | null = null;
  if (model.globalModel) {
    const C = model.globalModel.model.classes.length;
    if (scratch.globalProbs.length < C) scratch.globalProbs = new Float64Array(C);
    globalProbs = scratch.globalProbs.subarray(0, C);
    predictProba(model.globalModel.model, scratch.features, globalProbs);
  }
  return {
    merchant,
    day: dayNumber(line.date),
    tallies,
    clientModel,
    clientProbs,
    globalProbs,
    features: scratch.features,
    amount: line.amount,
  };
}

/** Indices of the k largest values (descending; ties keep the lower index first). */
export function topIndices(values: ArrayLike<number>, k: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (out.length === k && v <= values[out[k - 1]!]!) continue;
    // Insertion into a short sorted list, without temporary arrays (this runs for every line).
    let j = out.length < k ? out.length : k - 1;
    if (out.length < k) out.push(i);
    while (j > 0 && values[out[j - 1]!]! < v) {
      out[j] = out[j - 1]!;
      j--;
    }
    out[j] = i;
  }
  return out;
}

/** The client's account for a category: the only one mapped, else the one the client uses most. */
export function accountForCategory(
  mapping: ChartMapping,
  clientId: string,
  category: string,
  clientTally: Tally | undefined,
): string | undefined {
  const accounts = mapping.accountsFor(clientId, category);
  if (accounts.length <= 1) return accounts[0];
  let best = accounts[0];
  let bestCount = -1;
  for (const account of accounts) {
    const i = clientTally ? clientTally.labels.indexOf(account) : -1;
    const count = i >= 0 ? clientTally!.counts[i]! : 0;
    if (count > bestCount) {
      best = account;
      bestCount = count;
    }
  }
  return best;
}

const trainedThroughCache = new WeakMap<object, number>();

/** The last day the firm model learned from (lines after it are news to the models). */
function trainedThroughDay(model: CategorizerModel): number {
  const gm = model.globalModel;
  if (!gm) return -Infinity;
  let day = trainedThroughCache.get(gm);
  if (day === undefined) {
    day = gm.trainedThrough ? dayNumber(gm.trainedThrough) : -Infinity;
    trainedThroughCache.set(gm, day);
  }
  return day;
}

function topLabels(tally: Tally | undefined, k: number): string[] {
  if (!tally) return [];
  return topIndices(tally.weights, k).map((i) => tally.labels[i]!);
}

/** Candidate accounts for a line with their combiner features. */
export function buildCandidates(
  model: CategorizerModel,
  evidence: Evidence,
  clientId: string,
  mapping: ChartMapping,
  allowed?: ReadonlySet<string>,
): CandidateSet {
  const { tallies } = evidence;
  const accounts: string[] = [];
  const add = (account: string | undefined) => {
    if (account === undefined || accounts.length >= MAX_CANDIDATES || accounts.includes(account)) return;
    if (allowed && !allowed.has(account)) return;
    accounts.push(account);
  };
  for (const a of topLabels(tallies.clientKey, 4)) add(a);
  for (const a of topLabels(tallies.clientBrand, 3)) add(a);
  const cm = evidence.clientModel;
  if (cm && evidence.clientProbs)
    for (const i of topIndices(evidence.clientProbs, 3)) add(cm.model.classes[i]);
  const gm = model.globalModel;
  if (gm && evidence.globalProbs) {
    for (const i of topIndices(evidence.globalProbs, 3))
      add(accountForCategory(mapping, clientId, gm.model.classes[i]!, tallies.client));
  }
  for (const c of topLabels(tallies.firmKey, 2))
    add(accountForCategory(mapping, clientId, c, tallies.client));
  for (const c of topLabels(tallies.firmBrand, 2))
    add(accountForCategory(mapping, clientId, c, tallies.client));
  for (const a of topLabels(tallies.client, 3)) add(a);
  const recent = model.memory.tallies[recentKey(clientId)];
  for (const a of topLabels(recent, 2)) add(a);

  const features = new Float64Array(accounts.length * FEATURE_COUNT);
  const ck = tallies.clientKey;
  const cb = tallies.clientBrand;
  const fk = tallies.firmKey;
  const fb = tallies.firmBrand;
  const cl = tallies.client;
  const nCk = ck ? support(ck) : 0;
  const logCk = Math.log1p(nCk);
  const logCb = cb ? Math.log1p(support(cb)) : 0;
  const logFk = fk ? Math.log1p(support(fk)) : 0;
  const logFb = fb ? Math.log1p(support(fb)) : 0;
  const fresh = ck ? Math.pow(0.5, Math.max(0, evidence.day - ck.lastDay) / 90) : 0;
  const modelDay = trainedThroughDay(model);
  const cmIndex = cm ? classIndex(cm.model) : undefined;
  const gmIndex = gm ? classIndex(gm.model) : undefined;
  const cmTop =
    cm && evidence.clientProbs ? cm.model.classes[topIndices(evidence.clientProbs, 1)[0]!] : undefined;
  const gmTopIndex = gm && evidence.globalProbs ? topIndices(evidence.globalProbs, 1)[0] : undefined;

  for (let c = 0; c < accounts.length; c++) {
    const account = accounts[c]!;
    const category = mapping.categoryOf(clientId, account);
    const f = c * FEATURE_COUNT;
    if (ck) {
      const share = weightedShare(ck, account);
      features[f + 0] = share;
      features[f + 1] = share * logCk;
      features[f + 2] = countShare(ck, account);
      const isLast = ck.last === account ? 1 : 0;
      // A run the models never saw is what a reviewer's recent corrections look like.
      features[f + 3] = isLast && ck.runSince > modelDay ? Math.log1p(ck.run) : 0;
      features[f + 4] = isLast * fresh;
      features[f + 5] = ck.labels.length === 1 && ck.labels[0] === account ? logCk : 0;
    }
    if (cb) {
      const share = weightedShare(cb, account);
      features[f + 6] = share;
      features[f + 7] = share * logCb;
    }
    if (category !== undefined) {
      if (fk) {
        const share = weightedShare(fk, category);
        features[f + 8] = share;
        features[f + 9] = share * logFk;
      }
      if (fb) {
        const share = weightedShare(fb, category);
        features[f + 10] = share;
        features[f + 11] = share * logFb;
      }
    }
    if (cl) {
      const share = countShare(cl, account);
      features[f + 12] = weightedShare(cl, account);
      features[f + 13] = Math.log(share + 0.002);
    }
    if (recent) {
      const share = weightedShare(recent, account);
      features[f + 20] = share;
      features[f + 21] = Math.log(share + 0.002);
    }
    if (cm && evidence.clientProbs) {
      const i = cmIndex!.get(account);
      const p = i === undefined ? 0 : evidence.clientProbs[i]!;
      features[f + 14] = p;
      features[f + 15] = Math.log(p + 0.001);
      features[f + 16] = cmTop === account ? 1 : 0;
    }
    if (gm && evidence.globalProbs && category !== undefined) {
      const i = gmIndex!.get(category) ?? -1;
      const p = i < 0 ? 0 : evidence.globalProbs[i]!;
      features[f + 17] = p;
      features[f + 18] = Math.log(p + 0.001);
      features[f + 19] = gmTopIndex !== undefined && gmTopIndex === i ? 1 : 0;
    } else if (gm && evidence.globalProbs) {
      features[f + 18] = Math.log(0.001);
    }
  }
  const line = new Float64Array(LINE_STAT_COUNT);
  line[0] = logCk;
  line[1] = logCb;
  line[2] = logFk;
  line[3] = cl ? Math.log1p(support(cl)) : 0;
  line[4] = ck ? ck.labels.length : 0;
  line[5] = fresh;
  line[6] = (ck && amountSurprise(ck, evidence.amount)) ?? -1;
  return { accounts, features, count: accounts.length, line };
}
