// Use cases of a client's vault entries: list and read (never a password), create, change, delete,
// and reveal — which needs a second factor proven in the last few minutes and is logged (who, when,
// which entry). Each: the scope, one transaction, the keys, the store, the audit.
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { inTransaction, type Executor } from "../../platform/db.ts";
import { forbidden, notFound } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { verifiedWithin } from "../identity/index.ts";
import { openSecret, sealField, sealSecret, type EntrySecret } from "./crypto-model.ts";
import { auditView, entryView, type EntryView } from "./entry-view.ts";
import { dataKey, unreadable } from "./keyring-service.ts";
import { REVEAL_STEP_UP_MINUTES, checkSite, checkUrl, normalizeTags } from "./model.ts";
import { VAULT_PERMISSIONS, vaultScope } from "./scope.ts";
import * as store from "./store.ts";
import type { VaultCtx } from "./vault-ctx.ts";
import * as access from "../access/index.ts";

export interface EntryInput {
  site: string;
  url?: string | null | undefined;
  username?: string | undefined;
  password?: string | undefined;
  nickname?: string | undefined;
  notes?: string | undefined;
  tags?: string[] | undefined;
}

export type EntryChange = Partial<EntryInput>;

const entryNotFound = () =>
  notFound("vault/entry-not-found", "no such entry in this client's vault", { field: "id" });

export async function listEntries(
  vctx: VaultCtx,
  actor: Actor,
  clientRef: string,
  filter: store.EntryFilter = {},
): Promise<EntryView[]> {
  return inTransaction(vctx.db, async (tx) => {
    const s = await vaultScope(tx, actor, clientRef, "read");
    const key = await dataKey(tx, vctx, actor, s, false);
    if (!key) return [];
    return (await store.listEntries(tx, s, filter)).map((row) => entryView(row, key));
  });
}

export async function getEntry(
  vctx: VaultCtx,
  actor: Actor,
  clientRef: string,
  id: string,
): Promise<EntryView> {
  return inTransaction(vctx.db, async (tx) => {
    const s = await vaultScope(tx, actor, clientRef, "read");
    const row = await store.entryById(tx, s, id);
    const key = row && (await dataKey(tx, vctx, actor, s, false));
    if (!row || !key) throw entryNotFound();
    return entryView(row, key);
  });
}

/** Writes a new entry (inside the caller's transaction): used by create and by a request's answer. */
export async function insertEntry(
  tx: Executor,
  vctx: VaultCtx,
  actor: Actor,
  s: store.Scope,
  input: EntryInput,
  requestTaskId: string | null,
): Promise<EntryView> {
  const key = (await dataKey(tx, vctx, actor, s, true))!;
  const id = newId();
  const row = await store.insertEntry(tx, {
    id,
    firm_id: s.firmId,
    client_id: s.clientId,
    site: checkSite(input.site),
    url: checkUrl(input.url),
    nickname: input.nickname?.trim() ?? "",
    tags: normalizeTags(input.tags),
    username_sealed: sealField(key, id, "username", input.username ?? ""),
    secret_sealed: sealSecret(key, id, { password: input.password ?? "", notes: input.notes ?? "" }),
    request_task_id: requestTaskId,
    created_by: actor.id,
    created_by_name: actor.displayName,
    updated_by: actor.id,
    updated_by_name: actor.displayName,
  });
  await recordAudit(tx, actor, {
    action: "vault.entry.created",
    clientId: s.clientId,
    subjectType: "vault_entry",
    subjectId: id,
    after: { ...auditView(row), requestTaskId },
  });
  return entryView(row, key);
}

export async function createEntry(
  vctx: VaultCtx,
  actor: Actor,
  clientRef: string,
  input: EntryInput,
): Promise<EntryView> {
  return inTransaction(vctx.db, async (tx) => {
    const s = await vaultScope(tx, actor, clientRef, "edit");
    return insertEntry(tx, vctx, actor, s, input, null);
  });
}

export async function updateEntry(
  vctx: VaultCtx,
  actor: Actor,
  clientRef: string,
  id: string,
  change: EntryChange,
): Promise<EntryView> {
  return inTransaction(vctx.db, async (tx) => {
    const s = await vaultScope(tx, actor, clientRef, "edit");
    const before = await store.entryById(tx, s, id, { lock: true });
    const key = before && (await dataKey(tx, vctx, actor, s, false));
    if (!before || !key) throw entryNotFound();
    const patch: store.EntryPatch = {};
    if (change.site !== undefined) patch.site = checkSite(change.site);
    if (change.url !== undefined) patch.url = checkUrl(change.url);
    if (change.nickname !== undefined) patch.nickname = change.nickname.trim();
    if (change.tags !== undefined) patch.tags = normalizeTags(change.tags);
    if (change.username !== undefined)
      patch.username_sealed = sealField(key, id, "username", change.username);
    if (change.password !== undefined || change.notes !== undefined) {
      let secret: EntrySecret;
      try {
        secret = openSecret(key, id, before.secret_sealed);
      } catch (error) {
        return unreadable(error);
      }
      patch.secret_sealed = sealSecret(key, id, {
        password: change.password ?? secret.password,
        notes: change.notes ?? secret.notes,
      });
    }
    if (Object.keys(patch).length === 0) return entryView(before, key);
    const after = await store.updateEntry(tx, s, id, {
      ...patch,
      updated_by: actor.id,
      updated_by_name: actor.displayName,
      updated_at: vctx.clock.now(),
    });
    await recordAudit(tx, actor, {
      action: "vault.entry.updated",
      clientId: s.clientId,
      subjectType: "vault_entry",
      subjectId: id,
      before: auditView(before),
      // Which secret parts changed, never their values.
      after: {
        ...auditView(after),
        changed: Object.keys(change).filter((k) => change[k as keyof EntryChange] !== undefined),
      },
    });
    return entryView(after, key);
  });
}

