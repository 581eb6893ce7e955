// The service catalogue, pure: what a service is (a template of recurring tasks, close checklist
// items, the information the client must send and the cut-off rule for it), the check that refuses
// a service that makes no sense (naming the field), and the plan of a client's month — the
// checklist and the required information its switched-on services give, one statement per account.
import { validationError } from "../../platform/errors.ts";

export const SERVICE_TIERS = ["basic", "advanced"] as const;
export type ServiceTier = (typeof SERVICE_TIERS)[number];

export const INFO_KINDS = [
  "bank_statement",
  "card_statement",
  "payroll_register",
  "loan_statement",
  "sales_report",
  "other",
] as const;
export type InfoKind = (typeof INFO_KINDS)[number];

/** Kinds asked once per bank account of the matching kind (a statement per account and month). */
export const PER_ACCOUNT: Partial<Record<InfoKind, "bank" | "credit_card">> = {
  bank_statement: "bank",
  card_statement: "credit_card",
};

export interface ServiceTask {
  title: string;
  description: string;
  /** Due on this day (1–28) of the month after the month worked. */
  dueDay: number;
  checklist: string[];
}

export interface RequiredInfo {
  kind: InfoKind;
  /** What the client reads ("Payroll register"); for a statement, the account's name is added. */
  name: string;
}

export interface CutOff {
  /** The information is due by this day (1–28) of the month after. */
  day: number;
  rule: string;
}

export interface ServiceDefinition {
  /** Stable per firm ("bank_reconciliation"): the client scope and the month's rows name it. */
  code: string;
  name: string;
  tier: ServiceTier;
  description: string;
  tasks: ServiceTask[];
  checklist: string[];
  requiredInfo: RequiredInfo[];
  cutOff: CutOff;
}

export const LIMITS = { tasks: 30, checklist: 50, requiredInfo: 30, name: 200, text: 2000 } as const;

const bad = (field: string, detail: string) => validationError("services/invalid-service", detail, { field });

function text(value: unknown, field: string, max: number, required = true): string {
  if (typeof value !== "string") throw bad(field, `${field} must be text`);
  const t = value.trim();
  if (required && !t) throw bad(field, `${field} must not be empty`);
  if (t.length > max) throw bad(field, `${field} has more than ${max} characters`);
  return t;
}

function day(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 28)
    throw bad(field, `${field} must be a day of the month from 1 to 28 (every month has it)`);
  return value;
}

function list<T>(value: unknown, field: string, max: number, each: (v: unknown, f: string) => T): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw bad(field, `${field} must be a list`);
  if (value.length > max) throw bad(field, `${field} has more than ${max} entries`);
  return value.map((v, i) => each(v, `${field}[${i}]`));
}

function unique(values: string[], field: string, what: string): void {
  const seen = new Set<string>();
  values.forEach((v, i) => {
    const k = v.toLowerCase();
    if (seen.has(k)) throw bad(`${field}[${i}]`, `the ${what} "${v}" is listed twice`);
    seen.add(k);
  });
}

/** Checks a service; returns it trimmed, or throws `services/invalid-service` naming the field. */
export function checkService(input: ServiceDefinition): ServiceDefinition {
  const code = text(input.code, "code", 60);
  if (!/^[a-z][a-z0-9_]*$/.test(code))
    throw bad("code", "code is lower-case letters, digits and underscores, starting with a letter");
  if (!SERVICE_TIERS.includes(input.tier))
    throw bad("tier", `tier must be one of ${SERVICE_TIERS.join(", ")}`);
  const tasks = list(input.tasks, "tasks", LIMITS.tasks, (v, f) => {
    const t = (v ?? {}) as Partial<ServiceTask>;
    return {
      title: text(t.title, `${f}.title`, LIMITS.name),
      description: text(t.description ?? "", `${f}.description`, LIMITS.text, false),
      dueDay: day(t.dueDay, `${f}.dueDay`),
      checklist: list(t.checklist, `${f}.checklist`, LIMITS.checklist, (c, g) => text(c, g, LIMITS.name)),
    };
  });
  const checklist = list(input.checklist, "checklist", LIMITS.checklist, (c, f) => text(c, f, LIMITS.name));
  unique(checklist, "checklist", "checklist item");
  const requiredInfo = list(input.requiredInfo, "requiredInfo", LIMITS.requiredInfo, (v, f) => {
    const r = (v ?? {}) as Partial<RequiredInfo>;
    if (!INFO_KINDS.includes(r.kind as InfoKind))
      throw bad(`${f}.kind`, `${f}.kind must be one of ${INFO_KINDS.join(", ")}`);
    return { kind: r.kind as InfoKind, name: text(r.name, `${f}.name`, LIMITS.name) };
  });
  unique(
    requiredInfo.map((r) => `${r.kind}:${r.name}`),
    "requiredInfo",
    "required information",
  );
  const cut = (input.cutOff ?? {}) as Partial<CutOff>;
  return {
    code,
    name: text(input.name, "name", LIMITS.name),
    tier: input.tier,
    description: text(input.description ?? "", "description", LIMITS.text, false),
    tasks,
    checklist,
    requiredInfo,
    cutOff: {
      day: day(cut.day, "cutOff.day"),
      rule: text(cut.rule ?? "", "cutOff.rule", LIMITS.text, false),
    },
  };
}

