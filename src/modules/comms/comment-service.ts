// Use cases of comments: read an object's thread, write, edit and delete one's own comment (every
// text kept as a version), and read a comment's history. The object is read through its module
// (the resolver) as the caller first: no right to read it, no right to its comments.
import type { Actor } from "../../platform/actor.ts";
import { inTransaction } from "../../platform/db.ts";
import { AppError, conflict, forbidden, notFound, ruleViolation } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { recordAudit } from "../../platform/audit.ts";
import * as access from "../access/index.ts";
import type { CommsCtx, ObjectInfo } from "./comms-ctx.ts";
import { firmPeople, mentionable, type Audience } from "./audience.ts";
import { commentView, versionView, type CommentView, type VersionView } from "./comment-view.ts";
import { resolveMentions } from "./mentions.ts";
import { tellPeople } from "./notices.ts";
import {
  checkBody,
  handleOf,
  parseObjectRef,
  MAX_ATTACHMENTS,
  type ObjectRef,
  type Visibility,
} from "./model.ts";
import * as store from "./store.ts";

interface Scope {
  firmId: string;
  clientId: string;
  clientSlug: string;
}

const isPartner = (actor: Actor) => access.sideOf(actor.role) === "partner";
const visibleTo = (actor: Actor): Visibility[] => (isPartner(actor) ? ["firm", "client"] : ["client"]);

async function scopeOf(cctx: CommsCtx, actor: Actor, client: string): Promise<Scope> {
  return access.clientScopeFor(cctx.db, actor, client, "client.read");
}

/** The object as the actor reads it (its module's 403/404 when it may not), in this client. */
async function objectFor(cctx: CommsCtx, actor: Actor, s: Scope, ref: ObjectRef): Promise<ObjectInfo> {
  const info = await cctx.objects[ref.kind](actor, s.clientId, ref.id);
  if (info.clientId !== s.clientId) throw notFound("comms/object-not-found", `no ${ref.kind} ${ref.id} here`);
  return info;
}

async function names(cctx: CommsCtx, firmId: string): Promise<Map<string, string>> {
  return new Map((await firmPeople(cctx.db, firmId)).map((p) => [p.id, p.name]));
}

export async function listComments(
  cctx: CommsCtx,
  actor: Actor,
  client: string,
  object: string,
): Promise<CommentView[]> {
  const s = await scopeOf(cctx, actor, client);
  const ref = parseObjectRef(object);
  await objectFor(cctx, actor, s, ref);
  const rows = await store.thread(cctx.db, s, ref, visibleTo(actor));
  const known = await names(cctx, s.firmId);
  return rows.map((r) => commentView(r, actor.id, known));
}

export interface CommentInput {
  object: string;
  body: string;
  visibility: Visibility;
  /** People picked from the list (user ids), besides the @handles in the text. */
  mentions?: readonly string[] | undefined;
  /** Documents of the same client. */
  attachments?: readonly string[] | undefined;
}

export interface Written {
  comment: CommentView;
  /** Mentions that notified nobody, and why (the author reads them). */
  warnings: string[];
}

function checkVisibility(actor: Actor, visibility: Visibility): void {
  if (visibility === "firm" && !isPartner(actor))
    throw forbidden("comms/firm-only-for-firm", "a client user's comments are visible to the client", {
      field: "visibility",
    });
}

async function checkAttachments(
  cctx: CommsCtx,
  actor: Actor,
  s: Scope,
  ids: readonly string[],
): Promise<string[]> {
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
  if (unique.length > MAX_ATTACHMENTS)
    throw ruleViolation("comms/too-many-attachments", `attach at most ${MAX_ATTACHMENTS} documents`, {
      field: "attachments",
    });
  for (const [i, id] of unique.entries()) {
    try {
      await objectFor(cctx, actor, s, { kind: "document", id });
    } catch (error) {
      if (error instanceof AppError && (error.status === 403 || error.status === 404))
        throw ruleViolation("comms/unknown-attachment", `no document ${id} of this client`, {
          field: `attachments[${i}]`,
        });
      throw error;
    }
  }
  return unique;
}

