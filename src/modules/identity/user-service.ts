// The firm's users table and what administrators do to users: edit, change role and client
// access, deactivate and reactivate, reset 2FA. Who may do which to whom is the access module's
// table; every change is audited, and the person concerned is e-mailed about security changes.
import type { Actor } from "../../platform/actor.ts";
import type { Executor } from "../../platform/db.ts";
import { inTransaction } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { conflict, notFound, ruleViolation } from "../../platform/errors.ts";
import * as access from "../access/index.ts";
import type { ClientAccess, ClientAccessMode, MembershipView, Role } from "../access/index.ts";
import type { IdentityCtx } from "./identity-ctx.ts";
import { checkPassword, checkPersonName, normalizeEmail, normalizePhone } from "./model.ts";
import { hashPassword } from "./passwords.ts";
import { newId } from "../../platform/ids.ts";
import * as users from "./store.ts";
import type { User } from "./store.ts";
import * as sessions from "./session-store.ts";
import * as tokens from "./token-store.ts";
import * as links from "./link-store.ts";
import * as challenges from "./challenge-store.ts";
import { notices } from "./messages.ts";
import type { TwoFactorMethod, UserStatus } from "./tables.ts";

export interface UserView {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  role: Role;
  side: "partner" | "client";
  status: UserStatus;
  clientAccess: { mode: ClientAccessMode; clientIds: string[] };
  twoFactor: { enrolled: boolean; method: TwoFactorMethod | null };
  lastSignInAt: Date | null;
  createdAt: Date;
  invitationExpiresAt: Date | null;
}

function view(u: User, m: MembershipView, invitationExpiresAt: Date | null): UserView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    phone: u.phone,
    role: m.role,
    side: access.sideOf(m.role),
    status: u.status,
    clientAccess: { mode: m.mode, clientIds: m.clientIds },
    twoFactor: { enrolled: u.twofa_method !== null, method: u.twofa_method },
    lastSignInAt: u.last_sign_in_at,
    createdAt: u.created_at,
    invitationExpiresAt: u.status === "invited" ? invitationExpiresAt : null,
  };
}

/** Partner users see every partner user and the client users of their clients; client users see their client's users. */
function visibleTo(actor: Actor, m: MembershipView): boolean {
  if (access.sideOf(m.role) === "partner") return access.sideOf(actor.role) === "partner";
  return actor.clients === "all" || m.clientIds.some((id) => actor.clients.includes(id));
}

async function views(ex: Executor, actor: Actor, list: User[]): Promise<UserView[]> {
  const memberships = await access.membershipViews(
    ex,
    actor.firmId,
    list.map((u) => u.id),
  );
  const invitations = await links.openInvitations(
    ex,
    actor.firmId,
    list.filter((u) => u.status === "invited").map((u) => u.id),
  );
  const out: UserView[] = [];
  for (const u of list) {
    const m = memberships.get(u.id);
    if (m && visibleTo(actor, m)) out.push(view(u, m, invitations.get(u.id)?.expires_at ?? null));
  }
  return out;
}

export async function licencesUsed(ex: Executor, firmId: string): Promise<number> {
  return users.countLicensed(ex, firmId);
}

export async function listUsers(
  ictx: IdentityCtx,
  actor: Actor,
  filter: { status?: UserStatus | undefined; clientId?: string | undefined },
): Promise<{ users: UserView[]; licences: { used: number; paid: number } }> {
  access.requirePermission(actor, "user.read");
  const firm = await access.actorFirm(ictx.db, actor);
  let list = await views(ictx.db, actor, await users.firmUsers(ictx.db, actor.firmId));
  if (filter.status) list = list.filter((u) => u.status === filter.status);
  if (filter.clientId)
    list = list.filter(
      (u) => u.clientAccess.mode === "all" || u.clientAccess.clientIds.includes(filter.clientId!),
    );
  return {
    users: list,
    licences: { used: await users.countLicensed(ictx.db, actor.firmId), paid: firm.licences_paid },
  };
}

