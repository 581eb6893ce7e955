// From imported bank lines to transactions: every new line is predicted in memory (one pass), the
// bank account's automation decides, and in one database transaction the confident ones are posted
// (one postEntries call for the batch) and every line becomes a transaction with its prediction.
// The `bank-lines.imported` job lands here (processImport), a batch of lines per transaction so
// that requests interleave with a large import; tests and the CLI call it directly.
import { systemActor, type Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { conflict } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { isoScale, rescale } from "../../platform/money.ts";
import { yieldToEventLoop, type Pacing } from "../../platform/pacing.ts";
import * as banking from "../banking/index.ts";
import type { BankLinesImported } from "../banking/index.ts";
import * as categorize from "../categorize/index.ts";
import * as ledger from "../ledger/index.ts";
import {
  bandFor,
  planLine,
  policyOf,
  predictedSplitOf,
  type DefaultPayee,
  type Planned,
} from "./automation.ts";
import { LINKED_REASON, type ExistingEntryMatcher } from "./entry-link.ts";
import { postCodings, resolveContacts } from "./posting.ts";
import { clientScope, type ClientScope } from "./scope.ts";
import * as store from "./store.ts";
import { splitToJson } from "./view.ts";

/** A raw bank line, as the banking module stores it. */
export interface IncomingLine {
  id: string;
  date: string;
  amount: bigint;
  currency: string;
  description: string;
  payee: string | null;
}

export interface IngestResult {
  created: number;
  /** Lines that already had a transaction (a repeated job). */
  skipped: number;
  posted: number;
  processed: number;
  needsReview: number;
  held: number;
  excluded: number;
  /** Who the waiting ones (needs review, held) were given to: the client's default assignee. */
  assigneeId: string | null;
  /** The client and bank account, for telling the assignee. */
  clientId: string;
  clientSlug: string;
  bankAccountName: string;
}

export async function defaultPayeeOf(
  ctx: Ctx,
  actor: Actor,
  s: ClientScope,
  contactId: string | null,
): Promise<DefaultPayee | null> {
  if (!contactId) return null;
  const contact = (await ledger.listContacts(ctx, actor, s.clientId)).find((c) => c.id === contactId);
  return contact ? { id: contact.id, name: contact.name } : null;
}

/** A transaction with no prediction or coding of its own (its entry was made elsewhere). */
function unpredicted(
  id: string,
  line: IncomingLine,
  account: { id: string; ledgerAccount: { id: string } },
  amount: bigint,
  scale: number,
) {
  return {
    id,
    bankAccountId: account.id,
    bankLineId: line.id,
    bankLedgerAccountId: account.ledgerAccount.id,
    date: line.date,
    amount,
    currency: line.currency,
    scale,
    description: line.description,
    bankPayee: line.payee,
    method: null,
    modelVersion: null,
    confidence: null,
    band: null,
    explanation: null,
    reason: null,
    ruleId: null,
    predictedAccountId: null,
    predictedPayee: null,
    predictedContactId: null,
    predictedClassId: null,
    predictedSplit: null,
    accountId: null,
    payee: null,
    contactId: null,
    classId: null,
    memo: null,
    split: null,
    material: false,
    assigneeId: null,
  };
}

/** Creates the transactions of new bank lines of one bank account; lines that already have one are skipped. */
export async function ingestBankLines(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  bankAccountRef: string,
  incoming: readonly IncomingLine[],
  meta: {
    importId?: string | undefined;
    /** Lines paid by an entry made elsewhere (a payroll entry's net pay) are linked, not posted. */
    matchExisting?: ExistingEntryMatcher | undefined;
  } = {},
): Promise<IngestResult> {
  const s = await clientScope(ctx.db, actor, clientRef, "review");
  const account = await banking.getBankAccount(ctx, actor, s.clientId, bankAccountRef);
  const known = await store.existingLineIds(
    ctx.db,
    s,
    incoming.map((l) => l.id),
  );
  const fresh = incoming.filter((l) => !known.has(l.id));
  const result: IngestResult = {
    created: 0,
    skipped: incoming.length - fresh.length,
    posted: 0,
    processed: 0,
    needsReview: 0,
    held: 0,
    excluded: 0,
    assigneeId: null,
    clientId: s.clientId,
    clientSlug: s.clientSlug,
    bankAccountName: account.name,
  };
  if (fresh.length === 0) return result;

  // The ledger's scale of the account's currency is what the transactions keep their amounts at
  // (its ISO scale when the ledger does not know the currency yet: it is registered so below).
  const currency = account.currency;
  const scale = (await ledger.currencyScalesFor(ctx, actor, s.clientId)).get(currency) ?? isoScale(currency);
  const at = { currency, scale };
  // Prediction is CPU work: done before the transaction, so that it never holds the database. The
  // categorizer reads bank lines as the bank wrote them (minor units at the ISO scale).
  const lines = fresh.map((l) => ({
    id: l.id,
    clientId: s.clientId,
    bankAccountId: account.id,
    date: l.date,
    description: l.description,
    amount: l.amount,
    currency: l.currency,
  }));
  const bot = await categorize.openBot(ctx, actor, s.clientId, lines);
  const [automation] = await store.automationOf(ctx.db, s, [account.id]);
  const policy = policyOf(bot.settings, automation);
  const defaultPayee = await defaultPayeeOf(ctx, actor, s, bot.settings.defaultPayeeContactId);
  const plans: Planned[] = lines.map((line) =>
    planLine(bot, line, account.ledgerAccount.id, policy, defaultPayee, at),
  );
  // A bank line's amount as the transaction keeps it: exactly, or refused naming the line.
  const kept = (l: IncomingLine) =>
    rescale(l.amount, isoScale(l.currency), scale, {
      what: `the bank line of ${l.date} "${l.description}"`,
      currency: l.currency,
      field: "amount",
    });

  return inTransaction(ctx.db, async (tx) => {
    const c: Ctx = { ...ctx, db: tx };
    await store.lockBankAccount(tx, account.id);
    const registered = (await ledger.ensureCurrencies(tx, s, [currency])).get(currency);
    if (registered !== scale)
      throw conflict(
        "transactions/scale-changed",
        `the ledger's decimals for ${currency} changed while these lines were read (${scale} → ${registered}); retrying`,
      );
    // A job running twice (or two overlapping imports) must not make two transactions of a line.
    const again = await store.existingLineIds(
      tx,
      s,
      fresh.map((l) => l.id),
    );
    const todo = fresh
      .map((line, i) => ({ line, plan: plans[i]!, id: newId() }))
      .filter((x) => !again.has(x.line.id));
    result.skipped += fresh.length - todo.length;
    const linked = meta.matchExisting
      ? await meta.matchExisting(
          c,
          actor,
          s,
          todo.map((x) => ({
            transactionId: x.id,
            date: x.line.date,
            amount: kept(x.line),
            currency: x.line.currency,
            bankLedgerAccountId: account.ledgerAccount.id,
          })),
        )
      : new Map<string, never>();
    const toPost = todo.filter((x) => x.plan.decision.post && !linked.has(x.id));
    await resolveContacts(
      c,
      actor,
      s,
      toPost.map((x) => ({ coding: x.plan.coding, amount: x.line.amount })),
    );
    const entryIds = await postCodings(
      tx,
      actor,
      s,
      toPost.map((x) => ({
        facts: {
          date: x.line.date,
          amount: kept(x.line),
          currency: x.line.currency,
          scale,
          description: x.line.description,
          bankLedgerAccountId: account.ledgerAccount.id,
        },
        coding: x.plan.coding,
      })),
      {
        action: "transactions.auto_posted",
        detail: { bankAccountId: account.id, importId: meta.importId ?? null },
      },
    );
    const entryOf = new Map(toPost.map((x, i) => [x.line.id, entryIds[i]!]));
    const assignee = bot.settings.defaultAssigneeId;
    await store.insertTransactions(
      tx,
      s,
      todo.map(({ line, plan, id }) => {
        const { prediction: p, decision: d, coding } = plan;
        const link = linked.get(id);
        if (link)
          return {
            ...unpredicted(id, line, account, kept(line), scale),
            status: "processed" as const,
            statusReason: LINKED_REASON[link.kind],
            entryId: link.entryId,
            linkedEntryKind: link.kind,
          };
        return {
          id,
          bankAccountId: account.id,
          bankLineId: line.id,
          bankLedgerAccountId: account.ledgerAccount.id,
          date: line.date,
          amount: kept(line),
          currency: line.currency,
          scale,
          description: line.description,
          bankPayee: line.payee,
          status: d.status,
          statusReason: d.reason,
          method: p.method,
          modelVersion: p.modelVersion,
          confidence: p.confidence,
          band: bandFor(plan, policy.bands),
          explanation: p.explanation,
          reason: p.reason,
          ruleId: p.reason.ruleId ?? null,
          predictedAccountId: p.split ? null : p.account,
          predictedPayee: p.payee?.name ?? null,
          predictedContactId: p.payee?.contactId ?? null,
          predictedClassId: p.classId,
          predictedSplit: predictedSplitOf(p, at),
          accountId: coding.accountId,
          payee: coding.payee,
          contactId: coding.contactId,
          classId: coding.classId,
          memo: coding.memo,
          split: splitToJson(coding.split),
          entryId: entryOf.get(line.id) ?? null,
          material: d.material,
          assigneeId: d.status === "needs_review" || d.status === "held" ? assignee : null,
        };
      }),
    );
    for (const { plan, id } of todo) {
      result.created++;
      if (linked.has(id)) {
        result.processed++;
        continue;
      }
      if (plan.decision.post) result.posted++;
      if (plan.decision.status === "processed") result.processed++;
      else if (plan.decision.status === "needs_review") result.needsReview++;
      else if (plan.decision.status === "held") result.held++;
      else result.excluded++;
    }
    if (result.needsReview + result.held > 0) result.assigneeId = assignee;
    await recordAudit(tx, actor, {
      action: "transactions.created",
      clientId: s.clientId,
      subjectType: "bank_account",
      subjectId: account.id,
      after: { importId: meta.importId ?? null, ...result },
    });
    return result;
  });
}

/**
 * Lines per short transaction in the import job. On PGlite a request waits for at most the batch
 * in hand: 200 lines commit in a fraction of a second (500 made a request wait up to 1.7 s on a
 * busy machine, for ~30% more lines per second; see bench/pglite-interleave.ts). On PostgreSQL it
 * keeps each transaction's locks short too.
 */
export const INGEST_BATCH = 200;

/**
 * The `bank-lines.imported` job: the new lines of one import become transactions, a batch at a
 * time in date order, each batch in its own transaction (its postings and its transactions commit together or
 * not at all). A job stopped between batches leaves whole batches behind: run again (retried, or
 * queued again by the start-up scan for lines with no transaction) it skips the lines that have
 * their transaction and does the rest.
 */
export async function processImport(
  ctx: Ctx,
  job: BankLinesImported,
  pacing: Pacing = {},
  matchExisting?: ExistingEntryMatcher,
): Promise<IngestResult> {
  const actor = systemActor(job.firmId);
  const visible = await banking.importLineCount(ctx, actor, job.clientId, job.importId);
  // A queue outside the import's transaction (pg-boss) may hand the job over before the import
  // commits: fail, so that the job is tried again, rather than finish with lines left out.
  if (visible < job.newLines)
    throw conflict(
      "transactions/import-not-visible",
      `import ${job.importId} has ${job.newLines} new lines but ${visible} are visible yet; retrying`,
    );
  const size = pacing.batchSize ?? INGEST_BATCH;
  const where = { bankAccountId: job.bankAccountId, importId: job.importId };
  let total: IngestResult | undefined;
  let after: { date: string; id: string } | null = null;
  let done = 0;
  for (;;) {
    if (done > 0) {
      await (pacing.between ?? yieldToEventLoop)(done, visible);
      pacing.signal?.throwIfAborted();
    }
    const lines = await banking.importLinesAfter(ctx, actor, job.clientId, where, after, size);
    // The first batch runs even when empty, so that an empty import still has its result.
    if (lines.length === 0 && total) break;
    const result = await ingestBankLines(
      ctx,
      actor,
      job.clientId,
      job.bankAccountId,
      lines.map((l) => ({
        id: l.id,
        date: l.date,
        amount: l.amount,
        currency: l.currency,
        description: l.description,
        payee: l.payee,
      })),
      { importId: job.importId, matchExisting },
    );
    total = total ? addResults(total, result) : result;
    done += lines.length;
    const last = lines[lines.length - 1];
    if (!last || lines.length < size) break;
    after = { date: last.date, id: last.id };
  }
  return total!;
}

/** The sum of two batches' results (the assignee is the client's default: the same for both). */
function addResults(a: IngestResult, b: IngestResult): IngestResult {
  return {
    ...a,
    created: a.created + b.created,
    skipped: a.skipped + b.skipped,
    posted: a.posted + b.posted,
    processed: a.processed + b.processed,
    needsReview: a.needsReview + b.needsReview,
    held: a.held + b.held,
    excluded: a.excluded + b.excluded,
    assigneeId: b.assigneeId ?? a.assigneeId,
  };
}
