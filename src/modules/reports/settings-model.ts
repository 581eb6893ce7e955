// A client's report settings and their defaults: the fiscal year starts in January unless set.
import { validationError } from "../../platform/errors.ts";

export interface ReportSettings {
  /** Month (1–12) on whose first day the fiscal year starts. */
  fiscalYearStart: number;
}

export const DEFAULT_SETTINGS: ReportSettings = { fiscalYearStart: 1 };

export function checkFiscalYearStart(month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12)
    throw validationError(
      "reports/invalid-fiscal-year-start",
      `the fiscal year starts on a month from 1 (January) to 12 (December), not ${month}`,
      { field: "fiscalYearStart" },
    );
  return month;
}
