// The journals module's public face (JE Automation): recurring entries, schedules and the
// month-end batch; monthEndState for the Close Tracker; payroll entries and their net pay matcher.
import type { Ctx } from "../../platform/context.ts";
import { monthEndState as stateOf, schedulesNotRunByClientMonth as notRunOf } from "./batch-items.ts";

export { journalsRoutes } from "./routes.ts";
export { createSource, listSources, getSource } from "./source-service.ts";
export type { SourceInput } from "./source-service.ts";
export { generateMonth, approveMonth, postMonth, monthBatch } from "./batch-service.ts";
export type { HeldEntry, JournalsHooks } from "./batch-service.ts";
export { approveRun, postOneRun } from "./run-service.ts";
export { prepaidTable } from "./prepaid-model.ts";
export { depreciationTable } from "./depreciation-model.ts";
export { loanTable, levelPayment } from "./loan-model.ts";
export { matchPayrollNetPay } from "./payroll-match.ts";
export { PAYROLL_PRESETS } from "./payroll-presets.ts";
export {
  listMappings as listPayrollMappings,
  saveMapping as savePayrollMapping,
} from "./payroll-mapping-service.ts";
export {
  approvePayroll,
  importPayroll,
  listPayrollEntries,
  postPayroll,
  reversePayroll,
} from "./payroll-entry-service.ts";

/**
 * A client's month as the close sees it: drafts not yet posted, and recurring entries or schedule
 * entries due that month that were not generated (or are held). The scope is the client's, already
 * checked by the caller.
 */
export function monthEndState(
  ctx: Ctx,
  scope: { firmId: string; clientId: string },
  month: string,
): Promise<{ drafts: number; schedulesNotRun: number }> {
  return stateOf(ctx.db, scope, month);
}

/**
 * monthEndState's entries not run, for many clients and months at once (the Close Tracker board):
 * per client id and month, months with none left out. The firm's, under the caller's tenant scope.
 */
export function schedulesNotRunByClientMonth(
  ctx: Ctx,
  firmId: string,
  clientIds: readonly string[],
  months: readonly string[],
): Promise<Map<string, Map<string, number>>> {
  return notRunOf(ctx.db, firmId, clientIds, months);
}
