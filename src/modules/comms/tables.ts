// Row types of the comment tables (migration 0043_comms.sql).
import type { Visibility, ObjectKind } from "./model.ts";

export interface CommentsTable {
  id: string;
  firm_id: string;
  client_id: string;
  object_kind: ObjectKind;
  object_id: string;
  author_id: string;
  author_name: string;
  visibility: Visibility;
  body: string;
  mentions: string[];
  attachments: string[];
  version: number;
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
}

export interface CommentVersionsTable {
  comment_id: string;
  firm_id: string;
  client_id: string;
  version: number;
  action: "created" | "edited" | "deleted";
  body: string;
  visibility: Visibility;
  attachments: string[];
  by_user: string;
  by_name: string;
  at: Date;
}

export interface CommsTables {
  comments: CommentsTable;
  comment_versions: CommentVersionsTable;
}
