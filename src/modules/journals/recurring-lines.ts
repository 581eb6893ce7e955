// A recurring entry's lines: fixed amounts, a percentage of another account's balance at period
// end or of its activity in the month, a fixed amount split by percentages, and one balancing
// line that takes whatever makes the entry balance. Working them out for a month either gives
// balanced ledger lines or a reason the entry is held as a draft (an account was deactivated, the
// lines no longer balance).
import { validationError } from "../../platform/errors.ts";
import { allocateByPercent, formatMinor } from "../../platform/money.ts";
import { roundDiv, scaledDecimal } from "./schedule-math.ts";

export type Side = "debit" | "credit";
export type RecurringLine =
  | { kind: "fixed"; accountId: string; amount: bigint; memo?: string | null }
  | {
      kind: "percent";
      accountId: string;
      side: Side;
      /** "balance": the source account's balance at period end; "activity": its movement in the month. */
      basis: "balance" | "activity";
      sourceAccountId: string;
      percent: string;
      memo?: string | null;
    }
  | {
      kind: "split";
      side: Side;
      amount: bigint;
      parts: { accountId: string; percent: string }[];
      memo?: string | null;
    }
  | { kind: "balancing"; accountId: string; memo?: string | null };

export interface MonthFacts {
  /** Signed (debit positive) balance at period end and movement in the month, by account id. */
  balances: ReadonlyMap<string, bigint>;
  activity: ReadonlyMap<string, bigint>;
  /** Accounts that can take a posting now; any other account holds the entry. */
  activeAccounts: ReadonlySet<string>;
  accountNames: ReadonlyMap<string, string>;
}

export interface ResolvedLine {
  accountId: string;
  amount: bigint;
  memo: string | null;
}

export type Resolution = { ok: true; lines: ResolvedLine[] } | { ok: false; reason: string };

const PERCENT_SCALE = 6;
const HUNDRED = 100n * 10n ** BigInt(PERCENT_SCALE);

function percentOf(text: string, field: string): bigint {
  const p = scaledDecimal(text, PERCENT_SCALE);
  if (p === null || p > 1000n * 10n ** BigInt(PERCENT_SCALE))
    throw validationError("journals/bad-percent", `"${text}" is not a percentage (0 to 1000)`, { field });
  return p;
}

const signed = (side: Side, magnitude: bigint) => (side === "debit" ? magnitude : -magnitude);
const abs = (n: bigint) => (n < 0n ? -n : n);

export function checkLines(lines: readonly RecurringLine[]): void {
  if (lines.length < 2 && !(lines.length === 1 && lines[0]!.kind === "split"))
    throw validationError("journals/too-few-lines", "an entry needs at least two lines", { field: "lines" });
  if (lines.filter((l) => l.kind === "balancing").length > 1)
    throw validationError("journals/two-balancing", "only one line can be the balancing line", {
      field: "lines",
    });
  lines.forEach((line, i) => {
    if (line.kind === "percent") percentOf(line.percent, `lines[${i}].percent`);
    if (line.kind === "split") {
      if (line.amount <= 0n)
        throw validationError("journals/bad-amount", "the amount to split must be more than zero", {
          field: `lines[${i}].amount`,
        });
      allocateByPercent(
        line.amount,
        line.parts.map((p) => p.percent),
      );
    }
  });
  if (lines.some((l) => l.kind === "balancing" || l.kind === "percent")) return;
  const total = fixedTotal(lines);
  if (total !== 0n)
    throw validationError(
      "journals/unbalanced",
      `the lines do not balance: debits exceed credits by ${formatMinor(total, 2)}`,
      {
        field: "lines",
      },
    );
}

function fixedTotal(lines: readonly RecurringLine[]): bigint {
  return lines.reduce(
    (sum, l) => sum + (l.kind === "fixed" ? l.amount : l.kind === "split" ? signed(l.side, l.amount) : 0n),
    0n,
  );
}

/** The ledger lines for one month, or why the entry must wait as a draft. */
export function resolveLines(lines: readonly RecurringLine[], facts: MonthFacts): Resolution {
  const out: ResolvedLine[] = [];
  let balancing: { accountId: string; memo: string | null } | null = null;
  for (const line of lines) {
    const memo = line.memo ?? null;
    if (line.kind === "fixed") out.push({ accountId: line.accountId, amount: line.amount, memo });
    else if (line.kind === "balancing") balancing = { accountId: line.accountId, memo };
    else if (line.kind === "split") {
      const parts = allocateByPercent(
        line.amount,
        line.parts.map((p) => p.percent),
      );
      line.parts.forEach((p, i) =>
        out.push({ accountId: p.accountId, amount: signed(line.side, parts[i]!), memo }),
      );
    } else {
      const basis =
        (line.basis === "balance" ? facts.balances : facts.activity).get(line.sourceAccountId) ?? 0n;
      const magnitude = roundDiv(abs(basis) * percentOf(line.percent, "percent"), HUNDRED);
      out.push({ accountId: line.accountId, amount: signed(line.side, magnitude), memo });
    }
  }
  const total = out.reduce((s, l) => s + l.amount, 0n);
  if (balancing && total !== 0n)
    out.push({ accountId: balancing.accountId, amount: -total, memo: balancing.memo });
  const kept = out.filter((l) => l.amount !== 0n);
  const inactive = [...new Set(kept.map((l) => l.accountId).filter((id) => !facts.activeAccounts.has(id)))];
  if (inactive.length > 0) {
    const names = inactive.map((id) => facts.accountNames.get(id) ?? id).join(", ");
    return {
      ok: false,
      reason: `held: account ${names} is inactive, so the entry cannot post; change its lines`,
    };
  }
  const left = kept.reduce((s, l) => s + l.amount, 0n);
  if (left !== 0n) return { ok: false, reason: `held: the lines do not balance by ${formatMinor(left, 2)}` };
  if (kept.length === 0) return { ok: false, reason: "held: every amount is zero this month" };
  return { ok: true, lines: kept };
}
