// A comment as the API shows it: a deleted comment keeps its place in the thread, without its text.
import type { CommentRow, VersionRow } from "./store.ts";
import { formatObjectRef, type Visibility } from "./model.ts";

export interface CommentView {
  id: string;
  object: string;
  author: { id: string; name: string };
  visibility: Visibility;
  body: string;
  mentions: Array<{ id: string; name: string }>;
  attachments: string[];
  version: number;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  /** The reader wrote it (may edit and delete it). */
  mine: boolean;
}

export interface VersionView {
  version: number;
  action: "created" | "edited" | "deleted";
  body: string;
  visibility: Visibility;
  attachments: string[];
  by: { id: string; name: string };
  at: string;
}

export function commentView(
  row: CommentRow,
  readerId: string,
  names: ReadonlyMap<string, string>,
): CommentView {
  const deleted = row.deleted_at !== null;
  return {
    id: row.id,
    object: formatObjectRef({ kind: row.object_kind, id: row.object_id }),
    author: { id: row.author_id, name: row.author_name },
    visibility: row.visibility,
    body: deleted ? "" : row.body,
    mentions: deleted ? [] : row.mentions.map((id) => ({ id, name: names.get(id) ?? "someone" })),
    attachments: deleted ? [] : row.attachments,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    deleted,
    mine: row.author_id === readerId,
  };
}

export function versionView(v: VersionRow): VersionView {
  return {
    version: v.version,
    action: v.action,
    body: v.body,
    visibility: v.visibility,
    attachments: v.attachments,
    by: { id: v.by_user, name: v.by_name },
    at: v.at.toISOString(),
  };
}
