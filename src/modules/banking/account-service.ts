// Use cases for a client's institutions and bank and card accounts: create, change, list with their
// balances and the Smart Connect totals. Each bank account feeds one bank (or credit-card) account
// of the same client's chart.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction, isUniqueViolation, type Executor } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { conflict, notFound, ruleViolation } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { toJson } from "../../platform/json.ts";
import * as ledger from "../ledger/index.ts";
import type { CsvMapping } from "./formats/index.ts";
import {
  balanceOf,
  checkAccountNumber,
  checkCurrency,
  checkKind,
  checkLedgerAccount,
  checkMask,
  checkName,
  checkShortName,
  shortNameFrom,
  totalsOf,
  type BankAccountKind,
  type CurrencyTotals,
} from "./model.ts";
import { clientScope, type ClientScope } from "./scope.ts";
import * as store from "./store.ts";
import type { AccountFigures, BankAccountPatch, BankAccountRow, InstitutionRow } from "./store.ts";

export type { InstitutionRow, BankAccountRow };

export interface BankAccountView {
  id: string;
  shortName: string;
  name: string;
  kind: BankAccountKind;
  currency: string;
  mask: string | null;
  accountNumber: string | null;
  institution: { id: string; name: string } | null;
  connectionId: string | null;
  ledgerAccount: { id: string; name: string; number: string | null };
  csvMapping: CsvMapping | null;
  isActive: boolean;
  /** The balance (minor units) and the day it is stated for; null until a statement states one. */
  balance: bigint | null;
  balanceAsOf: string | null;
  lineCount: number;
  lastLineDate: string | null;
  lastImportAt: Date | null;
}

export interface BankOverview {
  bankAccounts: BankAccountView[];
  totals: CurrencyTotals[];
}

// ── institutions ────────────────────────────────────────────────────────────────────────────────

export async function listInstitutions(ctx: Ctx, actor: Actor, clientRef: string): Promise<InstitutionRow[]> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  return store.listInstitutions(ctx.db, s);
}

export async function createInstitution(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  input: { name: string; bankCode?: string | null },
): Promise<InstitutionRow> {
  return inTransaction(ctx.db, async (tx) => {
    const s = await clientScope(tx, actor, clientRef, "manage");
    const { row, created } = await ensureInstitutionIn(tx, s, actor, input.name, input.bankCode ?? null);
    if (!created)
      throw conflict("banking/institution-exists", `the client already has the institution "${row.name}"`, {
        field: "name",
      });
    return row;
  });
}

/** The named institution of the client, created (and audited) when it is new. */
export async function ensureInstitutionIn(
  ex: Executor,
  s: ClientScope,
  actor: Actor,
  name: string,
  bankCode: string | null,
) {
  const result = await store.ensureInstitution(ex, s, {
    id: newId(),
    name: checkName(name, "institutionName"),
    bankCode: bankCode?.trim() || null,
  });
  if (result.created) {
    await recordAudit(ex, actor, {
      action: "banking.institution.created",
      clientId: s.clientId,
      subjectType: "institution",
      subjectId: result.row.id,
      after: result.row,
    });
  }
  return result;
}

/** The institution a bank account or connection names: an existing one by id, or one found or
 *  created by name; null when the input clears it, undefined when it says nothing. */
export async function institutionFor(
  ex: Executor,
  s: ClientScope,
  actor: Actor,
  input: { institutionId?: string | null | undefined; institutionName?: string | null | undefined },
): Promise<string | null | undefined> {
  if (input.institutionId) {
    const row = await store.institutionById(ex, s, input.institutionId);
    if (!row)
      throw ruleViolation(
        "banking/unknown-institution",
        `no institution ${input.institutionId} for this client`,
        { field: "institutionId" },
      );
    return row.id;
  }
  if (input.institutionName?.trim())
    return (await ensureInstitutionIn(ex, s, actor, input.institutionName, null)).row.id;
  if (input.institutionId === null || input.institutionName === null) return null;
  return undefined;
}

// ── bank accounts ───────────────────────────────────────────────────────────────────────────────

