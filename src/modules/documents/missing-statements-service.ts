// Missing statements of a client: for each active bank or card account, the months from its start
// (the client's service start date, else its first statement's month or the month its statement
// folder was made, whichever is earlier) to last month that have no statement document in its folders.
import type { Actor } from "../../platform/actor.ts";
import * as access from "../access/index.ts";
import type { DocumentsCtx } from "./documents-ctx.ts";
import { accountFolders, ensureStandardTree, statementFolderFor } from "./folder-service.ts";
import { accountKey } from "./folder-tree-model.ts";
import {
  missingStatements,
  monthOf,
  statementMonthFromName,
  type AccountStatements,
  type MissingStatements,
} from "./missing-statements-model.ts";
import * as docs from "./document-store.ts";
import { clientScope } from "./scope.ts";

export interface MissingStatementsView extends MissingStatements {
  /** The account's statements folder, and where each missing month's statement belongs. */
  folderId: string | null;
  yearFolders: Record<string, string>;
}

export async function listMissingStatements(
  ctx: DocumentsCtx,
  actor: Actor,
  clientRef: string,
): Promise<MissingStatementsView[]> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  const folders = await ensureStandardTree(ctx, actor, s);
  const accounts = await ctx.statementAccounts(actor, s.clientSlug);
  const client = await access.requireClient(ctx.db, actor, s.clientId);
  const serviceStart = client.service_start_date ? monthOf(String(client.service_start_date)) : null;
  const inputs: Array<{ top: { id: string } | undefined; input: AccountStatements }> = [];
  for (const account of accounts) {
    const own = accountFolders(folders, account.id);
    const top = own.find((f) => f.system_key === accountKey(account.id));
    const rows = await docs.statementsIn(
      ctx.db,
      s,
      own.map((f) => f.id),
    );
    const covered = rows
      .map((r) => (r.period ? String(r.period).slice(0, 7) : statementMonthFromName(r.name)))
      .filter((m): m is string => m !== null);
    // Without a service start date, statements are expected from the first one received (or from
    // the month the account's folder was made, when none has been).
    const made = monthOf((top?.created_at ?? ctx.clock.now()).toISOString());
    const start = serviceStart ?? [made, ...covered].sort()[0]!;
    inputs.push({
      top,
      input: { accountId: account.id, accountName: account.name, start, covered },
    });
  }
  const results = missingStatements(
    inputs.map((i) => i.input),
    ctx.clock.today(),
  );
  return results.map((r, i) => {
    const yearFolders: Record<string, string> = {};
    for (const month of r.missing) {
      const f = statementFolderFor(folders, r.accountId, month);
      if (f) yearFolders[month.slice(0, 4)] = f.id;
    }
    return { ...r, folderId: inputs[i]!.top?.id ?? null, yearFolders };
  });
}
