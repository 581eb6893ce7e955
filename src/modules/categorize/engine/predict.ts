// Prediction: rules first (they always win), then the combined evidence of client memory, the
// client model and the firm-wide model, then the default account. Every prediction carries its
// method, model version, calibrated confidence and an explanation.
import { calibrate } from "./calibrate.ts";
import { Scratch, buildCandidates, gatherEvidence, topIndices, type Evidence } from "./candidates.ts";
import { chooseCandidate, followsRun, type CandidateSet } from "./combiner.ts";
import { clientReliability, confidenceFeatures, confidenceScore } from "./confidence.ts";
import { resolveContact, type ContactIndex } from "./contacts.ts";
import { againstDirection, weighDirection, type AccountTypes } from "./direction.ts";
import { memoryExplanation, modelExplanation, shownAlternatives, weightiestWords } from "./explain.ts";
import { normalized } from "./features.ts";
import { classIndex } from "./linear-model.ts";
import { classForAccount, support, topLabel, topName, weightedShare, type MemoryLevel } from "./memory.ts";
import { HIGH, MEDIUM } from "./metrics.ts";
import { applyRule, selectRule, type Rule } from "./rules.ts";
import type { CategorizerModel } from "./state.ts";
import type { ChartMapping } from "./taxonomy.ts";
import type { BankLine, Method, PayeeGuess, Prediction, PredictionReason } from "./types.ts";

export interface PredictContext {
  mapping: ChartMapping;
  rules?: readonly Rule[];
  /** The client's chart: when given, nothing outside it is ever predicted. */
  validAccounts?: ReadonlySet<string>;
  /** The client's contacts, for resolving the payee (see buildContactIndex). */
  contacts?: ContactIndex;
  /** Predict a class/department too. */
  tracksClasses?: boolean;
  /** Used when nothing else applies. */
  defaultAccount?: string;
  /** Leave out the explanation's "words that weighed most" (saves time in bulk evaluation). */
  brief?: boolean;
  /** The type of each of the client's accounts: when given, money in is not coded to an expense
   *  account (nor money out to an income account) at medium or high confidence unless this
   *  client's own history does so (see direction.ts). */
  accountTypes?: AccountTypes;
  /** Where the client's medium band starts (default MEDIUM). */
  mediumFrom?: number;
}

/** The combiner's ranking of candidate accounts for a line. */
export interface Ranking {
  evidence: Evidence;
  candidates: CandidateSet;
  probabilities: Float64Array;
  /** Index of the chosen candidate, −1 when there is none. */
  best: number;
  /** The combiner's probability of the chosen candidate (before calibration). */
  score: number;
}

const sharedScratch = new Scratch();

export function rankAccounts(
  model: CategorizerModel,
  line: BankLine,
  mapping: ChartMapping,
  allowed?: ReadonlySet<string>,
  scratch: Scratch = sharedScratch,
): Ranking {
  const evidence = gatherEvidence(model, line, scratch);
  const candidates = buildCandidates(model, evidence, line.clientId, mapping, allowed);
  const probabilities = scratch.candidateProbs;
  if (candidates.count === 0) return { evidence, candidates, probabilities, best: -1, score: 0 };
  const best = chooseCandidate(model.combiner.weights, candidates, probabilities);
  return { evidence, candidates, probabilities, best, score: probabilities[best]! };
}

const confidenceBuffer = new Float64Array(32);

/** The uncalibrated confidence score of a ranking's choice. */
export function confidenceOf(model: CategorizerModel, ranking: Ranking, clientId: string): number {
  const features = confidenceFeatures(
    ranking.candidates,
    ranking.best,
    ranking.probabilities,
    clientReliability(model.confidence, clientId),
    confidenceBuffer,
  );
  return confidenceScore(model.confidence, features);
}

/** Lines of this merchant a client needs before a prediction may reach the high band. */
export const MIN_SUPPORT_FOR_HIGH = 3;

