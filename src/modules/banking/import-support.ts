// What the import use cases share: the bank account a file goes into (found, or refused as unknown),
// the statement target it is matched as, its saved CSV layouts, and the file's digest.
import crypto from "node:crypto";
import type { Executor } from "../../platform/db.ts";
import { notFound } from "../../platform/errors.ts";
import type { CsvMapping } from "./formats/index.ts";
import type { ImportTarget } from "./import-model.ts";
import type { SavedMappings } from "./parse-file.ts";
import type { ClientScope } from "./scope.ts";
import * as store from "./store.ts";
import type { BankAccountRow } from "./store.ts";

export const sha256 = (bytes: Uint8Array) => crypto.createHash("sha256").update(bytes).digest("hex");

export const targetOf = (a: BankAccountRow): ImportTarget => ({
  name: a.name,
  currency: a.currency,
  mask: a.mask,
  accountNumber: a.account_number,
});

/** The account's own saved CSV layout, and those of the other accounts at its bank (the layout is remembered per bank). */
export async function savedMappingsOf(
  ex: Executor,
  s: ClientScope,
  account: BankAccountRow,
): Promise<SavedMappings> {
  const bank = account.institution_id
    ? await store.institutionMappings(ex, s, account.institution_id, account.id)
    : [];
  return { own: (account.csv_mapping as CsvMapping | null) ?? null, bank: bank as CsvMapping[] };
}

export async function requireAccount(
  ex: Executor,
  s: ClientScope,
  ref: string,
  options: { lock?: boolean } = {},
): Promise<BankAccountRow> {
  const account = await store.bankAccountByRef(ex, s, ref, options);
  if (!account)
    throw notFound("banking/bank-account-not-found", `no bank account "${ref}"`, { field: "bankAccount" });
  return account;
}
