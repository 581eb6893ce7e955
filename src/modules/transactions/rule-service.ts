// Rules meet existing transactions: preview what a (new or edited) rule would take, apply a rule to
// the transactions still waiting for review (posting or re-posting them as their bank account's
// automation says), and create a rule in one click from a transaction's correction.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { notFound, validationError } from "../../platform/errors.ts";
import { UUID } from "../../platform/ids.ts";
import * as categorize from "../categorize/index.ts";
import type { RuleInput, StoredRule } from "../categorize/index.ts";
import { codingOfPrediction, policyOf } from "./automation.ts";
import { isoScale } from "../../platform/money.ts";
import { decide, sameCoding, splitAtScale, type Coding } from "./model.ts";
import { postCodings, resolveContacts, reverseEntry } from "./posting.ts";
import { clientScope, type ClientScope } from "./scope.ts";
import * as store from "./store.ts";
import type { TransactionPatch, TransactionRow } from "./store.ts";
import { codingOf, factsOf, lineOf, splitToJson } from "./view.ts";

const ALL = { tab: "all" as const, limit: 1_000_000, offset: 0 };

export interface RulePreviewView {
  /** Transactions the rule's conditions match. */
  matched: number;
  /** Of those, still waiting for review and not taken by a more specific rule: what "apply" changes. */
  applicable: number;
  lines: Array<{
    transactionId: string;
    date: string;
    description: string;
    /** Minor units at `scale`, the ledger's scale of `currency`. */
    amount: bigint;
    currency: string;
    scale: number;
    status: TransactionRow["status"];
    currentAccountId: string | null;
    accountId: string | null;
    split: boolean;
    outrankedBy: string | null;
    wouldApply: boolean;
  }>;
}

/** Waiting for review and untouched: what a rule may recode (a person's own coding is left to them). */
const waiting = (r: TransactionRow) =>
  (r.status === "needs_review" || r.status === "held") && r.reviewed_at === null && r.edited_at === null;

/** What a rule (a draft, or an edit of rule `ruleId`) would do to the client's transactions. */
export async function previewRule(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  input: RuleInput,
  options: { ruleId?: string | undefined; limit?: number } = {},
): Promise<RulePreviewView> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  const rule = await categorize.checkDraftRule(ctx, actor, s.clientId, input, options.ruleId);
  const [rules, { rows }] = await Promise.all([
    categorize.listRules(ctx, actor, s.clientId),
    store.listTransactions(ctx.db, s, ALL),
  ]);
  const others = rules.filter((r) => r.enabled && r.id !== options.ruleId);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const preview = categorize.previewRule(rule, rows.map(lineOf), others);
  const lines = preview.lines.map((l) => {
    const row = byId.get(l.lineId)!;
    return {
      transactionId: row.id,
      date: row.date,
      description: row.description,
      amount: row.amount,
      currency: row.currency,
      scale: row.scale,
      status: row.status,
      currentAccountId: row.account_id,
      accountId: l.outcome.split ? null : l.outcome.account,
      split: l.outcome.split !== null,
      outrankedBy: l.outrankedBy ?? null,
      wouldApply: waiting(row) && !l.outrankedBy,
    };
  });
  return {
    matched: preview.matched,
    applicable: lines.filter((l) => l.wouldApply).length,
    lines: lines.slice(0, options.limit ?? 100),
  };
}

export interface ApplyResult {
  applied: number;
  posted: number;
  reposted: number;
}

