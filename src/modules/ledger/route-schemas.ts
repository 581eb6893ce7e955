// What every ledger route file shares: the URL base, the path and query-string pieces, the
// problem+json error replies, and the register line that both an account's register and the
// general ledger report return.
import { z } from "zod";
import { clientParam, date, decimal, errors, flag, idParam } from "../../platform/route-schemas.ts";

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