/**
 * The high band posts without review, so it needs the client's own record with the merchant: a
 * payee seen once or twice (or never) for this client stays below 98%, however sure the rest of
 * the evidence looks. Held-out checks showed why: a pair seen twice whose habit then changed took
 * dozens of lines into the band at once (lines of one pair are not independent evidence).
 */
export function bandGuard(confidence: number, ranking: Ranking): number {
  if (confidence < HIGH) return confidence;
  const tally = ranking.evidence.tallies.clientKey;
  return tally && support(tally) >= MIN_SUPPORT_FOR_HIGH ? confidence : Math.min(confidence, HIGH - 0.001);
}

/** Which predictor a chosen account is credited to, in the documented order. */
export function attribute(
  model: CategorizerModel,
  ranking: Ranking,
  account: string,
  clientId: string,
  mapping: ChartMapping,
): { method: Method; level?: MemoryLevel } {
  const { evidence } = ranking;
  const { clientKey, clientBrand } = evidence.tallies;
  if (
    clientKey &&
    (topLabel(clientKey) === account || (ranking.best >= 0 && followsRun(ranking.candidates, ranking.best)))
  ) {
    return { method: "memory", level: "clientKey" };
  }
  if (clientBrand && support(clientBrand) >= 2 && topLabel(clientBrand) === account)
    return { method: "memory", level: "clientBrand" };
  const cm = evidence.clientModel;
  const cmP =
    cm && evidence.clientProbs ? (evidence.clientProbs[classIndex(cm.model).get(account) ?? -1] ?? 0) : 0;
  if (cm && evidence.clientProbs && cm.model.classes[topIndices(evidence.clientProbs, 1)[0]!] === account)
    return { method: "client_model" };
  const category = mapping.categoryOf(clientId, account);
  const gm = model.globalModel;
  const gmP =
    gm && evidence.globalProbs && category !== undefined
      ? (evidence.globalProbs[classIndex(gm.model).get(category) ?? -1] ?? 0)
      : 0;
  if (
    gm &&
    evidence.globalProbs &&
    category !== undefined &&
    gm.model.classes[topIndices(evidence.globalProbs, 1)[0]!] === category
  ) {
    return { method: "global_model" };
  }
  // Not anyone's first choice: credit the strongest supporter.
  const memoryShare = Math.max(
    clientKey ? weightedShare(clientKey, account) : 0,
    clientBrand ? weightedShare(clientBrand, account) : 0,
  );
  const best = Math.max(memoryShare, cmP, gmP);
  if (best <= 0) return { method: "default" };
  if (best === memoryShare)
    return {
      method: "memory",
      level: clientKey && weightedShare(clientKey, account) === best ? "clientKey" : "clientBrand",
    };
  return best === cmP ? { method: "client_model" } : { method: "global_model" };
}

function payeeGuess(name: string | null | undefined, contacts: ContactIndex | undefined): PayeeGuess | null {
  if (!name) return null;
  if (!contacts) return { name, isNew: false };
  const match = resolveContact(name, contacts);
  return match.kind === "existing"
    ? { name: match.contact.name, contactId: match.contact.id, isNew: false }
    : { name, isNew: true };
}

