// Test helpers only: people of a fixture's firm with a role, acting as signed-in users would.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction } from "../../platform/db.ts";
import { newId } from "../../platform/ids.ts";
import type { ClientFixture } from "../../../test/support/fixtures.ts";
import * as access from "../access/index.ts";
import * as identity from "../identity/index.ts";

/** A signed-in person of the fixture's firm: a partner role sees every client, a client role this client. */
export async function person(
  ctx: Ctx,
  c: ClientFixture,
  role: string,
  name: string,
): Promise<{ user: identity.User; actor: Actor }> {
  return inTransaction(ctx.db, async (tx) => {
    const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}.${newId().slice(-6)}@example.com`;
    const user = await identity.users.insertUser(tx, {
      id: newId(),
      firm_id: c.firmId,
      email,
      name,
      status: "active",
    });
    await access.grantMembership(
      tx,
      c.actor,
      user.id,
      role,
      role.startsWith("partner_")
        ? { mode: "all", clientIds: [] }
        : { mode: "list", clientIds: [c.clientId] },
    );
    const actor = await identity.actorForUser(tx, user);
    if (!actor) throw new Error(`${name} cannot act`);
    return { user, actor };
  });
}
