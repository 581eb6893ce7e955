// How a stored transaction is seen: its coding, its prediction, the bank line the categorizer reads,
// and the view services hand to routes and other modules.
import { isoScale, rescale } from "../../platform/money.ts";
import type { BankLine, Coding as EngineCoding } from "../categorize/index.ts";
import type { Band, Coding, SplitPart, Status, TransactionFacts } from "./model.ts";
import type { TransactionRow } from "./store.ts";

interface StoredPart {
  accountId: string;
  amount: string;
  classId: string | null;
  memo: string | null;
  percent?: string;
}

export function splitToJson(split: readonly SplitPart[] | null): StoredPart[] | null {
  return split
    ? split.map((p) => ({
        accountId: p.accountId,
        amount: p.amount.toString(),
        classId: p.classId,
        memo: p.memo,
        ...(p.percent !== undefined ? { percent: p.percent } : {}),
      }))
    : null;
}

export function splitFromJson(json: unknown): SplitPart[] | null {
  if (!Array.isArray(json)) return null;
  return (json as StoredPart[]).map((p) => ({
    accountId: p.accountId,
    amount: BigInt(p.amount),
    classId: p.classId ?? null,
    memo: p.memo ?? null,
    ...(p.percent !== undefined ? { percent: p.percent } : {}),
  }));
}

export function codingOf(row: TransactionRow): Coding {
  return {
    accountId: row.account_id,
    payee: row.payee,
    contactId: row.contact_id,
    classId: row.class_id,
    departmentId: row.department_id,
    memo: row.memo,
    split: splitFromJson(row.split),
  };
}

export function predictedCodingOf(row: TransactionRow): Coding {
  return {
    accountId: row.predicted_account_id,
    payee: row.predicted_payee,
    contactId: row.predicted_contact_id,
    classId: row.predicted_class_id,
    departmentId: null,
    memo: null,
    split: splitFromJson(row.predicted_split),
  };
}

export function factsOf(row: TransactionRow): TransactionFacts {
  return {
    date: row.date,
    amount: row.amount,
    currency: row.currency,
    scale: row.scale,
    description: row.description,
    bankLedgerAccountId: row.bank_ledger_account_id,
  };
}

/**
 * The line as the categorizer reads it: a bank line, its amount at the currency's ISO scale (what
 * rules' amounts and the categorizer's amount features are written in). Exact: the amount came
 * from a bank line at that scale.
 */
export function lineOf(row: TransactionRow): BankLine {
  return {
    id: row.id,
    clientId: row.client_id,
    bankAccountId: row.bank_account_id,
    date: row.date,
    description: row.description,
    amount: rescale(row.amount, row.scale, isoScale(row.currency), { currency: row.currency }),
    currency: row.currency,
  };
}

/** What memory learns from a coding (splits are not learned: no single account to vote for). */
export function engineCoding(c: Coding): EngineCoding | null {
  if (!c.accountId || c.split) return null;
  return {
    account: c.accountId,
    ...(c.payee ? { payee: c.payee } : {}),
    ...(c.classId ? { classId: c.classId } : {}),
  };
}

export interface TransactionView {
  id: string;
  bankAccountId: string;
  bankLineId: string;
  date: string;
  /** Minor units at `scale` (as are the split parts): the ledger's figures. */
  amount: bigint;
  currency: string;
  /** The decimals the client's ledger keeps `currency` at. */
  scale: number;
  description: string;
  bankPayee: string | null;
  status: Status;
  statusReason: string;
  prediction: {
    method: string | null;
    modelVersion: string | null;
    confidence: number | null;
    band: Band | null;
    explanation: string | null;
    reason: unknown;
    ruleId: string | null;
    coding: Coding;
  };
  coding: Coding;
  posted: boolean;
  entryId: string | null;
  /** "payroll": the bank line is paid by a payroll entry (entryId), not coded here. */
  linkedEntry: "payroll" | null;
  postedAt: Date | null;
  material: boolean;
  assigneeId: string | null;
  edited: { by: string; name: string; at: Date } | null;
  reviewed: { by: string; name: string; at: Date } | null;
  /** Documents attached (a receipt, a bill); read by the list and one transaction, absent elsewhere. */
  attachments?: Array<{ documentId: string; source: string; attachedBy: string; attachedAt: Date }>;
}

export function viewOf(row: TransactionRow): TransactionView {
  return {
    id: row.id,
    bankAccountId: row.bank_account_id,
    bankLineId: row.bank_line_id,
    date: row.date,
    amount: row.amount,
    currency: row.currency,
    scale: row.scale,
    description: row.description,
    bankPayee: row.bank_payee,
    status: row.status,
    statusReason: row.status_reason,
    prediction: {
      method: row.method,
      modelVersion: row.model_version,
      confidence: row.confidence,
      band: row.band,
      explanation: row.explanation,
      reason: row.reason,
      ruleId: row.rule_id,
      coding: predictedCodingOf(row),
    },
    coding: codingOf(row),
    posted: row.entry_id !== null,
    entryId: row.entry_id,
    linkedEntry: row.linked_entry_kind,
    postedAt: row.posted_at,
    material: row.material,
    assigneeId: row.assignee_id,
    edited: row.edited_at ? { by: row.edited_by!, name: row.edited_by_name!, at: row.edited_at } : null,
    reviewed: row.reviewed_at
      ? { by: row.reviewed_by!, name: row.reviewed_by_name!, at: row.reviewed_at }
      : null,
  };
}