export async function createComment(
  cctx: CommsCtx,
  actor: Actor,
  client: string,
  input: CommentInput,
): Promise<Written> {
  const s = await scopeOf(cctx, actor, client);
  const ref = parseObjectRef(input.object);
  const body = checkBody(input.body);
  checkVisibility(actor, input.visibility);
  const info = await objectFor(cctx, actor, s, ref);
  const attachments = await checkAttachments(cctx, actor, s, input.attachments ?? []);
  const audience: Audience = { firmId: s.firmId, clientId: s.clientId, ref, visibility: input.visibility };
  const mentions = await resolveMentions(cctx, audience, {
    body,
    mentions: input.mentions ?? [],
    authorId: actor.id,
  });
  const participants = await store.threadAuthors(cctx.db, s, ref);
  const now = cctx.clock.now();
  const row: store.CommentRow = {
    id: newId(),
    firm_id: s.firmId,
    client_id: s.clientId,
    object_kind: ref.kind,
    object_id: ref.id,
    author_id: actor.id,
    author_name: actor.displayName.slice(0, 200),
    visibility: input.visibility,
    body,
    mentions: mentions.readers,
    attachments,
    version: 1,
    created_at: now,
    edited_at: null,
    deleted_at: null,
  };
  await inTransaction(cctx.db, async (tx) => {
    await store.insertComment(tx, row);
    await store.insertVersion(tx, versionRow(row, "created", actor, now));
    await recordAudit(tx, actor, {
      action: "comms.comment.created",
      clientId: s.clientId,
      subjectType: ref.kind,
      subjectId: ref.id,
      after: { id: row.id, visibility: row.visibility, mentions: row.mentions, attachments },
    });
  });
  await tellPeople(cctx, {
    audience,
    info,
    authorId: actor.id,
    authorName: actor.displayName,
    body,
    mentioned: mentions.readers,
    participants,
  });
  return { comment: commentView(row, actor.id, await names(cctx, s.firmId)), warnings: mentions.warnings };
}

function versionRow(
  row: store.CommentRow,
  action: store.VersionRow["action"],
  actor: Actor,
  at: Date,
): store.VersionRow {
  return {
    comment_id: row.id,
    firm_id: row.firm_id,
    client_id: row.client_id,
    version: row.version,
    action,
    body: row.body,
    visibility: row.visibility,
    attachments: row.attachments,
    by_user: actor.id,
    by_name: actor.displayName.slice(0, 200),
    at,
  };
}

/** A comment the actor may read (404 otherwise, as if it did not exist), and its object's info. */
async function readable(
  cctx: CommsCtx,
  actor: Actor,
  s: Scope,
  id: string,
): Promise<{ row: store.CommentRow; info: ObjectInfo }> {
  const row = await store.commentById(cctx.db, s, id);
  if (!row || !visibleTo(actor).includes(row.visibility))
    throw notFound("comms/comment-not-found", `no comment ${id}`);
  const info = await objectFor(cctx, actor, s, { kind: row.object_kind, id: row.object_id });
  return { row, info };
}

async function ownLive(cctx: CommsCtx, actor: Actor, s: Scope, id: string) {
  const found = await readable(cctx, actor, s, id);
  if (found.row.author_id !== actor.id)
    throw forbidden("comms/not-your-comment", "only its author may change or delete a comment");
  if (found.row.deleted_at) throw conflict("comms/comment-deleted", "this comment was deleted");
  return found;
}

export interface CommentChange {
  body?: string | undefined;
  visibility?: Visibility | undefined;
  mentions?: readonly string[] | undefined;
  attachments?: readonly string[] | undefined;
}

