// The monthly packages of a client: asking for one (a new version of its month, queued as a job),
// listing the versions, one version's status and progress, and downloading its PDF or XLSX.
// Asking is the firm's (reports.package); reading and downloading is everyone who reads the books.
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction } from "../../platform/db.ts";
import { conflict, notFound } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import * as access from "../access/index.ts";
import { packageFileName } from "./package-model.ts";
import {
  applyPackageSettings,
  packageMonth,
  type PackageSettings,
  type PackageSettingsPatch,
} from "./package-settings-model.ts";
import { packageSettingsFor } from "./package-settings-service.ts";
import * as store from "./package-store.ts";
import type { Unfinished } from "./package-model.ts";

export const PACKAGE_JOB = "reports.package";

/** What the job is given: the package row to fill. */
export interface PackageJob {
  firmId: string;
  clientId: string;
  packageId: string;
}

export type PackageStatus = "queued" | "running" | "done" | "failed";

export interface PackageView {
  id: string;
  client: string;
  /** "2026-03" */
  month: string;
  version: number;
  status: PackageStatus;
  /** 0–100 */
  progress: number;
  stage: string | null;
  error: string | null;
  options: PackageSettings;
  requestedBy: string;
  requestedAt: string;
  finishedAt: string | null;
  /** The ledger version the statements were computed from (a decimal string), once done. */
  ledgerVersion: string | null;
  unfinished: Unfinished | null;
  files: { pdf: { size: number; filename: string } | null; xlsx: { size: number; filename: string } | null };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function packageView(slug: string, r: store.PackageRow): PackageView {
  const month = r.month.slice(0, 7);
  const file = (size: number | null, ext: "pdf" | "xlsx") =>
    size === null ? null : { size, filename: packageFileName(slug, month, r.version, ext) };
  return {
    id: r.id,
    client: slug,
    month,
    version: r.version,
    status: r.status,
    progress: r.progress,
    stage: r.stage,
    error: r.error,
    options: r.options as PackageSettings,
    requestedBy: r.requested_by_name,
    requestedAt: r.requested_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
    ledgerVersion: r.ledger_version === null ? null : String(r.ledger_version),
    unfinished: (r.warnings as Unfinished | null) ?? null,
    files: { pdf: file(r.pdf_size, "pdf"), xlsx: file(r.xlsx_size, "xlsx") },
  };
}

export interface PackageRequest extends PackageSettingsPatch {
  month: string;
}

/**
 * Asks for a new version of a month's package, with the client's settings and the request's
 * options over them. `queue: false` leaves the job to the caller (the CLI runs it at once).
 */
export async function requestPackage(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  input: PackageRequest,
  options: { queue: boolean } = { queue: true },
): Promise<PackageView> {
  const { month, ...patch } = input;
  const m = packageMonth(month);
  const { view, job } = await inTransaction(ctx.db, async (tx) => {
    const s = await access.clientScopeFor(tx, actor, clientRef, "reports.package");
    const settings = applyPackageSettings(await packageSettingsFor(tx, s), patch);
    const id = newId();
    const version = await store.nextVersion(tx, s, m.from);
    await store.insertPackage(tx, s, {
      id,
      month: m.from,
      version,
      options: settings,
      requested_by: actor.id,
      requested_by_name: actor.displayName,
    });
    await recordAudit(tx, actor, {
      action: "reports.package.requested",
      clientId: s.clientId,
      subjectType: "report_package",
      subjectId: id,
      after: { month: m.month, version, options: settings },
    });
    const job: PackageJob = { firmId: s.firmId, clientId: s.clientId, packageId: id };
    return { view: packageView(s.clientSlug, (await store.packageById(tx, s, id))!), job };
  });
  // Queued once the row is committed: pg-boss queues on a connection of its own, and a worker
  // that started before the commit would find no package to make.
  if (options.queue) {
    try {
      await ctx.jobs.send(PACKAGE_JOB, job);
    } catch (error) {
      const s = { firmId: job.firmId, clientId: job.clientId };
      await store.failPackage(
        ctx.db,
        s,
        job.packageId,
        `could not be queued: ${String(error)}`,
        ctx.clock.now(),
      );
      throw error;
    }
  }
  return view;
}

export async function listPackages(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  filter: { month?: string | undefined } = {},
): Promise<PackageView[]> {
  const s = await access.clientScopeFor(ctx.db, actor, clientRef, "ledger.read");
  const month = filter.month === undefined ? undefined : packageMonth(filter.month).from;
  return (await store.listPackages(ctx.db, s, month)).map((r) => packageView(s.clientSlug, r));
}

const missing = (id: string) =>
  notFound("reports/package-not-found", `no report package ${id}`, { field: "id" });

export async function getPackage(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  id: string,
): Promise<PackageView> {
  const s = await access.clientScopeFor(ctx.db, actor, clientRef, "ledger.read");
  const row = UUID.test(id) ? await store.packageById(ctx.db, s, id) : undefined;
  if (!row) throw missing(id);
  return packageView(s.clientSlug, row);
}

export const PACKAGE_CONTENT_TYPES = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

export async function packageDownload(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  id: string,
  which: "pdf" | "xlsx",
): Promise<{ bytes: Buffer; contentType: string; filename: string }> {
  const s = await access.clientScopeFor(ctx.db, actor, clientRef, "ledger.read");
  const row = UUID.test(id) ? await store.packageById(ctx.db, s, id) : undefined;
  if (!row) throw missing(id);
  if (row.status !== "done")
    throw conflict(
      "reports/package-not-ready",
      row.status === "failed"
        ? `this package failed (${row.error ?? "unknown error"}): generate it again`
        : `this package is still being made (${row.progress}%): try again when its status is done`,
    );
  const bytes = await store.packageFile(ctx.db, s, id, which);
  if (!bytes) throw missing(id);
  return {
    bytes: Buffer.from(bytes),
    contentType: PACKAGE_CONTENT_TYPES[which],
    filename: packageFileName(s.clientSlug, row.month.slice(0, 7), row.version, which),
  };
}