/** A key from text: lower case, runs of anything else as one dash ("Bank & card" → "bank-card"). */
export function slugOfText(value: string): string {
  return (
    value
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 80) || "item"
  );
}

export interface AccountRef {
  id: string;
  name: string;
  kind: "bank" | "credit_card";
}

export interface PlannedChecklistItem {
  /** Stable within the month: the service's code and the item's text. */
  key: string;
  service: string;
  serviceName: string;
  text: string;
}

export interface PlannedInfoItem {
  /** One per thing to receive: a statement per account, else per kind and name (shared by services). */
  key: string;
  kind: InfoKind;
  name: string;
  accountId: string | null;
  /** The services that need it. */
  services: string[];
}

export interface MonthPlan {
  checklist: PlannedChecklistItem[];
  requiredInfo: PlannedInfoItem[];
  /** The earliest cut-off day of the services on (the information is due by then). */
  cutOffDay: number | null;
}

/** The checklist and required information a client's month gets from the services switched on. */
export function planMonth(
  services: readonly ServiceDefinition[],
  accounts: readonly AccountRef[],
): MonthPlan {
  const checklist: PlannedChecklistItem[] = [];
  const info = new Map<string, PlannedInfoItem>();
  let cutOffDay: number | null = null;
  for (const s of services) {
    for (const t of s.checklist) {
      // Two texts may read alike once slugged ("A-b", "A b"): the second gets its position.
      let key = `${s.code}:${slugOfText(t)}`;
      if (checklist.some((c) => c.key === key)) key = `${key}-${checklist.length}`;
      checklist.push({ key, service: s.code, serviceName: s.name, text: t });
    }
    for (const r of s.requiredInfo) {
      const accountKind = PER_ACCOUNT[r.kind];
      const wanted = accountKind
        ? accounts
            .filter((a) => a.kind === accountKind)
            .map((a) => ({ key: `${r.kind}:${a.id}`, name: `${r.name}: ${a.name}`, accountId: a.id }))
        : [{ key: `${r.kind}:${slugOfText(r.name)}`, name: r.name, accountId: null }];
      for (const w of wanted) {
        const cur = info.get(w.key);
        if (cur) {
          if (!cur.services.includes(s.code)) cur.services.push(s.code);
        } else info.set(w.key, { ...w, kind: r.kind, services: [s.code] });
      }
    }
    if (s.requiredInfo.length && (cutOffDay === null || s.cutOff.day < cutOffDay)) cutOffDay = s.cutOff.day;
  }
  return { checklist, requiredInfo: [...info.values()], cutOffDay };
}

/** Whether a service with scope from `from` ("YYYY-MM") and, if ended, through `until` covers `month`. */
export function coversMonth(scope: { from: string; until: string | null }, month: string): boolean {
  return scope.from <= month && (scope.until === null || month <= scope.until);
}

/** The day every required item of a month is in: the latest arrival, or null while any is missing. */
export function completeOn(
  planned: readonly PlannedInfoItem[],
  received: ReadonlyMap<string, string | null>,
): string | null {
  if (!planned.length) return null;
  let last = "";
  for (const p of planned) {
    const on = received.get(p.key);
    if (!on) return null;
    if (on > last) last = on;
  }
  return last;
}
