// What a task looks like to its callers (API, portal, other modules): the row with its client,
// derived due state and checklist progress, or in full with checklist, attachments and history.
import type { Client } from "../access/index.ts";
import {
  dueState,
  type Assignee,
  type DueState,
  type Priority,
  type TaskStatus,
  type TaskType,
} from "./model.ts";
import type { TaskRow } from "./task-store.ts";

export interface TaskView {
  id: string;
  client: { id: string; slug: string; name: string };
  projectId: string | null;
  type: TaskType;
  title: string;
  description: string;
  status: TaskStatus;
  priority: Priority;
  dueDate: string | null;
  dueState: DueState;
  assignee: Assignee;
  watchers: string[];
  folder: string | null;
  connectionId: string | null;
  credential: { site: string; url?: string | null; note?: string | null } | null;
  systemKey: string | null;
  checklist: { done: number; total: number };
  createdBy: string;
  createdByName: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface ChecklistItemView {
  id: string;
  text: string;
  done: boolean;
  doneBy: string | null;
  doneAt: string | null;
}

export interface TaskDetail extends TaskView {
  items: ChecklistItemView[];
  attachments: Array<{ documentId: string; addedBy: string; addedAt: string }>;
}

export interface TaskEventView {
  at: string;
  actorId: string;
  actorName: string;
  event: string;
  detail: unknown;
}

export function assigneeOf(r: Pick<TaskRow, "assignee_kind" | "assignee_user_id">): Assignee {
  if (r.assignee_kind === "user") return { kind: "user", userId: r.assignee_user_id! };
  return { kind: r.assignee_kind };
}

export function taskView(
  r: TaskRow,
  client: Pick<Client, "id" | "slug" | "name"> | undefined,
  checklist: { done: number; total: number } | undefined,
  today: string,
): TaskView {
  return {
    id: r.id,
    client: client
      ? { id: client.id, slug: client.slug, name: client.name }
      : { id: r.client_id, slug: "", name: "" },
    projectId: r.project_id,
    type: r.type,
    title: r.title,
    description: r.description,
    status: r.status,
    priority: r.priority,
    dueDate: r.due_date,
    dueState: dueState({ status: r.status, dueDate: r.due_date }, today),
    assignee: assigneeOf(r),
    watchers: r.watchers,
    folder: r.folder,
    connectionId: r.connection_id,
    credential: (r.credential as TaskView["credential"]) ?? null,
    systemKey: r.system_key,
    checklist: checklist ?? { done: 0, total: 0 },
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    closedAt: r.closed_at?.toISOString() ?? null,
  };
}
