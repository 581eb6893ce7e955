// Use cases for connections: request one from the client (a task for them), set one up through a
// provider, reconnect, disconnect, remove (owner or Partner Admin), sync now, and the background poll.
// Each state change is one transaction with its history event and audit event; provider work (a
// folder, an aggregator call) happens between transactions, so "setting up" is a real, visible state.
import type { Actor } from "../../platform/actor.ts";
import { systemActor } from "../../platform/actor.ts";
import { inTransaction, type Executor } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { conflict, notFound, ruleViolation, validationError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import * as access from "../access/index.ts";
import * as identity from "../identity/index.ts";
import * as notifications from "../notifications/index.ts";
import type { BankingCtx } from "./banking-ctx.ts";
import { ensureInstitutionIn } from "./account-service.ts";
import { accountMatches } from "./import-model.ts";
import {
  effectsOf,
  nextState,
  requireMayRemove,
  mayRemove,
  STATE_LABELS,
  type ConnectionEvent,
  type ConnectionState,
} from "./connection-model.ts";
import * as cstore from "./connection-store.ts";
import type { ConnectionEventRow, ConnectionRequestRow, ConnectionRow } from "./connection-store.ts";
import { importStatementFile, targetOf } from "./import-service.ts";
import { NO_SAVED_MAPPINGS, parseUpload } from "./parse-file.ts";
import {
  ConnectionLostError,
  type ConnectionProvider,
  type FileImportResult,
  type ImportSink,
  type PollReport,
  type ProviderConnection,
} from "./providers/provider.ts";
import { clientScope, type ClientScope } from "./scope.ts";
import * as store from "./store.ts";

export interface ConnectionView {
  id: string;
  institution: { id: string; name: string };
  provider: string | null;
  providerLabel: string | null;
  state: ConnectionState;
  owner: { id: string; name: string };
  createdBy: string;
  lastError: string | null;
  lastSyncedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  bankAccountIds: string[];
  openRequests: Array<{
    id: string;
    kind: "connect" | "reconnect";
    assigneeId: string | null;
    message: string | null;
    createdAt: Date;
  }>;
  history: Array<{
    event: string;
    from: string | null;
    to: string | null;
    actorName: string;
    reason: string | null;
    at: Date;
  }>;
  /** The drop folder of a file-drop connection (shown to the firm's people only: it is a server path). */
  folder: string | null;
  canRemove: boolean;
}

interface Notice {
  firmId: string;
  clientId: string;
  userIds: string[];
  title: string;
  body: string;
  link: string;
}

const isUserId = (id: string) => store.isUuid(id);

// ── reading ─────────────────────────────────────────────────────────────────────────────────────

export async function listConnections(
  bctx: BankingCtx,
  actor: Actor,
  clientRef: string,
): Promise<ConnectionView[]> {
  const s = await clientScope(bctx.db, actor, clientRef, "read");
  return viewsOf(bctx, bctx.db, s, actor, await cstore.listConnections(bctx.db, s));
}

export async function getConnection(
  bctx: BankingCtx,
  actor: Actor,
  clientRef: string,
  id: string,
): Promise<ConnectionView> {
  const s = await clientScope(bctx.db, actor, clientRef, "read");
  return (await viewsOf(bctx, bctx.db, s, actor, [await requireConnection(bctx.db, s, id)]))[0]!;
}

async function requireConnection(
  ex: Executor,
  s: ClientScope,
  id: string,
  lock = false,
): Promise<ConnectionRow> {
  const row = await cstore.connectionById(ex, s, id, { lock });
  if (!row) throw notFound("banking/connection-not-found", `no connection ${id}`);
  return row;
}

async function viewsOf(
  bctx: BankingCtx,
  ex: Executor,
  s: ClientScope,
  actor: Actor,
  rows: readonly ConnectionRow[],
): Promise<ConnectionView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [institutions, accounts, events, requests] = await Promise.all([
    store.listInstitutions(ex, s),
    store.listBankAccounts(ex, s, { includeInactive: true }),
    cstore.eventsOf(ex, s, ids),
    cstore.requestsOf(ex, s, ids),
  ]);
  const partner = access.sideOf(actor.role) === "partner";
  return rows.map((r) => {
    const details = (r.details ?? {}) as Record<string, unknown>;
    return {
      id: r.id,
      institution: {
        id: r.institution_id,
        name: institutions.find((i) => i.id === r.institution_id)?.name ?? "",
      },
      provider: r.provider,
      providerLabel: r.provider ? (bctx.providers.get(r.provider)?.label ?? r.provider) : null,
      state: r.state,
      owner: { id: r.owner_id, name: r.owner_name },
      createdBy: r.created_by,
      lastError: r.last_error,
      lastSyncedAt: r.last_synced_at,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      bankAccountIds: accounts.filter((a) => a.connection_id === r.id).map((a) => a.id),
      openRequests: requests
        .filter((q: ConnectionRequestRow) => q.connection_id === r.id && q.status === "open")
        .map((q) => ({
          id: q.id,
          kind: q.kind,
          assigneeId: q.assignee_id,
          message: q.message,
          createdAt: q.created_at,
        })),
      history: events
        .filter((e: ConnectionEventRow) => e.connection_id === r.id)
        .map((e) => ({
          event: e.event,
          from: e.from_state,
          to: e.to_state,
          actorName: e.actor_name,
          reason: e.reason,
          at: e.occurred_at,
        })),
      folder: partner && typeof details.folder === "string" ? details.folder : null,
      canRemove: mayRemove(actor, r),
    };
  });
}

