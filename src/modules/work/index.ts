// The work module's public face: tasks (four types, checklists, attachments, history), projects,
// project templates and their scheduled generation, the system tasks other modules ask for, and routes.
export { createTask, getTask, updateTask, deleteTask, reassignTasks, MAX_BULK } from "./task-service.ts";
export type { NewTaskInput, TaskChange } from "./task-service.ts";
export { listTasks, PAGE_SIZE } from "./task-list-service.ts";
export type { TaskQuery, TaskPage } from "./task-list-service.ts";
export {
  addChecklistItem,
  updateChecklistItem,
  removeChecklistItem,
  attachDocument,
  detachDocument,
  taskHistory,
} from "./task-item-service.ts";
export type { TaskView, TaskDetail, TaskEventView, ChecklistItemView } from "./task-view.ts";
export { createProject, getProject, listProjects } from "./project-service.ts";
export type { ProjectView } from "./project-service.ts";
export {
  createTemplate,
  updateTemplate,
  getTemplate,
  listTemplates,
  archiveTemplate,
  addTemplateClient,
  removeTemplateClient,
} from "./template-service.ts";
export type { TemplateView } from "./template-service.ts";
export { generatePeriod, generateDueWork, GENERATE_JOB } from "./generate-service.ts";
export type { Generated } from "./generate-service.ts";
export { createSystemTask, closeSystemTask, openSystemTaskKeys } from "./system-task-service.ts";
export type { SystemTaskInput } from "./system-task-service.ts";
export {
  TASK_TYPES,
  TASK_STATUSES,
  OPEN_STATUSES,
  PRIORITIES,
  UPCOMING_DAYS,
  dueState,
  isOpen,
} from "./model.ts";
export type { TaskType, TaskStatus, Priority, Assignee, DueState } from "./model.ts";
export { RECURRENCES, periodOf, periodFromKey, addBusinessDays, isBusinessDay } from "./calendar-model.ts";
export type { Recurrence, Period } from "./calendar-model.ts";
export { checkTemplate, dueDateFor, planPeriod, describeDue, DUE_KINDS } from "./template-model.ts";
export type { Blueprint, DueRule, TemplateInput } from "./template-model.ts";
export type { WorkTables } from "./tables.ts";
export { workRoutes } from "./routes.ts";
export { openProjectTasksByMonth } from "./close-figures.ts";
