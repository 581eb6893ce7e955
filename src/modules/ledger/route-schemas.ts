// What every ledger route file shares: the URL base, the path and query-string pieces, the
// problem+json error replies, and the register line that both an account's register and the
// general ledger report return.
import { z } from "zod";

export const base = "/api/clients/:client";
export const tags = (t: string) => ({ tags: [t] });

export const clientParam = z.object({ client: z.string().min(1).describe("client slug or id") });
export const idParam = clientParam.extend({ id: z.uuid() });
// Query-string flags: "true"/"false" (z.coerce.boolean would read "false" as true).
export const flag = z.enum(["true", "false"]).transform((v) => v === "true");
export const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
export const decimal = z
  .string()
  .regex(/^[+-]?(\d+(\.\d*)?|\.\d+)$/, "expected a decimal number such as 12.50");
export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string(),
    field: z.string().optional(),
  })
  .loose();
export const errors = { 400: problem, 404: problem, 409: problem, 422: problem };

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
