// From what the API sends (amounts as decimal strings in the client's currency) to the models'
// terms, refusing what cannot make a schedule or a balanced entry; and the full table of a schedule.
import { validationError } from "../../platform/errors.ts";
import { parseDecimal } from "../../platform/money.ts";
import { depreciationTable, type DepreciationTable } from "./depreciation-model.ts";
import { loanTable, type LoanRow } from "./loan-model.ts";
import { prepaidTable, type PrepaidRow } from "./prepaid-model.ts";
import { checkRecurring, type RecurringTerms } from "./recurring-model.ts";
import type { RecurringLine } from "./recurring-lines.ts";
import { DISPOSAL_ACCOUNTS, SCHEDULE_ACCOUNTS, type SourceTerms } from "./source-model.ts";
import type { ScheduleIn, RecurringIn, RecurringLineIn } from "./schemas.ts";

export interface SourceSpec {
  name: string;
  source: SourceTerms;
  accounts: Record<string, string>;
  autoPost: boolean;
  autoReverse: boolean;
}

function lineOf(l: RecurringLineIn, i: number, scale: number): RecurringLine {
  const money = (text: string, field: string) => parseDecimal(text, scale, `lines[${i}].${field}`);
  switch (l.kind) {
    case "fixed":
      return {
        kind: "fixed",
        accountId: l.accountId,
        amount: money(l.amount, "amount"),
        memo: l.memo ?? null,
      };
    case "split":
      return {
        kind: "split",
        side: l.side,
        amount: money(l.amount, "amount"),
        parts: l.parts,
        memo: l.memo ?? null,
      };
    default:
      return { ...l, memo: l.memo ?? null };
  }
}

export function recurringSpec(input: RecurringIn, scale: number): SourceSpec {
  const terms: RecurringTerms = {
    description: input.name,
    frequency: input.frequency,
    day: input.day,
    startMonth: input.startMonth,
    endMonth: input.endMonth ?? null,
    lines: input.lines.map((l, i) => lineOf(l, i, scale)),
    autoPost: input.autoPost ?? false,
    autoReverse: input.autoReverse ?? false,
  };
  checkRecurring(terms);
  return {
    name: input.name,
    source: { kind: "recurring", terms },
    accounts: {},
    autoPost: terms.autoPost,
    autoReverse: terms.autoReverse,
  };
}

export function scheduleSpec(input: ScheduleIn, scale: number): SourceSpec {
  const money = (text: string, field: string) => parseDecimal(text, scale, field);
  let source: SourceTerms;
  if (input.kind === "prepaid")
    source = {
      kind: "prepaid",
      terms: {
        total: money(input.amount, "amount"),
        startMonth: input.startMonth,
        months: input.months,
        amounts: input.amounts ? input.amounts.map((a, i) => money(a, `amounts[${i}]`)) : null,
      },
    };
  else if (input.kind === "loan")
    source = {
      kind: "loan",
      terms: {
        principal: money(input.principal, "principal"),
        annualRate: input.annualRate,
        termMonths: input.termMonths,
        firstPaymentMonth: input.firstPaymentMonth,
      },
    };
  else
    source = {
      kind: "depreciation",
      terms: {
        cost: money(input.cost, "cost"),
        salvage: money(input.salvage ?? "0", "salvage"),
        lifeMonths: input.lifeMonths,
        method: input.method,
        factor: input.factor ?? null,
        convention: input.convention,
        inServiceMonth: input.inServiceMonth,
        disposal: input.disposal
          ? { month: input.disposal.month, proceeds: money(input.disposal.proceeds, "disposal.proceeds") }
          : null,
      },
    };
  const needed = [
    ...SCHEDULE_ACCOUNTS[source.kind],
    ...(source.kind === "depreciation" && source.terms.disposal ? DISPOSAL_ACCOUNTS : []),
  ];
  const accounts = input.accounts as Record<string, string>;
  const missing = needed.find((role) => !accounts[role]);
  if (missing)
    throw validationError("journals/account-missing", `choose the ${missing} account`, {
      field: `accounts.${missing}`,
    });
  scheduleTable(source); // refuses terms that cannot make a schedule
  const kept = Object.fromEntries(needed.map((role) => [role, accounts[role]!]));
  return { name: input.name, source, accounts: kept, autoPost: input.autoPost ?? false, autoReverse: false };
}

export type ScheduleTable =
  | { kind: "prepaid"; rows: PrepaidRow[] }
  | ({ kind: "depreciation" } & DepreciationTable)
  | { kind: "loan"; rows: LoanRow[] };

export function scheduleTable(source: SourceTerms): ScheduleTable | null {
  switch (source.kind) {
    case "prepaid":
      return { kind: "prepaid", rows: prepaidTable(source.terms) };
    case "depreciation":
      return { kind: "depreciation", ...depreciationTable(source.terms) };
    case "loan":
      return { kind: "loan", rows: loanTable(source.terms) };
    default:
      return null;
  }
}