/** The client's bank and card accounts with their balances, and the totals per currency. */
export async function bankOverview(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  options: { includeInactive?: boolean } = {},
): Promise<BankOverview> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  const views = await viewsOf(ctx, actor, s, await store.listBankAccounts(ctx.db, s, options));
  return { bankAccounts: views, totals: totalsOf(views.filter((v) => v.isActive)) };
}

export async function getBankAccount(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  ref: string,
): Promise<BankAccountView> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  const row = await store.bankAccountByRef(ctx.db, s, ref);
  if (!row) throw notFound("banking/bank-account-not-found", `no bank account "${ref}"`);
  return (await viewsOf(ctx, actor, s, [row]))[0]!;
}

async function viewsOf(
  ctx: Ctx,
  actor: Actor,
  s: ClientScope,
  rows: readonly BankAccountRow[],
): Promise<BankAccountView[]> {
  if (rows.length === 0) return [];
  const [figures, institutions, accounts] = await Promise.all([
    store.accountFigures(ctx.db, s),
    store.listInstitutions(ctx.db, s),
    ledger.listAccounts(ctx, actor, s.clientId, { includeInactive: true }),
  ]);
  const institutionById = new Map(institutions.map((i) => [i.id, i]));
  const accountById = new Map(accounts.map((a) => [a.id, a]));
  return rows.map((r) =>
    viewOf(
      r,
      figures.get(r.id),
      institutionById.get(r.institution_id ?? ""),
      accountById.get(r.ledger_account_id),
    ),
  );
}

function viewOf(
  r: BankAccountRow,
  f: AccountFigures | undefined,
  institution: InstitutionRow | undefined,
  account: { id: string; full_name: string; number: string | null } | undefined,
): BankAccountView {
  return {
    id: r.id,
    shortName: r.short_name,
    name: r.name,
    kind: r.kind,
    currency: r.currency,
    mask: r.mask,
    accountNumber: r.account_number,
    institution: institution ? { id: institution.id, name: institution.name } : null,
    connectionId: r.connection_id,
    ledgerAccount: {
      id: r.ledger_account_id,
      name: account?.full_name ?? "",
      number: account?.number ?? null,
    },
    csvMapping: (r.csv_mapping as CsvMapping | null) ?? null,
    isActive: r.is_active,
    balance: balanceOf(f?.anchor ?? null, f?.linesAfter ?? 0n),
    balanceAsOf: f?.anchor
      ? f.lastLineDate && f.anchor.asOf && f.lastLineDate > f.anchor.asOf
        ? f.lastLineDate
        : f.anchor.asOf
      : null,
    lineCount: f?.lineCount ?? 0,
    lastLineDate: f?.lastLineDate ?? null,
    lastImportAt: f?.lastImportAt ?? null,
  };
}

/** A ledger account of the client given by id, number or full name, checked for the kind of bank account. */
async function ledgerAccountFor(ctx: Ctx, actor: Actor, s: ClientScope, ref: string, kind: BankAccountKind) {
  const accounts = await ledger.listAccounts(ctx, actor, s.clientId, { includeInactive: true });
  const found = accounts.find((a) => a.id === ref || a.number === ref || a.full_name === ref);
  if (!found) {
    throw ruleViolation("banking/unknown-ledger-account", `the client has no ledger account "${ref}"`, {
      field: "ledgerAccountId",
    });
  }
  checkLedgerAccount(kind, found);
  return found;
}

export interface BankAccountInput {
  name: string;
  kind: string;
  ledgerAccountId: string;
  shortName?: string | null | undefined;
  currency?: string | null | undefined;
  mask?: string | null | undefined;
  accountNumber?: string | null | undefined;
  institutionId?: string | null | undefined;
  institutionName?: string | null | undefined;
}

