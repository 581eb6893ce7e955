// Stored terms as JSON: the models' bigints are kept as strings of minor units, and read back by
// kind (the database only ever holds what the service checked).
import type { DepreciationTerms } from "./depreciation-model.ts";
import type { LoanTerms } from "./loan-model.ts";
import type { PrepaidTerms } from "./prepaid-model.ts";
import type { RecurringTerms } from "./recurring-model.ts";
import type { RecurringLine } from "./recurring-lines.ts";
import type { SourceTerms } from "./source-model.ts";
import type { SourceKind } from "./tables.ts";

/** JSON with every bigint as its decimal string. */
export function termsToJson(terms: unknown): unknown {
  return JSON.parse(JSON.stringify(terms, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)));
}

type Raw = Record<string, unknown>;
const big = (v: unknown) => BigInt(v as string);

function recurringLine(raw: Raw): RecurringLine {
  if (raw.kind === "fixed" || raw.kind === "split")
    return { ...raw, amount: big(raw.amount) } as RecurringLine;
  return raw as unknown as RecurringLine;
}

export function termsFromJson(kind: SourceKind, json: unknown): SourceTerms {
  const raw = json as Raw;
  switch (kind) {
    case "recurring":
      return {
        kind,
        terms: { ...(raw as unknown as RecurringTerms), lines: (raw.lines as Raw[]).map(recurringLine) },
      };
    case "prepaid":
      return {
        kind,
        terms: {
          ...(raw as unknown as PrepaidTerms),
          total: big(raw.total),
          amounts: raw.amounts ? (raw.amounts as string[]).map(big) : null,
        },
      };
    case "depreciation": {
      const disposal = raw.disposal as Raw | null | undefined;
      return {
        kind,
        terms: {
          ...(raw as unknown as DepreciationTerms),
          cost: big(raw.cost),
          salvage: big(raw.salvage),
          disposal: disposal ? { month: disposal.month as string, proceeds: big(disposal.proceeds) } : null,
        },
      };
    }
    case "loan":
      return { kind, terms: { ...(raw as unknown as LoanTerms), principal: big(raw.principal) } };
  }
}