/** Applies a saved rule to the transactions waiting for review, inside the caller's transaction. */
async function applyWithin(c: Ctx, actor: Actor, s: ClientScope, rule: StoredRule): Promise<ApplyResult> {
  const rows = (await store.listTransactions(c.db, s, { ...ALL, tab: "needs_review", untouched: true })).rows;
  if (rows.length === 0 || !rule.enabled) return { applied: 0, posted: 0, reposted: 0 };
  const bot = await categorize.openBot(c, actor, s.clientId, rows.map(lineOf));
  const automation = new Map((await store.automationOf(c.db, s)).map((a) => [a.bank_account_id, a]));
  const changes: Array<{ row: TransactionRow; coding: Coding; patch: TransactionPatch; post: boolean }> = [];
  for (const row of rows) {
    const p = bot.predict(lineOf(row), row.bank_ledger_account_id);
    if (p.method !== "rule" || p.reason.ruleId !== rule.id) continue;
    const coding = codingOfPrediction(p, row);
    const policy = policyOf(bot.settings, automation.get(row.bank_account_id));
    // Materiality is written at the ISO scale, as the categorizer's line is.
    const d = decide(lineOf(row), { account: p.account, confidence: p.confidence }, policy);
    changes.push({
      row,
      coding,
      post: d.post || row.entry_id !== null,
      patch: {
        status: d.status,
        status_reason: `rule “${rule.name}” applied: ${d.reason}`,
        method: "rule",
        model_version: p.modelVersion,
        confidence: p.confidence,
        band: d.band,
        explanation: p.explanation,
        reason: JSON.stringify(p.reason),
        rule_id: rule.id,
        predicted_account_id: p.split ? null : p.account,
        predicted_payee: p.payee?.name ?? null,
        predicted_contact_id: p.payee?.contactId ?? null,
        predicted_class_id: p.classId,
        material: d.material,
      },
    });
  }
  // The ledger first: reverse what changes, then post every new coding in one call.
  const toPost: typeof changes = [];
  let reposted = 0;
  for (const ch of changes) {
    if (ch.row.entry_id && !sameCoding(codingOf(ch.row), ch.coding)) {
      await reverseEntry(c, actor, s, ch.row.entry_id, `Rule “${rule.name}” recoded: ${ch.row.description}`);
      reposted++;
      toPost.push(ch);
    } else if (!ch.row.entry_id && ch.post) toPost.push(ch);
  }
  await resolveContacts(
    c,
    actor,
    s,
    toPost.map((ch) => ({ coding: ch.coding, amount: ch.row.amount })),
  );
  const entryIds = await postCodings(
    c.db,
    actor,
    s,
    toPost.map((ch) => ({ facts: factsOf(ch.row), coding: ch.coding })),
    {
      action: "transactions.rule_posted",
      detail: { ruleId: rule.id },
    },
  );
  const entryOf = new Map(toPost.map((ch, i) => [ch.row.id, entryIds[i]!]));
  const now = c.clock.now();
  for (const ch of changes) {
    const entryId = entryOf.get(ch.row.id) ?? ch.row.entry_id;
    await store.updateTransaction(c.db, s, ch.row.id, {
      ...ch.patch,
      account_id: ch.coding.accountId,
      payee: ch.coding.payee,
      contact_id: ch.coding.contactId,
      class_id: ch.coding.classId,
      memo: ch.coding.memo,
      split: ch.coding.split ? JSON.stringify(splitToJson(ch.coding.split)) : null,
      entry_id: entryId,
      posted_at: entryId === ch.row.entry_id ? ch.row.posted_at : entryId ? now : null,
    });
  }
  const result = { applied: changes.length, posted: toPost.length - reposted, reposted };
  await recordAudit(c.db, actor, {
    action: "categorize.rule.applied",
    clientId: s.clientId,
    subjectType: "rule",
    subjectId: rule.id,
    after: { ...result, transactions: changes.slice(0, 1000).map((ch) => ch.row.id) },
  });
  return result;
}

export async function applyRule(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  ruleId: string,
): Promise<ApplyResult> {
  return inTransaction(ctx.db, async (tx) => {
    const c: Ctx = { ...ctx, db: tx };
    const s = await clientScope(tx, actor, clientRef, "review");
    const rule = await categorize.getRule(c, actor, s.clientId, ruleId);
    return applyWithin(c, actor, s, rule);
  });
}

/**
 * A rule from a transaction's coding, in one click: lines from the same merchant in the same
 * direction get the same coding (a split pins the amount too). Optionally applied at once.
 */
export async function ruleFromTransaction(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  transactionId: string,
  options: { applyToExisting?: boolean | undefined; name?: string | undefined } = {},
): Promise<{ rule: StoredRule; applied: ApplyResult | null }> {
  return inTransaction(ctx.db, async (tx) => {
    const c: Ctx = { ...ctx, db: tx };
    const s = await clientScope(tx, actor, clientRef, "review");
    const row = UUID.test(transactionId) ? await store.transactionById(tx, s, transactionId) : undefined;
    if (!row) throw notFound("transactions/not-found", `no transaction ${transactionId}`);
    const coding = codingOf(row);
    const account = coding.accountId ?? coding.split?.[0]?.accountId;
    if (!account)
      throw validationError(
        "transactions/no-account",
        "code this transaction to an account first, then make a rule of it",
        {
          field: "accountId",
        },
      );
    const draft = categorize.ruleFromCorrection(
      lineOf(row),
      {
        account,
        ...(coding.payee ? { payee: coding.payee } : {}),
        ...(coding.classId ? { classId: coding.classId } : {}),
        ...(coding.memo ? { memo: coding.memo } : {}),
        // A rule is written at the ISO scale, as the categorizer reads bank lines: a part the
        // ledger keeps more decimals of than that is refused, naming it, rather than rounded.
        ...(coding.split
          ? {
              split: splitAtScale(coding.split, row.scale, isoScale(row.currency), row.currency)!.map(
                (p) => ({
                  account: p.accountId,
                  amount: p.amount,
                  ...(p.classId ? { classId: p.classId } : {}),
                  ...(p.memo ? { memo: p.memo } : {}),
                }),
              ),
            }
          : {}),
      },
      "draft",
    );
    const rule = await categorize.createRule(
      c,
      actor,
      s.clientId,
      { name: options.name, match: draft.match, conditions: draft.conditions, actions: draft.actions },
      { origin: "correction", sourceTransactionId: row.id },
    );
    const applied = options.applyToExisting ? await applyWithin(c, actor, s, rule) : null;
    return { rule, applied };
  });
}
