// Typed calls to the work API (src/modules/work): tasks (My work and its filters, one task, its
// checklist and history, status changes, bulk reassignment), projects and project templates.
import type { z } from "zod";
import { api } from "./client.ts";
import type {
  bulkOut,
  historyOut,
  projectsOut,
  templateIn,
  templateOut,
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
export type Assignee = Task["assignee"];
export type Template = z.infer<typeof templateOut>;
export type TemplateInput = z.input<typeof templateIn>;
export type Blueprint = TemplateInput["blueprints"][number];
export type Project = z.infer<typeof projectsOut>["projects"][number];
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
  reassign: (ids: string[], assignee: Assignee) =>
    api.post<z.infer<typeof bulkOut>>("/api/tasks/reassign", { ids, assignee }),
  attach: (id: string, documentId: string) =>
    api.post<TaskDetail>(`/api/tasks/${id}/attachments`, { documentId }),
  detach: (id: string, documentId: string) =>
    api.del<TaskDetail>(`/api/tasks/${id}/attachments/${documentId}`),
  templates: () => api.get<{ templates: Template[] }>("/api/project-templates").then((r) => r.templates),
  createTemplate: (input: TemplateInput) => api.post<Template>("/api/project-templates", input),
  updateTemplate: (id: string, input: TemplateInput) =>
    api.put<Template>(`/api/project-templates/${id}`, input),
  archiveTemplate: (id: string) => api.del(`/api/project-templates/${id}`),
  addTemplateClient: (id: string, client: string, firstPeriod?: string) =>
    api.post<Template>(`/api/project-templates/${id}/clients`, { client, firstPeriod }),
  removeTemplateClient: (id: string, client: string) =>
    api.del<Template>(`/api/project-templates/${id}/clients/${encodeURIComponent(client)}`),
  generate: (id: string, client: string, period?: string) =>
    api.post<{ projectId: string; period: string; created: boolean; tasks: number }>(
      `/api/project-templates/${id}/generate`,
      { client, period },
    ),
};
