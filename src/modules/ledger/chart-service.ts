// Use cases for a client's chart of accounts, currencies, contacts and dimensions.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction, isUniqueViolation, type Executor } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { conflict, notFound, ruleViolation, validationError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { ISO_CODE, isoScale } from "../../platform/money.ts";
import { US_SMALL_BUSINESS_CHART } from "./chart-template.ts";
import { DEFAULT_DETAIL_TYPE, checkDetailType, normalBalanceOf, type AccountType } from "./model.ts";
import { clientScope, type ClientScope } from "./scope.ts";
import * as store from "./store.ts";
import type { AccountRow, Scope } from "./store.ts";

export type { AccountRow };

/** Registers ISO currencies the client has not used yet (non-ISO symbols must come from an import). */
export async function ensureCurrencies(
  ex: Executor,
  s: Scope,
  codes: Iterable<string>,
): Promise<Map<string, number>> {
  const known = await store.currencyScales(ex, s);
  const missing = [...new Set(codes)].filter((c) => !known.has(c));
  for (const code of missing) {
    if (!ISO_CODE.test(code)) {
      throw validationError(
        "ledger/unknown-currency",
        `unknown currency "${code}" (use a three-letter ISO code)`,
        { field: "currency" },
      );
    }
  }
  await store.insertCurrencies(
    ex,
    s,
    missing.map((code) => ({ code, scale: isoScale(code) })),
  );
  for (const code of missing) known.set(code, isoScale(code));
  return known;
}

/** Creates the default US small-business chart for a client that has no accounts yet. */
export async function applyChartTemplate(ctx: Ctx, actor: Actor, clientRef: string): Promise<number> {
  return inTransaction(ctx.db, async (tx) => {
    const s = await clientScope(tx, actor, clientRef, "ledger.chart.edit");
    const existing = await store.listAccounts(tx, s, { includeInactive: true });
    if (existing.length > 0)
      throw conflict("ledger/chart-exists", "this client already has a chart of accounts");
    const idByNumber = new Map<string, string>();
    const nameByNumber = new Map<string, string>();
    const rows = US_SMALL_BUSINESS_CHART.map((t) => {
      const id = newId();
      idByNumber.set(t.number, id);
      const fullName = t.parent ? `${nameByNumber.get(t.parent)}:${t.name}` : t.name;
      nameByNumber.set(t.number, fullName);
      return {
        id,
        firm_id: s.firmId,
        client_id: s.clientId,
        number: t.number,
        name: t.name,
        full_name: fullName,
        type: t.type,
        detail_type: t.detailType,
        parent_id: t.parent ? idByNumber.get(t.parent)! : null,
        normal_balance: normalBalanceOf(t.type),
        description: t.description ?? null,
      };
    });
    await store.insertAccounts(tx, rows);
    await ensureCurrencies(tx, s, [s.homeCurrency]);
    await recordAudit(tx, actor, {
      action: "ledger.chart.template_applied",
      clientId: s.clientId,
      subjectType: "client",
      subjectId: s.clientId,
      after: { accounts: rows.length, template: "us-small-business" },
    });
    return rows.length;
  });
}

export interface AccountInput {
  number?: string | null | undefined;
  name: string;
  type: AccountType;
  detailType?: string | undefined;
  parentId?: string | null | undefined;
  description?: string | null | undefined;
}

