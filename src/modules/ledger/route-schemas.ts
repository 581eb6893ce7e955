// What every ledger route file shares: the URL base, the path and query-string pieces, the
// problem+json error replies, the register line that both an account's register and the general
// ledger report return, and named schemas the portal's typed client imports (web/src/api/ledger.ts):
// the general ledger report and the account bodies.
import { TEXT_LIMITS } from "../../platform/text-limits.ts";
import { z } from "zod";
import { clientParam, date, decimal, errors, flag, idParam } from "../../platform/route-schemas.ts";
import { ACCOUNT_TYPES } from "./model.ts";

export { clientParam, date, decimal, errors, flag, idParam };

export const base = "/api/clients/:client";
export const tags = (t: string) => ({ tags: [t] });

export const ledgerLine = z.object({
  entryId: z.string(),
  entryNumber: z.string(),
  date: z.string(),
  description: z.string(),
  reference: z.string().nullable(),
  memo: z.string().nullable(),
  contact: z.string().nullable(),
  amount: z.string(),
  balance: z.string(),
});

/** The general ledger report: each account's opening, movements, closing and register lines. */
export const generalLedger = z.object({
  client: z.string(),
  from: z.string(),
  to: z.string(),
  accounts: z.array(
    z.object({
      accountId: z.string(),
      account: z.string(),
      number: z.string().nullable(),
      currency: z.string(),
      opening: z.string(),
      debits: z.string(),
      credits: z.string(),
      closing: z.string(),
      lines: z.array(ledgerLine),
    }),
  ),
});

/** The body of POST /accounts. */
export const accountIn = z.object({
  number: z.string().max(20).nullable().optional(),
  name: z.string().max(TEXT_LIMITS.name),
  type: z.enum(ACCOUNT_TYPES),
  detailType: z.string().max(TEXT_LIMITS.name).optional(),
  parentId: z.uuid().nullable().optional(),
  description: z.string().max(1000).nullable().optional(),
});

/** The body of PATCH /accounts/:id. */
export const accountPatch = z.object({
  name: z.string().max(TEXT_LIMITS.name).optional(),
  number: z.string().max(20).nullable().optional(),
  detailType: z.string().max(TEXT_LIMITS.name).optional(),
  description: z.string().max(1000).nullable().optional(),
  isActive: z.boolean().optional(),
});
