// The decimals each currency of a client is kept at: the ledger's scale is the one truth for a
// currency's decimals (what amounts are stored, posted, shown and typed with).
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { isoScale } from "../../platform/money.ts";
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

export interface CurrencyScales {
  homeCurrency: string;
  /** The client's currencies with their scales; the home currency always among them (at its ISO scale until the ledger uses it). */
  currencies: Array<{ code: string; scale: number }>;
}

/** The client's currencies and the decimals each is kept at, for forms that take amounts. */
export async function currencyScalesView(ctx: Ctx, actor: Actor, clientRef: string): Promise<CurrencyScales> {
  const s = await clientScope(ctx.db, actor, clientRef, "ledger.read");
  const scales = await store.currencyScales(ctx.db, s);
  if (!scales.has(s.homeCurrency)) scales.set(s.homeCurrency, isoScale(s.homeCurrency));
  return {
    homeCurrency: s.homeCurrency,
    currencies: [...scales]
      .map(([code, scale]) => ({ code, scale }))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
  };
}
