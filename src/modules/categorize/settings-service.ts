// Use cases for a client's AI settings (training window, excluded accounts, materiality, bands,
// defaults, assignee — each with "last updated by") and for the mapping of its accounts to the
// standard category taxonomy. Every change: permission, one transaction, one audit event.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction, type Executor } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { notFound, validationError } from "../../platform/errors.ts";
import { isoScale, parseDecimal } from "../../platform/money.ts";
import * as access from "../access/index.ts";
import * as ledger from "../ledger/index.ts";
import { clientScope, type ClientScope, type Scope } from "./scope.ts";
import {
  applySettingsPatch,
  categoriesOf,
  defaultSettings,
  isCategory,
  type AiSettings,
  type ChartAccount,
  type SettingsPatch,
} from "./settings-model.ts";
import * as store from "./settings-store.ts";
import { STANDARD_CATEGORIES, type Category } from "./engine/taxonomy.ts";

export async function chartOf(ctx: Ctx, actor: Actor, s: Scope): Promise<ChartAccount[]> {
  const rows = await ledger.listAccounts(ctx, actor, s.clientId, { includeInactive: true });
  return rows.map((a) => ({
    id: a.id,
    number: a.number,
    name: a.name,
    fullName: a.full_name,
    type: a.type,
    isActive: a.is_active,
  }));
}

/** The client's settings (stored, else the defaults for its chart) and its chart. */
export async function settingsAndChart(
  ctx: Ctx,
  actor: Actor,
  s: Scope,
): Promise<{ settings: AiSettings; chart: ChartAccount[]; stored: store.AiSettingsRow | undefined }> {
  const [chart, row] = await Promise.all([chartOf(ctx, actor, s), store.settingsRow(ctx.db, s)]);
  return { settings: row ? store.settingsOfRow(row) : defaultSettings(chart), chart, stored: row };
}

/** Users who may be given this client's work: everyone with access to all clients, or to this one. */
export async function clientUserIds(ex: Executor, s: Scope): Promise<Set<string>> {
  const members = await access.membershipViews(ex, s.firmId);
  return new Set(
    [...members.values()]
      .filter((m) => m.mode === "all" || m.clientIds.includes(s.clientId))
      .map((m) => m.userId),
  );
}

export interface SettingsView {
  settings: AiSettings;
  /** What a client starts with (for "reset to default"). */
  defaults: AiSettings;
  lastUpdated: { by: string; name: string; at: string } | null;
  currency: string;
}

export async function getSettings(ctx: Ctx, actor: Actor, clientRef: string): Promise<SettingsView> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  const { settings, chart, stored } = await settingsAndChart(ctx, actor, s);
  return {
    settings,
    defaults: defaultSettings(chart),
    lastUpdated: stored
      ? { by: stored.updated_by, name: stored.updated_by_name, at: stored.updated_at.toISOString() }
      : null,
    currency: s.homeCurrency,
  };
}

/** A change as people write it: materiality in the home currency and band limits in percent, as decimals. */
export interface SettingsInput extends Omit<SettingsPatch, "materiality" | "bands"> {
  materiality?: string | null | undefined;
  bands?: { high: string; medium: string } | undefined;
}

function patchOf(input: SettingsInput, currency: string): SettingsPatch {
  const { materiality, bands, ...rest } = input;
  const patch: SettingsPatch = { ...rest };
  if (materiality !== undefined)
    patch.materiality =
      materiality === null ? null : parseDecimal(materiality, isoScale(currency), "materiality");
  if (bands !== undefined)
    patch.bands = {
      high: Number(parseDecimal(bands.high, 2, "bands.high")),
      medium: Number(parseDecimal(bands.medium, 2, "bands.medium")),
    };
  return patch;
}

export async function updateSettings(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  input: SettingsInput,
): Promise<SettingsView> {
  await inTransaction(ctx.db, async (tx) => {
    const c: Ctx = { ...ctx, db: tx };
    const s = await clientScope(tx, actor, clientRef, "settings");
    const { settings: before, chart } = await settingsAndChart(c, actor, s);
    const [contacts, users] = await Promise.all([
      ledger.listContacts(c, actor, s.clientId),
      clientUserIds(tx, s),
    ]);
    const who = { id: actor.id, name: actor.displayName };
    const { settings, changed } = applySettingsPatch(
      before,
      patchOf(input, s.homeCurrency),
      who,
      ctx.clock.now().toISOString(),
      {
        chart,
        contactIds: new Set(contacts.map((x) => x.id)),
        userIds: users,
      },
    );
    if (changed.length === 0) return;
    await store.saveSettings(tx, s, settings, who);
    const pick = (x: AiSettings) => Object.fromEntries(changed.map((k) => [k, x[k]]));
    await recordAudit(tx, actor, {
      action: "categorize.settings.updated",
      clientId: s.clientId,
      subjectType: "client",
      subjectId: s.clientId,
      before: pick(before),
      after: pick(settings),
    });
  });
  return getSettings(ctx, actor, clientRef);
}

// ── taxonomy mapping ────────────────────────────────────────────────────────────────────────────

export interface AccountCategoryView {
  accountId: string;
  number: string | null;
  fullName: string;
  type: ChartAccount["type"];
  isActive: boolean;
  category: string | null;
  /** set: someone chose it; default: the default chart's mapping; none: not mapped. */
  source: "set" | "default" | "none";
}

export async function accountCategories(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
): Promise<{ categories: readonly Category[]; accounts: AccountCategoryView[] }> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  const [chart, explicit] = await Promise.all([chartOf(ctx, actor, s), store.explicitCategories(ctx.db, s)]);
  const mapped = categoriesOf(chart, explicit);
  return {
    categories: STANDARD_CATEGORIES,
    accounts: chart.map((a) => ({
      accountId: a.id,
      number: a.number,
      fullName: a.fullName,
      type: a.type,
      isActive: a.isActive,
      ...mapped.get(a.id)!,
    })),
  };
}

/**
 * Sets the category of one account: a category id, null (not part of firm-wide learning), or
 * "default" (back to the default chart's mapping).
 */
export async function setAccountCategory(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  accountId: string,
  category: string | null | "default",
): Promise<AccountCategoryView> {
  return inTransaction(ctx.db, async (tx) => {
    const c: Ctx = { ...ctx, db: tx };
    const s: ClientScope = await clientScope(tx, actor, clientRef, "settings");
    const chart = await chartOf(c, actor, s);
    if (!chart.some((a) => a.id === accountId))
      throw notFound("categorize/account-not-found", `no account ${accountId} in this client's chart`, {
        field: "accountId",
      });
    if (category !== null && category !== "default" && !isCategory(category))
      throw validationError(
        "categorize/unknown-category",
        `"${category}" is not a category of the standard taxonomy`,
        {
          field: "category",
        },
      );
    const beforeMap = categoriesOf(chart, await store.explicitCategories(tx, s));
    if (category === "default") await store.clearCategory(tx, s, accountId);
    else await store.setCategory(tx, s, accountId, category, { id: actor.id, name: actor.displayName });
    const after = categoriesOf(chart, await store.explicitCategories(tx, s)).get(accountId)!;
    await recordAudit(tx, actor, {
      action: "categorize.account_category.set",
      clientId: s.clientId,
      subjectType: "account",
      subjectId: accountId,
      before: beforeMap.get(accountId),
      after,
    });
    const a = chart.find((x) => x.id === accountId)!;
    return {
      accountId,
      number: a.number,
      fullName: a.fullName,
      type: a.type,
      isActive: a.isActive,
      ...after,
    };
  });
}
