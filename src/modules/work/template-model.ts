// Project templates, pure: task blueprints with due dates relative to a period ("day 3 of the
// month", "2 business days before close", "last business day"), checked for sense (a refusal
// names the field), and the plan of one period's tasks.
import { validationError } from "../../platform/errors.ts";
import { addDays } from "../../platform/dates.ts";
import {
  addBusinessDays,
  businessDayOnOrBefore,
  RECURRENCES,
  type Period,
  type Recurrence,
} from "./calendar-model.ts";
import { PRIORITIES, TASK_TYPES, type Priority, type TaskType } from "./model.ts";

export const DUE_KINDS = [
  "day_of_month",
  "business_days_before_close",
  "business_days_after_close",
  "last_business_day",
] as const;
export type DueKind = (typeof DUE_KINDS)[number];

/**
 * - day_of_month: day N (1–28) of the month after the period closes ("day 3 of the month").
 * - business_days_before_close: N business days before the period's last day (0 = the close date).
 * - business_days_after_close: N business days after the period's last day.
 * - last_business_day: the period's last business day.
 */
export interface DueRule {
  kind: DueKind;
  day?: number | undefined;
  days?: number | undefined;
}

export type BlueprintAssignee = { kind: "client" } | { kind: "user"; userId: string } | { kind: "none" };

export interface Blueprint {
  title: string;
  type: TaskType;
  description: string;
  priority: Priority;
  due: DueRule;
  assignee: BlueprintAssignee;
  checklist: string[];
}

export interface TemplateInput {
  name: string;
  recurrence: Recurrence;
  blueprints: Blueprint[];
}

export const MAX_BLUEPRINTS = 100;
export const MAX_CHECKLIST = 50;
/** A day every month has: later days would silently move in short months. */
const MAX_DAY_OF_MONTH = 28;
/**
 * The most business days a rule may count: fewer than the shortest period of its recurrence has
 * (February 2021 has 20; a quarter at least 61; a year at least 260), so "N business days before
 * close" stays inside the period and "N after close" before the next close.
 */
export const MAX_BUSINESS_DAYS: Record<Recurrence, number> = { monthly: 19, quarterly: 60, yearly: 250 };

const bad = (field: string, detail: string) => validationError("work/invalid-template", detail, { field });

function checkText(value: unknown, field: string, max: number, required: boolean): string {
  if (typeof value !== "string") throw bad(field, `${field} must be text`);
  const t = value.trim();
  if (required && t.length === 0) throw bad(field, `${field} must not be empty`);
  if (t.length > max) throw bad(field, `${field} has more than ${max} characters`);
  return t;
}

function checkCount(value: unknown, field: string, min: number, max: number, what: string): number {
  if (typeof value !== "number" || !Number.isInteger(value))
    throw bad(field, `${field} must be a whole number of ${what}`);
  if (value < min || value > max)
    throw bad(field, `${field} must be between ${min} and ${max} ${what} (it is ${value})`);
  return value;
}

/** Refuses a due rule that makes no sense for the recurrence, naming the field. */
export function checkDueRule(rule: DueRule, recurrence: Recurrence, field: string): DueRule {
  switch (rule?.kind) {
    case "day_of_month": {
      const day = rule.day;
      if (typeof day === "number" && Number.isInteger(day) && day > MAX_DAY_OF_MONTH && day <= 31)
        throw bad(
          `${field}.day`,
          `not every month has a day ${day}: use a day up to ${MAX_DAY_OF_MONTH}, or "last business day"`,
        );
      return { kind: rule.kind, day: checkCount(day, `${field}.day`, 1, MAX_DAY_OF_MONTH, "days") };
    }
    case "business_days_before_close":
      return {
        kind: rule.kind,
        days: checkCount(rule.days, `${field}.days`, 0, MAX_BUSINESS_DAYS[recurrence], "business days"),
      };
    case "business_days_after_close":
      return {
        kind: rule.kind,
        days: checkCount(rule.days, `${field}.days`, 1, MAX_BUSINESS_DAYS[recurrence], "business days"),
      };
    case "last_business_day":
      return { kind: rule.kind };
    default:
      throw bad(`${field}.kind`, `${field}.kind must be one of ${DUE_KINDS.join(", ")}`);
  }
}