// ── requesting and setting up ───────────────────────────────────────────────────────────────────

export interface ConnectionRequestInput {
  institutionId?: string | null | undefined;
  institutionName?: string | null | undefined;
  /** The client's person asked to connect; the client's people at large when absent. */
  assigneeId?: string | null | undefined;
  message?: string | null | undefined;
}

/** Asks the client to connect a bank: a requested connection and a task (request) for the client. */
export async function requestConnection(
  bctx: BankingCtx,
  actor: Actor,
  clientRef: string,
  input: ConnectionRequestInput,
): Promise<ConnectionView> {
  const notices: Notice[] = [];
  const id = await inTransaction(bctx.db, async (tx) => {
    const s = await clientScope(tx, actor, clientRef, "connect");
    const institutionId = await institutionOf(tx, s, actor, input);
    const clientPeople = await access.usersOfClient(tx, s.firmId, s.clientId);
    const assignee = input.assigneeId?.trim() || null;
    if (assignee && !clientPeople.includes(assignee)) {
      throw ruleViolation("banking/unknown-assignee", "the person asked must be one of the client's users", {
        field: "assigneeId",
      });
    }
    const message = input.message?.trim().slice(0, 2000) || null;
    const owner = assignee ? await ownerNameOf(tx, s, assignee) : { id: actor.id, name: actor.displayName };
    const row = await cstore.insertConnection(tx, s, {
      id: newId(),
      institutionId,
      provider: null,
      state: "requested",
      ownerId: owner.id,
      ownerName: owner.name,
      createdBy: actor.id,
    });
    await cstore.insertEvent(tx, s, {
      connectionId: row.id,
      event: "requested",
      from: null,
      to: "requested",
      actorId: actor.id,
      actorName: actor.displayName,
      reason: message,
    });
    const request = await cstore.insertRequest(tx, s, {
      id: newId(),
      connectionId: row.id,
      kind: "connect",
      requestedBy: actor.id,
      assigneeId: assignee,
      message,
    });
    await recordAudit(tx, actor, {
      action: "banking.connection.requested",
      clientId: s.clientId,
      subjectType: "connection",
      subjectId: row.id,
      after: { connection: row, request },
    });
    const institution = (await store.institutionById(tx, s, institutionId))!;
    notices.push({
      firmId: s.firmId,
      clientId: s.clientId,
      userIds: (assignee ? [assignee] : clientPeople).filter((u) => u !== actor.id),
      title: `Please connect ${institution.name}`,
      body: `${actor.displayName} asked you to connect ${institution.name} so that its transactions arrive in Closebook by themselves.${message ? `\n\n${message}` : ""}`,
      link: `/c/${s.clientSlug}/banking`,
    });
    return row.id;
  });
  await sendNotices(bctx, notices);
  return getConnection(bctx, actor, clientRef, id);
}

