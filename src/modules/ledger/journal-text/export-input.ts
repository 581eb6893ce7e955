// Maps a parsed journal onto the exporter's input: the shape the ledger store hands to exportJournal,
// so importing a file and exporting it again can be compared directly (and the mapping is written down).
import type { ExportInput, ExportPosting, ParsedJournal } from "./types.ts";

export function exportInputFromParsed(journal: ParsedJournal): ExportInput {
  return {
    accounts: journal.accounts.map((a) => (a.type ? { name: a.name, type: a.type } : { name: a.name })),
    commodities: [...journal.commodities.values()].map((c) =>
      c.style
        ? { symbol: c.symbol, scale: c.maxScale, style: c.style }
        : { symbol: c.symbol, scale: c.maxScale },
    ),
    prices: journal.prices.map((p) => ({ date: p.date, commodity: p.commodity, price: p.price })),
    entries: journal.entries.map((e) => ({
      date: e.date,
      description: e.description,
      ...(e.code ? { code: e.code } : {}),
      ...(e.status ? { status: e.status } : {}),
      ...(e.comment ? { comment: e.comment } : {}),
      postings: e.postings.map((p): ExportPosting => {
        const out: ExportPosting = {
          account: p.account,
          quantity: p.amount.quantity,
          commodity: p.amount.commodity,
          scale: p.amount.scale,
        };
        if (p.cost) out.cost = { ...p.cost };
        if (p.price?.kind === "unit") out.unitPrice = { ...p.price.amount };
        if (p.isVirtual) out.virtual = p.balanced ? "balanced" : "unbalanced";
        if (p.comment) out.memo = p.comment;
        return out;
      }),
    })),
  };
}
