// What a recurring entry or schedule gives a month: the entries due (a date, a description and
// their lines, or for recurring entries the formula lines still to work out against the books),
// from its stored terms. Schedules book on the month's last day.
import { endOfMonth, monthInWords } from "../../platform/dates.ts";
import { depreciationTable, type DepreciationTerms } from "./depreciation-model.ts";
import { loanTable, type LoanTerms } from "./loan-model.ts";
import { prepaidTable, type PrepaidTerms } from "./prepaid-model.ts";
import { occurrenceIn, type RecurringTerms } from "./recurring-model.ts";
import type { RecurringLine, ResolvedLine } from "./recurring-lines.ts";
import type { RunPart, SourceKind } from "./tables.ts";

export type SourceTerms =
  | { kind: "recurring"; terms: RecurringTerms }
  | { kind: "prepaid"; terms: PrepaidTerms }
  | { kind: "depreciation"; terms: DepreciationTerms }
  | { kind: "loan"; terms: LoanTerms };

/** The ledger accounts each kind of schedule books to, by role. */
export const SCHEDULE_ACCOUNTS: Record<Exclude<SourceKind, "recurring">, readonly string[]> = {
  prepaid: ["expense", "prepaid"],
  depreciation: ["expense", "accumulated"],
  loan: ["interest", "liability", "payment"],
};
/** A disposal also needs the asset's cost account, where proceeds went and the gain/loss account. */
export const DISPOSAL_ACCOUNTS = ["asset", "proceeds", "gainLoss"] as const;

export interface DueEntry {
  part: RunPart;
  date: string;
  description: string;
  /** Schedules: the lines. Recurring entries: null, their `formula` is worked out at generation. */
  lines: ResolvedLine[] | null;
  formula: RecurringLine[] | null;
}

const line = (accountId: string | undefined, amount: bigint, memo: string | null = null): ResolvedLine => ({
  accountId: accountId ?? "",
  amount,
  memo,
});

/**
 * A schedule's table, worked out once per terms object: asking month after month of the same
 * terms (the Close Tracker board: every client's schedules over a year) reads the one table. The
 * tables are read, never changed, and go with their terms (a weak map holds nothing alive).
 */
function once<T extends object, R>(table: (terms: T) => R): (terms: T) => R {
  const made = new WeakMap<T, R>();
  return (terms) => {
    let r = made.get(terms);
    if (r === undefined) made.set(terms, (r = table(terms)));
    return r;
  };
}
const prepaidRows = once(prepaidTable);
const loanRows = once(loanTable);
const depreciationRows = once(depreciationTable);

/** The entries a source gives `month` (YYYY-MM); empty when nothing is due. */
export function dueIn(
  name: string,
  source: SourceTerms,
  accounts: Record<string, string>,
  month: string,
): DueEntry[] {
  const date = endOfMonth(`${month}-01`);
  const description = `${name} — ${monthInWords(month)}`;
  const entry = (lines: ResolvedLine[], part: RunPart = "main", text = description): DueEntry => ({
    part,
    date,
    description: text,
    lines: lines.filter((l) => l.amount !== 0n),
    formula: null,
  });
  switch (source.kind) {
    case "recurring": {
      const on = occurrenceIn(source.terms, month);
      return on ? [{ part: "main", date: on, description, lines: null, formula: source.terms.lines }] : [];
    }
    case "prepaid": {
      const row = prepaidRows(source.terms).find((r) => r.month === month);
      return row ? [entry([line(accounts.expense, row.amount), line(accounts.prepaid, -row.amount)])] : [];
    }
    case "loan": {
      const row = loanRows(source.terms).find((r) => r.month === month);
      if (!row) return [];
      return [
        entry([
          line(accounts.interest, row.interest, "interest"),
          line(accounts.liability, row.principal, "principal"),
          line(accounts.payment, -row.payment, "payment"),
        ]),
      ];
    }
    case "depreciation": {
      const table = depreciationRows(source.terms);
      const out: DueEntry[] = [];
      const row = table.rows.find((r) => r.month === month);
      if (row && row.amount !== 0n)
        out.push(entry([line(accounts.expense, row.amount), line(accounts.accumulated, -row.amount)]));
      const d = table.disposal;
      if (d && d.month === month)
        out.push(
          entry(
            [
              line(accounts.accumulated, d.accumulated, "accumulated depreciation"),
              line(accounts.proceeds, d.proceeds, "proceeds"),
              line(accounts.asset, -d.cost, "cost"),
              line(
                accounts.gainLoss,
                -d.gainLoss,
                d.gainLoss >= 0n ? "gain on disposal" : "loss on disposal",
              ),
            ],
            "disposal",
            `${name} — disposal, ${monthInWords(month)}`,
          ),
        );
      return out;
    }
  }
}
