// A bearer token for benchmarks that call the HTTP API of a running server: a Partner Admin of the
// firm (created once) and an API token with its role.
import { systemActor } from "../src/platform/actor.ts";
import type { Runtime } from "../src/app/runtime.ts";
import { appServices } from "../src/app/services.ts";
import * as identity from "../src/modules/identity/index.ts";

export async function benchApiToken(runtime: Runtime, firmId: string): Promise<string> {
  const services = appServices(runtime.config, runtime.ctx);
  try {
    const email = `bench-${firmId.slice(-12)}@closebook.local`;
    const user =
      (await identity.users.userByEmail(runtime.ctx.db, email)) ??
      (await identity.createActiveUser(runtime.ctx.db, systemActor(firmId), {
        email,
        name: "Benchmark",
        role: "partner_admin",
        clientAccess: { mode: "all", clientIds: [] },
        password: "benchmark-only-password",
        twoFactor: null,
      }));
    const actor = (await identity.actorForUser(runtime.ctx.db, user))!;
    return (
      await identity.createToken(services.identity, actor, { name: "benchmark", role: "partner_admin" })
    ).token;
  } finally {
    await services.delivery.close();
  }
}
