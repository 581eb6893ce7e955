// SQL for comments and their versions. Every query names the firm and client; versions are only
// ever inserted (the history is append-only, a trigger refuses updates).
import { sql, type Selectable } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { withTables } from "../../platform/tables.ts";
import { arrayLiteral } from "../../platform/sql-arrays.ts";
import type { ObjectRef, Visibility } from "./model.ts";
import type { CommsTables, CommentsTable, CommentVersionsTable } from "./tables.ts";

export type CommentRow = Selectable<CommentsTable>;
export type VersionRow = Selectable<CommentVersionsTable>;

interface Scope {
  firmId: string;
  clientId: string;
}

const q = (ex: Executor) => withTables<CommsTables>(ex);

// Both drivers serialize a JavaScript array differently; an array literal reads the same on each.
const ids = (values: readonly string[]) => sql<string[]>`${arrayLiteral(values)}::text[]`;

/** The thread of an object, oldest first; `visibilities` limits what a client user reads. */
export async function thread(
  ex: Executor,
  s: Scope,
  ref: ObjectRef,
  visibilities: readonly Visibility[],
): Promise<CommentRow[]> {
  return q(ex)
    .selectFrom("comments")
    .selectAll()
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("object_kind", "=", ref.kind)
    .where("object_id", "=", ref.id)
    .where("visibility", "in", [...visibilities])
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

/** The people who wrote in the thread (they follow it). */
export async function threadAuthors(ex: Executor, s: Scope, ref: ObjectRef): Promise<string[]> {
  const rows = await q(ex)
    .selectFrom("comments")
    .select("author_id")
    .distinct()
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("object_kind", "=", ref.kind)
    .where("object_id", "=", ref.id)
    .where("deleted_at", "is", null)
    .execute();
  return rows.map((r) => r.author_id);
}

export async function commentById(ex: Executor, s: Scope, id: string): Promise<CommentRow | undefined> {
  return q(ex)
    .selectFrom("comments")
    .selectAll()
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function insertComment(ex: Executor, row: CommentRow): Promise<void> {
  await q(ex)
    .insertInto("comments")
    .values({ ...row, mentions: ids(row.mentions), attachments: ids(row.attachments) })
    .execute();
}

export async function updateComment(
  ex: Executor,
  s: Scope,
  id: string,
  change: Partial<
    Pick<
      CommentRow,
      "body" | "visibility" | "mentions" | "attachments" | "version" | "edited_at" | "deleted_at"
    >
  >,
): Promise<void> {
  const { mentions, attachments, ...rest } = change;
  await q(ex)
    .updateTable("comments")
    .set({
      ...rest,
      ...(mentions ? { mentions: ids(mentions) } : {}),
      ...(attachments ? { attachments: ids(attachments) } : {}),
    })
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .execute();
}

export async function insertVersion(ex: Executor, row: VersionRow): Promise<void> {
  await q(ex)
    .insertInto("comment_versions")
    .values({ ...row, attachments: ids(row.attachments) })
    .execute();
}

export async function versionsOf(ex: Executor, s: Scope, id: string): Promise<VersionRow[]> {
  return q(ex)
    .selectFrom("comment_versions")
    .selectAll()
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("comment_id", "=", id)
    .orderBy("version")
    .execute();
}
