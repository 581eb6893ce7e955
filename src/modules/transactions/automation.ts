// From a prediction to what automation does with one line: the policy of its bank account (mode,
// start date) and client (bands, materiality, low-confidence behaviour, defaults), the decision,
// and the coding that is posted (or proposed, when nothing is posted).
import type { AiSettings, ClientBot, Prediction } from "../categorize/index.ts";
import { isoScale } from "../../platform/money.ts";
import {
  bandOf,
  decide,
  splitAtScale,
  type SplitPart,
  type AutomationMode,
  type Band,
  type BandLimits,
  type Coding,
  type Decision,
  type Policy,
} from "./model.ts";
import type { AutomationRow } from "./store.ts";
import { splitToJson } from "./view.ts";

/** Bank accounts nobody has set up yet: predictions, but nothing posted until a person pushes. */
export const DEFAULT_AUTOMATION: { mode: AutomationMode; startDate: string | null } = {
  mode: "manual_push",
  startDate: null,
};

export function policyOf(
  settings: AiSettings,
  automation: Pick<AutomationRow, "mode" | "start_date"> | undefined,
): Policy {
  return {
    mode: automation?.mode ?? DEFAULT_AUTOMATION.mode,
    startDate: automation ? automation.start_date : DEFAULT_AUTOMATION.startDate,
    bands: settings.bands,
    materiality: settings.materiality,
    lowConfidence: settings.lowConfidence,
    defaultAccount: { out: settings.defaultExpenseAccountId, in: settings.defaultIncomeAccountId },
  };
}

/**
 * The currency of a transaction and the scale its amounts are kept at (the ledger's). A rule's
 * split comes from the categorizer at the currency's ISO scale (it reads bank lines) and is kept
 * at this scale.
 */
export interface Keeping {
  currency: string;
  scale: number;
}

const predictedParts = (p: Prediction, at: Keeping): SplitPart[] | null =>
  splitAtScale(
    p.split
      ? p.split.map((part) => ({
          accountId: part.account,
          amount: part.amount,
          classId: part.classId ?? null,
          memo: part.memo ?? null,
        }))
      : null,
    isoScale(at.currency),
    at.scale,
    at.currency,
  );

/** The coding a prediction proposes, its amounts at the transaction's scale. */
export function codingOfPrediction(p: Prediction, at: Keeping): Coding {
  return {
    accountId: p.split ? null : p.account,
    payee: p.payee?.name ?? null,
    contactId: p.payee?.contactId ?? null,
    classId: p.classId,
    departmentId: null,
    memo: p.memo ?? null,
    split: predictedParts(p, at),
  };
}

export interface Planned {
  prediction: Prediction;
  decision: Decision;
  /** The coding posted now (or proposed for review). */
  coding: Coding;
}

export interface DefaultPayee {
  id: string;
  name: string;
}

/**
 * Predicts a line and decides what automation does with it. The line is the categorizer's (its
 * amount at the ISO scale, as materiality is); the coding comes back at the transaction's scale.
 */
export function planLine(
  bot: ClientBot,
  line: Parameters<ClientBot["predict"]>[0],
  ownAccount: string,
  policy: Policy,
  defaultPayee: DefaultPayee | null,
  at: Keeping,
): Planned {
  const prediction = bot.predict(line, ownAccount);
  const proposed = codingOfPrediction(prediction, at);
  const decision = decide(
    line,
    proposed.accountId || proposed.split
      ? { account: prediction.account, confidence: prediction.confidence }
      : null,
    policy,
  );
  let coding = proposed;
  if (decision.useDefault) {
    const fallback = line.amount < 0n ? policy.defaultAccount.out : policy.defaultAccount.in;
    coding = { ...proposed, accountId: fallback, split: null, classId: null, memo: null };
  }
  // A line posted without any payee gets the client's default payee, when one is set.
  if (decision.post && defaultPayee && !coding.payee && !coding.contactId)
    coding = { ...coding, payee: defaultPayee.name, contactId: defaultPayee.id };
  return { prediction, decision, coding };
}

/** The band stored with a prediction: the decision's, else the prediction's own (lines left out of automation). */
export function bandFor(plan: Planned, limits: BandLimits): Band {
  const p = plan.prediction;
  return plan.decision.band ?? (p.account || p.split ? bandOf(p.confidence, limits) : "low");
}

/** A rule's split as stored with the prediction (at the transaction's scale). */
export function predictedSplitOf(p: Prediction, at: Keeping): ReturnType<typeof splitToJson> {
  return splitToJson(predictedParts(p, at));
}
