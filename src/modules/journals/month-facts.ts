// The books as a recurring entry's formula lines need them for a month: each account's balance at
// period end and its movement in the month (home currency), and which accounts can take postings.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { addDays, endOfMonth } from "../../platform/dates.ts";
import * as ledger from "../ledger/index.ts";
import type { ClientScope } from "../access/index.ts";
import type { MonthFacts } from "./recurring-lines.ts";

function balancesOf(report: ledger.TrialBalanceReport, currency: string): Map<string, bigint> {
  return new Map(report.rows.filter((r) => r.currency === currency).map((r) => [r.accountId, r.balance]));
}

export async function monthFacts(
  ctx: Ctx,
  actor: Actor,
  s: ClientScope,
  month: string,
  withBalances: boolean,
): Promise<MonthFacts> {
  const accounts = await ledger.listAccounts(ctx, actor, s.clientId, { includeInactive: true });
  const facts: MonthFacts = {
    balances: new Map(),
    activity: new Map(),
    activeAccounts: new Set(accounts.filter((a) => a.is_active).map((a) => a.id)),
    accountNames: new Map(accounts.map((a) => [a.id, a.full_name])),
  };
  if (!withBalances) return facts;
  const first = `${month}-01`;
  const [end, before] = await Promise.all([
    ledger.trialBalance(ctx, actor, s.clientId, endOfMonth(first)),
    ledger.trialBalance(ctx, actor, s.clientId, addDays(first, -1)),
  ]);
  const balances = balancesOf(end, s.homeCurrency);
  const opening = balancesOf(before, s.homeCurrency);
  const activity = new Map<string, bigint>();
  for (const id of new Set([...balances.keys(), ...opening.keys()]))
    activity.set(id, (balances.get(id) ?? 0n) - (opening.get(id) ?? 0n));
  return { ...facts, balances, activity };
}
