// Who a credential request can be sent to — the client's own users, one named person or all of
// them — and telling them it arrived. The notice names the site, never a login (there is none yet).
import type { Actor } from "../../platform/actor.ts";
import type { Executor } from "../../platform/db.ts";
import { ruleViolation } from "../../platform/errors.ts";
import * as access from "../access/index.ts";
import * as identity from "../identity/index.ts";
import type { ClientScope } from "../access/index.ts";
import type { Assignee } from "../work/index.ts";
import { vaultScope } from "./scope.ts";
import type { VaultCtx } from "./vault-ctx.ts";

export interface Recipient {
  id: string;
  name: string;
  email: string;
}

/** The client's active client-side users (firm users with the client on their list are not). */
async function clientUsers(ex: Executor, s: ClientScope): Promise<Recipient[]> {
  const listed = await access.usersOfClient(ex, s.firmId, s.clientId);
  const members = await access.membershipViews(ex, s.firmId, listed);
  const clientSide = listed.filter((id) => {
    const m = members.get(id);
    return m !== undefined && access.sideOf(m.role) === "client";
  });
  const people = await identity.users.firmUsers(ex, s.firmId, clientSide);
  return people
    .filter((u) => u.status === "active")
    .map((u) => ({ id: u.id, name: u.name || u.email, email: u.email }));
}

/** The people the request form offers: the client's users. */
export async function listRecipients(vctx: VaultCtx, actor: Actor, clientRef: string): Promise<Recipient[]> {
  const s = await vaultScope(vctx.db, actor, clientRef, "request");
  return clientUsers(vctx.db, s);
}

/**
 * Who hears of a request: the named person, who must be one of the client's users (a login is
 * the client's to give), or every user of the client when it goes to the client as a whole.
 */
export async function recipientsOf(ex: Executor, s: ClientScope, assignee: Assignee): Promise<string[]> {
  const users = await clientUsers(ex, s);
  if (assignee.kind === "client") return users.map((u) => u.id);
  if (assignee.kind !== "user" || !users.some((u) => u.id === assignee.userId))
    throw ruleViolation(
      "vault/recipient-not-client-user",
      "a credential request goes to one of the client's own users, or to the client as a whole",
      { field: assignee.kind === "user" ? "assignee.userId" : "assignee" },
    );
  return [assignee.userId];
}

/** The portal page of a client's Password Manager (where a request is answered). */
export const vaultLink = (clientSlug: string) => `/c/${clientSlug}/vault`;

/** Tells the recipients; a notice that cannot be written must not undo the request. */
export async function tellRecipients(
  vctx: VaultCtx,
  s: ClientScope,
  userIds: readonly string[],
  request: { site: string; by: string },
): Promise<void> {
  if (!vctx.notify || userIds.length === 0) return;
  await vctx
    .notify({
      firmId: s.firmId,
      userIds,
      event: "task.assigned",
      title: `${request.by} asks you to share the login for ${request.site}`,
      body: `${request.by} asks you to share the login for ${request.site}. Open the Password Manager to answer: what you enter goes straight into it and is never shown in a task, a comment or an e-mail.`,
      link: vaultLink(s.clientSlug),
      clientId: s.clientId,
    })
    .catch(() => undefined);
}
