// Reading and changing a client's report settings. Reading needs what reading the books needs;
// moving the fiscal year start moves where retained earnings roll forward, so it needs what
// locking periods needs (Partner Admin, Partner Ops, Client Admin).
import * as access from "../access/index.ts";
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import type { Executor } from "../../platform/db.ts";
import { inTransaction } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { checkFiscalYearStart, DEFAULT_SETTINGS, type ReportSettings } from "./settings-model.ts";
import * as store from "./store.ts";

export interface SettingsView extends ReportSettings {
  client: string;
  lastUpdated: { by: string; at: string } | null;
}

/** The settings of a client already resolved (the report services call this). */
export async function settingsFor(ex: Executor, s: store.Scope): Promise<ReportSettings> {
  const row = await store.settingsOf(ex, s);
  return row ? { fiscalYearStart: row.fiscal_year_start } : DEFAULT_SETTINGS;
}

export async function getReportSettings(ctx: Ctx, actor: Actor, clientRef: string): Promise<SettingsView> {
  const s = await access.clientScopeFor(ctx.db, actor, clientRef, "ledger.read");
  const row = await store.settingsOf(ctx.db, s);
  return {
    client: s.clientSlug,
    fiscalYearStart: row?.fiscal_year_start ?? DEFAULT_SETTINGS.fiscalYearStart,
    lastUpdated: row ? { by: row.updated_by, at: row.updated_at.toISOString() } : null,
  };
}

export async function updateReportSettings(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  input: { fiscalYearStart?: number | undefined },
): Promise<SettingsView> {
  return inTransaction(ctx.db, async (tx) => {
    const s = await access.clientScopeFor(tx, actor, clientRef, "ledger.period.lock");
    const before = await settingsFor(tx, s);
    const after: ReportSettings = {
      fiscalYearStart:
        input.fiscalYearStart === undefined
          ? before.fiscalYearStart
          : checkFiscalYearStart(input.fiscalYearStart),
    };
    await store.saveSettings(tx, s, {
      fiscal_year_start: after.fiscalYearStart,
      updated_by: actor.displayName,
    });
    await recordAudit(tx, actor, {
      action: "reports.settings.updated",
      clientId: s.clientId,
      subjectType: "client",
      subjectId: s.clientId,
      before,
      after,
    });
    const row = (await store.settingsOf(tx, s))!;
    return {
      client: s.clientSlug,
      fiscalYearStart: after.fiscalYearStart,
      lastUpdated: { by: row.updated_by, at: row.updated_at.toISOString() },
    };
  });
}
