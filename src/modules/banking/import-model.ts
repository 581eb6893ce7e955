// Pure preparation of an import: which statements of a parsed file belong to the bank account, their
// amounts and balances in minor units at the account currency's scale (never rounded), and each
// line's idempotency key. Everything that can be wrong with a file is found here, before any write.
import { AppError, ruleViolation, validationError } from "../../platform/errors.ts";
import { formatMinor, isoScale, MAX_MINOR, parseDecimal } from "../../platform/money.ts";
import type { DetailedFile, DetailedStatement, ParsedAccount } from "./formats/index.ts";
import { keyLines } from "./fingerprint.ts";
import { compactAccountRef } from "./model.ts";

/** The bank account a file is imported into, as far as matching and conversion need it. */
export interface ImportTarget {
  name: string;
  currency: string;
  mask: string | null;
  accountNumber: string | null;
}

export type Match = "yes" | "no" | "unknown";

/** Whether a statement's account is the target: by full number, else by the last characters. */
export function accountMatches(account: ParsedAccount, target: ImportTarget): Match {
  if (!account.id || (!target.mask && !target.accountNumber)) return "unknown";
  const ref = compactAccountRef(account.id);
  if (target.accountNumber) {
    // Statements printed for people (PDFs) mask all but the last digits ("XXXX-4321", "****4321").
    const shown = /^[*•X]+(\d{2,})$/.exec(ref)?.[1];
    if (shown !== undefined) return target.accountNumber.endsWith(shown) ? "yes" : "no";
    // Files often prefix the account with a bank or branch code ("12300 000012345678").
    return ref === target.accountNumber || ref.endsWith(target.accountNumber) ? "yes" : "no";
  }
  return ref.endsWith(target.mask!.toUpperCase()) ? "yes" : "no";
}

const currencyFits = (s: DetailedStatement, target: ImportTarget) =>
  !s.account.currency || s.account.currency.toUpperCase() === target.currency;

const describeAccount = (a: ParsedAccount) =>
  `${a.id ? `account …${compactAccountRef(a.id).slice(-4)}` : "an unnamed account"}${a.currency ? ` (${a.currency})` : ""}`;

export interface Selection {
  /** Positions (in the file) of the statements to import. */
  positions: number[];
  warnings: string[];
}

/** Picks the file's statements of this bank account; refuses a file where none fits or the choice is ambiguous. */
export function selectStatements(file: Pick<DetailedFile, "statements">, target: ImportTarget): Selection {
  const statements = file.statements;
  if (statements.length === 0) {
    throw validationError("banking/no-statements", "The file holds no statement.");
  }
  const verdicts = statements.map((s) => ({
    s,
    match: accountMatches(s.account, target),
    currency: currencyFits(s, target),
  }));
  const named = new Set(
    statements.map((s) => s.account.id && compactAccountRef(s.account.id)).filter(Boolean),
  );
  if (named.size > 1 && !target.mask && !target.accountNumber) {
    throw ruleViolation(
      "banking/several-accounts",
      `The file holds statements of ${named.size} accounts (${[...named].map((n) => `…${n!.slice(-4)}`).join(", ")}); give "${target.name}" its last 4 digits so that its own statements are chosen.`,
      { field: "bankAccount" },
    );
  }
  const positions: number[] = [];
  const warnings: string[] = [];
  verdicts.forEach((v, i) => {
    if (v.match !== "no" && v.currency) positions.push(i);
    else if (statements.length > 1)
      warnings.push(
        `A statement of ${describeAccount(v.s.account)} was skipped: it is not "${target.name}".`,
      );
  });
  if (positions.length === 0) {
    const found = [...new Set(statements.map((s) => describeAccount(s.account)))].join(", ");
    const mismatch = verdicts.every((v) => v.match !== "no") ? "currency" : "account";
    throw ruleViolation(
      mismatch === "currency" ? "banking/currency-mismatch" : "banking/account-mismatch",
      mismatch === "currency"
        ? `The file is in another currency (${found}) than "${target.name}" (${target.currency}).`
        : `The file is for ${found}, not for "${target.name}"${target.mask ? ` (…${target.mask})` : ""}.`,
      { field: "bankAccount" },
    );
  }
  return { positions, warnings };
}

