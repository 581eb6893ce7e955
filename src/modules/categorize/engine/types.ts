// The shapes the categorizer works with: bank lines in, codings and predictions out.
// Amounts are bigint minor units, signed from the bank account's side: positive = money in.

/** A bank line waiting for a coding. */
export interface BankLine {
  id: string;
  clientId: string;
  /** The client's bank or card account the line came from (rules and features may use it). */
  bankAccountId?: string | undefined;
  /** ISO date (yyyy-mm-dd), optionally with a time. */
  date: string;
  description: string;
  /** Signed minor units: positive = money in, negative = money out. */
  amount: bigint;
  currency?: string | undefined;
}

/** How a line is (or should be) posted. */
export interface Coding {
  account: string;
  payee?: string | undefined;
  classId?: string | undefined;
}

/** A line with the coding a person posted or confirmed: training data and corrections. */
export interface PostedLine extends BankLine {
  coding: Coding;
}

/** Which predictor decided. Checked in this order; rules always win. */
export type Method = "rule" | "memory" | "client_model" | "global_model" | "default";

export const METHODS: readonly Method[] = ["rule", "memory", "client_model", "global_model", "default"];

/** A predicted payee: an existing contact, or a proposed new one. */
export interface PayeeGuess {
  name: string;
  contactId?: string | undefined;
  /** True when no existing contact matched and a new one is proposed. */
  isNew: boolean;
}

/** One part of a split line (from a rule). */
export interface SplitPart {
  account: string;
  amount: bigint;
  classId?: string | undefined;
  memo?: string | undefined;
}

/** Machine-readable reason, recorded with every automated decision. */
export interface PredictionReason {
  ruleId?: string;
  memory?: { level: string; votes: number; support: number; lastDate?: string; examples?: string[] };
  words?: Array<{ word: string; weight: number }>;
  alternatives: Array<{ account: string; probability: number }>;
}

export interface Prediction {
  account: string | null;
  payee: PayeeGuess | null;
  classId: string | null;
  memo?: string | undefined;
  split?: SplitPart[] | undefined;
  method: Method;
  modelVersion: string;
  /** Calibrated probability (0..1) that the account is right. */
  confidence: number;
  /** One or two sentences for a bookkeeper. */
  explanation: string;
  reason: PredictionReason;
}