/** Edits one's own comment: a new version; people newly mentioned are told. */
export async function editComment(
  cctx: CommsCtx,
  actor: Actor,
  client: string,
  id: string,
  change: CommentChange,
): Promise<Written> {
  const s = await scopeOf(cctx, actor, client);
  const { row, info } = await ownLive(cctx, actor, s, id);
  const body = change.body === undefined ? row.body : checkBody(change.body);
  const visibility = change.visibility ?? row.visibility;
  checkVisibility(actor, visibility);
  const attachments =
    change.attachments === undefined
      ? row.attachments
      : await checkAttachments(cctx, actor, s, change.attachments);
  const ref = { kind: row.object_kind, id: row.object_id };
  const audience: Audience = { firmId: s.firmId, clientId: s.clientId, ref, visibility };
  const mentions = await resolveMentions(cctx, audience, {
    body,
    mentions: change.mentions ?? [],
    authorId: actor.id,
  });
  const now = cctx.clock.now();
  const next: store.CommentRow = {
    ...row,
    body,
    visibility,
    attachments,
    mentions: mentions.readers,
    version: row.version + 1,
    edited_at: now,
  };
  await inTransaction(cctx.db, async (tx) => {
    await store.updateComment(tx, s, id, {
      body,
      visibility,
      attachments,
      mentions: next.mentions,
      version: next.version,
      edited_at: now,
    });
    await store.insertVersion(tx, versionRow(next, "edited", actor, now));
    await recordAudit(tx, actor, {
      action: "comms.comment.edited",
      clientId: s.clientId,
      subjectType: row.object_kind,
      subjectId: row.object_id,
      before: { id, version: row.version, visibility: row.visibility },
      after: { id, version: next.version, visibility },
    });
  });
  const fresh = mentions.readers.filter((u) => !row.mentions.includes(u));
  if (fresh.length > 0)
    await tellPeople(cctx, {
      audience,
      info: { ...info, owners: [], watchers: [] },
      authorId: actor.id,
      authorName: actor.displayName,
      body,
      mentioned: fresh,
      participants: [],
    });
  return { comment: commentView(next, actor.id, await names(cctx, s.firmId)), warnings: mentions.warnings };
}

/** Deletes one's own comment: it stays in the thread as deleted, its texts in its history. */
export async function deleteComment(cctx: CommsCtx, actor: Actor, client: string, id: string): Promise<void> {
  const s = await scopeOf(cctx, actor, client);
  const { row } = await ownLive(cctx, actor, s, id);
  const now = cctx.clock.now();
  const next = { ...row, version: row.version + 1, deleted_at: now };
  await inTransaction(cctx.db, async (tx) => {
    await store.updateComment(tx, s, id, { version: next.version, deleted_at: now });
    await store.insertVersion(tx, versionRow(next, "deleted", actor, now));
    await recordAudit(tx, actor, {
      action: "comms.comment.deleted",
      clientId: s.clientId,
      subjectType: row.object_kind,
      subjectId: row.object_id,
      before: { id, version: row.version },
    });
  });
}

/**
 * Every version of a comment, oldest first. The firm's people and the author read it; a deleted
 * comment's words stay out of other client users' sight, as they were meant to be withdrawn.
 */
export async function commentHistory(
  cctx: CommsCtx,
  actor: Actor,
  client: string,
  id: string,
): Promise<VersionView[]> {
  const s = await scopeOf(cctx, actor, client);
  const { row } = await readable(cctx, actor, s, id);
  if (!isPartner(actor) && row.author_id !== actor.id && row.deleted_at)
    throw forbidden("comms/history-withdrawn", "the author deleted this comment");
  return (await store.versionsOf(cctx.db, s, id)).map(versionView);
}

/** The people who may be mentioned in a comment of this visibility on this client (autocomplete). */
export async function mentionPeople(
  cctx: CommsCtx,
  actor: Actor,
  client: string,
  visibility: Visibility,
): Promise<Array<{ id: string; name: string; handle: string }>> {
  const s = await scopeOf(cctx, actor, client);
  checkVisibility(actor, visibility);
  return (await mentionable(cctx.db, s.firmId, s.clientId, visibility)).map((p) => ({
    id: p.id,
    name: p.name,
    handle: handleOf(p.email),
  }));
}