export interface AddConnectionInput {
  institutionId?: string | null | undefined;
  institutionName?: string | null | undefined;
  provider: string;
  bankAccountIds?: readonly string[] | undefined;
}

/** Connects a bank straight away (no request first): the actor owns it. */
export async function addConnection(
  bctx: BankingCtx,
  actor: Actor,
  clientRef: string,
  input: AddConnectionInput,
): Promise<ConnectionView> {
  // The provider is looked up only once the actor may work on the client: another tenant learns nothing.
  let provider!: ConnectionProvider;
  const id = await inTransaction(bctx.db, async (tx) => {
    const s = await clientScope(tx, actor, clientRef, "connect");
    provider = providerOf(bctx, input.provider);
    const institutionId = await institutionOf(tx, s, actor, input);
    const row = await cstore.insertConnection(tx, s, {
      id: newId(),
      institutionId,
      provider: provider.name,
      state: "setting_up",
      ownerId: actor.id,
      ownerName: actor.displayName,
      createdBy: actor.id,
    });
    await cstore.insertEvent(tx, s, {
      connectionId: row.id,
      event: "created",
      from: null,
      to: "setting_up",
      actorId: actor.id,
      actorName: actor.displayName,
      reason: null,
    });
    if (input.bankAccountIds) await linkAccounts(tx, s, row.id, input.bankAccountIds);
    await recordAudit(tx, actor, {
      action: "banking.connection.created",
      clientId: s.clientId,
      subjectType: "connection",
      subjectId: row.id,
      after: row,
    });
    return row.id;
  });
  await runSetUp(bctx, actor, clientRef, id, provider);
  return getConnection(bctx, actor, clientRef, id);
}

/** Starts connecting a requested connection: the person setting it up becomes its owner. */
export async function setUpConnection(
  bctx: BankingCtx,
  actor: Actor,
  clientRef: string,
  id: string,
  input: { provider: string; bankAccountIds?: readonly string[] | undefined },
): Promise<ConnectionView> {
  let provider!: ConnectionProvider;
  await moveTo(bctx, actor, clientRef, id, "set-up", null, async (tx, s, row) => {
    provider = providerOf(bctx, input.provider);
    await cstore.updateConnection(tx, s, row.id, {
      provider: provider.name,
      owner_id: actor.id,
      owner_name: actor.displayName,
    });
    if (input.bankAccountIds) await linkAccounts(tx, s, row.id, input.bankAccountIds);
  });
  await runSetUp(bctx, actor, clientRef, id, provider);
  return getConnection(bctx, actor, clientRef, id);
}

export async function reconnect(
  bctx: BankingCtx,
  actor: Actor,
  clientRef: string,
  id: string,
): Promise<ConnectionView> {
  const row = await moveTo(bctx, actor, clientRef, id, "reconnect", null);
  await runSetUp(bctx, actor, clientRef, id, providerOf(bctx, row.provider ?? ""));
  return getConnection(bctx, actor, clientRef, id);
}

export async function disconnect(
  bctx: BankingCtx,
  actor: Actor,
  clientRef: string,
  id: string,
  reason?: string | null,
): Promise<ConnectionView> {
  await moveTo(bctx, actor, clientRef, id, "disconnect", reason?.trim() || null);
  return getConnection(bctx, actor, clientRef, id);
}

