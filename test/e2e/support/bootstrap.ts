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
