// Exports a client's posted ledger as a plain-text journal that hledger reads and balances as our
// trial balance does: every account declared with its type, every commodity with the precision
// and style it was imported with, every entry with explicit amounts and its costs as "@@".
// Lines we generated (equity conversion, rounding, virtual counterparts) are left out: hledger
// infers the conversion lines again with --infer-equity.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { exportJournal } from "./journal-text/export.ts";
import type {
  AccountType as JournalAccountType,
  CommodityStyle,
  ExportEntry,
  ExportInput,
} from "./journal-text/types.ts";
import type { AccountType } from "./model.ts";
import { clientScope } from "./scope.ts";
import * as store from "./store.ts";
import * as entries from "./entry-store.ts";

const LETTER_OF_TYPE: Record<AccountType, JournalAccountType> = {
  asset: "A",
  liability: "L",
  equity: "E",
  income: "R",
  expense: "X",
};

// hledger names conversion postings after the account declared with type V (Conversion).
const letterOf = (a: { type: AccountType; detail_type: string }): JournalAccountType =>
  a.detail_type === "conversion" ? "V" : a.detail_type === "bank" ? "C" : LETTER_OF_TYPE[a.type];

export async function exportClientJournal(ctx: Ctx, actor: Actor, clientRef: string): Promise<string> {
  const s = await clientScope(ctx.db, actor, clientRef, "ledger.read");
  const [accounts, currencies, lines] = await Promise.all([
    store.listAccounts(ctx.db, s, { includeInactive: true }),
    store
      .q(ctx.db)
      .selectFrom("currencies")
      .select(["code", "scale", "display"])
      .where("client_id", "=", s.clientId)
      .orderBy("code")
      .execute(),
    entries.allPostedLines(ctx.db, s),
  ]);
  const nameOf = new Map(accounts.map((a) => [a.id, a.full_name]));
  const scaleOf = new Map(currencies.map((c) => [c.code, c.scale]));
  const out: Array<ExportEntry & { id: string }> = [];
  let current: (ExportEntry & { id: string }) | undefined;
  for (const l of lines) {
    if (!current || current.id !== l.entry_id) {
      current = {
        id: l.entry_id,
        date: l.entry_date,
        description: l.description,
        postings: [],
        ...(l.reference ? { code: l.reference } : {}),
        ...(l.comment ? { comment: l.comment } : {}),
      };
      out.push(current);
    }
    if (l.is_conversion) continue;
    current.postings.push({
      account: nameOf.get(l.account_id)!,
      quantity: l.amount,
      commodity: l.currency,
      scale: scaleOf.get(l.currency)!,
      ...(l.cost_amount !== null && l.cost_currency !== null
        ? {
            cost: {
              quantity: l.cost_amount,
              commodity: l.cost_currency,
              scale: scaleOf.get(l.cost_currency)!,
            },
          }
        : {}),
      ...(l.is_virtual ? { virtual: "unbalanced" as const } : {}),
      ...(l.memo ? { memo: l.memo } : {}),
    });
  }
  const input: ExportInput = {
    accounts: accounts.map((a) => ({ name: a.full_name, type: letterOf(a) })),
    commodities: currencies.map((c) =>
      c.display
        ? { symbol: c.code, scale: c.scale, style: c.display as CommodityStyle }
        : { symbol: c.code, scale: c.scale },
    ),
    entries: out.map(({ id: _id, ...e }) => e),
  };
  return exportJournal(input);
}
