// The comms module's resolver table: for each kind of object people comment on, how to read it as
// an actor through its own module (its read rules, its 403/404), what it is called, where the portal
// shows it and whose it is. Wired here so comms names none of the modules it comments on.
import type { Ctx } from "../platform/context.ts";
import { formatMinor } from "../platform/money.ts";
import * as documents from "../modules/documents/index.ts";
import * as ledger from "../modules/ledger/index.ts";
import * as reconcile from "../modules/reconcile/index.ts";
import * as transactions from "../modules/transactions/index.ts";
import * as work from "../modules/work/index.ts";
import type { CommsCtx, ObjectResolver } from "../modules/comms/index.ts";
import type { NotifyCtx } from "../modules/notifications/index.ts";
import * as access from "../modules/access/index.ts";
import type { ObjectKind } from "../modules/comms/index.ts";

/** Where a comment's notification leads: the commented object's page, its comments open where it has them. */
export const commentedObjectLinks: Record<ObjectKind, (clientSlug: string, id: string) => string> = {
  task: (c, id) => `/c/${c}/work?task=${id}`,
  document: (c, id) => `/c/${c}/documents?document=${id}`,
  transaction: (c, id) => `/c/${c}/transactions?transaction=${id}`,
  journal_entry: (c, id) => `/c/${c}/ledger/entries/${id}?comments=open`,
  // The portal's reconcile screen (there is no /reconciliations page).
  reconciliation: (c, id) => `/c/${c}/reconcile/${id}?comments=open`,
};

export function commsCtx(ctx: Ctx, notify?: NotifyCtx): CommsCtx {
  const slugOf = async (actor: Parameters<ObjectResolver>[0], client: string) =>
    (await access.requireClient(ctx.db, actor, client)).slug;
  const objects: Record<ObjectKind, ObjectResolver> = {
    async task(actor, _client, id) {
      const t = await work.getTask(ctx, actor, id);
      return {
        clientId: t.client.id,
        title: `the task "${t.title}"`,
        link: commentedObjectLinks.task(t.client.slug, t.id),
        owners: [...(t.assignee.kind === "user" ? [t.assignee.userId] : []), t.createdBy],
        watchers: t.watchers,
      };
    },
    async document(actor, client, id) {
      const d = await documents.documentSummary(ctx.db, actor, client, id);
      return {
        clientId: d.clientId,
        title: `the document ${d.name}`,
        link: commentedObjectLinks.document(await slugOf(actor, client), d.id),
        owners: [d.createdBy],
        watchers: [],
      };
    },
    async transaction(actor, client, id) {
      const t = await transactions.getTransaction(ctx, actor, client, id);
      const { clientId, clientSlug: slug } = await access.clientScopeFor(
        ctx.db,
        actor,
        client,
        "client.read",
      );
      return {
        clientId,
        title: `the transaction ${t.date} ${t.bankPayee ?? t.description} ${formatMinor(t.amount, t.scale)} ${t.currency}`,
        link: commentedObjectLinks.transaction(slug, t.id),
        owners: [],
        watchers: [],
      };
    },
    async journal_entry(actor, client, id) {
      const e = await ledger.getEntry(ctx, actor, client, id);
      const { clientId, clientSlug } = await access.clientScopeFor(ctx.db, actor, client, "ledger.read");
      return {
        clientId,
        title: `journal entry ${e.number} (${e.date} ${e.description})`,
        link: commentedObjectLinks.journal_entry(clientSlug, e.id),
        owners: [e.createdBy],
        watchers: [],
      };
    },
    async reconciliation(actor, client, id) {
      const r = await reconcile.getReconciliation(ctx, actor, client, id);
      const { clientSlug } = await access.clientScopeFor(ctx.db, actor, client, "client.read");
      return {
        clientId: r.row.client_id,
        title: `the reconciliation of ${r.row.period_from} to ${r.row.period_to}`,
        link: commentedObjectLinks.reconciliation(clientSlug, r.row.id),
        owners: [r.row.started_by],
        watchers: [],
      };
    },
  };
  return { ...ctx, objects, notify };
}
