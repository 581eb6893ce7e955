// The reports module's public face: the financial statements (profit and loss, balance sheet, cash
// flows) in the home currency at cost, their JSON and CSV renderings, the report settings and routes.
export { balanceSheetReport, cashFlowReport, profitAndLoss } from "./report-service.ts";
export type { Report } from "./report-service.ts";
export { BASES, COMPARISONS, DIMENSIONS } from "./report-query.ts";
export type { BalanceQuery, Basis, Comparison, Dimension, PeriodQuery } from "./report-query.ts";
export {
  balanceSheetCsv,
  balanceSheetJson,
  cashFlowCsv,
  cashFlowJson,
  profitLossCsv,
  profitLossJson,
} from "./report-format.ts";
export type { BalanceSheetJson, CashFlowJson, ProfitLossJson, SectionJson } from "./report-format.ts";
export { exportStatement, EXPORT_FORMATS } from "./export-service.ts";
export type { ExportFile, ExportFormat, StatementExport } from "./export-service.ts";
export { getReportSettings, updateReportSettings } from "./settings-service.ts";
export type { SettingsView } from "./settings-service.ts";
export type { ReportsTables } from "./tables.ts";
export { reportRoutes } from "./routes.ts";
export { packageRoutes } from "./package-routes.ts";
export { getPackage, listPackages, packageDownload, requestPackage, PACKAGE_JOB } from "./package-service.ts";
export type { PackageJob, PackageRequest, PackageView } from "./package-service.ts";
export { runPackageJob } from "./package-job.ts";
export type { PackageSources, ReviewBacklog } from "./package-job.ts";
export { getPackageSettings, updatePackageSettings } from "./package-settings-service.ts";
export type { PackageSettingsView } from "./package-settings-service.ts";
export { PACKAGE_STATEMENTS, packageMonth } from "./package-settings-model.ts";
export { latestPackagesByMonth } from "./close-figures.ts";
