// The request and reply pieces every module's routes share, so that a client slug, a date or an
// error reply is described the same way across the whole OpenAPI document: path parameters, the
// query-string and body scalars, and the application/problem+json reply (problemOf in errors.ts).
import { z } from "zod";

export const clientParam = z.object({ client: z.string().min(1).describe("client slug or id") });
export const idParam = clientParam.extend({ id: z.uuid() });
export const accountParam = clientParam.extend({
  account: z.string().min(1).describe("bank account id or short name"),
});

export const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
/** A query-string flag: "true"/"false" (z.coerce.boolean would read "false" as true). */
export const flag = z.enum(["true", "false"]).transform((v) => v === "true");
export const decimal = z
  .string()
  .regex(/^[+-]?(\d+(\.\d*)?|\.\d+)$/, "expected a decimal number such as 12.50");

/** RFC 9457 problem document; `code` is the stable machine-readable error code. */
export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string(),
    code: z.string().optional(),
    field: z.string().optional(),
  })
  .loose();
export const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem };
