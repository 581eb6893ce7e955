// The rules of double entry, as pure functions: account types and normal balances, the checks an
// entry must pass before it is posted, reversals, and the arithmetic of trial balances.
import { ruleViolation, validationError } from "../../platform/errors.ts";
import { monthOf } from "../../platform/dates.ts";

export const ACCOUNT_TYPES = ["asset", "liability", "equity", "income", "expense"] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];
export type NormalBalance = "debit" | "credit";

/** Detail types refine a type; the bank and card ones are what bank feeds link to. */
export const DETAIL_TYPES: Record<AccountType, readonly string[]> = {
  asset: [
    "bank",
    "accounts_receivable",
    "other_current_asset",
    "inventory",
    "prepaid_expense",
    "undeposited_funds",
    "fixed_asset",
    "accumulated_depreciation",
    "other_asset",
  ],
  liability: [
    "credit_card",
    "accounts_payable",
    "other_current_liability",
    "payroll_liability",
    "sales_tax_payable",
    "line_of_credit",
    "long_term_liability",
  ],
  equity: ["owners_equity", "retained_earnings", "opening_balance_equity", "owner_draws", "conversion"],
  income: ["income", "other_income"],
  expense: ["cost_of_goods_sold", "expense", "other_expense", "payroll_expense", "depreciation"],
};

/** The detail type a new account gets when none is given. */
export const DEFAULT_DETAIL_TYPE: Record<AccountType, string> = {
  asset: "other_current_asset",
  liability: "other_current_liability",
  equity: "owners_equity",
  income: "income",
  expense: "expense",
};

export function normalBalanceOf(type: AccountType): NormalBalance {
  return type === "asset" || type === "expense" ? "debit" : "credit";
}

export function checkDetailType(type: AccountType, detailType: string): string {
  if (!DETAIL_TYPES[type].includes(detailType)) {
    throw validationError(
      "ledger/invalid-detail-type",
      `detail type "${detailType}" does not belong to ${type} accounts (allowed: ${DETAIL_TYPES[type].join(", ")})`,
      { field: "detailType" },
    );
  }
  return detailType;
}

/**
 * The account type implied by a plain-text ledger account name, following hledger's conventions
 * (assets, liabilities/debts, equity, income/revenue, expenses). Unknown roots are assets: they
 * still appear in the trial balance, and a bookkeeper can retype them.
 */
export function inferAccountType(fullName: string): AccountType {
  const root = (fullName.split(":")[0] ?? "").trim().toLowerCase();
  if (/^(assets?|cash|bank|receivables?)$/.test(root)) return "asset";
  if (/^(liabilit(y|ies)|debts?|payables?)$/.test(root)) return "liability";
  if (/^equit(y|ies)$/.test(root)) return "equity";
  if (/^(income|revenues?|sales)$/.test(root)) return "income";
  if (/^(expenses?|costs?)$/.test(root)) return "expense";
  return "asset";
}

export interface LineInput {
  accountId: string;
  /** Signed minor units: positive is a debit, negative a credit. */
  amount: bigint;
  currency: string;
  /** What the amount cost in another currency (kept for plain-text export; not used to balance). */
  cost?: { amount: bigint; currency: string } | undefined;
  /** A line generated to keep each currency balanced in a conversion (equity:conversion). */
  isConversion?: boolean | undefined;
  /** A plain-text journal's unbalanced virtual posting "(account)", kept for export. */
  isVirtual?: boolean | undefined;
  contactId?: string | null | undefined;
  classId?: string | null | undefined;
  departmentId?: string | null | undefined;
  locationId?: string | null | undefined;
  projectId?: string | null | undefined;
  memo?: string | null | undefined;
}

export interface EntryInput {
  date: string;
  description: string;
  reference?: string | null | undefined;
  comment?: string | null | undefined;
  lines: LineInput[];
}

export interface AccountFacts {
  id: string;
  fullName: string;
  isActive: boolean;
}

/** What the checks need to know about the client: its accounts, currencies and locked months. */
export interface PostingContext {
  accounts: ReadonlyMap<string, AccountFacts>;
  currencies: ReadonlySet<string>;
  contacts: ReadonlySet<string>;
  dimensions: ReadonlyMap<string, string>;
  lockedMonths: ReadonlySet<string>;
}

const DIMENSION_FIELDS = [
  ["classId", "class"],
  ["departmentId", "department"],
  ["locationId", "location"],
  ["projectId", "project"],
] as const;

/**
 * An entry a person posts (API, portal) must move money: lines that are all zero ("-0", "0.00")
 * change no balance and are almost always a mistake. Imports decide for themselves (a journal's
 * all-zero transactions are skipped with a warning).
 */
export function refuseAllZero(entry: EntryInput): void {
  if (entry.lines.length > 0 && entry.lines.every((line) => line.amount === 0n)) {
    throw validationError(
      "ledger/all-zero-entry",
      `every line of this journal entry is zero (lines 1-${entry.lines.length}); enter the amounts`,
      { field: "lines" },
    );
  }
}

/**
 * The posting rules. An entry may be posted when it has at least two lines, every line names an
 * active account of this client, a known currency and contact/dimensions of this client, its
 * date is in an open month, and its amounts sum to zero in each currency.
 */
