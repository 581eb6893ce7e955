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

export function commsCtx(ctx: Ctx, notify?: NotifyCtx): CommsCtx {
  const slugOf = async (actor: Parameters<ObjectResolver>[0], client: string) =>
    (await access.requireClient(ctx.db, actor, client)).slug;
  const objects: Record<ObjectKind, ObjectResolver> = {
    async task(actor, _client, id) {
      const t = await work.getTask(ctx, actor, id);
      return {
        clientId: t.client.id,
        title: `the task "${t.title}"`,
        link: `/c/${t.client.slug}/work?task=${t.id}`,
        owners: [...(t.assignee.kind === "user" ? [t.assignee.userId] : []), t.createdBy],
        watchers: t.watchers,
      };
    },
    async document(actor, client, id) {
      const d = await documents.documentSummary(ctx.db, actor, client, id);
      return {
        clientId: d.clientId,
        title: `the document ${d.name}`,
        link: `/c/${await slugOf(actor, client)}/documents?document=${d.id}`,
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
        link: `/c/${slug}/transactions?transaction=${t.id}`,
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
        link: `/c/${clientSlug}/ledger/entries/${e.id}?comments=open`,
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
        // The portal's reconcile screen (there is no /reconciliations page), its comments open.
        link: `/c/${clientSlug}/reconcile/${r.row.id}?comments=open`,
        owners: [r.row.started_by],
        watchers: [],
      };
    },
  };
  return { ...ctx, objects, notify };
}
