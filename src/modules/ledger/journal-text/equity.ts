// Equity conversion postings, as `hledger --infer-equity` (1.25) adds them: for every posting with a
// cost, `<base>:A-B:A` takes back the posted amount and `<base>:A-B:B` gives the cost, A-B being the
// two symbols in sorted order. With them every transaction balances per commodity without prices.
import type { Amount, ParsedEntry, ParsedPosting } from "./types.ts";

export interface ConversionPosting {
  account: string;
  amount: Amount;
  /** Same kind as the posting it converts (hledger keeps virtual postings virtual). */
  isVirtual: boolean;
  balanced: boolean;
  /** Line of the posting with the cost. */
  line: number;
  isConversion: true;
}

export interface InferEquityOptions {
  /** Base account; ParsedJournal.conversionAccount gives hledger's choice ("equity:conversion" by default). */
  conversionAccount?: string;
  /**
   * hledger accepts transactions that balance only at display precision; their conversion postings
   * then leave that residual. With a rounding account, one more posting per commodity takes it, so
   * the result balances exactly (what a ledger that checks to the last digit needs).
   */
  roundingAccount?: string;
}

function negate(a: Amount): Amount {
  return { quantity: -a.quantity, scale: a.scale, commodity: a.commodity };
}

function conversionPair(base: string, p: ParsedPosting, cost: Amount): ConversionPosting[] {
  const a = p.amount.commodity;
  const b = cost.commodity;
  const pair = a < b ? `${a}-${b}` : `${b}-${a}`;
  const common = { isVirtual: p.isVirtual, balanced: p.balanced, line: p.line, isConversion: true as const };
  return [
    { account: `${base}:${pair}:${a}`, amount: negate(p.amount), ...common },
    { account: `${base}:${pair}:${b}`, amount: { ...cost }, ...common },
  ];
}

/** The conversion postings for an entry, in posting order (empty when nothing has a cost). */
export function inferEquityPostings(
  entry: Pick<ParsedEntry, "postings" | "residual">,
  options: InferEquityOptions = {},
): ConversionPosting[] {
  const base = options.conversionAccount ?? "equity:conversion";
  const out: ConversionPosting[] = [];
  for (const p of entry.postings) if (p.cost) out.push(...conversionPair(base, p, p.cost));
  if (options.roundingAccount !== undefined) {
    for (const r of entry.residual) {
      if (r.quantity === 0n) continue;
      out.push({
        account: options.roundingAccount,
        amount: negate(r),
        isVirtual: false,
        balanced: true,
        line: entry.postings[0]?.line ?? 0,
        isConversion: true,
      });
    }
  }
  return out;
}
