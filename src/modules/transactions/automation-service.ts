// Automation per bank account: AutoPush, Manual Push or none, and the date it starts from (at most
// 24 months back), with "last updated by". A change re-runs the bank account's transactions that
// nobody has touched and nothing has posted, so that switching to AutoPush posts what waits.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { parseIsoDate } from "../../platform/dates.ts";
import * as banking from "../banking/index.ts";
import * as categorize from "../categorize/index.ts";
import { bandFor, DEFAULT_AUTOMATION, planLine, policyOf, predictedSplitOf } from "./automation.ts";
import { defaultPayeeOf } from "./ingest-service.ts";
import { checkStartDate, earliestStartDate, type AutomationMode } from "./model.ts";
import { postCodings, resolveContacts } from "./posting.ts";
import { clientScope, type ClientScope } from "./scope.ts";
import * as store from "./store.ts";
import { factsOf, lineOf, splitToJson } from "./view.ts";

export interface AutomationView {
  bankAccountId: string;
  bankAccountName: string;
  kind: string;
  currency: string;
  ledgerAccount: { id: string; name: string; number: string | null };
  mode: AutomationMode;
  startDate: string | null;
  /** Earliest start date allowed today. */
  earliestStartDate: string;
  lastUpdated: { by: string; name: string; at: string } | null;
}

function viewOf(
  account: banking.BankAccountView,
  row: store.AutomationRow | undefined,
  today: string,
): AutomationView {
  return {
    bankAccountId: account.id,
    bankAccountName: account.name,
    kind: account.kind,
    currency: account.currency,
    ledgerAccount: account.ledgerAccount,
    mode: row?.mode ?? DEFAULT_AUTOMATION.mode,
    startDate: row ? row.start_date : DEFAULT_AUTOMATION.startDate,
    earliestStartDate: earliestStartDate(today),
    lastUpdated: row
      ? { by: row.updated_by, name: row.updated_by_name, at: row.updated_at.toISOString() }
      : null,
  };
}

export async function listAutomation(ctx: Ctx, actor: Actor, clientRef: string): Promise<AutomationView[]> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  const { bankAccounts } = await banking.bankOverview(ctx, actor, s.clientId);
  const rows = new Map((await store.automationOf(ctx.db, s)).map((r) => [r.bank_account_id, r]));
  return bankAccounts.map((a) => viewOf(a, rows.get(a.id), ctx.clock.today()));
}

export async function getAutomation(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  bankAccountRef: string,
): Promise<AutomationView> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  const account = await banking.getBankAccount(ctx, actor, s.clientId, bankAccountRef);
  const [row] = await store.automationOf(ctx.db, s, [account.id]);
  return viewOf(account, row, ctx.clock.today());
}

export interface AutomationResult extends AutomationView {
  /** Waiting transactions the new setting was applied to. */
  rerun: { transactions: number; posted: number };
}

export async function setAutomation(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  bankAccountRef: string,
  input: { mode: AutomationMode; startDate: string | null },
): Promise<AutomationResult> {
  const startDate = input.startDate === null ? null : parseIsoDate(input.startDate, "startDate");
  checkStartDate(startDate, ctx.clock.today());
  return inTransaction(ctx.db, async (tx) => {
    const c: Ctx = { ...ctx, db: tx };
    const s = await clientScope(tx, actor, clientRef, "automation");
    const account = await banking.getBankAccount(c, actor, s.clientId, bankAccountRef);
    const [before] = await store.automationOf(tx, s, [account.id]);
    const row = await store.saveAutomation(
      tx,
      s,
      account.id,
      { mode: input.mode, startDate },
      { id: actor.id, name: actor.displayName },
    );
    const rerun = await rerunPending(c, actor, s, account, row);
    await recordAudit(tx, actor, {
      action: "transactions.automation.updated",
      clientId: s.clientId,
      subjectType: "bank_account",
      subjectId: account.id,
      before: before
        ? { mode: before.mode, startDate: before.start_date }
        : { ...DEFAULT_AUTOMATION, default: true },
      after: { mode: row.mode, startDate: row.start_date, rerun },
    });
    return { ...viewOf(account, row, ctx.clock.today()), rerun };
  });
}

/** Predicts again and re-decides the bank account's untouched, unposted transactions under the new setting. */
async function rerunPending(
  c: Ctx,
  actor: Actor,
  s: ClientScope,
  account: banking.BankAccountView,
  automation: store.AutomationRow,
): Promise<{ transactions: number; posted: number }> {
  const rows = await store.pendingOfBankAccount(c.db, s, account.id);
  if (rows.length === 0) return { transactions: 0, posted: 0 };
  const bot = await categorize.openBot(c, actor, s.clientId, rows.map(lineOf));
  const policy = policyOf(bot.settings, automation);
  const defaultPayee = await defaultPayeeOf(c, actor, s, bot.settings.defaultPayeeContactId);
  const plans = rows.map((row) => ({
    row,
    plan: planLine(bot, lineOf(row), row.bank_ledger_account_id, policy, defaultPayee, row),
  }));
  const toPost = plans.filter((p) => p.plan.decision.post);
  await resolveContacts(
    c,
    actor,
    s,
    toPost.map((p) => ({ coding: p.plan.coding, amount: p.row.amount })),
  );
  const entryIds = await postCodings(
    c.db,
    actor,
    s,
    toPost.map((p) => ({ facts: factsOf(p.row), coding: p.plan.coding })),
    { action: "transactions.auto_posted", detail: { bankAccountId: account.id, rerun: true } },
  );
  const entryOf = new Map(toPost.map((p, i) => [p.row.id, entryIds[i]!]));
  const now = c.clock.now();
  for (const { row, plan } of plans) {
    const { prediction: p, decision: d, coding } = plan;
    const entryId = entryOf.get(row.id) ?? null;
    await store.updateTransaction(c.db, s, row.id, {
      status: d.status,
      status_reason: d.reason,
      method: p.method,
      model_version: p.modelVersion,
      confidence: p.confidence,
      band: bandFor(plan, policy.bands),
      explanation: p.explanation,
      reason: JSON.stringify(p.reason),
      rule_id: p.reason.ruleId ?? null,
      predicted_account_id: p.split ? null : p.account,
      predicted_payee: p.payee?.name ?? null,
      predicted_contact_id: p.payee?.contactId ?? null,
      predicted_class_id: p.classId,
      predicted_split: p.split ? JSON.stringify(predictedSplitOf(p, row)) : null,
      account_id: coding.accountId,
      payee: coding.payee,
      contact_id: coding.contactId,
      class_id: coding.classId,
      memo: coding.memo,
      split: coding.split ? JSON.stringify(splitToJson(coding.split)) : null,
      entry_id: entryId,
      posted_at: entryId ? now : null,
      material: d.material,
      assignee_id:
        d.status === "needs_review" || d.status === "held"
          ? (row.assignee_id ?? bot.settings.defaultAssigneeId)
          : row.assignee_id,
    });
  }
  return { transactions: rows.length, posted: toPost.length };
}
