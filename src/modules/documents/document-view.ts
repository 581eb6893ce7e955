// The shape a document is told in: its latest version's size and kind, its versions, its trash dates.
import { FILE_KINDS, type FileKind } from "./content-type-model.ts";
import { purgeAfter } from "./trash-model.ts";
import type { DocumentRow, VersionRow } from "./tables.ts";

export interface VersionView {
  id: string;
  version: number;
  fileName: string;
  size: number;
  sha256: string;
  kind: string;
  contentType: string;
  createdBy: string;
  createdAt: Date;
}

export interface DocumentView {
  id: string;
  folderId: string;
  name: string;
  /** The statement month (YYYY-MM) when the document is a bank statement. */
  period: string | null;
  kind: string;
  contentType: string;
  preview: boolean;
  size: number;
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  deletedBy: string | null;
  purgeAfter: Date | null;
  versions?: VersionView[];
}

export function kindOfType(contentType: string): FileKind {
  return Object.values(FILE_KINDS).find((k) => k.contentType === contentType) ?? FILE_KINDS.text;
}

export function versionView(v: VersionRow): VersionView {
  return {
    id: v.id,
    version: v.version,
    fileName: v.file_name,
    size: Number(v.size),
    sha256: v.sha256,
    kind: kindOfType(v.content_type).kind,
    contentType: v.content_type,
    createdBy: v.created_by,
    createdAt: v.created_at,
  };
}

/** `versions` newest first; the first is the document's current content. */
export function documentView(
  d: DocumentRow,
  versions: readonly VersionRow[],
  withVersions = false,
): DocumentView {
  const latest = versions[0];
  const kind = kindOfType(latest?.content_type ?? "");
  return {
    id: d.id,
    folderId: d.folder_id,
    name: d.name,
    period: d.period ? String(d.period).slice(0, 7) : null,
    kind: kind.kind,
    contentType: latest?.content_type ?? kind.contentType,
    preview: kind.preview,
    size: Number(latest?.size ?? 0),
    version: latest?.version ?? 0,
    createdBy: d.created_by,
    createdAt: d.created_at,
    updatedAt: d.updated_at,
    deletedAt: d.deleted_at,
    deletedBy: d.deleted_by,
    purgeAfter: d.deleted_at ? purgeAfter(d.deleted_at) : null,
    ...(withVersions ? { versions: versions.map(versionView) } : {}),
  };
}