/** Predicts payee, account (and class) for one bank line. */
export function predict(model: CategorizerModel, line: BankLine, ctx: PredictContext): Prediction {
  const rule = ctx.rules && ctx.rules.length ? selectRule(ctx.rules, line) : undefined;
  if (rule) {
    const outcome = applyRule(rule, line);
    const merchant = normalized(line.description).name;
    const what = outcome.split
      ? `splits it over ${outcome.split.length} accounts`
      : `posts it to ${outcome.account}`;
    return {
      account: outcome.account,
      payee: payeeGuess(outcome.payee ?? merchant, ctx.contacts),
      classId: outcome.classId,
      memo: outcome.memo ?? undefined,
      split: outcome.split ?? undefined,
      method: "rule",
      modelVersion: `rule:${rule.id}@${rule.version ?? 1}`,
      confidence: 1,
      explanation: `Rule “${rule.name ?? rule.id}” matches this line and ${what}.`,
      reason: { ruleId: rule.id, alternatives: [] },
    };
  }

  const ranking = rankAccounts(model, line, ctx.mapping, ctx.validAccounts);
  const { evidence, candidates, probabilities } = ranking;
  const storedPayee = topName(evidence.tallies.clientKey?.payees);
  const payee = payeeGuess(storedPayee ?? evidence.merchant.name, ctx.contacts);

  if (ranking.best < 0) {
    const account = ctx.defaultAccount ?? null;
    return {
      account,
      payee,
      classId: null,
      method: "default",
      modelVersion: `default@${model.version}`,
      confidence: 0,
      explanation: account
        ? `Nothing in this client's history or the firm's models fits this line, so it goes to the default account ${account} for review.`
        : "Nothing in this client's history or the firm's models fits this line; it needs a person to code it.",
      reason: { alternatives: [] },
    };
  }

  ranking.best = weighDirection(
    model.memory,
    line,
    candidates.accounts,
    probabilities,
    candidates.count,
    ranking.best,
    ctx.accountTypes,
  );
  ranking.score = probabilities[ranking.best]!;
  const account = candidates.accounts[ranking.best]!;
  const against = againstDirection(model.memory, line, account, ctx.accountTypes);
  let confidence = bandGuard(
    calibrate(model.calibrator, confidenceOf(model, ranking, line.clientId)),
    ranking,
  );
  if (against) confidence = Math.min(confidence, (ctx.mediumFrom ?? MEDIUM) - 0.001);
  const { method, level } = attribute(model, ranking, account, line.clientId, ctx.mapping);
  const alternatives = shownAlternatives(
    candidates.accounts,
    probabilities.subarray(0, candidates.count),
    ranking.best,
    confidence,
  );
  const reason: PredictionReason = { alternatives };
  let explanation: string;
  let modelVersion: string;
  const payeeName = payee?.name ?? evidence.merchant.name ?? "";
  if (method === "memory" && level) {
    const tally = evidence.tallies[level]!;
    const i = tally.labels.indexOf(account);
    reason.memory = {
      level,
      votes: i >= 0 ? tally.counts[i]! : 0,
      support: support(tally),
      lastDate: tally.examples?.[tally.examples.length - 1]?.date,
      examples: tally.examples?.map((e) => e.id),
    };
    explanation = followsRun(candidates, ranking.best)
      ? `The last ${tally.run} lines from “${payeeName || "this merchant"}” for this client went to ${account}; following them until the models are retrained.`
      : memoryExplanation(level, tally, account, payeeName);
    modelVersion = `memory@${model.version}.${model.memory.learned}`;
  } else if (method === "client_model" && evidence.clientModel) {
    const cm = evidence.clientModel;
    const words = ctx.brief ? [] : weightiestWords(cm.model, line, classIndex(cm.model).get(account) ?? 0);
    if (words.length) reason.words = words;
    explanation = modelExplanation("client_model", account, undefined, words);
    modelVersion = cm.version;
  } else if (method === "global_model" && model.globalModel) {
    const gm = model.globalModel;
    const category = ctx.mapping.categoryOf(line.clientId, account);
    const index = category === undefined ? undefined : classIndex(gm.model).get(category);
    const words = ctx.brief || index === undefined ? [] : weightiestWords(gm.model, line, index);
    if (words.length) reason.words = words;
    explanation = modelExplanation("global_model", account, category, words);
    modelVersion = gm.version;
  } else {
    explanation = `No close match; ${account} is the account this client uses most for lines like this.`;
    modelVersion = `default@${model.version}`;
  }

  if (against)
    explanation += ` This is money ${line.amount > 0n ? "in" : "out"}, and this client's books have never coded money ${line.amount > 0n ? "in" : "out"} to ${account}: check it.`;

  let classId: string | null = null;
  if (ctx.tracksClasses) {
    classId =
      topName(evidence.tallies.clientKey?.classes) ??
      classForAccount(model.memory, line.clientId, account) ??
      null;
  }
  return { account, payee, classId, method, modelVersion, confidence, explanation, reason };
}
