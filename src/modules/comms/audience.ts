// Who may read a comment: an active user of the firm who works on the comment's client, whose side
// sees its visibility (client users never see firm-only comments), and who may read the commented
// object itself — asked of the object's module as that user, through the resolver table.
import type { Actor } from "../../platform/actor.ts";
import type { Executor } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";
import * as access from "../access/index.ts";
import * as identity from "../identity/index.ts";
import type { CommsCtx } from "./comms-ctx.ts";
import { sideSees, type MentionRefusal, type ObjectRef, type Person, type Visibility } from "./model.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Audience {
  firmId: string;
  clientId: string;
  ref: ObjectRef;
  visibility: Visibility;
}

/** Null when the user may read the comment; else why not. */
export async function refusalFor(
  cctx: CommsCtx,
  a: Audience,
  userId: string,
): Promise<Exclude<MentionRefusal, "unknown" | "ambiguous"> | null> {
  // Creators may be "system" or a token: not people to tell.
  const user = UUID.test(userId) ? await identity.users.firmUser(cctx.db, a.firmId, userId) : undefined;
  const actor = user ? await identity.actorForUser(cctx.db, user) : null;
  if (!actor) return "inactive";
  if (!sideSees(access.sideOf(actor.role), a.visibility)) return "firm-only";
  if (!access.actorSeesClient(actor, { id: a.clientId, firm_id: a.firmId })) return "cannot-see-object";
  return (await mayRead(cctx, actor, a)) ? null : "cannot-see-object";
}

async function mayRead(cctx: CommsCtx, actor: Actor, a: Audience): Promise<boolean> {
  try {
    const info = await cctx.objects[a.ref.kind](actor, a.clientId, a.ref.id);
    return info.clientId === a.clientId;
  } catch (error) {
    if (error instanceof AppError && (error.status === 403 || error.status === 404)) return false;
    throw error;
  }
}

/** The people who may read it, of those given (each checked as themselves). */
export async function readersAmong(
  cctx: CommsCtx,
  a: Audience,
  userIds: Iterable<string>,
): Promise<string[]> {
  const out: string[] = [];
  for (const id of new Set(userIds)) if ((await refusalFor(cctx, a, id)) === null) out.push(id);
  return out;
}

/**
 * The people a comment of this visibility on this client could mention (the autocomplete list):
 * active users with access to the client, client users only for comments the client sees.
 */
export async function mentionable(
  ex: Executor,
  firmId: string,
  clientId: string,
  visibility: Visibility,
): Promise<Person[]> {
  const users = (await identity.users.firmUsers(ex, firmId)).filter((u) => u.status === "active");
  const members = await access.membershipViews(
    ex,
    firmId,
    users.map((u) => u.id),
  );
  return users
    .filter((u) => {
      const m = members.get(u.id);
      if (!m || !sideSees(access.sideOf(m.role), visibility)) return false;
      return m.mode === "all" || m.clientIds.includes(clientId);
    })
    .map((u) => ({ id: u.id, email: u.email, name: u.name || u.email }));
}

/** Every user of the firm, active or not (to tell the author who a handle was). */
export async function firmPeople(ex: Executor, firmId: string): Promise<Person[]> {
  return (await identity.users.firmUsers(ex, firmId)).map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name || u.email,
  }));
}
