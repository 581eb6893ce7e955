// Creates the demo firm's first Partner Admin the way a real firm gets one: an invitation from the
// system (Closebook's own administrator), accepted with a password by the tests.
import type { Runtime } from "../../../src/app/runtime.ts";
import { appServices } from "../../../src/app/services.ts";
import { systemActor } from "../../../src/platform/actor.ts";
import * as access from "../../../src/modules/access/index.ts";
import * as identity from "../../../src/modules/identity/index.ts";
import * as notifications from "../../../src/modules/notifications/index.ts";

export async function invitePartnerAdmin(
  runtime: Runtime,
  who: { email: string; name: string },
): Promise<void> {
  const services = appServices(runtime.config, runtime.ctx);
  try {
    const firm = await access.firmBySlug(runtime.ctx.db, "demo");
    await identity.invite(services.identity, systemActor(firm!.id), {
      email: who.email,
      name: who.name,
      role: "partner_admin",
      clientAccess: { mode: "all", clientIds: [] },
    });
  } finally {
    await services.delivery.close();
  }
}

/** Sends someone an in-app notification through the notifications module, as other modules do. */
export async function notifyByEmail(
  runtime: Runtime,
  email: string,
  input: { event: notifications.EventName; title: string; body?: string; link?: string },
): Promise<void> {
  const services = appServices(runtime.config, runtime.ctx);
  try {
    const user = await identity.users.userByEmail(runtime.ctx.db, email);
    if (!user) throw new Error(`no user ${email}`);
    await notifications.notify(services.notify, { firmId: user.firm_id, userIds: [user.id], ...input });
  } finally {
    await services.delivery.close();
  }
}
