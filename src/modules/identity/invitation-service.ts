// Invitations: a firm user invites someone by e-mail with a role and client access (within what
// it may grant, and the firm's paid licences); the invitee opens the link within 7 days, chooses a
// name and password, and goes on to enrol a second factor.
import type { Actor } from "../../platform/actor.ts";
import { inTransaction, isUniqueViolation } from "../../platform/db.ts";
import { conflict, gone, notFound, ruleViolation } from "../../platform/errors.ts";
import { UUID, newId } from "../../platform/ids.ts";
import { randomToken } from "../../platform/secrets.ts";
import { recordAudit } from "../../platform/audit.ts";
import * as access from "../access/index.ts";
import type { ClientAccess } from "../access/index.ts";
import type { IdentityCtx, RequestMeta } from "./identity-ctx.ts";
import {
  INVITATION_DAYS,
  addMinutes,
  checkPassword,
  checkPersonName,
  linkState,
  normalizeEmail,
  portalLink,
} from "./model.ts";
import { hashPassword } from "./passwords.ts";
import * as links from "./link-store.ts";
import * as users from "./store.ts";
import type { User } from "./store.ts";
import { invitationEmail } from "./messages.ts";
import { securityEvent } from "./security-audit.ts";
import { secondStep, type SignInStep } from "./sign-in-service.ts";

export interface InviteInput {
  email: string;
  name?: string | null | undefined;
  role: string;
  clientAccess: ClientAccess;
}

async function newInvitation(
  tx: Parameters<typeof links.insertInvitation>[0],
  ictx: IdentityCtx,
  actor: Actor,
  user: User,
): Promise<string> {
  const token = randomToken();
  const now = ictx.clock.now();
  await links.revokeInvitations(tx, user.id, now);
  await links.insertInvitation(tx, {
    id: newId(),
    firm_id: user.firm_id,
    user_id: user.id,
    token_hash: ictx.secrets.hash("invitation", token),
    invited_by: actor.id,
    created_at: now,
    expires_at: addMinutes(now, INVITATION_DAYS * 24 * 60),
  });
  return token;
}

async function sendInvitation(ictx: IdentityCtx, actor: Actor, user: User, token: string): Promise<void> {
  const firm = await access.firmById(ictx.db, user.firm_id);
  await ictx.delivery.sendEmail(
    invitationEmail(
      { email: user.email, firmId: user.firm_id },
      portalLink(ictx.settings.baseUrl, "invitation", token),
      firm?.name ?? "your firm",
      actor.displayName,
    ),
  );
}

/** Where "someone you invited joined" leads: the users table. */
export const INVITER_LINK = "/users";