async function loadTarget(
  ex: Executor,
  actor: Actor,
  userId: string,
): Promise<{ user: User; membership: MembershipView }> {
  const user = await users.firmUser(ex, actor.firmId, userId);
  const membership = user ? await access.membershipView(ex, actor.firmId, userId) : undefined;
  if (!user || !membership || !visibleTo(actor, membership))
    throw notFound("identity/user-not-found", `no user ${userId}`);
  return { user, membership };
}

export async function getUser(ictx: IdentityCtx, actor: Actor, userId: string): Promise<UserView> {
  access.requirePermission(actor, "user.read");
  const { user } = await loadTarget(ictx.db, actor, userId);
  return (await views(ictx.db, actor, [user]))[0]!;
}

export async function editUser(
  ictx: IdentityCtx,
  actor: Actor,
  userId: string,
  input: { name?: string | undefined; phone?: string | null | undefined },
): Promise<UserView> {
  access.requirePermission(actor, "user.edit");
  return inTransaction(ictx.db, async (tx) => {
    const { user, membership } = await loadTarget(tx, actor, userId);
    access.requireUserAction(actor, access.targetOf(userId, membership), "user.edit");
    const patch: users.UserPatch = {};
    if (input.name !== undefined) patch.name = checkPersonName(input.name);
    if (input.phone !== undefined) {
      // The number that receives sign-in codes changes only through a 2FA change (with the current factor).
      if (user.twofa_method === "sms")
        throw conflict(
          "identity/phone-is-2fa",
          "this number receives the sign-in codes: change it by switching two-factor method",
        );
      patch.phone = input.phone === null || input.phone === "" ? null : normalizePhone(input.phone);
    }
    const after = await users.updateUser(tx, actor.firmId, userId, patch);
    await recordAudit(tx, actor, {
      action: "user.updated",
      subjectType: "user",
      subjectId: userId,
      before: { name: user.name, phone: user.phone },
      after: { name: after.name, phone: after.phone },
    });
    return (await views(tx, actor, [after]))[0]!;
  });
}

export async function changeRole(
  ictx: IdentityCtx,
  actor: Actor,
  userId: string,
  role: string,
  clientAccess: ClientAccess,
): Promise<UserView> {
  access.requirePermission(actor, "user.role.change");
  return inTransaction(ictx.db, async (tx) => {
    const { user } = await loadTarget(tx, actor, userId);
    await access.changeMembership(
      tx,
      actor,
      userId,
      role,
      clientAccess,
      await users.activeUserIds(tx, actor.firmId),
    );
    return (await views(tx, actor, [user]))[0]!;
  });
}

export async function deactivateUser(ictx: IdentityCtx, actor: Actor, userId: string): Promise<UserView> {
  access.requirePermission(actor, "user.deactivate");
  return inTransaction(ictx.db, async (tx) => {
    const { user, membership } = await loadTarget(tx, actor, userId);
    access.requireUserAction(actor, access.targetOf(userId, membership), "user.deactivate");
    if (user.status === "deactivated")
      throw conflict("identity/already-deactivated", "this user is already deactivated");
    if (membership.role === "partner_admin")
      await access.requireAnotherPartnerAdmin(
        tx,
        actor.firmId,
        userId,
        await users.activeUserIds(tx, actor.firmId),
      );
    const now = ictx.clock.now();
    const after = await users.updateUser(tx, actor.firmId, userId, {
      status: "deactivated",
      deactivated_at: now,
    });
    await sessions.revokeUserSessions(tx, userId, now);
    await tokens.revokeUserTokens(tx, actor.firmId, userId, now);
    await links.revokeInvitations(tx, userId, now);
    await challenges.consumeUserChallenges(tx, userId, now);
    await recordAudit(tx, actor, {
      action: "user.deactivated",
      subjectType: "user",
      subjectId: userId,
      before: { status: user.status },
      after: { status: "deactivated" },
    });
    return (await views(tx, actor, [after]))[0]!;
  });
}