export async function deleteEntry(
  vctx: VaultCtx,
  actor: Actor,
  clientRef: string,
  id: string,
): Promise<void> {
  await inTransaction(vctx.db, async (tx) => {
    const s = await vaultScope(tx, actor, clientRef, "edit");
    const before = await store.entryById(tx, s, id, { lock: true });
    if (!before) throw entryNotFound();
    // Deleted for good: a deleted login's password is not kept anywhere.
    await store.deleteEntry(tx, s, id);
    await recordAudit(tx, actor, {
      action: "vault.entry.deleted",
      clientId: s.clientId,
      subjectType: "vault_entry",
      subjectId: id,
      before: auditView(before),
    });
  });
}

/** How the request proved its second factor (from identity's secondFactorOf). */
export interface SecondFactor {
  verifiedAt: Date | null;
  method: string | null;
  session: boolean;
}

function requireFreshFactor(vctx: VaultCtx, factor: SecondFactor): void {
  if (verifiedWithin(factor.verifiedAt, vctx.clock.now(), REVEAL_STEP_UP_MINUTES)) return;
  if (!factor.session)
    throw forbidden(
      "vault/step-up-required",
      "revealing a password needs a person who proved their second factor: an API token cannot",
    );
  const send = factor.method === "email" || factor.method === "sms";
  throw forbidden(
    "vault/step-up-required",
    `revealing a password needs your second factor from the last ${REVEAL_STEP_UP_MINUTES} minutes: ` +
      `${send ? "send yourself a code (POST /api/me/2fa/send-code), then " : ""}enter it at ` +
      "POST /api/me/2fa/verify-current and try again",
    {
      extra: {
        stepUp: {
          method: factor.method,
          sendCode: send ? "/api/me/2fa/send-code" : null,
          verify: "/api/me/2fa/verify-current",
          withinMinutes: REVEAL_STEP_UP_MINUTES,
        },
      },
    },
  );
}

export type RevealPurpose = "view" | "copy";

/** The password and notes of an entry, for a person who proved their second factor just now; logged. */
export async function revealEntry(
  vctx: VaultCtx,
  actor: Actor,
  clientRef: string,
  id: string,
  factor: SecondFactor,
  purpose: RevealPurpose = "view",
): Promise<EntrySecret & { entry: EntryView }> {
  return inTransaction(vctx.db, async (tx) => {
    const s = await vaultScope(tx, actor, clientRef, "reveal");
    const row = await store.entryById(tx, s, id);
    const key = row && (await dataKey(tx, vctx, actor, s, false));
    if (!row || !key) throw entryNotFound();
    requireFreshFactor(vctx, factor);
    let secret: EntrySecret;
    try {
      secret = openSecret(key, id, row.secret_sealed);
    } catch (error) {
      return unreadable(error);
    }
    await recordAudit(tx, actor, {
      action: purpose === "copy" ? "vault.entry.copied" : "vault.entry.revealed",
      clientId: s.clientId,
      subjectType: "vault_entry",
      subjectId: id,
      after: { site: row.site, by: actor.displayName },
    });
    return { ...secret, entry: entryView(row, key) };
  });
}

export interface VaultSettings {
  clientAccess: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
}

export async function getSettings(vctx: VaultCtx, actor: Actor, clientRef: string): Promise<VaultSettings> {
  const s = await access.clientScopeFor(vctx.db, actor, clientRef, VAULT_PERMISSIONS.read);
  const row = await store.vaultClient(vctx.db, s);
  return {
    clientAccess: row?.client_access ?? false,
    updatedBy: row?.updated_by_name ?? null,
    updatedAt: row?.updated_at.toISOString() ?? null,
  };
}

/** Whether the client's own users may use its vault (the firm decides; off by default). */
export async function updateSettings(
  vctx: VaultCtx,
  actor: Actor,
  clientRef: string,
  change: { clientAccess: boolean },
): Promise<VaultSettings> {
  await inTransaction(vctx.db, async (tx) => {
    const s = await access.clientScopeFor(tx, actor, clientRef, VAULT_PERMISSIONS.settings);
    await dataKey(tx, vctx, actor, s, true);
    const before = (await store.vaultClient(tx, s, { lock: true }))!;
    if (before.client_access === change.clientAccess) return;
    await store.updateVaultClient(tx, s, {
      client_access: change.clientAccess,
      updated_by: actor.id,
      updated_by_name: actor.displayName,
      updated_at: vctx.clock.now(),
    });
    await recordAudit(tx, actor, {
      action: "vault.settings.updated",
      clientId: s.clientId,
      subjectType: "vault",
      subjectId: s.clientId,
      before: { clientAccess: before.client_access },
      after: { clientAccess: change.clientAccess },
    });
  });
  return getSettings(vctx, actor, clientRef);
}