export interface PreparedLine {
  sourceLine: number | null;
  date: string;
  amount: bigint;
  description: string;
  payee: string | null;
  reference: string | null;
  bankTransactionId: string | null;
  fingerprint: string;
  occurrence: number;
  key: string;
  /** The line's fields as the bank wrote them, keyed by the format's own names (the parsed values are the columns). */
  fields: Record<string, string>;
}

export interface PreparedStatement {
  position: number;
  accountRef: string | null;
  start: string | null;
  end: string | null;
  firstLineDate: string | null;
  lastLineDate: string | null;
  openingBalance: bigint | null;
  closingBalance: bigint | null;
  sourceLine: number | null;
  sourceEntry: string | null;
  raw: Record<string, string>;
  lines: PreparedLine[];
}

export interface PreparedImport {
  statements: PreparedStatement[];
  warnings: string[];
  totalLines: number;
}

/** Converts the chosen statements; an amount more precise than the currency allows refuses the file. */
export function prepareImport(file: DetailedFile, target: ImportTarget): PreparedImport {
  const { positions, warnings } = selectStatements(file, target);
  const scale = isoScale(target.currency);
  const statements = positions.map((position) =>
    prepareStatement(file.statements[position]!, position, scale, target.currency),
  );
  return {
    statements,
    warnings: [...file.warnings, ...warnings],
    totalLines: statements.reduce((n, s) => n + s.lines.length, 0),
  };
}

function prepareStatement(
  s: DetailedStatement,
  position: number,
  scale: number,
  currency: string,
): PreparedStatement {
  const amounts = s.transactions.map((t) => toMinor(t.amount, scale, currency, t.line, "amount"));
  const keys = keyLines(
    s.transactions.map((t, i) => ({
      date: t.date,
      amount: amounts[i]!,
      description: t.description,
      bankTransactionId: t.id,
    })),
  );
  let first: string | null = null;
  let last: string | null = null;
  const lines = s.transactions.map((t, i): PreparedLine => {
    if (first === null || t.date < first) first = t.date;
    if (last === null || t.date > last) last = t.date;
    const k = keys[i]!;
    return {
      sourceLine: t.line,
      date: t.date,
      amount: amounts[i]!,
      description: t.description,
      payee: t.payee,
      reference: t.reference,
      bankTransactionId: t.id?.trim() || null,
      fingerprint: k.fingerprint,
      occurrence: k.occurrence,
      key: k.key,
      fields: t.raw,
    };
  });
  return {
    position,
    accountRef: s.account.id,
    start: s.start,
    end: s.end,
    firstLineDate: first,
    lastLineDate: last,
    openingBalance:
      s.openingBalance === null ? null : toMinor(s.openingBalance, scale, currency, s.line, "openingBalance"),
    closingBalance:
      s.closingBalance === null ? null : toMinor(s.closingBalance, scale, currency, s.line, "closingBalance"),
    sourceLine: s.line,
    sourceEntry: s.source,
    raw: s.raw,
    lines,
  };
}

/** Minor units of a decimal from the file; too many decimals for the currency is this line's error. */
function toMinor(text: string, scale: number, currency: string, line: number | null, field: string): bigint {
  try {
    return parseDecimal(text, scale, field);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const where = line === null ? "" : `Line ${line}: `;
    const detail =
      error.code === "money/too-many-decimals"
        ? `${where}the amount "${text}" has more decimal places than ${currency} allows (${scale}); it is not rounded.`
        : error.code === "money/too-large"
          ? `${where}the amount "${text}" is too large for ${currency} (at most ${formatMinor(MAX_MINOR, scale)}).`
          : `${where}"${text}" is not an amount.`;
    throw validationError(
      error.code === "money/too-many-decimals"
        ? "banking/amount-too-precise"
        : error.code === "money/too-large"
          ? "banking/amount-too-large"
          : "banking/invalid-amount",
      detail,
      {
        field,
        ...(line === null ? {} : { line }),
      },
    );
  }
}
