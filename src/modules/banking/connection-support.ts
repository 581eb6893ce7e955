// What connection use cases share: finding a connection (lock for a state change), resolving the
// provider and institution named in a request, linking bank accounts, and the notices sent once a
// change has committed. Internal to the banking module; index.ts exports none of it.
import type { Actor } from "../../platform/actor.ts";
import type { Executor } from "../../platform/db.ts";
import { notFound, ruleViolation, validationError } from "../../platform/errors.ts";
import * as identity from "../identity/index.ts";
import * as notifications from "../notifications/index.ts";
import type { BankingCtx } from "./banking-ctx.ts";
import { institutionFor } from "./account-service.ts";
import * as cstore from "./connection-store.ts";
import type { ConnectionRow } from "./connection-store.ts";
import type { ConnectionProvider, ProviderConnection } from "./providers/provider.ts";
import type { ClientScope } from "./scope.ts";
import * as store from "./store.ts";

/** A notification to send after the transaction that caused it commits (see sendNotices). */
export interface Notice {
  firmId: string;
  clientId: string;
  userIds: string[];
  title: string;
  body: string;
  link: string;
}

export async function requireConnection(
  ex: Executor,
  s: ClientScope,
  id: string,
  lock = false,
): Promise<ConnectionRow> {
  const row = await cstore.connectionById(ex, s, id, { lock });
  if (!row) throw notFound("banking/connection-not-found", `no connection ${id}`);
  return row;
}

export const providerConnection = (row: ConnectionRow): ProviderConnection => ({
  id: row.id,
  firmId: row.firm_id,
  clientId: row.client_id,
  details: (row.details ?? {}) as Record<string, unknown>,
});

export function providerOf(bctx: BankingCtx, name: string): ConnectionProvider {
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

export async function institutionOf(
  ex: Executor,
  s: ClientScope,
  actor: Actor,
  input: { institutionId?: string | null | undefined; institutionName?: string | null | undefined },
): Promise<string> {
  // A connection is always to a bank: unlike a bank account, it cannot leave the institution out.
  const id = await institutionFor(ex, s, actor, input);
  if (!id)
    throw validationError(
      "banking/institution-required",
      "name the bank (institutionName) or choose one (institutionId)",
      { field: "institutionName" },
    );
  return id;
}

export async function linkAccounts(
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

export async function ownerNameOf(
  ex: Executor,
  s: ClientScope,
  userId: string,
): Promise<{ id: string; name: string }> {
  const user = await identity.users.firmUser(ex, s.firmId, userId);
  return { id: userId, name: user?.name || user?.email || "the client" };
}

/** The portal page of a client's bank connections (where a connection's notice leads). */
export const bankingLink = (clientSlug: string) => `/c/${clientSlug}/banking`;

export async function sendNotices(bctx: BankingCtx, notices: readonly Notice[]): Promise<void> {
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
