// Turns entry input with decimal-string amounts (API, files) into ledger lines in minor units,
// at each currency's scale. Debit/credit columns or one signed amount, never both.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { validationError } from "../../platform/errors.ts";
import { parseDecimal } from "../../platform/money.ts";
import { ensureCurrencies } from "./chart-service.ts";
import type { EntryInput, LineInput } from "./model.ts";
import { clientScope } from "./scope.ts";

/** A line as the API and files give it: the amount as decimal strings, in debit/credit columns or
 *  signed; the dimensions, contact and memo as on any ledger line. */
export interface DecimalLineInput extends Pick<
  LineInput,
  "contactId" | "classId" | "departmentId" | "locationId" | "projectId" | "memo"
> {
  accountId: string;
  amount?: string | undefined;
  debit?: string | undefined;
  credit?: string | undefined;
  currency?: string | undefined;
}

export interface DecimalEntryInput extends Pick<EntryInput, "date" | "reference" | "comment"> {
  description?: string | undefined;
  lines: DecimalLineInput[];
}

export async function toEntryInput(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  input: DecimalEntryInput,
): Promise<EntryInput> {
  const s = await clientScope(ctx.db, actor, clientRef, "ledger.post");
  const currencies = input.lines.map((l) => l.currency ?? s.homeCurrency);
  const scales = await ensureCurrencies(ctx.db, s, currencies);
  const lines: LineInput[] = input.lines.map((l, i) => {
    const field = `lines[${i}]`;
    const currency = currencies[i]!;
    const scale = scales.get(currency)!;
    const given = [l.amount, l.debit, l.credit].filter((v) => v !== undefined && v !== "").length;
    if (given !== 1) {
      throw validationError(
        "ledger/amount-required",
        `line ${i + 1}: give exactly one of amount, debit or credit`,
        { field: `${field}.amount` },
      );
    }
    let amount: bigint;
    if (l.amount !== undefined && l.amount !== "") amount = parseDecimal(l.amount, scale, `${field}.amount`);
    else if (l.debit !== undefined && l.debit !== "")
      amount = positive(parseDecimal(l.debit, scale, `${field}.debit`), `${field}.debit`);
    else amount = -positive(parseDecimal(l.credit!, scale, `${field}.credit`), `${field}.credit`);
    return {
      accountId: l.accountId,
      amount,
      currency,
      contactId: l.contactId ?? null,
      classId: l.classId ?? null,
      departmentId: l.departmentId ?? null,
      locationId: l.locationId ?? null,
      projectId: l.projectId ?? null,
      memo: l.memo ?? null,
    };
  });
  return {
    date: input.date,
    description: input.description ?? "",
    reference: input.reference ?? null,
    comment: input.comment ?? null,
    lines,
  };
}

function positive(amount: bigint, field: string): bigint {
  if (amount < 0n)
    throw validationError("ledger/negative-column", "debit and credit amounts are written without a sign", {
      field,
    });
  return amount;
}
