// Credential requests: the firm asks a client for a login through a work task of type
// "credential_request" (the task holds what is asked: site, address, a note), and the client's
// answer goes straight into the vault — the entry is written and the task marked done in one
// transaction, and the login never passes through the task, its history, a comment or a
// notification (the task only ever carries the request).
import type { Actor } from "../../platform/actor.ts";
import { inTransaction } from "../../platform/db.ts";
import { conflict, notFound } from "../../platform/errors.ts";
import * as access from "../access/index.ts";
import * as work from "../work/index.ts";
import type { Assignee, TaskView } from "../work/index.ts";
import { insertEntry } from "./entry-service.ts";
import type { EntryView } from "./entry-view.ts";
import { checkSite, checkUrl } from "./model.ts";
import { VAULT_PERMISSIONS, answerScope, isFirmSide, vaultScope } from "./scope.ts";
import * as store from "./store.ts";
import type { VaultCtx } from "./vault-ctx.ts";
import { recipientsOf, tellRecipients } from "./recipients.ts";

export interface RequestInput {
  site: string;
  url?: string | null | undefined;
  note?: string | null | undefined;
  assignee?: Assignee | undefined;
  dueDate?: string | null | undefined;
}

export interface RequestView {
  taskId: string;
  site: string;
  url: string | null;
  note: string | null;
  status: TaskView["status"];
  dueDate: string | null;
  assignee: Assignee;
  requestedBy: string;
  requestedAt: string;
}

export interface AnswerInput {
  username: string;
  password: string;
  url?: string | null | undefined;
  nickname?: string | undefined;
  notes?: string | undefined;
  tags?: string[] | undefined;
}

function requestView(t: TaskView): RequestView {
  return {
    taskId: t.id,
    site: t.credential?.site ?? t.title,
    url: t.credential?.url ?? null,
    note: t.credential?.note ?? null,
    status: t.status,
    dueDate: t.dueDate,
    assignee: t.assignee,
    requestedBy: t.createdByName,
    requestedAt: t.createdAt,
  };
}

/**
 * Asks the client for a login: a credential request task for one of the client's users or the
 * client as a whole (the default), who are told of it.
 */
export async function requestCredentials(
  vctx: VaultCtx,
  actor: Actor,
  clientRef: string,
  input: RequestInput,
): Promise<RequestView> {
  const s = await vaultScope(vctx.db, actor, clientRef, "request");
  const site = checkSite(input.site);
  const url = checkUrl(input.url);
  const note = input.note?.trim() || null;
  const assignee = input.assignee ?? { kind: "client" };
  const recipients = await recipientsOf(vctx.db, s, assignee);
  const task = await work.createTask(vctx, actor, {
    client: s.clientId,
    type: "credential_request",
    title: `Share the login for ${site}`.slice(0, 200),
    description: note ?? "",
    credential: { site, url, note },
    assignee,
    dueDate: input.dueDate ?? null,
  });
  await tellRecipients(vctx, s, recipients, { site, by: actor.displayName });
  return requestView(task);
}

/** The open credential requests of a client the actor sees (a client user: those sent to them). */
export async function listRequests(vctx: VaultCtx, actor: Actor, clientRef: string): Promise<RequestView[]> {
  const s = await answerScope(vctx.db, actor, clientRef);
  const page = await work.listTasks(vctx, actor, {
    client: s.clientId,
    type: ["credential_request"],
    assignee: "any",
    status: [...work.OPEN_STATUSES],
    pageSize: 200,
  });
  return page.tasks.map(requestView);
}

const requestNotFound = () =>
  notFound("vault/request-not-found", "no such credential request for this client", { field: "id" });

/** The client's answer: the login goes into the vault and the request is done, together. */
export async function answerRequest(
  vctx: VaultCtx,
  actor: Actor,
  clientRef: string,
  taskId: string,
  input: AnswerInput,
): Promise<EntryView> {
  return inTransaction(vctx.db, async (tx) => {
    const s = await answerScope(tx, actor, clientRef);
    if (isFirmSide(actor)) access.requirePermission(actor, VAULT_PERMISSIONS.edit);
    const inTx = { ...vctx, db: tx };
    const task = await work.getTask(inTx, actor, taskId).catch((error: unknown) => {
      if ((error as { code?: string }).code === "work/task-not-found") throw requestNotFound();
      throw error;
    });
    if (task.client.id !== s.clientId || task.type !== "credential_request" || !task.credential)
      throw requestNotFound();
    if (!work.isOpen(task.status) || (await store.entryForRequest(tx, s, taskId)))
      throw conflict("vault/request-closed", "this credential request is already answered or closed");
    const entry = await insertEntry(
      tx,
      vctx,
      actor,
      s,
      {
        site: task.credential.site,
        url: input.url === undefined ? (task.credential.url ?? null) : input.url,
        username: input.username,
        password: input.password,
        nickname: input.nickname,
        notes: input.notes,
        tags: input.tags,
      },
      taskId,
    );
    await work.updateTask(inTx, actor, taskId, { status: "done" });
    return entry;
  });
}
