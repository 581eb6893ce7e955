// Documents attached to transactions (a receipt, a bill): the Transaction Manager shows a paperclip
// on each transaction that has one. The link is kept here; the documents themselves are the
// documents module's. Attaching and detaching are audited on the transaction.
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction, type Executor } from "../../platform/db.ts";
import { notFound } from "../../platform/errors.ts";
import { newId, UUID } from "../../platform/ids.ts";
import { withTables } from "../../platform/tables.ts";
import type { Generated } from "kysely";
import { clientScope } from "./scope.ts";
import * as store from "./store.ts";
import type { Scope } from "./scope.ts";

export type AttachmentSource = "receipt" | "person";

interface TransactionAttachmentsTable {
  id: string;
  firm_id: string;
  client_id: string;
  transaction_id: string;
  document_id: string;
  source: AttachmentSource;
  attached_by: string;
  attached_at: Generated<Date>;
}

const q = (ex: Executor) => withTables<{ transaction_attachments: TransactionAttachmentsTable }>(ex);

export interface AttachmentView {
  documentId: string;
  source: AttachmentSource;
  attachedBy: string;
  attachedAt: Date;
}

/** The attachments of these transactions, oldest first for each. */
export async function attachmentsOf(
  ex: Executor,
  s: Scope,
  transactionIds: readonly string[],
): Promise<Map<string, AttachmentView[]>> {
  const out = new Map<string, AttachmentView[]>();
  if (transactionIds.length === 0) return out;
  const rows = await q(ex)
    .selectFrom("transaction_attachments")
    .select(["transaction_id", "document_id", "source", "attached_by", "attached_at"])
    .where("client_id", "=", s.clientId)
    .where("transaction_id", "in", [...transactionIds])
    .orderBy("attached_at")
    .execute();
  for (const r of rows)
    out.set(r.transaction_id, [
      ...(out.get(r.transaction_id) ?? []),
      { documentId: r.document_id, source: r.source, attachedBy: r.attached_by, attachedAt: r.attached_at },
    ]);
  return out;
}

async function requireTransaction(ex: Executor, s: Scope, id: string) {
  const [row] = UUID.test(id) ? await store.transactionsByIds(ex, s, [id]) : [];
  if (!row)
    throw notFound("transactions/not-found", `no transaction ${id.slice(0, 80)}`, { field: "transactionId" });
  return row;
}

/**
 * Attaches a document of the client to one of its transactions (nothing happens if it already is),
 * in the caller's transaction when `ex` is given. Whoever reviews the client's transactions may.
 */
export async function attachDocument(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  input: { transactionId: string; documentId: string; source: AttachmentSource },
  ex?: Executor,
): Promise<void> {
  const s = await clientScope(ex ?? ctx.db, actor, clientRef, "review");
  const work = async (tx: Executor) => {
    await requireTransaction(tx, s, input.transactionId);
    const added = await q(tx)
      .insertInto("transaction_attachments")
      .values({
        id: newId(),
        firm_id: s.firmId,
        client_id: s.clientId,
        transaction_id: input.transactionId,
        document_id: input.documentId,
        source: input.source,
        attached_by: actor.id,
      })
      .onConflict((oc) => oc.columns(["transaction_id", "document_id"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!added) return;
    await recordAudit(tx, actor, {
      action: "transactions.attachment.added",
      clientId: s.clientId,
      subjectType: "transaction",
      subjectId: input.transactionId,
      after: { documentId: input.documentId, source: input.source },
    });
  };
  if (ex) await work(ex);
  else await inTransaction(ctx.db, work);
}

/** Takes a document off a transaction (a wrong match undone); nothing happens if it was not on it. */
export async function detachDocument(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  input: { transactionId: string; documentId: string },
  ex?: Executor,
): Promise<void> {
  const s = await clientScope(ex ?? ctx.db, actor, clientRef, "review");
  const work = async (tx: Executor) => {
    const gone = await q(tx)
      .deleteFrom("transaction_attachments")
      .where("client_id", "=", s.clientId)
      .where("transaction_id", "=", input.transactionId)
      .where("document_id", "=", input.documentId)
      .returning("id")
      .executeTakeFirst();
    if (!gone) return;
    await recordAudit(tx, actor, {
      action: "transactions.attachment.removed",
      clientId: s.clientId,
      subjectType: "transaction",
      subjectId: input.transactionId,
      before: { documentId: input.documentId },
    });
  };
  if (ex) await work(ex);
  else await inTransaction(ctx.db, work);
}
