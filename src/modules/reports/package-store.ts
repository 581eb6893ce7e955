// SQL for the monthly package's tables: each client's package settings, and the generated
// packages — a row per version, its progress while the job runs, its files once done.
import { sql, type Selectable } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { toJson } from "../../platform/json.ts";
import type { ReportPackagesTable } from "./tables.ts";
import { q, type Scope } from "./store.ts";

export async function packageSettingsOf(ex: Executor, s: Scope) {
  return q(ex)
    .selectFrom("report_package_settings")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where("firm_id", "=", s.firmId)
    .executeTakeFirst();
}

export async function savePackageSettings(
  ex: Executor,
  s: Scope,
  values: {
    statements: string[];
    trailing_twelve: boolean;
    prior_year: boolean;
    rounding: boolean;
    notes: string;
    updated_by: string;
  },
): Promise<void> {
  await q(ex)
    .insertInto("report_package_settings")
    .values({ client_id: s.clientId, firm_id: s.firmId, ...values })
    .onConflict((oc) => oc.column("client_id").doUpdateSet({ ...values, updated_at: new Date() }))
    .execute();
}

/** The package's row without its files (lists and status). */
export type PackageRow = Omit<Selectable<ReportPackagesTable>, "pdf" | "xlsx"> & {
  pdf_size: number | null;
  xlsx_size: number | null;
};

const META = [
  "id",
  "firm_id",
  "client_id",
  "month",
  "version",
  "status",
  "progress",
  "stage",
  "error",
  "options",
  "requested_by",
  "requested_by_name",
  "requested_at",
  "finished_at",
  "ledger_version",
  "warnings",
] as const;

/**
 * The next version number of a client's month. Two requests at once would pick the same number:
 * a transaction-scoped advisory lock on the client and month makes them take turns.
 */
export async function nextVersion(ex: Executor, s: Scope, month: string): Promise<number> {
  await sql`select pg_advisory_xact_lock(hashtext(${`report_package:${s.clientId}:${month}`}))`.execute(ex);
  const row = await q(ex)
    .selectFrom("report_packages")
    .select((eb) => eb.fn.max("version").as("v"))
    .where("client_id", "=", s.clientId)
    .where("firm_id", "=", s.firmId)
    .where("month", "=", month)
    .executeTakeFirst();
  return Number(row?.v ?? 0) + 1;
}

export async function insertPackage(
  ex: Executor,
  s: Scope,
  row: {
    id: string;
    month: string;
    version: number;
    options: unknown;
    requested_by: string;
    requested_by_name: string;
  },
): Promise<void> {
  await q(ex)
    .insertInto("report_packages")
    .values({
      ...row,
      firm_id: s.firmId,
      client_id: s.clientId,
      status: "queued",
      options: toJson(row.options),
    })
    .execute();
}

function metaQuery(ex: Executor, s: Scope) {
  return q(ex)
    .selectFrom("report_packages")
    .select(META)
    .select([
      sql<number | null>`octet_length(pdf)`.as("pdf_size"),
      sql<number | null>`octet_length(xlsx)`.as("xlsx_size"),
    ])
    .where("client_id", "=", s.clientId)
    .where("firm_id", "=", s.firmId);
}

export async function packageById(ex: Executor, s: Scope, id: string): Promise<PackageRow | undefined> {
  return metaQuery(ex, s).where("id", "=", id).executeTakeFirst();
}

/** A client's packages, newest first; of one month when given. */
export async function listPackages(ex: Executor, s: Scope, month?: string): Promise<PackageRow[]> {
  let query = metaQuery(ex, s);
  if (month) query = query.where("month", "=", month);
  return query.orderBy("month", "desc").orderBy("version", "desc").limit(500).execute();
}

export async function packageFile(
  ex: Executor,
  s: Scope,
  id: string,
  which: "pdf" | "xlsx",
): Promise<Uint8Array | null | undefined> {
  const row = await q(ex)
    .selectFrom("report_packages")
    .select(which)
    .where("client_id", "=", s.clientId)
    .where("firm_id", "=", s.firmId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? (row[which] as Uint8Array | null) : undefined;
}

export async function setProgress(
  ex: Executor,
  s: Scope,
  id: string,
  values: { status: "running"; progress: number; stage: string },
): Promise<void> {
  await q(ex)
    .updateTable("report_packages")
    .set(values)
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .where("status", "in", ["queued", "running"])
    .execute();
}

export async function finishPackage(
  ex: Executor,
  s: Scope,
  id: string,
  values: { pdf: Uint8Array; xlsx: Uint8Array; ledger_version: bigint; warnings: unknown; finished_at: Date },
): Promise<void> {
  await q(ex)
    .updateTable("report_packages")
    .set({
      ...values,
      warnings: toJson(values.warnings),
      status: "done",
      progress: 100,
      stage: null,
      error: null,
    })
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .execute();
}

export async function failPackage(
  ex: Executor,
  s: Scope,
  id: string,
  error: string,
  at: Date,
): Promise<void> {
  await q(ex)
    .updateTable("report_packages")
    .set({ status: "failed", error: error.slice(0, 2000), finished_at: at, stage: null })
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .execute();
}
