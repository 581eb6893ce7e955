// The outbox: a copy of every outgoing message kept in the database while no mail server is
// configured (the embedded default), so a new firm can try invitations and e-mail codes with none.
import type { Executor } from "../db.ts";
import { newId } from "../ids.ts";
import type { EmailMessage, SmsMessage } from "./types.ts";

export interface OutboxMessage {
  id: string;
  firmId: string | null;
  channel: "email" | "sms";
  to: string;
  subject: string;
  text: string;
  kind: string;
  createdAt: Date;
}

export async function keepEmail(ex: Executor, message: EmailMessage): Promise<void> {
  await ex
    .insertInto("outbox_messages")
    .values({
      id: newId(),
      firm_id: message.firmId,
      channel: "email",
      recipient: message.to.toLowerCase(),
      subject: message.subject,
      body: message.text,
      kind: message.kind,
    })
    .execute();
}

export async function keepSms(ex: Executor, message: SmsMessage): Promise<void> {
  await ex
    .insertInto("outbox_messages")
    .values({
      id: newId(),
      firm_id: message.firmId,
      channel: "sms",
      recipient: message.to,
      subject: "",
      body: message.body,
      kind: message.kind,
    })
    .execute();
}

const toMessage = (r: {
  id: string;
  firm_id: string | null;
  channel: string;
  recipient: string;
  subject: string;
  body: string;
  kind: string;
  created_at: Date;
}): OutboxMessage => ({
  id: r.id,
  firmId: r.firm_id,
  channel: r.channel === "sms" ? "sms" : "email",
  to: r.recipient,
  subject: r.subject,
  text: r.body,
  kind: r.kind,
  createdAt: r.created_at,
});

/** The newest messages of a firm. */
export async function firmOutbox(ex: Executor, firmId: string, limit: number): Promise<OutboxMessage[]> {
  const rows = await ex
    .selectFrom("outbox_messages")
    .selectAll()
    .where("firm_id", "=", firmId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map(toMessage);
}

/** The newest messages sent to these addresses or numbers since `since`. */
export async function outboxFor(
  ex: Executor,
  recipients: readonly string[],
  since: Date,
  limit = 20,
): Promise<OutboxMessage[]> {
  if (recipients.length === 0) return [];
  const rows = await ex
    .selectFrom("outbox_messages")
    .selectAll()
    .where(
      "recipient",
      "in",
      recipients.map((r) => r.toLowerCase()),
    )
    .where("created_at", ">=", since)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map(toMessage);
}