/** Which bank accounts the connection feeds (the rest of the client's accounts are left alone). */
export async function linkBankAccounts(
  bctx: BankingCtx,
  actor: Actor,
  clientRef: string,
  id: string,
  bankAccountIds: readonly string[],
): Promise<ConnectionView> {
  await inTransaction(bctx.db, async (tx) => {
    const s = await clientScope(tx, actor, clientRef, "connect");
    const row = await requireConnection(tx, s, id, true);
    const before = (await store.listBankAccounts(tx, s, { includeInactive: true }))
      .filter((a) => a.connection_id === row.id)
      .map((a) => a.id);
    await linkAccounts(tx, s, row.id, bankAccountIds);
    await recordAudit(tx, actor, {
      action: "banking.connection.accounts_linked",
      clientId: s.clientId,
      subjectType: "connection",
      subjectId: row.id,
      before: { bankAccountIds: before },
      after: { bankAccountIds },
    });
  });
  return getConnection(bctx, actor, clientRef, id);
}

/** Removes a connection (owner or Partner Admin): its accounts stay, fed by nothing; its history stays. */
export async function removeConnection(
  bctx: BankingCtx,
  actor: Actor,
  clientRef: string,
  id: string,
): Promise<void> {
  await inTransaction(bctx.db, async (tx) => {
    const s = await clientScope(tx, actor, clientRef, "connect");
    const row = await requireConnection(tx, s, id, true);
    requireMayRemove(actor, row);
    const now = bctx.clock.now();
    await store.detachConnection(tx, s, row.id);
    await cstore.closeRequests(tx, s, row.id, "cancelled", now);
    const after = await cstore.updateConnection(tx, s, row.id, { removed_at: now, removed_by: actor.id });
    await cstore.insertEvent(tx, s, {
      connectionId: row.id,
      event: "removed",
      from: row.state,
      to: null,
      actorId: actor.id,
      actorName: actor.displayName,
      reason: null,
    });
    await recordAudit(tx, actor, {
      action: "banking.connection.removed",
      clientId: s.clientId,
      subjectType: "connection",
      subjectId: row.id,
      before: row,
      after,
    });
  });
}

// ── syncing ─────────────────────────────────────────────────────────────────────────────────────

/** Fetches what is new for a connected connection now. A broken link moves it to disconnected. */
export async function syncConnection(
  bctx: BankingCtx,
  actor: Actor,
  clientRef: string,
  id: string,
): Promise<PollReport> {
  const s = await clientScope(bctx.db, actor, clientRef, "connect");
  const row = await requireConnection(bctx.db, s, id);
  if (row.state !== "connected") {
    throw conflict(
      "banking/connection-not-connected",
      `the connection is ${STATE_LABELS[row.state]}; only a connected one can sync`,
    );
  }
  const provider = providerOf(bctx, row.provider ?? "");
  let report: PollReport;
  try {
    report = await provider.poll(providerConnection(row), sinkFor(bctx, actor, s, row));
  } catch (error) {
    if (!(error instanceof ConnectionLostError)) throw error;
    await moveTo(bctx, actor, clientRef, id, "lost", error.reason);
    return { files: [] };
  }
  await inTransaction(bctx.db, async (tx) => {
    await cstore.updateConnection(tx, s, row.id, {
      last_synced_at: bctx.clock.now(),
      last_error: firstFailure(report),
    });
  });
  return report;
}

/** Polls every connected connection of every provider (the server's background loop; runs as each firm's system actor). */
export async function pollConnections(
  bctx: BankingCtx,
): Promise<Array<{ connectionId: string; report?: PollReport; error?: string }>> {
  const results: Array<{ connectionId: string; report?: PollReport; error?: string }> = [];
  for (const provider of bctx.providers.values()) {
    for (const row of await cstore.connectedOfProvider(bctx.db, provider.name)) {
      try {
        results.push({
          connectionId: row.id,
          report: await syncConnection(bctx, systemActor(row.firm_id), row.client_id, row.id),
        });
      } catch (error) {
        results.push({ connectionId: row.id, error: (error as Error).message });
      }
    }
  }
  return results;
}

function firstFailure(report: PollReport): string | null {
  const failed = report.files.find((f) => !f.ok);
  return failed && !failed.ok ? `${failed.name}: ${failed.error.detail}` : null;
}

