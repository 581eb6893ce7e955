// Test support (not product code): a client's trial balance after a journal import, compared with
// `hledger bal --infer-equity` on the same file. Shared by the corpus tests and the measuring harness.
import path from "node:path";
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import * as ledger from "./index.ts";
import { decFromString, decToString, roundHalfEven } from "./journal-text/decimal.ts";
import { compareBalances, hledgerBalance } from "./journal-text/testkit.ts";
import type { CommodityInfo } from "./journal-text/types.ts";

export interface ImportedRow {
  account: string;
  commodity: string;
  quantity: bigint;
  scale: number;
}

/** The client's trial balance as rows an oracle comparison reads. */
export async function importedRows(ctx: Ctx, actor: Actor, slug: string): Promise<ImportedRow[]> {
  const tb = await ledger.trialBalance(ctx, actor, slug, "9999-12-31");
  return tb.rows.map((r) => ({
    account: r.account,
    commodity: r.currency,
    quantity: r.balance,
    scale: tb.scales.get(r.currency)!,
  }));
}

function atMostScale<T extends { number: string }>(row: T, scale: number): T {
  const d = decFromString(row.number)!;
  if (d.scale <= scale) return row;
  const r = roundHalfEven(d, scale);
  return { ...row, number: decToString(r.quantity, r.scale) };
}

/**
 * Differences between an imported client and `hledger bal --infer-equity` run on `file` (from the
 * file's folder, so its includes resolve as hledger resolves them). Rows we add that hledger has no
 * word for (virtual counterparts, cost rounding) are left out; hledger's long-price costs are
 * compared at our currency's scale.
 */
export function differencesFromHledger(
  ours: readonly ImportedRow[],
  file: string,
  conversionAccount: string,
  commodities: ReadonlyMap<string, CommodityInfo> = new Map(),
): string[] {
  const generated = (a: string) =>
    a === ledger.VIRTUAL_COUNTERPART_ACCOUNT || a === `${conversionAccount}:rounding`;
  const scaleOf = (c: string) => ours.find((r) => r.commodity === c)?.scale ?? 99;
  const theirs = hledgerBalance(path.resolve(file), ["--infer-equity"]).map((r) =>
    atMostScale(r, scaleOf(r.commodity)),
  );
  return compareBalances(
    ours.filter((r) => !generated(r.account)),
    theirs,
    commodities,
  );
}
