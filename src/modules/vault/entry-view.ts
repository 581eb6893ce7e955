// What an entry looks like to its callers: everything but the password and the notes (which only a
// reveal gives), with its username opened. Audit events carry the same view, never a secret.
import { openField } from "./crypto-model.ts";
import { unreadable } from "./keyring-service.ts";
import type { EntryRow } from "./store.ts";

export interface EntryView {
  id: string;
  site: string;
  url: string | null;
  username: string;
  nickname: string;
  tags: string[];
  requestTaskId: string | null;
  createdBy: string;
  createdByName: string;
  createdAt: string;
  updatedBy: string;
  updatedByName: string;
  updatedAt: string;
}

export function entryView(row: EntryRow, dataKey: Buffer): EntryView {
  let username: string;
  try {
    username = openField(dataKey, row.id, "username", row.username_sealed);
  } catch (error) {
    return unreadable(error);
  }
  return {
    id: row.id,
    site: row.site,
    url: row.url,
    username,
    nickname: row.nickname,
    tags: row.tags,
    requestTaskId: row.request_task_id,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    createdAt: row.created_at.toISOString(),
    updatedBy: row.updated_by,
    updatedByName: row.updated_by_name,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The audit trail's view of an entry: what identifies it, never its username, password or notes. */
export function auditView(row: Pick<EntryRow, "id" | "site" | "url" | "nickname" | "tags">) {
  return { id: row.id, site: row.site, url: row.url, nickname: row.nickname, tags: row.tags };
}
