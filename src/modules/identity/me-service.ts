// The signed-in person's own page: who I am (firm, branding, visible clients, when my session idles
// out) and my profile (name, phone). The password and second factor have their own services.
import type { Actor } from "../../platform/actor.ts";
import { inTransaction } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { conflict } from "../../platform/errors.ts";
import * as access from "../access/index.ts";
import type { IdentityCtx } from "./identity-ctx.ts";
import { checkPersonName, normalizePhone } from "./model.ts";
import type { Session } from "./session-store.ts";
import * as users from "./store.ts";
import type { User } from "./store.ts";

/** A user as they see themselves: the row and how many recovery codes they have left. */
export interface OwnProfile {
  user: User;
  recoveryCodesLeft: number;
}

export interface WhoAmI extends OwnProfile {
  firm: access.Firm;
  branding: Awaited<ReturnType<typeof access.brandingOf>>;
  clients: access.Client[];
  /** This request counted as activity: the idle timeout runs from now, never past the session's end. */
  idleExpiresAt: Date;
}

export async function whoAmI(ictx: IdentityCtx, actor: Actor, session: Session, user: User): Promise<WhoAmI> {
  const firm = await access.actorFirm(ictx.db, actor);
  const idleExpiresAt = new Date(
    Math.min(
      session.expires_at.getTime(),
      ictx.clock.now().getTime() + ictx.settings.session.idleMinutes * 60_000,
    ),
  );
  return {
    user,
    recoveryCodesLeft: await users.recoveryCodesLeft(ictx.db, user.id),
    firm,
    branding: await access.brandingOf(ictx.db, firm),
    clients: await access.listClients(ictx.db, actor),
    idleExpiresAt,
  };
}

export interface ProfileChange {
  name?: string | undefined;
  /** null removes the number. */
  phone?: string | null | undefined;
}

/** Changes your name or phone, audited. The number that receives SMS codes changes only by switching method. */
export async function updateOwnProfile(
  ictx: IdentityCtx,
  actor: Actor,
  user: User,
  change: ProfileChange,
): Promise<OwnProfile> {
  const updated = await inTransaction(ictx.db, async (tx) => {
    const patch: users.UserPatch = {};
    if (change.name !== undefined) patch.name = checkPersonName(change.name);
    if (change.phone !== undefined) {
      if (user.twofa_method === "sms")
        throw conflict(
          "identity/phone-is-2fa",
          "this number receives your sign-in codes: change it by switching two-factor method",
        );
      patch.phone = change.phone ? normalizePhone(change.phone) : null;
    }
    const after = await users.updateUser(tx, user.firm_id, user.id, patch);
    await recordAudit(tx, actor, {
      action: "user.profile.updated",
      subjectType: "user",
      subjectId: user.id,
      before: { name: user.name, phone: user.phone },
      after: { name: after.name, phone: after.phone },
    });
    return after;
  });
  return { user: updated, recoveryCodesLeft: await users.recoveryCodesLeft(ictx.db, updated.id) };
}
