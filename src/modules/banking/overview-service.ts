// Banking's part of the firm overview: for the clients an actor names (kept to those it may reach),
// the bank accounts that went quiet, the connections that need someone, and the last import.
import type { Actor } from "../../platform/actor.ts";
import type { Executor } from "../../platform/db.ts";
import * as access from "../access/index.ts";
import { connectionTrouble, isStale, type ConnectionTrouble } from "./overview-model.ts";
import * as store from "./overview-store.ts";
import { BANKING_PERMISSIONS } from "./scope.ts";

export interface QuietAccount {
  id: string;
  name: string;
  shortName: string;
  /** Date of its latest line; null when it has none. */
  lastLineDate: string | null;
}

export interface TroubledConnection {
  id: string;
  institution: string;
  trouble: ConnectionTrouble;
  since: Date;
}

export interface BankFigures {
  /** Active bank and card accounts. */
  accounts: number;
  /** Those with no line for STALE_DAYS days. */
  quiet: QuietAccount[];
  connections: TroubledConnection[];
  lastImport: {
    at: Date;
    bankAccountId: string;
    bankAccountName: string;
    newLines: number;
    source: string;
  } | null;
}

/** Figures per client id; every client asked about has an entry. */
export async function bankFigures(
  ex: Executor,
  actor: Actor,
  clientIds: readonly string[],
  at: { today: string; now: Date },
): Promise<Map<string, BankFigures>> {
  access.requirePermission(actor, BANKING_PERMISSIONS.read);
  const ids = clientIds.filter((id) => actor.clients === "all" || actor.clients.includes(id));
  const scope = { firmId: actor.firmId, clientIds: ids };
  const [accounts, connections, imports] = await Promise.all([
    store.accountActivity(ex, scope),
    store.unconnected(ex, scope),
    store.lastImports(ex, scope),
  ]);
  const out = new Map<string, BankFigures>(
    ids.map((id) => [id, { accounts: 0, quiet: [], connections: [], lastImport: null }]),
  );
  for (const a of accounts) {
    const f = out.get(a.client_id)!;
    f.accounts += 1;
    if (isStale({ lastLineDate: a.last_line_date, createdAt: a.created_at }, at.today))
      f.quiet.push({ id: a.id, name: a.name, shortName: a.short_name, lastLineDate: a.last_line_date });
  }
  for (const c of connections) {
    const trouble = connectionTrouble({ state: c.state, since: c.updated_at }, at.now);
    if (trouble)
      out.get(c.client_id)!.connections.push({
        id: c.id,
        institution: c.institution,
        trouble,
        since: c.updated_at,
      });
  }
  for (const i of imports)
    out.get(i.client_id)!.lastImport = {
      at: i.created_at,
      bankAccountId: i.bank_account_id,
      bankAccountName: i.bank_account_name,
      newLines: i.new_lines,
      source: i.source,
    };
  return out;
}