export async function createAccount(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  input: AccountInput,
): Promise<AccountRow> {
  return inTransaction(ctx.db, async (tx) => {
    const s = await clientScope(tx, actor, clientRef, "ledger.chart.edit");
    const name = checkAccountName(input.name);
    const detailType = checkDetailType(input.type, input.detailType ?? DEFAULT_DETAIL_TYPE[input.type]);
    let fullName = name;
    if (input.parentId) {
      const parent = await store.accountById(tx, s, input.parentId);
      if (!parent)
        throw validationError("ledger/unknown-account", `unknown parent account ${input.parentId}`, {
          field: "parentId",
        });
      if (parent.type !== input.type) {
        throw ruleViolation(
          "ledger/parent-type-mismatch",
          `a ${input.type} account cannot sit under the ${parent.type} account "${parent.full_name}"`,
          { field: "parentId" },
        );
      }
      fullName = `${parent.full_name}:${name}`;
    }
    const row = {
      id: newId(),
      firm_id: s.firmId,
      client_id: s.clientId,
      number: input.number?.trim() || null,
      name,
      full_name: fullName,
      type: input.type,
      detail_type: detailType,
      parent_id: input.parentId ?? null,
      normal_balance: normalBalanceOf(input.type),
      description: input.description ?? null,
    };
    try {
      await store.insertAccounts(tx, [row]);
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict(
          "ledger/account-exists",
          `an account named "${fullName}" or numbered "${row.number}" already exists`,
          { field: "name" },
        );
      throw error;
    }
    const created = (await store.accountById(tx, s, row.id))!;
    await recordAudit(tx, actor, {
      action: "ledger.account.created",
      clientId: s.clientId,
      subjectType: "account",
      subjectId: row.id,
      after: created,
    });
    return created;
  });
}

export interface AccountPatch {
  name?: string | undefined;
  number?: string | null | undefined;
  detailType?: string | undefined;
  description?: string | null | undefined;
  isActive?: boolean | undefined;
}

export async function updateAccount(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  accountId: string,
  patch: AccountPatch,
): Promise<AccountRow> {
  return inTransaction(ctx.db, async (tx) => {
    const s = await clientScope(tx, actor, clientRef, "ledger.chart.edit");
    const before = await store.accountById(tx, s, accountId);
    if (!before) throw notFound("ledger/account-not-found", `no account ${accountId}`);
    const set: Parameters<typeof store.updateAccount>[3] = {};
    if (patch.name !== undefined) {
      set.name = checkAccountName(patch.name);
      const prefix = before.full_name.slice(0, before.full_name.length - before.name.length);
      set.full_name = prefix + set.name;
    }
    if (patch.number !== undefined) set.number = patch.number?.trim() || null;
    if (patch.detailType !== undefined) set.detail_type = checkDetailType(before.type, patch.detailType);
    if (patch.description !== undefined) set.description = patch.description;
    if (patch.isActive !== undefined) {
      if (!patch.isActive && (await store.accountHasChildren(tx, s, accountId))) {
        throw ruleViolation(
          "ledger/account-has-children",
          `"${before.full_name}" has active sub-accounts; make them inactive first`,
          { field: "isActive" },
        );
      }
      set.is_active = patch.isActive;
    }
    let after: AccountRow;
    try {
      after = await store.updateAccount(tx, s, accountId, set);
      if (set.full_name && set.full_name !== before.full_name)
        await store.renameDescendants(tx, s, before.full_name, set.full_name);
      await store.bumpLedgerVersion(tx, s);
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict("ledger/account-exists", "another account already has that name or number", {
          field: "name",
        });
      throw error;
    }
    await recordAudit(tx, actor, {
      action: "ledger.account.updated",
      clientId: s.clientId,
      subjectType: "account",
      subjectId: accountId,
      before,
      after,
    });
    return after;
  });
}

export async function listAccounts(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  options: { includeInactive?: boolean } = {},
): Promise<AccountRow[]> {
  const s = await clientScope(ctx.db, actor, clientRef, "ledger.read");
  return store.listAccounts(ctx.db, s, options);
}

export async function getAccount(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  accountId: string,
): Promise<AccountRow> {
  const s = await clientScope(ctx.db, actor, clientRef, "ledger.read");
  const row = await store.accountById(ctx.db, s, accountId);
  if (!row) throw notFound("ledger/account-not-found", `no account ${accountId}`);
  return row;
}

function checkAccountName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 200)
    throw validationError("ledger/invalid-account-name", "an account name must have 1 to 200 characters", {
      field: "name",
    });
  if (trimmed.includes(":"))
    throw validationError(
      "ledger/invalid-account-name",
      'an account name may not contain ":" (use a parent account instead)',
      { field: "name" },
    );
  return trimmed;
}

export type { ClientScope };