/** Checks a whole template; returns it trimmed and normalized, or throws naming the first bad field. */
export function checkTemplate(input: TemplateInput): TemplateInput {
  const name = checkText(input.name, "name", 200, true);
  if (!RECURRENCES.includes(input.recurrence))
    throw bad("recurrence", `recurrence must be one of ${RECURRENCES.join(", ")}`);
  if (!Array.isArray(input.blueprints) || input.blueprints.length === 0)
    throw bad("blueprints", "a template needs at least one task");
  if (input.blueprints.length > MAX_BLUEPRINTS)
    throw bad("blueprints", `a template has at most ${MAX_BLUEPRINTS} tasks`);
  const blueprints = input.blueprints.map((b, i): Blueprint => {
    const f = `blueprints[${i}]`;
    if (!TASK_TYPES.includes(b.type))
      throw bad(`${f}.type`, `${f}.type must be one of ${TASK_TYPES.join(", ")}`);
    if (!PRIORITIES.includes(b.priority))
      throw bad(`${f}.priority`, `${f}.priority must be one of ${PRIORITIES.join(", ")}`);
    if ((b.checklist ?? []).length > MAX_CHECKLIST)
      throw bad(`${f}.checklist`, `a task has at most ${MAX_CHECKLIST} checklist items`);
    return {
      title: checkText(b.title, `${f}.title`, 200, true),
      type: b.type,
      description: checkText(b.description ?? "", `${f}.description`, 10_000, false),
      priority: b.priority,
      due: checkDueRule(b.due, input.recurrence, `${f}.due`),
      assignee: b.assignee ?? { kind: "none" },
      checklist: (b.checklist ?? []).map((c, j) => checkText(c, `${f}.checklist[${j}]`, 200, true)),
    };
  });
  return { name, recurrence: input.recurrence, blueprints };
}

/** The due date a rule gives in a period (rules already checked). */
export function dueDateFor(rule: DueRule, period: Period): string {
  switch (rule.kind) {
    case "day_of_month": {
      const after = addDays(period.end, 1);
      return `${after.slice(0, 8)}${String(rule.day).padStart(2, "0")}`;
    }
    case "business_days_before_close":
      // Counted from the last business day: "0 before close" on a Saturday month end is the Friday.
      return addBusinessDays(businessDayOnOrBefore(period.end), -(rule.days ?? 0));
    case "business_days_after_close":
      return addBusinessDays(period.end, rule.days ?? 1);
    case "last_business_day":
      return businessDayOnOrBefore(period.end);
  }
}

export interface PlannedTask extends Omit<Blueprint, "due"> {
  /** The blueprint's position: with the project, what makes a generated task unique. */
  index: number;
  dueDate: string;
}

/** The tasks one period of a template gives, in blueprint order. */
export function planPeriod(template: TemplateInput, period: Period): PlannedTask[] {
  return template.blueprints.map((b, index) => {
    const { due, ...rest } = b;
    return { ...rest, index, dueDate: dueDateFor(due, period) };
  });
}

/** A human phrase for a rule ("day 3 of the month after", "2 business days before close"). */
export function describeDue(rule: DueRule): string {
  switch (rule.kind) {
    case "day_of_month":
      return `day ${rule.day} of the month after the period`;
    case "business_days_before_close":
      return rule.days === 0 ? "on the close date" : `${rule.days} business days before close`;
    case "business_days_after_close":
      return `${rule.days} business days after close`;
    case "last_business_day":
      return "last business day of the period";
  }
}
