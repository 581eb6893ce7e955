// How the package page reads a generation job: whether it is still running, how far it is, and
// the order versions are listed in. The package routes are built beside this page, so status
// and progress are read leniently (a 0–1 fraction or a 0–100 percent; several words for done).
// Pure: tested in test/web/reports-package.test.ts.
import type { ReportPackage } from "../../api/reports.ts";

const DONE = new Set(["done", "ready", "completed", "complete", "succeeded", "generated"]);
const FAILED = new Set(["failed", "error", "cancelled", "canceled"]);

export type JobState = "running" | "done" | "failed";

export function jobState(status: string): JobState {
  const s = status.toLowerCase();
  return DONE.has(s) ? "done" : FAILED.has(s) ? "failed" : "running";
}

/** Percent complete, 0–100. */
export function progressPercent(p: Pick<ReportPackage, "status" | "progress">): number {
  if (jobState(p.status) === "done") return 100;
  const v = p.progress ?? 0;
  const percent = v > 0 && v < 1 ? v * 100 : v;
  return Math.max(0, Math.min(100, Math.round(percent)));
}

/** Newest month first, and within a month the newest version first. */
export function sortVersions(list: readonly ReportPackage[]): ReportPackage[] {
  return [...list].sort((a, b) => (a.month === b.month ? b.version - a.version : a.month < b.month ? 1 : -1));
}

/** Who asked for a version, and when (the routes say requested…, the first contract created…). */
export function madeBy(p: ReportPackage): string {
  return p.requestedBy ?? p.createdBy ?? "";
}
export function madeAt(p: ReportPackage): string {
  return p.requestedAt ?? p.createdAt ?? "";
}
