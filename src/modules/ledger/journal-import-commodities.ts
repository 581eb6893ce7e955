// The currencies a journal import needs: one per commodity, with enough decimals for every amount the
// file writes and every cost it implies; an existing currency must already hold them.
import type { Executor } from "../../platform/db.ts";
import { validationError } from "../../platform/errors.ts";
import { toJson } from "../../platform/json.ts";
import { ISO_CODE, isoScale } from "../../platform/money.ts";
import type { ParsedJournal } from "./journal-text/types.ts";
import * as store from "./store.ts";
import type { Scope } from "./store.ts";

/** Most decimals an amount may be stored with (amounts are int8 minor units in the database). */
const MAX_SCALE = 12;

/**
 * The decimals each commodity is stored with: enough for every amount the file writes and every
 * cost it implies (so conversions stay exact), and the ISO minimum for bank currencies. A cost from
 * an absurdly long unit price ("$53.6599999999999999998612221219" makes a 34-decimal cost) is
 * capped at MAX_SCALE: it is rounded half-even and the entry's rounding difference is posted to
 * the conversion rounding account. Written amounts beyond MAX_SCALE are refused.
 */
export function commodityScales(journal: ParsedJournal): Map<string, { scale: number; written: number }> {
  const written = new Map<string, number>();
  for (const e of journal.entries) {
    for (const p of e.postings)
      written.set(p.amount.commodity, Math.max(written.get(p.amount.commodity) ?? 0, p.amount.scale));
  }
  const scales = new Map<string, { scale: number; written: number }>();
  for (const info of journal.commodities.values()) {
    const iso = ISO_CODE.test(info.symbol) ? isoScale(info.symbol) : 0;
    const w = written.get(info.symbol) ?? 0;
    scales.set(info.symbol, { scale: Math.max(iso, w, Math.min(info.maxScale, MAX_SCALE)), written: w });
  }
  return scales;
}

/** Currencies for the journal's commodities; an existing currency must hold the journal's decimals. */
export async function registerCommodities(
  tx: Executor,
  s: Scope,
  journal: ParsedJournal,
): Promise<Map<string, number>> {
  const scales = await store.currencyScales(tx, s);
  const fresh: Array<{ code: string; scale: number; display: string | null }> = [];
  for (const [symbol, { scale: needed, written }] of commodityScales(journal)) {
    const info = journal.commodities.get(symbol)!;
    const label = symbol === "" ? "amounts without a commodity" : `"${symbol}"`;
    if (written > MAX_SCALE) {
      throw validationError(
        "ledger/too-many-decimals",
        `${label} are written with ${written} decimal places; Closebook keeps at most ${MAX_SCALE}`,
        {
          field: "commodity",
          ...(info.line ? { line: info.line } : {}),
        },
      );
    }
    const existing = scales.get(symbol);
    if (existing === undefined) {
      fresh.push({ code: symbol, scale: needed, display: info.style ? toJson(info.style) : null });
      scales.set(symbol, needed);
    } else if (existing < needed) {
      throw validationError(
        "ledger/too-many-decimals",
        `${label} need ${needed} decimal places in this journal, but this client keeps ${existing}`,
        {
          field: "commodity",
          ...(info.line ? { line: info.line } : {}),
        },
      );
    }
  }
  if (fresh.length) {
    await store
      .q(tx)
      .insertInto("currencies")
      .values(
        fresh.map((c) => ({
          firm_id: s.firmId,
          client_id: s.clientId,
          code: c.code,
          scale: c.scale,
          display: c.display,
        })),
      )
      .execute();
  }
  return scales;
}
