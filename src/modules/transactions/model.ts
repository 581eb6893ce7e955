// The Transaction Manager's rules as pure functions: confidence bands, materiality, the AutoPush
// start-date limit, what automation does with a predicted line, splits by amount or percent, the
// journal entry a coding posts, and the plan for re-posting an edited transaction (reverse, post).
import { validationError } from "../../platform/errors.ts";
import { allocateByPercent, formatMinor, parseDecimal, rescale } from "../../platform/money.ts";
import { AppError } from "../../platform/errors.ts";
import type { EntryInput, LineInput } from "../ledger/index.ts";

export const STATUSES = ["needs_review", "processed", "held", "excluded"] as const;
export type Status = (typeof STATUSES)[number];

export const MODES = ["auto_push", "manual_push", "none"] as const;
export type AutomationMode = (typeof MODES)[number];

export const BANDS = ["high", "medium", "low"] as const;
export type Band = (typeof BANDS)[number];

/** Band limits in hundredths of a percent (9800 = 98%). */
export interface BandLimits {
  high: number;
  medium: number;
}

export const DEFAULT_BANDS: BandLimits = { high: 9800, medium: 9000 };

/** The band of a calibrated confidence (0..1). Compared in millionths, so 0.98 is exactly 98%. */
export function bandOf(confidence: number, limits: BandLimits = DEFAULT_BANDS): Band {
  const ppm = Math.round(confidence * 1_000_000);
  if (ppm >= limits.high * 100) return "high";
  if (ppm >= limits.medium * 100) return "medium";
  return "low";
}

/** At or above the materiality threshold a line always needs review, whatever its confidence. */
export function isMaterial(amount: bigint, materiality: bigint | null): boolean {
  if (materiality === null) return false;
  return (amount < 0n ? -amount : amount) >= materiality;
}

/** AutoPush may start at most this many months back. */
export const MAX_START_MONTHS = 24;

