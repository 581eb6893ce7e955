// The decimal places of each currency a client uses, for rendering amounts.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { clientScope } from "./scope.ts";
import * as store from "./store.ts";

export async function currencyScalesFor(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
): Promise<Map<string, number>> {
  const s = await clientScope(ctx.db, actor, clientRef, "ledger.read");
  return store.currencyScales(ctx.db, s);
}
