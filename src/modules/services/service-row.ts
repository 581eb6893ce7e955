// A catalogue row read as a service, its view, its stored body, and the work template input its
// tasks give (monthly, each due on its day of the month after).
import { toJson } from "../../platform/json.ts";
import type * as work from "../work/index.ts";
import type { ServiceDefinition } from "./catalogue-model.ts";
import type * as store from "./store.ts";

export interface ServiceView extends ServiceDefinition {
  id: string;
  archived: boolean;
  /** The work template generating its recurring tasks (once a client has it on). */
  workTemplateId: string | null;
  updatedAt: string;
}

export function definitionOf(row: store.ServiceRow): ServiceDefinition {
  const d = row.definition as Omit<ServiceDefinition, "code" | "name" | "tier">;
  return { code: row.code, name: row.name, tier: row.tier, ...d };
}

export function viewOf(row: store.ServiceRow): ServiceView {
  return {
    id: row.id,
    ...definitionOf(row),
    archived: row.archived_at !== null,
    workTemplateId: row.work_template_id,
    updatedAt: row.updated_at.toISOString(),
  };
}

export const bodyOf = (d: ServiceDefinition) =>
  toJson({
    description: d.description,
    tasks: d.tasks,
    checklist: d.checklist,
    requiredInfo: d.requiredInfo,
    cutOff: d.cutOff,
  });

/** The work template's blueprints for a service's tasks: monthly, due on the task's day of the month after. */
export function templateInput(d: ServiceDefinition): work.TemplateInput {
  return {
    name: `Service: ${d.name}`.slice(0, 200),
    recurrence: "monthly",
    blueprints: d.tasks.map((t) => ({
      title: t.title,
      type: "custom",
      description: t.description,
      priority: "normal",
      due: { kind: "day_of_month", day: t.dueDay },
      assignee: { kind: "none" },
      checklist: t.checklist,
    })),
  };
}
