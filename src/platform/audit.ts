// The audit trail: one event per change, written with the same executor (so in the same
// transaction) as the change it describes. If the change rolls back, so does its event. Read back
// per subject for the histories the modules show (modules do not query audit_events themselves,
// except the Activity Hub, whose feed is the whole trail read newest first: activity-store.ts).
import type { Actor, ActorType } from "./actor.ts";
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

/**
 * Who did it, for the few events whose doer is not an Actor: a caller not (yet) known to be anyone
 * (a failed sign-in), or one acting for a firm it has no actor in.
 */
export interface AuditSource {
  firmId: string | null;
  type: ActorType | "anonymous";
  id: string | null;
}

export async function recordAudit(ex: Executor, actor: Actor, event: AuditEvent): Promise<void> {
  await recordAuditFrom(ex, { firmId: actor.firmId, type: actor.type, id: actor.id }, event);
}

/** recordAudit for an event whose doer is not an Actor (see AuditSource). */
export async function recordAuditFrom(ex: Executor, source: AuditSource, event: AuditEvent): Promise<void> {
  await ex
    .insertInto("audit_events")
    .values({
      firm_id: source.firmId,
      client_id: event.clientId ?? null,
      actor_type: source.type,
      actor_id: source.id,
      action: event.action,
      subject_type: event.subjectType ?? null,
      subject_id: event.subjectId ?? null,
      before: event.before === undefined ? null : toJson(event.before),
      after: event.after === undefined ? null : toJson(event.after),
    })
    .execute();
}

/** One recorded change of a subject, as its history shows it. */
export interface AuditRecord {
  action: string;
  actorId: string | null;
  occurredAt: Date;
  after: unknown;
}

/** The changes recorded for one subject of a client (a transaction, an entry…), oldest first. */
export async function auditTrail(
  ex: Executor,
  subject: { firmId: string; clientId: string; subjectType: string; subjectId: string },
): Promise<AuditRecord[]> {
  const rows = await ex
    .selectFrom("audit_events")
    .select(["action", "actor_id", "occurred_at", "after"])
    .where("firm_id", "=", subject.firmId)
    .where("client_id", "=", subject.clientId)
    .where("subject_type", "=", subject.subjectType)
    .where("subject_id", "=", subject.subjectId)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    action: r.action,
    actorId: r.actor_id,
    occurredAt: r.occurred_at,
    after: r.after,
  }));
}