/** The earliest start date allowed on `today`: the same day 24 months earlier (clamped to the month's end). */
export function earliestStartDate(today: string, months = MAX_START_MONTHS): string {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7)) - 1 - months;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(today.slice(8, 10)), last);
  return `${year}-${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function checkStartDate(startDate: string | null, today: string): void {
  if (startDate === null) return;
  const earliest = earliestStartDate(today);
  if (startDate < earliest)
    throw validationError(
      "transactions/start-date-too-early",
      `the automation start date can be at most ${MAX_START_MONTHS} months back (${earliest} or later)`,
      { field: "startDate" },
    );
}

export type LowConfidence = "post_default" | "hold";

export interface Policy {
  mode: AutomationMode;
  startDate: string | null;
  bands: BandLimits;
  materiality: bigint | null;
  lowConfidence: LowConfidence;
  /** The default (uncategorized) account for money out, money in. */
  defaultAccount: { out: string | null; in: string | null };
}

export interface Decision {
  status: Status;
  /** A few words for people: why the line is where it is. */
  reason: string;
  /** Post now: to the predicted coding, or to the default account when `useDefault`. */
  post: boolean;
  useDefault: boolean;
  band: Band | null;
  material: boolean;
}

/**
 * What automation does with a predicted line (PRODUCT.md, AutoPush and Manual Push): high
 * confidence is posted and processed; medium is posted and reviewed; low is posted to the default
 * account or held, per setting, and reviewed; a material amount always needs review; Manual Push
 * predicts but never posts; lines before the start date, or of an account without automation,
 * stay out.
 */
export function decide(
  line: { date: string; amount: bigint },
  prediction: { account: string | null; confidence: number } | null,
  policy: Policy,
): Decision {
  const out = (reason: string): Decision => ({
    status: "excluded",
    reason,
    post: false,
    useDefault: false,
    band: null,
    material: false,
  });
  if (policy.mode === "none") return out("no automation on this bank account");
  if (policy.startDate && line.date < policy.startDate)
    return out(`dated before the automation start date (${policy.startDate})`);
  const material = isMaterial(line.amount, policy.materiality);
  const band: Band = prediction?.account ? bandOf(prediction.confidence, policy.bands) : "low";
  const review = (reason: string, post: boolean, useDefault = false): Decision => ({
    status: "needs_review",
    reason,
    post,
    useDefault,
    band,
    material,
  });
  if (policy.mode === "manual_push") return review("Manual Push: waiting for a person to push it", false);
  if (band === "high") {
    if (material) return review("posted; at or above the materiality threshold", true);
    return {
      status: "processed",
      reason: "posted with high confidence",
      post: true,
      useDefault: false,
      band,
      material,
    };
  }
  if (band === "medium")
    return review(material ? "posted; medium confidence and material" : "posted; medium confidence", true);
  const fallback = line.amount < 0n ? policy.defaultAccount.out : policy.defaultAccount.in;
  if (policy.lowConfidence === "post_default" && fallback)
    return review("low confidence: posted to the default account", true, true);
  return {
    status: "held",
    reason:
      policy.lowConfidence === "hold"
        ? "low confidence: held for review"
        : "low confidence and no default account: held",
    post: false,
    useDefault: false,
    band,
    material,
  };
}

// ── codings, splits and entries ─────────────────────────────────────────────────────────────────

export interface SplitPart {
  accountId: string;
  /** Minor units, signed like the line. */
  amount: bigint;
  classId: string | null;
  memo: string | null;
  /** The percentage it was entered as, when split by percent. */
  percent?: string | undefined;
}

export interface Coding {
  accountId: string | null;
  payee: string | null;
  contactId: string | null;
  classId: string | null;
  departmentId: string | null;
  memo: string | null;
  split: SplitPart[] | null;
}

export const EMPTY_CODING: Coding = {
  accountId: null,
  payee: null,
  contactId: null,
  classId: null,
  departmentId: null,
  memo: null,
  split: null,
};

export function sameCoding(a: Coding, b: Coding): boolean {
  const key = (c: Coding) =>
    JSON.stringify([
      c.accountId,
      c.contactId,
      c.payee,
      c.classId,
      c.departmentId,
      c.memo,
      c.split?.map((p) => [p.accountId, p.amount.toString(), p.classId, p.memo]) ?? null,
    ]);
  return key(a) === key(b);
}

export interface SplitInput {
  by: "amount" | "percent";
  parts: Array<{
    accountId: string;
    amount?: string | undefined;
    percent?: string | undefined;
    classId?: string | null | undefined;
    memo?: string | null | undefined;
  }>;
}

/**
 * The parts of a split line. By amount: the parts (magnitudes, as decimal strings) must total the
 * line exactly. By percent: the percentages must total 100 and the line is allocated with the
 * largest-remainder rule (platform/money.ts), so the parts always total the line.
 */
/** `total` and the parts' amounts are minor units at `scale`, the transaction's (the ledger's) scale. */
export function splitOf(total: bigint, input: SplitInput, scale: number): SplitPart[] {
  if (input.parts.length < 2)
    throw validationError("transactions/split-too-few-parts", "a split needs at least two parts", {
      field: "parts",
    });
  const sign = total < 0n ? -1n : 1n;
  const magnitude = total < 0n ? -total : total;
  if (input.by === "amount") {
    const amounts = input.parts.map((p, i) => {
      if (p.amount === undefined)
        throw validationError("transactions/split-amount-missing", `part ${i + 1} has no amount`, {
          field: `parts[${i}].amount`,
        });
      const a = parseDecimal(p.amount, scale, `parts[${i}].amount`);
      if (a <= 0n)
        throw validationError(
          "transactions/split-bad-amount",
          "each part must be more than zero (amounts are written without a sign)",
          {
            field: `parts[${i}].amount`,
          },
        );
      return a;
    });
    const sum = amounts.reduce((x, y) => x + y, 0n);
    if (sum !== magnitude)
      throw validationError(
        "transactions/split-not-total",
        `the parts total ${formatMinor(sum, scale)} but the transaction is ${formatMinor(magnitude, scale)}`,
        { field: "parts" },
      );
    return input.parts.map((p, i) => ({
      accountId: p.accountId,
      amount: sign * amounts[i]!,
      classId: p.classId ?? null,
      memo: p.memo ?? null,
    }));
  }
  const percents = input.parts.map((p, i) => {
    if (p.percent === undefined)
      throw validationError("transactions/split-percent-missing", `part ${i + 1} has no percentage`, {
        field: `parts[${i}].percent`,
      });
    if (parseDecimal(p.percent, 6, `parts[${i}].percent`) <= 0n)
      throw validationError("transactions/split-bad-percent", "each percentage must be more than zero", {
        field: `parts[${i}].percent`,
      });
    return p.percent;
  });
  let amounts: bigint[];
  try {
    amounts = allocateByPercent(magnitude, percents);
  } catch (error) {
    if (error instanceof AppError && error.code === "money/percent-not-100")
      throw validationError("transactions/split-percent-not-100", `the ${error.detail}`, { field: "parts" });
    throw error;
  }
  return input.parts.map((p, i) => ({
    accountId: p.accountId,
    amount: sign * amounts[i]!,
    classId: p.classId ?? null,
    memo: p.memo ?? null,
    percent: p.percent,
  }));
}

export interface TransactionFacts {
  date: string;
  /** Minor units at `scale`. */
  amount: bigint;
  currency: string;
  scale: number;
  description: string;
  bankLedgerAccountId: string;
}

/** Split parts at another scale of the same currency: exact, or refused naming the part. */
export function splitAtScale(
  split: readonly SplitPart[] | null,
  from: number,
  to: number,
  currency: string,
): SplitPart[] | null {
  if (!split) return null;
  return split.map((p, i) => ({
    ...p,
    amount: rescale(p.amount, from, to, {
      what: `part ${i + 1} of the split`,
      currency,
      field: `parts[${i}].amount`,
    }),
  }));
}

/**
 * A transaction's facts and coding at the scale the ledger keeps its currency at, ready for
 * entryFor: amounts cross into the ledger rescaled exactly (a transaction made at the bank's ISO
 * scale before the ledger kept more decimals gains zeros), never as raw minor units.
 */
export function atLedgerScale(
  t: TransactionFacts,
  coding: Coding,
  ledgerScale: number,
): { facts: TransactionFacts; coding: Coding } {
  if (t.scale === ledgerScale) return { facts: t, coding };
  const amount = rescale(t.amount, t.scale, ledgerScale, {
    what: `the transaction of ${t.date} "${t.description}"`,
    currency: t.currency,
    field: "amount",
  });
  return {
    facts: { ...t, amount, scale: ledgerScale },
    coding: { ...coding, split: splitAtScale(coding.split, t.scale, ledgerScale, t.currency) },
  };
}

/**
 * The journal entry of a coding (facts and coding at the ledger's scale: see atLedgerScale): the bank or card account moves by the line's amount (money in
 * is a debit), and the coded account — or each split part — takes the other side; the payee is
 * the contact on every line.
 */
export function entryFor(t: TransactionFacts, coding: Coding): EntryInput {
  const parts: Array<{ accountId: string; amount: bigint; classId: string | null; memo: string | null }> =
    coding.split
      ? coding.split
      : coding.accountId
        ? [{ accountId: coding.accountId, amount: t.amount, classId: coding.classId, memo: coding.memo }]
        : [];
  if (parts.length === 0)
    throw validationError(
      "transactions/no-account",
      "choose an account for this transaction before it is posted",
      {
        field: "accountId",
      },
    );
  const bank: LineInput = {
    accountId: t.bankLedgerAccountId,
    amount: t.amount,
    currency: t.currency,
    contactId: coding.contactId,
    memo: coding.memo,
  };
  const others: LineInput[] = parts.map((p) => ({
    accountId: p.accountId,
    amount: -p.amount,
    currency: t.currency,
    contactId: coding.contactId,
    classId: p.classId,
    departmentId: coding.departmentId,
    memo: p.memo,
  }));
  return { date: t.date, description: t.description, reference: null, lines: [bank, ...others] };
}

export interface RepostPlan {
  /** The posted entry to reverse first, if any. */
  reverse: string | null;
  /** Post the new coding. */
  post: boolean;
}

/**
 * How an edit reaches the ledger, which only ever grows: a posted transaction whose coding changes
 * is reversed and posted again; an unposted one is posted when it should be; nothing else moves.
 */
export function repostPlan(
  entryId: string | null,
  before: Coding,
  after: Coding,
  shouldBePosted: boolean,
): RepostPlan {
  if (entryId) {
    if (sameCoding(before, after)) return { reverse: null, post: false };
    return { reverse: entryId, post: true };
  }
  return { reverse: null, post: shouldBePosted };
}
