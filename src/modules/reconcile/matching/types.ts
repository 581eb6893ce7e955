// The shapes the matching engine takes and returns: a bank statement, the ledger lines of the linked
// ledger account, and the matches between them. Plain values, so the service can build them from rows.

/** One line of a bank or card statement. Amounts in minor units, money in positive. */
export interface StatementLine {
  /** The line's id in Closebook (a bank line id, or any id unique in the statement). */
  id: string;
  /** The bank's id for the line (OFX FITID, camt reference, else the import's stable key). */
  externalId: string;
  /** YYYY-MM-DD, the date the bank booked it. */
  date: string;
  amount: bigint;
  description: string;
  checkNumber?: string | null;
  /** The bank line this statement line is (when the statement came in through banking). */
  bankLineId?: string | null;
}

/** A statement period with its balances; every amount in minor units of the account's currency. */
export interface Statement {
  from: string;
  to: string;
  opening: bigint;
  closing: bigint;
  lines: readonly StatementLine[];
  /** Decimals of the currency, only for wording amounts in reasons ("differ by 1.50"); default 2. */
  scale?: number;
}

/**
 * One line of the linked ledger account, signed as the statement is (money into the account
 * positive: debit − credit for a bank asset; the service flips a card liability's sign if its
 * statements are written the other way).
 */
export interface LedgerLine {
  id: string;
  entryId: string;
  /** The entry's reference (journal code, check number as typed), when it has one. */
  reference?: string | null;
  date: string;
  amount: bigint;
  description: string;
  payee?: string | null;
  checkNumber?: string | null;
  /** The bank line the entry was posted from (Transaction Manager postings). */
  fromBankLineId?: string | null;
}

export type MatchClass = "confident" | "possible";

/** Which pass found a match: it tells a reviewer what kind of evidence to expect. */
export type MatchKind = "bank-line" | "check" | "amount" | "sum";

export interface Match {
  class: MatchClass;
  kind: MatchKind;
  /** 0..1, two decimals: how strongly the evidence supports the match. */
  score: number;
  /** The evidence in words, strongest first ("same bank line", "amount equal", "2 days apart"). */
  reasons: string[];
  /** Statement line ids, in statement order. */
  statement: string[];
  /** Ledger line ids, in date order. */
  ledger: string[];
}

export interface MatchResult {
  /** In the order of each match's first statement line (date, then input order). */
  matches: Match[];
  unmatched: { statement: string[]; ledger: string[] };
}

/** Tuning of the passes; the defaults suit a monthly bank statement. */
export interface MatchOptions {
  /** Business days a statement line and its ledger line may be apart in the amount pass. */
  dateWindow: number;
  /** Business days the parts of a sum may be from its total. */
  sumWindow: number;
  /** Most parts a sum may have. */
  maxParts: number;
  /** Nearest candidates a sum is searched among. */
  maxCandidates: number;
  /** Score lead an amount match needs over its best alternative to be confident. */
  margin: number;
  /** Lowest score of a confident amount match (0.6: equal amount, ≤ 5 business days, unlike texts). */
  minConfident: number;
  /** Most expected coincidences of an amount (amount-chance.ts) for it to be evidence alone. */
  maxChanceAmount: number;
  /** Most expected chance combinations (see subset-sum.ts) for a sum to be confident. */
  maxChanceSums: number;
  /** Lines per side above which an ambiguous group is resolved greedily (all possible). */
  maxExactGroup: number;
}

export const DEFAULT_OPTIONS: Readonly<MatchOptions> = {
  dateWindow: 7,
  sumWindow: 5,
  maxParts: 5,
  maxCandidates: 14,
  margin: 0.1,
  minConfident: 0.6,
  maxChanceAmount: 0.02,
  maxChanceSums: 0.01,
  maxExactGroup: 8,
};
