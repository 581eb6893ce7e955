// Bringing a connection to life: request one from the client (a task for them), add one straight
// away, set up a requested one, or reconnect a disconnected one. Provider work (a folder, an
// aggregator call) happens between transactions, so "setting up" is a real, visible state.
import type { Actor } from "../../platform/actor.ts";
import { inTransaction } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { ruleViolation } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import * as access from "../access/index.ts";
import type { BankingCtx } from "./banking-ctx.ts";
import * as cstore from "./connection-store.ts";
import {
  bankingLink,
  institutionOf,
  linkAccounts,
  ownerNameOf,
  providerConnection,
  providerOf,
  requireConnection,
  sendNotices,
  type Notice,
} from "./connection-support.ts";
import { moveTo } from "./connection-transition.ts";
import { getConnection, type ConnectionView } from "./connection-view-service.ts";
import type { ConnectionProvider } from "./providers/provider.ts";
import { clientScope } from "./scope.ts";
import * as store from "./store.ts";

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
      link: bankingLink(s.clientSlug),
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
