// Reading and changing a client's monthly package settings. Everyone who reads the books reads
// them; changing them is the firm's (reports.package: Partner Admin and Partner Ops).
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction, type Executor } from "../../platform/db.ts";
import * as access from "../access/index.ts";
import {
  applyPackageSettings,
  DEFAULT_PACKAGE_SETTINGS,
  type PackageSettings,
  type PackageSettingsPatch,
  type PackageStatement,
} from "./package-settings-model.ts";
import * as store from "./package-store.ts";
import type { Scope } from "./store.ts";

export interface PackageSettingsView extends PackageSettings {
  client: string;
  lastUpdated: { by: string; at: string } | null;
}

/** The settings of a client already resolved (the package job calls this). */
export async function packageSettingsFor(ex: Executor, s: Scope): Promise<PackageSettings> {
  const row = await store.packageSettingsOf(ex, s);
  if (!row) return DEFAULT_PACKAGE_SETTINGS;
  return {
    statements: row.statements as PackageStatement[],
    trailingTwelve: row.trailing_twelve,
    priorYear: row.prior_year,
    rounding: row.rounding,
    notes: row.notes,
  };
}

async function view(ex: Executor, s: access.ClientScope): Promise<PackageSettingsView> {
  const row = await store.packageSettingsOf(ex, s);
  return {
    client: s.clientSlug,
    ...(await packageSettingsFor(ex, s)),
    lastUpdated: row ? { by: row.updated_by, at: row.updated_at.toISOString() } : null,
  };
}

export async function getPackageSettings(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
): Promise<PackageSettingsView> {
  const s = await access.clientScopeFor(ctx.db, actor, clientRef, "ledger.read");
  return view(ctx.db, s);
}

export async function updatePackageSettings(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  patch: PackageSettingsPatch,
): Promise<PackageSettingsView> {
  return inTransaction(ctx.db, async (tx) => {
    const s = await access.clientScopeFor(tx, actor, clientRef, "reports.package");
    const before = await packageSettingsFor(tx, s);
    const after = applyPackageSettings(before, patch);
    await store.savePackageSettings(tx, s, {
      statements: after.statements,
      trailing_twelve: after.trailingTwelve,
      prior_year: after.priorYear,
      rounding: after.rounding,
      notes: after.notes,
      updated_by: actor.displayName,
    });
    await recordAudit(tx, actor, {
      action: "reports.package-settings.updated",
      clientId: s.clientId,
      subjectType: "client",
      subjectId: s.clientId,
      before,
      after,
    });
    return view(tx, s);
  });
}