/** Imports a fetched file into the connection's bank accounts it belongs to, all in one transaction. */
function sinkFor(bctx: BankingCtx, actor: Actor, s: ClientScope, connection: ConnectionRow): ImportSink {
  return {
    importFile: (fileName, bytes) =>
      inTransaction(bctx.db, async (tx): Promise<FileImportResult> => {
        const tctx = { ...bctx, db: tx };
        const accounts = (await store.listBankAccounts(tx, s)).filter(
          (a) => a.connection_id === connection.id,
        );
        if (accounts.length === 0) {
          throw ruleViolation(
            "banking/no-linked-accounts",
            "No bank account is linked to this connection; link one to import its files.",
          );
        }
        let targets = accounts;
        if (accounts.length > 1) {
          const { file } = parseUpload({ bytes, fileName }, NO_SAVED_MAPPINGS);
          targets = accounts.filter((a) =>
            file.statements.some((st) => accountMatches(st.account, targetOf(a)) === "yes"),
          );
          if (targets.length === 0) {
            throw ruleViolation(
              "banking/no-matching-account",
              `The file names no account linked to this connection (${accounts.map((a) => `${a.name}${a.mask ? ` …${a.mask}` : ""}`).join(", ")}); give each account its last 4 digits.`,
            );
          }
        }
        const imports: FileImportResult["imports"] = [];
        for (const account of targets) {
          const summary = await importStatementFile(tctx, actor, s.clientId, account.id, {
            bytes,
            fileName,
            source: "file-drop",
            connectionId: connection.id,
          });
          imports.push({
            bankAccount: account.short_name,
            newLines: summary.newLines,
            duplicateLines: summary.duplicateLines,
          });
        }
        return { imports };
      }),
  };
}

// ── transitions ─────────────────────────────────────────────────────────────────────────────────

/** One state change: the event, its effects (requests closed, a reconnect task), the audit; then the notices. */
async function moveTo(
  bctx: BankingCtx,
  actor: Actor,
  clientRef: string,
  id: string,
  event: ConnectionEvent,
  reason: string | null,
  alsoInTransaction?: (tx: Executor, s: ClientScope, row: ConnectionRow) => Promise<void>,
  details?: Record<string, unknown>,
): Promise<ConnectionRow> {
  const notices: Notice[] = [];
  const after = await inTransaction(bctx.db, async (tx) => {
    const s = await clientScope(tx, actor, clientRef, "connect");
    const row = await requireConnection(tx, s, id, true);
    const to = nextState(row.state, event);
    await alsoInTransaction?.(tx, s, row);
    const updated = await cstore.updateConnection(tx, s, row.id, {
      state: to,
      last_error: to === "disconnected" ? reason : to === "connected" ? null : row.last_error,
      ...(details ? { details } : {}),
    });
    await cstore.insertEvent(tx, s, {
      connectionId: row.id,
      event,
      from: row.state,
      to,
      actorId: actor.id,
      actorName: actor.displayName,
      reason,
    });
    const now = bctx.clock.now();
    const effects = effectsOf(to, event, { actorId: actor.id, ownerId: updated.owner_id });
    if (effects.closeRequests) await cstore.closeRequests(tx, s, row.id, "done", now);
    if (effects.reconnectTask) {
      await cstore.closeRequests(tx, s, row.id, "cancelled", now);
      await cstore.insertRequest(tx, s, {
        id: newId(),
        connectionId: row.id,
        kind: "reconnect",
        requestedBy: actor.id,
        assigneeId: isUserId(updated.owner_id) ? updated.owner_id : null,
        message: reason,
      });
      const institution = await store.institutionById(tx, s, row.institution_id);
      if (isUserId(updated.owner_id)) {
        notices.push({
          firmId: s.firmId,
          clientId: s.clientId,
          userIds: [updated.owner_id],
          title: `Reconnect ${institution?.name ?? "a bank"}`,
          body: `The connection to ${institution?.name ?? "the bank"} is disconnected${reason ? ` (${reason})` : ""}. Reconnect it so that transactions keep arriving.`,
          link: `/c/${s.clientSlug}/banking`,
        });
      }
    }
    await recordAudit(tx, actor, {
      action: `banking.connection.${event}`,
      clientId: s.clientId,
      subjectType: "connection",
      subjectId: row.id,
      before: { state: row.state },
      after: { state: to, reason },
    });
    return updated;
  });
  await sendNotices(bctx, notices);
  return after;
}

