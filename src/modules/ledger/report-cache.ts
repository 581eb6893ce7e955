// Rendered trial balances kept in this process, keyed by client, date, format and the client's
// ledger version (bumped by every posting in any process), so a repeated report costs one small
// query. Bounded by total size; the least recently used are dropped first.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { parseIsoDate } from "../../platform/dates.ts";
import { clientScope } from "./scope.ts";
import { ledgerVersion } from "./store.ts";
import { trialBalance } from "./report-service.ts";
import { trialBalanceCsv, trialBalanceJson, trialBalanceText } from "./report-format.ts";

export type ReportFormat = "json" | "csv" | "text";

const MAX_BYTES = 64 * 1024 * 1024;
const cache = new Map<string, string>();
let bytes = 0;

function remember(key: string, value: string): void {
  cache.set(key, value);
  bytes += value.length;
  for (const [k, v] of cache) {
    if (bytes <= MAX_BYTES) break;
    cache.delete(k);
    bytes -= v.length;
  }
}

/** The trial balance rendered in `format`, from the cache when the ledger has not changed. */
export async function renderedTrialBalance(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  asOfText: string | undefined,
  format: ReportFormat,
): Promise<string> {
  const asOf = asOfText ? parseIsoDate(asOfText, "asOf") : ctx.clock.today();
  const s = await clientScope(ctx.db, actor, clientRef, "ledger.read");
  const key = `${s.clientId}|${asOf}|${format}|${await ledgerVersion(ctx.db, s)}`;
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key); // refresh its place in the LRU order
    cache.set(key, hit);
    return hit;
  }
  const tb = await trialBalance(ctx, actor, s.clientId, asOf);
  const text =
    format === "csv"
      ? trialBalanceCsv(tb)
      : format === "text"
        ? trialBalanceText(tb)
        : JSON.stringify(trialBalanceJson(tb));
  remember(key, text);
  return text;
}
