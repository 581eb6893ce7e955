// Typed calls to the work API (src/modules/work): tasks (My work and its filters, one task, its
// checklist and history, status changes, bulk reassignment), projects and project templates.
import type { z } from "zod";
import { api } from "./client.ts";
import type {
  historyOut,
  taskDetailOut,
  taskIn,
  taskOut,
  taskPageOut,
  taskPatch,
} from "../../../src/modules/work/schemas.ts";

export type Task = z.infer<typeof taskOut>;
export type TaskDetail = z.infer<typeof taskDetailOut>;
export type TaskPage = z.infer<typeof taskPageOut>;
export type TaskInput = z.input<typeof taskIn>;
export type TaskChange = z.input<typeof taskPatch>;
export type TaskEvent = z.infer<typeof historyOut>["events"][number];
export type TaskStatus = Task["status"];
export type TaskType = Task["type"];

export const STATUS_LABELS: Record<TaskStatus, string> = {
  to_do: "To do",
  in_progress: "In progress",
  done: "Done",
  rejected: "Rejected",
};
export const TYPE_LABELS: Record<TaskType, string> = {
  document_upload_request: "Document request",
  bank_connection_request: "Bank connection",
  credential_request: "Credential request",
  custom: "Task",
};

export interface TaskFilter {
  assignee?: string;
  status?: string;
  client?: string;
  type?: string;
  due?: "overdue" | "upcoming";
  q?: string;
  page?: number;
  pageSize?: number;
}

export const workApi = {
  list: (f: TaskFilter) => api.get<TaskPage>("/api/tasks", { ...f }),
  get: (id: string) => api.get<TaskDetail>(`/api/tasks/${id}`),
  create: (input: TaskInput) => api.post<TaskDetail>("/api/tasks", input),
  update: (id: string, change: TaskChange) => api.patch<TaskDetail>(`/api/tasks/${id}`, change),
  history: (id: string) => api.get<{ events: TaskEvent[] }>(`/api/tasks/${id}/history`).then((r) => r.events),
  addItem: (id: string, text: string) => api.post<TaskDetail>(`/api/tasks/${id}/checklist`, { text }),
  tickItem: (id: string, item: string, done: boolean) =>
    api.patch<TaskDetail>(`/api/tasks/${id}/checklist/${item}`, { done }),
};