export async function invite(ictx: IdentityCtx, actor: Actor, input: InviteInput): Promise<User> {
  access.requirePermission(actor, "user.invite");
  const email = normalizeEmail(input.email);
  const name = input.name ? checkPersonName(input.name) : "";
  let token = "";
  let user: User;
  try {
    user = await inTransaction(ictx.db, async (tx) => {
      const firm = await access.actorFirm(tx, actor);
      if ((await users.countLicensed(tx, actor.firmId)) >= firm.licences_paid) {
        throw ruleViolation(
          "access/licence-limit",
          `all ${firm.licences_paid} paid licences are in use: deactivate a user or raise the number of licences in the firm settings`,
        );
      }
      const created = await users.insertUser(tx, {
        id: newId(),
        firm_id: actor.firmId,
        email,
        name,
        status: "invited",
      });
      await access.grantMembership(tx, actor, created.id, input.role, input.clientAccess);
      token = await newInvitation(tx, ictx, actor, created);
      await recordAudit(tx, actor, {
        action: "user.invited",
        subjectType: "user",
        subjectId: created.id,
        after: { email, name, role: input.role, clientAccess: input.clientAccess },
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict("identity/email-taken", `${email} already has a Closebook account`, { field: "email" });
    throw error;
  }
  await sendInvitation(ictx, actor, user, token);
  return user;
}

/** Sends a new invitation link to a user who has not accepted yet (the old link stops working). */
export async function resendInvitation(ictx: IdentityCtx, actor: Actor, userId: string): Promise<User> {
  let token = "";
  const user = await inTransaction(ictx.db, async (tx) => {
    const found = await users.firmUser(tx, actor.firmId, userId);
    const m = found ? await access.membershipView(tx, actor.firmId, userId) : undefined;
    if (!found || !m) throw notFound("identity/user-not-found", `no user ${userId}`);
    access.requirePermission(actor, "user.invite");
    access.requireUserAction(actor, access.targetOf(userId, m), "user.edit");
    if (found.status !== "invited")
      throw conflict("identity/already-accepted", "this user has already accepted the invitation");
    token = await newInvitation(tx, ictx, actor, found);
    await recordAudit(tx, actor, {
      action: "user.invitation.resent",
      subjectType: "user",
      subjectId: userId,
    });
    return found;
  });
  await sendInvitation(ictx, actor, user, token);
  return user;
}

async function openInvitation(ictx: IdentityCtx, token: string) {
  const invitation = await links.invitationByTokenHash(ictx.db, ictx.secrets.hash("invitation", token));
  if (!invitation)
    throw notFound("identity/invitation-not-found", "this invitation link is not valid: ask for a new one");
  const state = linkState(
    { expires_at: invitation.expires_at, used: Boolean(invitation.accepted_at || invitation.revoked_at) },
    ictx.clock.now(),
  );
  if (state === "used")
    throw gone(
      "identity/invitation-used",
      "this invitation has already been used or replaced: sign in, or ask for a new one",
    );
  if (state === "expired")
    throw gone(
      "identity/invitation-expired",
      `this invitation expired (they last ${INVITATION_DAYS} days): ask for a new one`,
    );
  const user = await users.firmUser(ictx.db, invitation.firm_id, invitation.user_id);
  if (!user || user.status !== "invited")
    throw gone("identity/invitation-used", "this invitation has already been used: sign in");
  return { invitation, user };
}

export async function lookupInvitation(ictx: IdentityCtx, token: string) {
  const { invitation, user } = await openInvitation(ictx, token);
  const firm = await access.firmById(ictx.db, user.firm_id);
  const m = await access.membershipView(ictx.db, user.firm_id, user.id);
  return {
    email: user.email,
    name: user.name,
    role: m?.role ?? "client_ops",
    firm: { name: firm?.name ?? "", logoDataUrl: await access.logoDataUrl(ictx.db, user.firm_id) },
    expiresAt: invitation.expires_at,
  };
}

/** Accepts an invitation: name and password set, the account active; 2FA enrolment follows. */
export async function acceptInvitation(
  ictx: IdentityCtx,
  token: string,
  input: { name: string; password: string },
  meta: RequestMeta,
): Promise<SignInStep> {
  const { invitation, user } = await openInvitation(ictx, token);
  const name = checkPersonName(input.name);
  checkPassword(input.password, { email: user.email });
  const hash = await hashPassword(input.password);
  const now = ictx.clock.now();
  const active = await inTransaction(ictx.db, async (tx) => {
    if (!(await links.acceptInvitation(tx, invitation.id, now)))
      throw gone("identity/invitation-used", "this invitation has already been used: sign in");
    const updated = await users.updateUser(tx, user.firm_id, user.id, {
      name,
      password_hash: hash,
      password_changed_at: now,
      status: "active",
    });
    await securityEvent(tx, {
      action: "user.invitation.accepted",
      firmId: user.firm_id,
      userId: user.id,
      meta,
    });
    return updated;
  });
  // The person who invited them hears that they joined (a person, not an integration).
  if (
    ictx.notify &&
    UUID.test(invitation.invited_by) &&
    (await users.firmUser(ictx.db, user.firm_id, invitation.invited_by))
  ) {
    await ictx
      .notify({
        firmId: user.firm_id,
        userIds: [invitation.invited_by],
        event: "user.joined",
        title: `${name} joined`,
        body: `${name} (${user.email}) accepted your invitation.`,
        link: INVITER_LINK,
      })
      .catch(() => undefined);
  }
  return secondStep(ictx, active, "invitation");
}