export function checkEntry(entry: EntryInput, ctx: PostingContext): void {
  if (entry.lines.length < 2) {
    throw validationError("ledger/too-few-lines", "a journal entry needs at least two lines", {
      field: "lines",
    });
  }
  checkOpenPeriod(entry.date, ctx);
  const sums = new Map<string, bigint>();
  entry.lines.forEach((line, i) => {
    const field = `lines[${i}]`;
    const account = ctx.accounts.get(line.accountId);
    if (!account)
      throw validationError("ledger/unknown-account", `line ${i + 1}: unknown account ${line.accountId}`, {
        field: `${field}.accountId`,
      });
    if (!account.isActive) {
      throw ruleViolation(
        "ledger/inactive-account",
        `line ${i + 1}: account "${account.fullName}" is inactive`,
        { field: `${field}.accountId` },
      );
    }
    if (!ctx.currencies.has(line.currency)) {
      throw validationError("ledger/unknown-currency", `line ${i + 1}: unknown currency "${line.currency}"`, {
        field: `${field}.currency`,
      });
    }
    if (line.contactId && !ctx.contacts.has(line.contactId)) {
      throw validationError("ledger/unknown-contact", `line ${i + 1}: unknown contact ${line.contactId}`, {
        field: `${field}.contactId`,
      });
    }
    for (const [key, kind] of DIMENSION_FIELDS) {
      const id = line[key];
      if (id && ctx.dimensions.get(id) !== kind) {
        throw validationError("ledger/unknown-dimension", `line ${i + 1}: unknown ${kind} ${id}`, {
          field: `${field}.${key}`,
        });
      }
    }
    sums.set(line.currency, (sums.get(line.currency) ?? 0n) + line.amount);
  });
  const off = [...sums].filter(([, sum]) => sum !== 0n);
  if (off.length > 0) {
    throw ruleViolation(
      "ledger/unbalanced-entry",
      `the entry does not balance: ${off.map(([c, s]) => `${c} is off by ${s} minor units`).join(", ")}`,
      { field: "lines", extra: { imbalance: Object.fromEntries(off.map(([c, s]) => [c, s.toString()])) } },
    );
  }
}

export function checkOpenPeriod(date: string, ctx: Pick<PostingContext, "lockedMonths">): void {
  if (ctx.lockedMonths.has(monthOf(date))) {
    throw ruleViolation("ledger/period-locked", `the period ${date.slice(0, 7)} is locked`, {
      field: "date",
    });
  }
}

/** The lines of the entry that undoes `lines`: same accounts and details, amounts negated. */
export function reversalLines(lines: readonly LineInput[]): LineInput[] {
  return lines.map((l) => ({
    ...l,
    amount: -l.amount,
    cost: l.cost ? { amount: -l.cost.amount, currency: l.cost.currency } : undefined,
  }));
}

/** Monthly bucket deltas a set of posted lines adds to account_balances. */
export interface BalanceDelta {
  accountId: string;
  currency: string;
  month: string;
  debit: bigint;
  credit: bigint;
}

export function balanceDeltas(
  entries: ReadonlyArray<{ date: string; lines: readonly LineInput[] }>,
): BalanceDelta[] {
  const byKey = new Map<string, BalanceDelta>();
  for (const entry of entries) {
    const month = monthOf(entry.date);
    for (const line of entry.lines) {
      const key = `${line.accountId}\u0000${line.currency}\u0000${month}`;
      let delta = byKey.get(key);
      if (!delta) {
        delta = { accountId: line.accountId, currency: line.currency, month, debit: 0n, credit: 0n };
        byKey.set(key, delta);
      }
      if (line.amount >= 0n) delta.debit += line.amount;
      else delta.credit -= line.amount;
    }
  }
  return [...byKey.values()];
}

export interface BalanceRow {
  accountId: string;
  account: string;
  accountType: AccountType;
  number: string | null;
  currency: string;
  /** Signed minor units: positive is a debit balance. */
  balance: bigint;
}

export interface TrialBalanceRow extends BalanceRow {
  debit: bigint;
  credit: bigint;
}

export interface TrialBalance {
  rows: TrialBalanceRow[];
  totals: Array<{ currency: string; debit: bigint; credit: bigint }>;
}

/**
 * A trial balance from account balances: each non-zero balance goes to the debit column when
 * positive, the credit column when negative; rows sorted by account name then currency.
 */
export function trialBalanceOf(balances: readonly BalanceRow[]): TrialBalance {
  const rows = balances
    .filter((b) => b.balance !== 0n)
    .map((b) => ({ ...b, debit: b.balance > 0n ? b.balance : 0n, credit: b.balance < 0n ? -b.balance : 0n }))
    .sort((a, b) => (a.account === b.account ? cmp(a.currency, b.currency) : cmp(a.account, b.account)));
  const totals = new Map<string, { currency: string; debit: bigint; credit: bigint }>();
  for (const row of rows) {
    const t = totals.get(row.currency) ?? { currency: row.currency, debit: 0n, credit: 0n };
    t.debit += row.debit;
    t.credit += row.credit;
    totals.set(row.currency, t);
  }
  return { rows, totals: [...totals.values()].sort((a, b) => cmp(a.currency, b.currency)) };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
