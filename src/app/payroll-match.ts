// The Transaction Manager asks, for each import's new bank lines, whether an entry made elsewhere
// already books them; JE Automation answers for payroll (a posted payroll entry's net pay). Wired
// here because the transactions module does not know journals (modules meet in the app).
import * as journals from "../modules/journals/index.ts";
import type { ExistingEntryMatcher } from "../modules/transactions/index.ts";

export const payrollEntryMatcher: ExistingEntryMatcher = (ctx, actor, scope, lines) =>
  journals.matchPayrollNetPay(ctx, actor, scope, lines);
