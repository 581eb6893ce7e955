// The demo's statement requests: for every bank and card account of each demo client, the latest
// missing month is already asked of the client (an "upload the statement" task in the account's
// year folder); the month before stays unasked, for the firm to request from the Documents page.
// Idempotent: a month asked before is the same task.
import { systemActor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import * as access from "../../modules/access/index.ts";
import * as documents from "../../modules/documents/index.ts";
import type { DocumentsCtx } from "../../modules/documents/index.ts";
import { openStatementRequest } from "../statement-tasks.ts";

export async function seedDemoStatementRequests(ctx: Ctx, dctx: DocumentsCtx, firmId: string): Promise<void> {
  const actor = systemActor(firmId);
  for (const client of await access.listClients(ctx.db, actor, "active")) {
    for (const account of await documents.listMissingStatements(dctx, actor, client.slug)) {
      const latest = account.missing.at(-1);
      if (latest)
        await openStatementRequest(ctx, dctx, actor, client.slug, {
          bankAccountId: account.accountId,
          month: latest,
        });
    }
  }
}