export async function reactivateUser(ictx: IdentityCtx, actor: Actor, userId: string): Promise<UserView> {
  access.requirePermission(actor, "user.deactivate");
  return inTransaction(ictx.db, async (tx) => {
    const { user, membership } = await loadTarget(tx, actor, userId);
    access.requireUserAction(actor, access.targetOf(userId, membership), "user.deactivate");
    if (user.status !== "deactivated")
      throw conflict("identity/not-deactivated", "this user is not deactivated");
    const firm = await access.actorFirm(tx, actor);
    if ((await users.countLicensed(tx, actor.firmId)) >= firm.licences_paid) {
      throw ruleViolation(
        "access/licence-limit",
        `all ${firm.licences_paid} paid licences are in use: raise the number of licences in the firm settings`,
      );
    }
    // Someone who never accepted the invitation goes back to "invited" (send a new invitation).
    const status: UserStatus = user.password_hash || user.sso_subject ? "active" : "invited";
    const after = await users.updateUser(tx, actor.firmId, userId, { status, deactivated_at: null });
    await recordAudit(tx, actor, {
      action: "user.reactivated",
      subjectType: "user",
      subjectId: userId,
      before: { status: user.status },
      after: { status },
    });
    return (await views(tx, actor, [after]))[0]!;
  });
}

/**
 * Resets a user's 2FA (Partner Admins, for Partner Admin/Ops and Client Admin/Ops users): the
 * method, secret and recovery codes are removed and the user's sessions end, so the next sign-in
 * enrols again. The user is e-mailed.
 */
export async function resetTwoFactor(ictx: IdentityCtx, actor: Actor, userId: string): Promise<UserView> {
  access.requirePermission(actor, "user.2fa.reset");
  const result = await inTransaction(ictx.db, async (tx) => {
    const { user, membership } = await loadTarget(tx, actor, userId);
    access.requireUserAction(actor, access.targetOf(userId, membership), "user.2fa.reset");
    const now = ictx.clock.now();
    const after = await users.updateUser(tx, actor.firmId, userId, {
      twofa_method: null,
      totp_secret: null,
      totp_last_step: null,
      twofa_enrolled_at: null,
    });
    await users.replaceRecoveryCodes(tx, actor.firmId, userId, []);
    await sessions.revokeUserSessions(tx, userId, now);
    await challenges.consumeUserChallenges(tx, userId, now);
    await recordAudit(tx, actor, {
      action: "user.2fa.reset",
      subjectType: "user",
      subjectId: userId,
      before: { method: user.twofa_method },
      after: { method: null },
    });
    return { user: after, view: (await views(tx, actor, [after]))[0]! };
  });
  await ictx.delivery.sendEmail(
    notices.twoFactorReset({ email: result.user.email, firmId: result.user.firm_id }, actor.displayName),
  );
  return result.view;
}

export interface NewActiveUser {
  email: string;
  name: string;
  role: string;
  clientAccess: ClientAccess;
  password: string;
  /** E-mail codes, enrolled already (the demo's users read them in the outbox). */
  twoFactor: "email" | null;
}

/**
 * Creates a user who can sign in at once, without an invitation: for the demo firm and the
 * command line, where the operator chooses the password. The role is granted by `actor` as usual.
 */
export async function createActiveUser(ex: Executor, actor: Actor, input: NewActiveUser): Promise<User> {
  const email = normalizeEmail(input.email);
  const name = checkPersonName(input.name);
  checkPassword(input.password, { email });
  const hash = await hashPassword(input.password);
  return inTransaction(ex, async (tx) => {
    const created = await users.insertUser(tx, {
      id: newId(),
      firm_id: actor.firmId,
      email,
      name,
      status: "active",
    });
    await access.grantMembership(tx, actor, created.id, input.role, input.clientAccess);
    const now = new Date();
    const user = await users.updateUser(tx, actor.firmId, created.id, {
      password_hash: hash,
      password_changed_at: now,
      twofa_method: input.twoFactor,
      twofa_enrolled_at: input.twoFactor ? now : null,
    });
    await recordAudit(tx, actor, {
      action: "user.created",
      subjectType: "user",
      subjectId: user.id,
      after: { email, name, role: input.role, clientAccess: input.clientAccess, twoFactor: input.twoFactor },
    });
    return user;
  });
}
