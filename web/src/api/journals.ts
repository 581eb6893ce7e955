// Typed calls to the JE Automation API (src/modules/journals/routes.ts): recurring entries,
// schedules with their table, the month-end batch and one generated entry at a time.
import { api } from "./client.ts";
import type { z } from "zod";
import type {
  batchOut,
  recurringIn,
  scheduleIn,
  sourceDetail,
  sourceOut,
} from "../../../src/modules/journals/schemas.ts";

export type JournalSource = z.infer<typeof sourceOut>;
export type JournalSourceDetail = z.infer<typeof sourceDetail>;
export type MonthBatch = z.infer<typeof batchOut>;
export type RecurringInput = z.input<typeof recurringIn>;
export type ScheduleInput = z.input<typeof scheduleIn>;

const base = (client: string) => `/api/clients/${encodeURIComponent(client)}/journals`;

export const journalsApi = {
  recurring: (client: string) =>
    api.get<{ items: JournalSource[] }>(`${base(client)}/recurring`).then((r) => r.items),
  schedules: (client: string) =>
    api.get<{ items: JournalSource[] }>(`${base(client)}/schedules`).then((r) => r.items),
  schedule: (client: string, id: string) => api.get<JournalSourceDetail>(`${base(client)}/schedules/${id}`),
  createRecurring: (client: string, body: RecurringInput) =>
    api.post<JournalSource>(`${base(client)}/recurring`, body),
  createSchedule: (client: string, body: ScheduleInput) =>
    api.post<JournalSource>(`${base(client)}/schedules`, body),
  batch: (client: string, month: string) => api.get<MonthBatch>(`${base(client)}/batch`, { month }),
  generate: (client: string, month: string) =>
    api.post<MonthBatch>(`${base(client)}/batch/generate`, { month }),
  approve: (client: string, month: string) =>
    api.post<MonthBatch>(`${base(client)}/batch/approve`, { month }),
  post: (client: string, month: string) => api.post<MonthBatch>(`${base(client)}/batch/post`, { month }),
  /** One generated entry: approve the draft, post it once approved, reverse it once posted. */
  runAction: (client: string, runId: string, action: "approve" | "post" | "reverse") =>
    api.post<RunState>(`${base(client)}/runs/${runId}/${action}`),
};

export interface RunState {
  id: string;
  state: string;
  entryId: string | null;
  reversalEntryId: string | null;
}
