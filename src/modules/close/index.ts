// The close module's public face (the Close Tracker): the timing rules, each client's months and
// their close and reopening, the board, holidays and settings, the blocker-source interface the app
// wires, and the routes.
export {
  CADENCES,
  WEEKLY_DUE_DAYS,
  DAILY_DUE_DAY,
  INFORMATION_LEAD_BUSINESS_DAYS,
  closeTiming,
  plannedDueDate,
  cadenceFor,
  effectiveMonthOfChange,
  isMonth,
  monthsBetween,
} from "./timing-model.ts";
export type { Cadence, WeeklyDueDay, CadenceSetting, CadenceChange, CloseTiming } from "./timing-model.ts";
export { BLOCKER_KINDS, NO_BLOCKER_SOURCES } from "./blockers.ts";
export type { Blocker, BlockerKind, BlockerSource, BlockerCounts, BlockerSources } from "./blockers.ts";
export type { CloseCtx } from "./close-ctx.ts";
export { closeBoard, MAX_BOARD_MONTHS } from "./board-service.ts";
export type { Board, BoardCell, BoardRow, BoardQuery } from "./board-service.ts";
export { getMonth, updateMonth, isMonthClosed, setInformationReceived } from "./month-service.ts";
export type { MonthView, MonthChange, TimelineEvent, PackageDelivery } from "./month-service.ts";
export { deliverClosePackage, resendClosePackage } from "./delivery-service.ts";
export type { DeliveryOutcome } from "./delivery-service.ts";
export { closeMonth, reopenMonth, closeMonthLink } from "./close-service.ts";
export type { CloseInput, Closed } from "./close-service.ts";
export {
  listHolidays,
  replaceHolidays,
  getCloseSettings,
  updateCloseSettings,
  DEFAULT_SETTINGS,
} from "./settings-service.ts";
export type { Holiday, CloseSettingsView, CloseSettingsPatch } from "./settings-service.ts";
export type { CloseTables, CloseStatus, CloseMode, PackageRecipient } from "./tables.ts";
export { CLOSE_PERMISSIONS } from "./scope.ts";
export { closeRoutes } from "./routes.ts";
