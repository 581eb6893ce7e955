// Pure rules of bank and card accounts: valid names, masks and handles, which ledger account a bank
// account may feed, and the Smart Connect totals (cash available, credit used, net cash).
import { ruleViolation, validationError } from "../../platform/errors.ts";
import { ISO_CODE } from "../../platform/money.ts";
import { slugOf } from "../../platform/slug.ts";

export const BANK_ACCOUNT_KINDS = ["bank", "credit_card"] as const;
export type BankAccountKind = (typeof BANK_ACCOUNT_KINDS)[number];

/** The ledger detail type each kind of bank account posts to (ledger/model.ts DETAIL_TYPES). */
export const LEDGER_DETAIL_TYPE: Record<BankAccountKind, string> = {
  bank: "bank",
  credit_card: "credit_card",
};

export function checkKind(kind: string): BankAccountKind {
  if (!(BANK_ACCOUNT_KINDS as readonly string[]).includes(kind)) {
    throw validationError(
      "banking/invalid-kind",
      `"${kind}" is not a kind of bank account (use bank or credit_card)`,
      {
        field: "kind",
      },
    );
  }
  return kind as BankAccountKind;
}

/** A bank account feeds one ledger account of its client: an active bank (or credit-card) account. */
export function checkLedgerAccount(
  kind: BankAccountKind,
  account: { detail_type: string; is_active: boolean; full_name: string },
): void {
  const wanted = LEDGER_DETAIL_TYPE[kind];
  if (account.detail_type !== wanted) {
    throw ruleViolation(
      "banking/wrong-ledger-account",
      `"${account.full_name}" is a ${account.detail_type.replaceAll("_", " ")} account; a ${kind === "bank" ? "bank" : "credit card"} account must be linked to a ledger account of detail type ${wanted.replace("_", " ")}`,
      { field: "ledgerAccountId" },
    );
  }
  if (!account.is_active) {
    throw ruleViolation("banking/inactive-ledger-account", `"${account.full_name}" is inactive`, {
      field: "ledgerAccountId",
    });
  }
}

export function checkName(name: string, field = "name"): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 200) {
    throw validationError("banking/invalid-name", "a name must have 1 to 200 characters", { field });
  }
  return trimmed;
}

const SHORT_NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;

export function checkShortName(shortName: string): string {
  if (!SHORT_NAME.test(shortName)) {
    throw validationError(
      "banking/invalid-short-name",
      `"${shortName}" is not a valid short name: use 1–40 lowercase letters, digits and dashes`,
      { field: "shortName" },
    );
  }
  return shortName;
}

/** A short name from a display name ("Operating Checking ••1234" → "operating-checking-1234"). */
export function shortNameFrom(name: string): string {
  return slugOf(name, 40, "account");
}

/** The last 4 characters people recognise an account by; longer input keeps its last 4. */
export function checkMask(mask: string | null | undefined): string | null {
  if (mask === null || mask === undefined || mask.trim() === "") return null;
  const compact = mask.replace(/[\s•*x-]/gi, "");
  if (!/^[0-9A-Za-z]+$/.test(compact)) {
    throw validationError(
      "banking/invalid-mask",
      "the account's last digits may hold only letters and digits",
      {
        field: "mask",
      },
    );
  }
  return compact.slice(-4).toUpperCase();
}

export function checkAccountNumber(text: string | null | undefined): string | null {
  if (text === null || text === undefined || text.trim() === "") return null;
  const compact = compactAccountRef(text);
  if (compact.length < 1 || compact.length > 64) {
    throw validationError(
      "banking/invalid-account-number",
      "an account number has 1 to 64 letters and digits",
      {
        field: "accountNumber",
      },
    );
  }
  return compact;
}

/** An account reference without the spaces, dashes and dots banks format it with. */
export function compactAccountRef(text: string): string {
  return text.replace(/[\s.\-/]/g, "").toUpperCase();
}

export function checkCurrency(code: string): string {
  if (!ISO_CODE.test(code)) {
    throw validationError("banking/invalid-currency", `"${code}" is not a three-letter currency code`, {
      field: "currency",
    });
  }
  return code;
}

// ── totals ──────────────────────────────────────────────────────────────────────────────────────

export interface BalanceInput {
  kind: BankAccountKind;
  currency: string;
  /** The balance as the bank states it, from the holder's side: negative on a card means owed. */
  balance: bigint | null;
}

export interface CurrencyTotals {
  currency: string;
  /** Sum of the balances of bank accounts. */
  cashAvailable: bigint;
  /** What is owed on cards: the negated sum of card balances (negative when a card is in credit). */
  creditUsed: bigint;
  /** Cash available minus credit used: the sum of every balance. */
  netCash: bigint;
  /** Accounts in this currency whose balance is not known yet (no statement with a balance). */
  accountsWithoutBalance: number;
}

/** Smart Connect totals per currency (amounts in different currencies are never added). */
export function totalsOf(accounts: readonly BalanceInput[]): CurrencyTotals[] {
  const byCurrency = new Map<string, CurrencyTotals>();
  for (const a of accounts) {
    let t = byCurrency.get(a.currency);
    if (!t) {
      t = { currency: a.currency, cashAvailable: 0n, creditUsed: 0n, netCash: 0n, accountsWithoutBalance: 0 };
      byCurrency.set(a.currency, t);
    }
    if (a.balance === null) {
      t.accountsWithoutBalance += 1;
      continue;
    }
    if (a.kind === "bank") t.cashAvailable += a.balance;
    else t.creditUsed -= a.balance;
  }
  for (const t of byCurrency.values()) t.netCash = t.cashAvailable - t.creditUsed;
  return [...byCurrency.values()].sort((a, b) =>
    a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0,
  );
}

/**
 * A bank account's balance: the closing balance of its latest statement that states one, plus the
 * lines dated after that statement (from files that carry no balance). Null when no statement
 * states a balance.
 */
export function balanceOf(anchor: { closingBalance: bigint } | null, linesAfter: bigint): bigint | null {
  return anchor ? anchor.closingBalance + linesAfter : null;
}
