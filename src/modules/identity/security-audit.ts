// Security events in the audit trail: sign-ins, failures, lockouts and 2FA changes, including
// those of callers not (yet) known to be anyone, which the actor-based recordAudit cannot name:
// recordAuditFrom takes the doer as firm, type and id.
// Never records a password, code or token: only what happened, to whom, from where.
import type { Executor } from "../../platform/db.ts";
import { recordAuditFrom } from "../../platform/audit.ts";
import type { RequestMeta } from "./identity-ctx.ts";

export interface SecurityEvent {
  action: string;
  firmId: string | null;
  /** The user concerned (also the actor, unless `by` says otherwise). */
  userId: string | null;
  by?: { type: "user" | "token" | "system"; id: string } | undefined;
  meta?: RequestMeta | undefined;
  detail?: Record<string, unknown> | undefined;
}

export async function securityEvent(ex: Executor, e: SecurityEvent): Promise<void> {
  await recordAuditFrom(
    ex,
    {
      firmId: e.firmId,
      type: e.by?.type ?? (e.userId ? "user" : "anonymous"),
      id: e.by?.id ?? e.userId ?? null,
    },
    {
      action: e.action,
      subjectType: "user",
      subjectId: e.userId ?? undefined,
      after: { ...e.detail, ...(e.meta ? { ip: e.meta.ip, userAgent: e.meta.userAgent } : {}) },
    },
  );
}
