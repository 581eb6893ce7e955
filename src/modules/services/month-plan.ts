// A client's month as its services plan it: the services on that month (from the scope and the
// catalogue, archived ones left out), the client's active bank and card accounts (a statement is
// asked per account), and the checklist and required information they give. Also for many clients
// at once (the Close Tracker board's count of missing information: a few set queries).
import type { Actor } from "../../platform/actor.ts";
import type { Executor } from "../../platform/db.ts";
import * as banking from "../banking/index.ts";
import {
  coversMonth,
  planMonth,
  type AccountRef,
  type MonthPlan,
  type ServiceDefinition,
} from "./catalogue-model.ts";
import { definitionOf } from "./service-row.ts";
import * as store from "./store.ts";

/** "2026-03" → "2026-02". */
export function monthBefore(month: string): string {
  const i = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 2;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
}

function servicesOn(
  catalogue: readonly store.ServiceRow[],
  scope: readonly store.ClientServiceRow[],
  month: string,
): ServiceDefinition[] {
  const on = new Map(scope.map((r) => [r.service_id, r]));
  return catalogue
    .filter((c) => {
      const r = on.get(c.id);
      return !c.archived_at && r && coversMonth({ from: r.from_month, until: r.until_month }, month);
    })
    .map(definitionOf);
}

const accountRefs = (rows: Awaited<ReturnType<typeof banking.activeBankAccounts>>): AccountRef[] =>
  rows.map((a) => ({ id: a.id, name: a.name, kind: a.kind }));

export interface ClientMonthPlan extends MonthPlan {
  services: ServiceDefinition[];
}

/** One client's month. The actor reads the bank accounts (a firm user, or the firm's system actor). */
export async function planOf(
  ex: Executor,
  actor: Actor,
  s: { firmId: string; clientId: string },
  month: string,
): Promise<ClientMonthPlan> {
  const [catalogue, scope] = await Promise.all([store.catalogue(ex, s.firmId), store.scopeOf(ex, s)]);
  const services = servicesOn(catalogue, scope, month);
  // No service asks a statement: the accounts need not be read.
  const accounts = services.some((d) => d.requiredInfo.some((r) => r.kind.endsWith("_statement")))
    ? accountRefs(await banking.activeBankAccounts(ex, actor, [s.clientId]))
    : [];
  return { services, ...planMonth(services, accounts) };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/** What a client's month still lacks for its close: required items missing, checklist items unreviewed. */
export interface MonthGaps {
  /** Names of the required information items not received. */
  missing: string[];
  /** Checklist items without the reviewer's sign-off (the reviewer signs after the preparer). */
  unsigned: number;
}

/**
 * Per client id and month, what its services still lack (months lacking nothing are left out) — for
 * the Close Tracker's board, a few set queries for all the clients and months.
 */
export async function gapsByClientMonth(
  ex: Executor,
  actor: Actor,
  clientIds: readonly string[],
  months: readonly string[],
): Promise<Map<string, Map<string, MonthGaps>>> {
  const out = new Map<string, Map<string, MonthGaps>>();
  const [catalogue, scope] = await Promise.all([
    store.catalogue(ex, actor.firmId),
    store.scopeOfClients(ex, actor.firmId, clientIds),
  ]);
  if (!scope.length) return out;
  const withScope = [...new Set(scope.map((r) => r.client_id))];
  const [accounts, rows, reviewedRows] = await Promise.all([
    banking.activeBankAccounts(ex, actor, withScope),
    store.infoOfClients(ex, actor.firmId, withScope, months),
    store.reviewedOfClients(ex, actor.firmId, withScope, months),
  ]);
  const received = new Set(
    rows.filter((r) => r.received_on).map((r) => `${r.client_id}:${r.month}:${r.item_key}`),
  );
  const reviewed = new Set(reviewedRows.map((r) => `${r.client_id}:${r.month}:${r.item_key}`));
  // Hundreds of clients × months: each service's definition read once, each client's scope and
  // accounts found by key, and a client's plan made once per distinct set of services on (months
  // with the same services plan alike).
  const live = catalogue.filter((c) => !c.archived_at);
  const definitions = new Map(live.map((c) => [c.id, definitionOf(c)]));
  const scopeBy = groupBy(scope, (r) => r.client_id);
  const accountsBy = groupBy(accounts, (a) => a.clientId);
  for (const clientId of withScope) {
    const on = new Map((scopeBy.get(clientId) ?? []).map((r) => [r.service_id, r]));
    const refs = accountRefs(accountsBy.get(clientId) ?? []);
    const plans = new Map<string, MonthPlan>();
    const byMonth = new Map<string, MonthGaps>();
    for (const month of months) {
      const services = live.filter((c) => {
        const r = on.get(c.id);
        return r !== undefined && coversMonth({ from: r.from_month, until: r.until_month }, month);
      });
      const signature = services.map((c) => c.id).join(",");
      let plan = plans.get(signature);
      if (!plan)
        plans.set(
          signature,
          (plan = planMonth(
            services.map((c) => definitions.get(c.id)!),
            refs,
          )),
        );
      const key = (itemKey: string) => `${clientId}:${month}:${itemKey}`;
      const missing = plan.requiredInfo.filter((p) => !received.has(key(p.key))).map((p) => p.name);
      const unsigned = plan.checklist.filter((c) => !reviewed.has(key(c.key))).length;
      if (missing.length || unsigned) byMonth.set(month, { missing, unsigned });
    }
    out.set(clientId, byMonth);
  }
  return out;
}