/** Asks the provider to set the link up; connected when it works now, lost when it fails. */
async function runSetUp(
  bctx: BankingCtx,
  actor: Actor,
  clientRef: string,
  id: string,
  provider: ConnectionProvider,
): Promise<void> {
  const s = await clientScope(bctx.db, actor, clientRef, "connect");
  const row = await requireConnection(bctx.db, s, id);
  let outcome;
  try {
    outcome = await provider.setUp(providerConnection(row));
  } catch (error) {
    await moveTo(bctx, actor, clientRef, id, "lost", `setting up failed: ${(error as Error).message}`);
    return;
  }
  if (outcome.state === "connected")
    await moveTo(bctx, actor, clientRef, id, "connected", null, undefined, outcome.details);
  else await inTransaction(bctx.db, (tx) => cstore.updateConnection(tx, s, id, { details: outcome.details }));
}

const providerConnection = (row: ConnectionRow): ProviderConnection => ({
  id: row.id,
  firmId: row.firm_id,
  clientId: row.client_id,
  details: (row.details ?? {}) as Record<string, unknown>,
});

function providerOf(bctx: BankingCtx, name: string): ConnectionProvider {
  const provider = bctx.providers.get(name);
  if (!provider) {
    throw validationError(
      "banking/unknown-provider",
      `"${name}" is not a connection provider (available: ${[...bctx.providers.keys()].join(", ") || "none"})`,
      {
        field: "provider",
      },
    );
  }
  return provider;
}

async function institutionOf(
  ex: Executor,
  s: ClientScope,
  actor: Actor,
  input: { institutionId?: string | null | undefined; institutionName?: string | null | undefined },
): Promise<string> {
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
  if (!input.institutionName?.trim())
    throw validationError(
      "banking/institution-required",
      "name the bank (institutionName) or choose one (institutionId)",
      { field: "institutionName" },
    );
  return (await ensureInstitutionIn(ex, s, actor, input.institutionName, null)).row.id;
}

async function linkAccounts(
  ex: Executor,
  s: ClientScope,
  connectionId: string,
  bankAccountIds: readonly string[],
): Promise<void> {
  const accounts = await store.listBankAccounts(ex, s, { includeInactive: true });
  const wanted = new Set(bankAccountIds);
  for (const id of wanted) {
    if (!accounts.some((a) => a.id === id))
      throw ruleViolation("banking/unknown-bank-account", `no bank account ${id} for this client`, {
        field: "bankAccountIds",
      });
  }
  for (const a of accounts) {
    if (wanted.has(a.id) && a.connection_id !== connectionId)
      await store.updateBankAccount(ex, s, a.id, { connection_id: connectionId });
    else if (!wanted.has(a.id) && a.connection_id === connectionId)
      await store.updateBankAccount(ex, s, a.id, { connection_id: null });
  }
}

async function ownerNameOf(
  ex: Executor,
  s: ClientScope,
  userId: string,
): Promise<{ id: string; name: string }> {
  const user = await identity.users.firmUser(ex, s.firmId, userId);
  return { id: userId, name: user?.name || user?.email || "the client" };
}

async function sendNotices(bctx: BankingCtx, notices: readonly Notice[]): Promise<void> {
  if (!bctx.notify) return;
  for (const n of notices) {
    if (n.userIds.length === 0) continue;
    // A notification is not worth failing the change that caused it (the request row is the record).
    await notifications
      .notify(bctx.notify, {
        firmId: n.firmId,
        clientId: n.clientId,
        userIds: n.userIds,
        event: "bank.connection.attention",
        title: n.title,
        body: n.body,
        link: n.link,
      })
      .catch(() => undefined);
  }
}
