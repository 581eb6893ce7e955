// Tasks, pure: the four types, statuses and priorities, what counts as open, and the derived
// "overdue" and "upcoming" (relative to today: UTC, until firms carry a time zone).
import { addDays } from "../../platform/dates.ts";

export const TASK_TYPES = [
  "document_upload_request",
  "bank_connection_request",
  "credential_request",
  "custom",
] as const;
export type TaskType = (typeof TASK_TYPES)[number];

export const TASK_STATUSES = ["to_do", "in_progress", "done", "rejected"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const OPEN_STATUSES: readonly TaskStatus[] = ["to_do", "in_progress"];

export const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export type Priority = (typeof PRIORITIES)[number];

/** How far ahead a due date makes an open task "upcoming". */
export const UPCOMING_DAYS = 7;

export type DueState = "overdue" | "upcoming" | null;

export function isOpen(status: TaskStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/**
 * An open task due before today is overdue; one due today or within UPCOMING_DAYS is upcoming.
 * A closed task (done, rejected) or one with no due date is neither.
 */
export function dueState(task: { status: TaskStatus; dueDate: string | null }, today: string): DueState {
  if (!isOpen(task.status) || !task.dueDate) return null;
  if (task.dueDate < today) return "overdue";
  if (task.dueDate <= addDays(today, UPCOMING_DAYS)) return "upcoming";
  return null;
}

/** The due-date range a due filter asks for, as dates the database compares (inclusive). */
export function dueRangeOf(due: "overdue" | "upcoming", today: string): { from?: string; to: string } {
  return due === "overdue" ? { to: addDays(today, -1) } : { from: today, to: addDays(today, UPCOMING_DAYS) };
}

/** Who a task waits on: a person (of the firm or of the client), the client as a whole, or nobody yet. */
export type Assignee = { kind: "user"; userId: string } | { kind: "client" } | { kind: "none" };

/**
 * What a client-side user may change on a task it sees: it answers (moves the status, ticks the
 * checklist, attaches documents) but does not rewrite, reassign or reschedule the firm's request.
 */
export const CLIENT_EDITABLE = ["status"] as const;

/** The reference each request type carries, checked against the type. */
export interface TaskRefs {
  /** document_upload_request: the folder the upload lands in (the documents module's path or id). */
  folder?: string | null;
  /** bank_connection_request: banking's connection (Smart Connect request) id. */
  connectionId?: string | null;
  /** credential_request: what is asked for (until the vault answers it). */
  credential?: { site: string; url?: string | null; note?: string | null } | null;
}

/** Which references a type may carry: a reference on the wrong type is refused with its field. */
export function misplacedRef(type: TaskType, refs: TaskRefs): keyof TaskRefs | null {
  if (refs.folder != null && type !== "document_upload_request") return "folder";
  if (refs.connectionId != null && type !== "bank_connection_request") return "connectionId";
  if (refs.credential != null && type !== "credential_request") return "credential";
  return null;
}
