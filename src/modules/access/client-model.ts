// Pure rules of a client's life: its details, the add-client wizard's progress (so it can be left
// and resumed), and termination with its retention period before the purge.
import { conflict, validationError } from "../../platform/errors.ts";
import { parseIsoDate } from "../../platform/dates.ts";

export const ACCOUNTING_SYSTEMS = ["closebook", "quickbooks_online", "xero", "other"] as const;
export const CADENCES = ["daily", "weekly", "monthly", "quarterly"] as const;
export type AccountingSystem = (typeof ACCOUNTING_SYSTEMS)[number];
export type Cadence = (typeof CADENCES)[number];

/** Data of a terminated client is kept this long, then purged (PRODUCT.md: 90 days). */
export const RETENTION_DAYS = 90;

export interface ContactPerson {
  name: string;
  email: string | null;
  phone: string | null;
}

export interface ClientDetails {
  legalName: string | null;
  dba: string | null;
  industry: string | null;
  accountingSystem: AccountingSystem | null;
  bookkeepingCadence: Cadence | null;
  closeDay: number | null;
  serviceStartDate: string | null;
  pointOfContact: ContactPerson | null;
  bankStatementContact: ContactPerson | null;
  notes: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function text(value: string | null | undefined, field: string, max: number): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed.length > max) throw validationError("access/too-long", `at most ${max} characters`, { field });
  return trimmed || null;
}

function contact(value: Partial<ContactPerson> | null | undefined, field: string): ContactPerson | null {
  if (value === null || value === undefined) return null;
  const name = text(value.name, `${field}.name`, 200);
  const email = text(value.email, `${field}.email`, 320)?.toLowerCase() ?? null;
  const phone = text(value.phone, `${field}.phone`, 50);
  if (email && !EMAIL.test(email))
    throw validationError("access/invalid-email", `"${email}" is not an e-mail address`, {
      field: `${field}.email`,
    });
  if (!name && !email && !phone) return null;
  if (!name)
    throw validationError("access/contact-needs-name", "a contact needs a name", { field: `${field}.name` });
  return { name, email, phone };
}

export interface ClientDetailsInput {
  legalName?: string | null | undefined;
  dba?: string | null | undefined;
  industry?: string | null | undefined;
  accountingSystem?: AccountingSystem | null | undefined;
  bookkeepingCadence?: Cadence | null | undefined;
  closeDay?: number | null | undefined;
  serviceStartDate?: string | null | undefined;
  pointOfContact?: Partial<ContactPerson> | null | undefined;
  bankStatementContact?: Partial<ContactPerson> | null | undefined;
  notes?: string | null | undefined;
}

/** Validates the details present in `input`; absent keys stay absent (a PATCH changes only those). */
export function checkDetails(input: ClientDetailsInput): Partial<ClientDetails> {
  const out: Partial<ClientDetails> = {};
  if (input.legalName !== undefined) out.legalName = text(input.legalName, "legalName", 200);
  if (input.dba !== undefined) out.dba = text(input.dba, "dba", 200);
  if (input.industry !== undefined) out.industry = text(input.industry, "industry", 100);
  if (input.accountingSystem !== undefined) out.accountingSystem = input.accountingSystem;
  if (input.bookkeepingCadence !== undefined) out.bookkeepingCadence = input.bookkeepingCadence;
  if (input.closeDay !== undefined) {
    if (
      input.closeDay !== null &&
      (!Number.isInteger(input.closeDay) || input.closeDay < 1 || input.closeDay > 31)
    ) {
      throw validationError("access/invalid-close-day", "the close day is a day of the month, 1 to 31", {
        field: "closeDay",
      });
    }
    out.closeDay = input.closeDay;
  }
  if (input.serviceStartDate !== undefined)
    out.serviceStartDate =
      input.serviceStartDate === null ? null : parseIsoDate(input.serviceStartDate, "serviceStartDate");
  if (input.pointOfContact !== undefined)
    out.pointOfContact = contact(input.pointOfContact, "pointOfContact");
  if (input.bankStatementContact !== undefined)
    out.bankStatementContact = contact(input.bankStatementContact, "bankStatementContact");
  if (input.notes !== undefined) out.notes = text(input.notes, "notes", 10_000);
  return out;
}

// ── the add-client wizard ───────────────────────────────────────────────────────────────────────

export const ONBOARDING_STEPS = ["details", "ledger", "banks", "automation", "ai"] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

export interface Onboarding {
  /** The step to show when the wizard is opened again ("done" when every step is complete). */
  step: OnboardingStep | "done";
  completedSteps: OnboardingStep[];
  /** What each step saved so far, by step. */
  data: Record<string, unknown>;
}

export function newOnboarding(): Onboarding {
  return { step: "details", completedSteps: [], data: {} };
}

/** Records progress on one step; the wizard resumes at the first step not yet complete. */
export function advanceOnboarding(
  state: Onboarding,
  step: OnboardingStep,
  completed: boolean,
  data: unknown,
): Onboarding {
  const done = new Set(state.completedSteps);
  if (completed) done.add(step);
  else done.delete(step);
  const completedSteps = ONBOARDING_STEPS.filter((s) => done.has(s));
  const next = completed ? ONBOARDING_STEPS.find((s) => !done.has(s)) : step;
  return {
    step: next ?? "done",
    completedSteps,
    data: data === undefined ? state.data : { ...state.data, [step]: data },
  };
}

export function parseOnboarding(value: unknown): Onboarding {
  const v = (value ?? {}) as Partial<Onboarding>;
  const steps = (Array.isArray(v.completedSteps) ? v.completedSteps : []).filter((s): s is OnboardingStep =>
    (ONBOARDING_STEPS as readonly string[]).includes(s),
  );
  const step =
    v.step === "done" || (ONBOARDING_STEPS as readonly unknown[]).includes(v.step)
      ? (v.step as Onboarding["step"])
      : "details";
  return {
    step,
    completedSteps: steps,
    data: typeof v.data === "object" && v.data !== null ? (v.data as Record<string, unknown>) : {},
  };
}

// ── termination ─────────────────────────────────────────────────────────────────────────────────

export interface TerminationState {
  status: "active" | "terminated";
  purgeAfter: Date | null;
}

export function terminate(
  state: TerminationState,
  now: Date,
  retentionDays = RETENTION_DAYS,
): { status: "terminated"; terminatedAt: Date; purgeAfter: Date } {
  if (state.status === "terminated")
    throw conflict("access/client-terminated", "this client is already terminated");
  return {
    status: "terminated",
    terminatedAt: now,
    purgeAfter: new Date(now.getTime() + retentionDays * 86_400_000),
  };
}

export function cancelTermination(state: TerminationState, now: Date): { status: "active" } {
  if (state.status !== "terminated")
    throw conflict("access/client-not-terminated", "this client is not terminated");
  if (state.purgeAfter && now >= state.purgeAfter)
    throw conflict(
      "access/client-purged",
      "the retention period is over: this client's data is being purged",
    );
  return { status: "active" };
}

/** Whether a terminated client is due for purging. */
export function duePurge(state: TerminationState, now: Date): boolean {
  return state.status === "terminated" && state.purgeAfter !== null && now >= state.purgeAfter;
}
