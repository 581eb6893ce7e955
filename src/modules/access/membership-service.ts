// Use cases for memberships: the role and client access of each user of a firm. The identity
// module owns the people (users, credentials); this module owns what they may do. Both meet here,
// inside the identity module's transactions (invitations, role changes).
import type { Actor } from "../../platform/actor.ts";
import type { Executor } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { notFound, ruleViolation } from "../../platform/errors.ts";
import {
  requireUserAction,
  resolveGrant,
  sideOf,
  type ClientAccess,
  type ClientAccessMode,
  type Role,
  type UserTarget,
} from "./model.ts";
import * as store from "./store.ts";

export interface MembershipView {
  userId: string;
  role: Role;
  mode: ClientAccessMode;
  /** The listed clients ("all" lists none). */
  clientIds: string[];
}

export async function membershipViews(
  ex: Executor,
  firmId: string,
  userIds?: readonly string[],
): Promise<Map<string, MembershipView>> {
  const rows = await store.membershipsOf(ex, firmId, userIds);
  const clients = await store.membershipClientIds(
    ex,
    firmId,
    rows.map((r) => r.user_id),
  );
  return new Map(
    rows.map((r) => [
      r.user_id,
      { userId: r.user_id, role: r.role, mode: r.client_access, clientIds: clients.get(r.user_id) ?? [] },
    ]),
  );
}

export async function membershipView(
  ex: Executor,
  firmId: string,
  userId: string,
): Promise<MembershipView | undefined> {
  return (await membershipViews(ex, firmId, [userId])).get(userId);
}

/**
 * The clients a member works on, as an actor carries them. Client-side users lose a client when
 * it is terminated; partner users keep seeing it until it is purged (they may cancel).
 */
export async function actorClientsOf(
  ex: Executor,
  firmId: string,
  m: MembershipView,
): Promise<"all" | string[]> {
  if (m.mode === "all") return "all";
  if (sideOf(m.role) === "partner" || m.clientIds.length === 0) return m.clientIds;
  const active = await store.listClients(ex, firmId, m.clientIds, "active");
  return active.map((c) => c.id);
}

/** Gives a new user its role and client access (checked against what the actor may grant). */
export async function grantMembership(
  tx: Executor,
  actor: Actor,
  userId: string,
  role: string,
  access: ClientAccess,
): Promise<MembershipView> {
  const grant = resolveGrant(actor, role, access, await store.firmClientIds(tx, actor.firmId));
  await store.insertMembership(
    tx,
    { user_id: userId, firm_id: actor.firmId, role: grant.role, client_access: grant.mode },
    grant.clientIds,
  );
  await recordAudit(tx, actor, {
    action: "user.membership.granted",
    subjectType: "user",
    subjectId: userId,
    after: grant,
  });
  return { userId, role: grant.role, mode: grant.mode, clientIds: grant.clientIds };
}

/** The access module's view of a user as a target of an action. */
export function targetOf(userId: string, m: MembershipView): UserTarget {
  return { id: userId, role: m.role, clientIds: sideOf(m.role) === "client" ? m.clientIds : [] };
}

/**
 * Changes a user's role and client access. The actor must be able to manage the user as it is
 * (Partner Ops cannot touch a Partner Admin) and to grant what it becomes; the firm keeps at least
 * one active Partner Admin (`activeUserIds` are the firm's active users).
 */
export async function changeMembership(
  tx: Executor,
  actor: Actor,
  userId: string,
  role: string,
  access: ClientAccess,
  activeUserIds: readonly string[],
): Promise<MembershipView> {
  const before = await membershipView(tx, actor.firmId, userId);
  if (!before) throw notFound("identity/user-not-found", `no user ${userId}`);
  requireUserAction(actor, targetOf(userId, before), "user.role.change");
  const grant = resolveGrant(actor, role, access, await store.firmClientIds(tx, actor.firmId));
  if (before.role === "partner_admin" && grant.role !== "partner_admin")
    await requireAnotherPartnerAdmin(tx, actor.firmId, userId, activeUserIds);
  await store.updateMembership(
    tx,
    actor.firmId,
    userId,
    { role: grant.role, client_access: grant.mode },
    grant.clientIds,
  );
  const after = { userId, role: grant.role, mode: grant.mode, clientIds: grant.clientIds };
  await recordAudit(tx, actor, {
    action: "user.role.changed",
    subjectType: "user",
    subjectId: userId,
    before,
    after,
  });
  return after;
}

/** Refuses to leave the firm without an active Partner Admin. */
export async function requireAnotherPartnerAdmin(
  ex: Executor,
  firmId: string,
  userId: string,
  activeUserIds: readonly string[],
): Promise<void> {
  const others = activeUserIds.filter((id) => id !== userId);
  if ((await store.countRole(ex, firmId, "partner_admin", others)) === 0) {
    throw ruleViolation(
      "access/last-partner-admin",
      "the firm needs at least one active Partner Admin: make someone else Partner Admin first",
    );
  }
}

/** Users whose client access lists this client (for a client's users table and notifications). */
export async function usersOfClient(ex: Executor, firmId: string, clientId: string): Promise<string[]> {
  return store.usersOfClient(ex, firmId, clientId);
}
