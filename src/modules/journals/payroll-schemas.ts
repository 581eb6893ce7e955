// The payroll API's shapes: a provider's column mapping (header → role, accounts by what they
// take), a register file sent as text or base64, the entries a file gives (preview) and the
// payroll entries with their state. Amounts go out as decimals in the client's currency.
import { z } from "zod";
import { clientParam, date } from "../../platform/route-schemas.ts";
import { PAYROLL_ROLES } from "./payroll-model.ts";

const accountId = z.string().min(1).max(100);
export const provider = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'a provider key such as "gusto", "adp" or "paychex"');
export const providerParam = clientParam.extend({ provider });
export const payrollEntryParam = clientParam.extend({ id: z.uuid() });
export const payrollMonthQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
});
export const reverseIn = z.object({ date: date.optional() });

const role = z.enum(PAYROLL_ROLES);
const header = z.string().trim().min(1).max(200);
export const mappingIn = z.object({
  columns: z
    .record(header, role)
    .refine((c) => Object.keys(c).length <= 100, "at most 100 columns")
    .describe("column header as in the file → role; several columns may share a role (they are added up)"),
  accounts: z.object({
    wages: accountId,
    employerTaxes: accountId.optional(),
    benefits: accountId.optional(),
    reimbursements: accountId.optional(),
    liabilities: accountId.describe("withholdings and employer taxes owed"),
    benefitsPayable: accountId.optional().describe("benefits owed; the liabilities account when left out"),
    bank: accountId.describe("the bank account the net pay leaves from"),
  }),
  departmentAccounts: z
    .record(z.string().trim().min(1).max(200), accountId)
    .optional()
    .describe("a department's wages to its own expense account, by department name as in the file"),
});

export const mappingOut = z.object({
  provider: z.string(),
  columns: z.record(z.string(), z.string()),
  accounts: z.record(z.string(), z.string()),
  departmentAccounts: z.record(z.string(), z.string()),
  updatedAt: z.string(),
});
export const presetOut = z.object({
  provider: z.string(),
  label: z.string(),
  columns: z.record(z.string(), z.string()),
  accountNumbers: z.record(z.string(), z.string()),
});

// One of text or base64 (the service refuses neither, journals/payroll-no-file, after the access check).
export const registerIn = z.object({
  provider,
  fileName: z.string().trim().min(1).max(300),
  text: z.string().max(5_000_000).optional().describe("a CSV register as text"),
  base64: z
    .string()
    .max(7_000_000)
    .optional()
    .describe("the file's bytes (XLSX or CSV) in base64; wins over text"),
});

const amounts = z.object({
  gross: z.string(),
  employerTaxes: z.string(),
  withholdings: z.string(),
  benefits: z.string(),
  reimbursements: z.string(),
  net: z.string(),
});
export const previewOut = z.object({
  provider: z.string(),
  duplicates: z.array(z.string()).describe("pay dates already imported from this provider"),
  entries: z.array(
    z.object({
      payDate: z.string(),
      employees: z.number(),
      totals: amounts,
      lines: z.array(
        z.object({
          accountId: z.string(),
          accountName: z.string(),
          amount: z.string().describe("signed: debit positive"),
          memo: z.string(),
          department: z.string().nullable(),
        }),
      ),
    }),
  ),
});

export const payrollEntryOut = z.object({
  id: z.string(),
  provider: z.string(),
  payDate: z.string(),
  state: z.enum(["draft", "approved", "posted", "reversed"]),
  entryId: z.string(),
  reversalEntryId: z.string().nullable(),
  netPay: z.string(),
  grossWages: z.string(),
  employees: z.number(),
  fileName: z.string(),
  matchedTransactionId: z.string().nullable().describe("the bank line's transaction that paid the net pay"),
});
export const payrollEntriesOut = z.object({ items: z.array(payrollEntryOut) });
