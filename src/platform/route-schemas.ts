// The request and reply pieces every module's routes share, so that a client slug, a date or an
// error reply is described the same way across the whole OpenAPI document: path parameters, the
// query-string and body scalars, and the application/problem+json reply (problemOf in errors.ts).
import { z } from "zod";
import { isCalendarDay } from "./dates.ts";
import { TEXT_LIMITS } from "./text-limits.ts";

export const clientParam = z.object({
  client: z.string().min(1).max(TEXT_LIMITS.name).describe("client slug or id"),
});
export const idParam = clientParam.extend({ id: z.uuid() });
export const accountParam = clientParam.extend({
  account: z.string().min(1).max(TEXT_LIMITS.name).describe("bank account id or short name"),
});

/** A calendar day, YYYY-MM-DD, that exists (2023-02-30 does not; the database would fail on it). */
export const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD")
  .refine(isCalendarDay, "not a day of the calendar (expected YYYY-MM-DD)");
/** A query-string flag: "true"/"false" (z.coerce.boolean would read "false" as true). */
export const flag = z.enum(["true", "false"]).transform((v) => v === "true");
export const decimal = z
  .string()
  .max(40)
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
