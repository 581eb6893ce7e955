// Creates the demo firm's first Partner Admin the way a real firm gets one: an invitation from the
// system (Closebook's own administrator), accepted with a password by the tests.
import fs from "node:fs";
import type { Runtime } from "../../../src/app/runtime.ts";
import { systemActor } from "../../../src/platform/actor.ts";
import * as access from "../../../src/modules/access/index.ts";

/** Whether this checkout has sign-in (the identity module); without it the portal opens as the demo admin. */
export const hasIdentity = fs.existsSync(new URL("../../../src/modules/identity/index.ts", import.meta.url));

// Loaded by path so that this harness also type-checks and runs on a checkout without identity.
const IDENTITY = "../../../src/modules/identity/index.ts";
const SERVICES = "../../../src/app/services.ts";
const NOTIFICATIONS = "../../../src/modules/notifications/index.ts";

export async function invitePartnerAdmin(runtime: Runtime, who: { email: string; name: string }): Promise<void> {
  if (!hasIdentity) return;
  const identity = await import(IDENTITY);
  const { appServices } = await import(SERVICES);
  const services = appServices(runtime.config, runtime.ctx);
  try {
    const firm = await access.firmBySlug(runtime.ctx.db, "demo");
    await identity.invite(services.identity, systemActor(firm!.id), { email: who.email, name: who.name, role: "partner_admin", clientAccess: { mode: "all", clientIds: [] } });
  } finally {
    await services.delivery.close();
  }
}

/** Sends someone an in-app notification through the notifications module, as other modules do. */
export async function notifyByEmail(runtime: Runtime, email: string, input: { event: string; title: string; body?: string; link?: string }): Promise<void> {
  const identity = await import(IDENTITY);
  const notifications = await import(NOTIFICATIONS);
  const { appServices } = await import(SERVICES);
  const services = appServices(runtime.config, runtime.ctx);
  try {
    const user = await identity.users.userByEmail(runtime.ctx.db, email);
    if (!user) throw new Error(`no user ${email}`);
    await notifications.notify(services.notify, { firmId: user.firm_id, userIds: [user.id], ...input });
  } finally {
    await services.delivery.close();
  }
}