export async function createBankAccount(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  input: BankAccountInput,
): Promise<BankAccountView> {
  const created = await inTransaction(ctx.db, async (tx) => {
    const tctx = { ...ctx, db: tx };
    const s = await clientScope(tx, actor, clientRef, "manage");
    const kind = checkKind(input.kind);
    const name = checkName(input.name);
    const ledgerAccount = await ledgerAccountFor(tctx, actor, s, input.ledgerAccountId, kind);
    await requireLedgerAccountFree(tx, s, ledgerAccount.id, null);
    const shortName = input.shortName
      ? checkShortName(input.shortName)
      : await freeShortName(tx, s, shortNameFrom(name));
    const institutionId = (await institutionFor(tx, s, actor, input)) ?? null;
    const row = await store
      .insertBankAccount(tx, s, {
        id: newId(),
        short_name: shortName,
        name,
        kind,
        currency: checkCurrency(input.currency?.trim().toUpperCase() || s.homeCurrency),
        mask: checkMask(input.mask),
        account_number: checkAccountNumber(input.accountNumber),
        institution_id: institutionId,
        connection_id: null,
        ledger_account_id: ledgerAccount.id,
        csv_mapping: null,
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error))
          throw conflict("banking/short-name-taken", `the client already has a bank account "${shortName}"`, {
            field: "shortName",
          });
        throw error;
      });
    await recordAudit(tx, actor, {
      action: "banking.bank_account.created",
      clientId: s.clientId,
      subjectType: "bank_account",
      subjectId: row.id,
      after: row,
    });
    return row;
  });
  return getBankAccount(ctx, actor, clientRef, created.id);
}

export interface BankAccountChange {
  name?: string | undefined;
  shortName?: string | undefined;
  mask?: string | null | undefined;
  accountNumber?: string | null | undefined;
  ledgerAccountId?: string | undefined;
  institutionId?: string | null | undefined;
  institutionName?: string | null | undefined;
  isActive?: boolean | undefined;
  /** A CSV column layout to remember for this account's files; null forgets it. */
  csvMapping?: CsvMapping | null | undefined;
}

export async function updateBankAccount(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  ref: string,
  change: BankAccountChange,
): Promise<BankAccountView> {
  const id = await inTransaction(ctx.db, async (tx) => {
    const tctx = { ...ctx, db: tx };
    const s = await clientScope(tx, actor, clientRef, "manage");
    const before = await store.bankAccountByRef(tx, s, ref, { lock: true });
    if (!before) throw notFound("banking/bank-account-not-found", `no bank account "${ref}"`);
    const patch: BankAccountPatch = {};
    if (change.name !== undefined) patch.name = checkName(change.name);
    if (change.shortName !== undefined) patch.short_name = checkShortName(change.shortName);
    if (change.mask !== undefined) patch.mask = checkMask(change.mask);
    if (change.accountNumber !== undefined) patch.account_number = checkAccountNumber(change.accountNumber);
    if (change.isActive !== undefined) patch.is_active = change.isActive;
    if (change.csvMapping !== undefined)
      patch.csv_mapping = change.csvMapping === null ? null : toJson(change.csvMapping);
    if (change.ledgerAccountId !== undefined) {
      const ledgerAccount = await ledgerAccountFor(tctx, actor, s, change.ledgerAccountId, before.kind);
      await requireLedgerAccountFree(tx, s, ledgerAccount.id, before.id);
      patch.ledger_account_id = ledgerAccount.id;
    }
    const institutionId = await institutionFor(tx, s, actor, change);
    if (institutionId !== undefined) patch.institution_id = institutionId;
    if (Object.keys(patch).length === 0) return before.id;
    const after = await store.updateBankAccount(tx, s, before.id, patch).catch((error: unknown) => {
      if (isUniqueViolation(error))
        throw conflict(
          "banking/short-name-taken",
          `the client already has a bank account "${patch.short_name}"`,
          { field: "shortName" },
        );
      throw error;
    });
    await recordAudit(tx, actor, {
      action: "banking.bank_account.updated",
      clientId: s.clientId,
      subjectType: "bank_account",
      subjectId: before.id,
      before,
      after,
    });
    return before.id;
  });
  return getBankAccount(ctx, actor, clientRef, id);
}

async function requireLedgerAccountFree(
  ex: Executor,
  s: ClientScope,
  ledgerAccountId: string,
  self: string | null,
): Promise<void> {
  const other = await store.bankAccountOfLedgerAccount(ex, s, ledgerAccountId);
  if (other && other.id !== self) {
    throw conflict(
      "banking/ledger-account-in-use",
      `the ledger account already belongs to the bank account "${other.name}"`,
      { field: "ledgerAccountId" },
    );
  }
}

async function freeShortName(ex: Executor, s: ClientScope, base: string): Promise<string> {
  const taken = await store.shortNamesStartingWith(ex, s, base);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, 40 - String(n).length - 1)}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
