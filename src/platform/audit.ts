// The audit trail: one event per change, written with the same executor (so in the same
// transaction) as the change it describes. If the change rolls back, so does its event.
import type { Actor } from "./actor.ts";
import type { Executor } from "./db.ts";
import { toJson } from "./json.ts";

export interface AuditEvent {
  action: string;
  clientId?: string | null;
  subjectType?: string;
  subjectId?: string;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(ex: Executor, actor: Actor, event: AuditEvent): Promise<void> {
  await ex
    .insertInto("audit_events")
    .values({
      firm_id: actor.firmId,
      client_id: event.clientId ?? null,
      actor_type: actor.type,
      actor_id: actor.id,
      action: event.action,
      subject_type: event.subjectType ?? null,
      subject_id: event.subjectId ?? null,
      before: event.before === undefined ? null : toJson(event.before),
      after: event.after === undefined ? null : toJson(event.after),
    })
    .execute();
}
