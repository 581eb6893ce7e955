// Starting (or refreshing) the reconciliation of a bank account for a statement period: the period
// and balances from the imported statement (or as typed), checked against the statement's lines and
// the account's earlier reconciliations, then the matching engine's proposals stored — confident
// ones accepted by Closebook, possible ones waiting for a person. One reconciliation per account at a
// time: a second person starting one is refused (409) and nothing is written.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction, isUniqueViolation, type Executor } from "../../platform/db.ts";
import { parseIsoDate } from "../../platform/dates.ts";
import { conflict, notFound, ruleViolation, validationError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { formatMinor, isoScale, parseDecimal } from "../../platform/money.ts";
import { recordAudit } from "../../platform/audit.ts";
import * as banking from "../banking/index.ts";
import * as ledger from "../ledger/index.ts";
import { matchStatement, validateStatement, type StatementLine } from "./matching/index.ts";
import { openingOf, periodProblem, type OpeningSource } from "./period-model.ts";
import * as store from "./reconciliation-store.ts";
import type { MatchRow, NewMatch, ReconciliationRow, Scope } from "./reconciliation-store.ts";
import { clientScope } from "./scope.ts";
import { lookBackFor, stateOf, type ReconciliationState } from "./state.ts";
import { refuseDuringWriteUp } from "./write-up-store.ts";
import { ledgerLines, statementLines } from "./sides.ts";

export interface StartInput {
  /** The bank account: its id or short name. */
  bankAccount: string;
  /** A statement of the account (its id): the period and balances come from it. */
  statementId?: string | undefined;
  /** The period, when no statement gives it (or to override it). */
  from?: string | undefined;
  to?: string | undefined;
  /** Decimal strings in the account's currency, when the statement does not state them. */
  opening?: string | undefined;
  closing?: string | undefined;
  /** The statement's currency, when typed: it must be the account's. */
  currency?: string | undefined;
}

export interface Started {
  state: ReconciliationState;
  openingSource: OpeningSource;
  refreshed: boolean;
}

interface StatementChoice {
  id: string | null;
  from: string;
  to: string;
  opening: bigint | null;
  closing: bigint | null;
}

export async function startReconciliation(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  input: StartInput,
): Promise<Started> {
  const s = await clientScope(ctx.db, actor, clientRef, "reconcile");
  const account = await banking.getBankAccount(ctx, actor, clientRef, input.bankAccount);
  if (input.currency !== undefined && input.currency !== account.currency)
    throw ruleViolation(
      "reconcile/currency-mismatch",
      `the statement is in ${input.currency} but ${account.name} is in ${account.currency}`,
      { field: "currency" },
    );
  const scale = isoScale(account.currency);
  const chosen = await chooseStatement(ctx, actor, clientRef, account.id, input);
  const closing = input.closing !== undefined ? money(input.closing, scale, "closing") : chosen.closing;
  if (closing === null)
    throw validationError(
      "reconcile/closing-balance-needed",
      `the statement of ${chosen.from} – ${chosen.to} states no closing balance: type it (closing)`,
      { field: "closing" },
    );
  const period = { from: chosen.from, to: chosen.to };
  const history = (await store.listOf(ctx.db, s, account.id)).filter((r) => r.status === "completed");
  const problem = periodProblem(
    period,
    history.map((r) => ({ from: r.period_from, to: r.period_to })),
  );
  if (problem) throw ruleViolation(problem.code, problem.detail, { field: "from" });
  await refuseLockedMonths(ctx, actor, clientRef, period);
  const previous = history
    .filter((r) => r.period_to < period.from)
    .sort((a, b) => (a.period_to < b.period_to ? 1 : -1))[0];
  const lines = await statementLines(ctx, actor, clientRef, account.id, period);
  const lineSum = lines.reduce((sum, l) => sum + l.amount, 0n);
  const { opening, source } = openingOf({
    given: input.opening !== undefined ? money(input.opening, scale, "opening") : null,
    statement: chosen.opening,
    previousClosing: previous ? previous.closing : null,
    closing,
    lineSum,
  });
  const problems = validateStatement({ ...period, opening, closing, lines, scale });
  const wrongPeriod = problems.find((p) => p.code === "statement/period-invalid");
  if (wrongPeriod) throw validationError(wrongPeriod.code, wrongPeriod.detail, { field: "from" });
  const notSumming = problems.find((p) => p.code === "statement/lines-do-not-sum");
  if (notSumming)
    throw ruleViolation(notSumming.code, `${notSumming.detail} (opening from ${openingWords[source]})`, {
      field: "closing",
      extra: { difference: formatMinor(notSumming.difference ?? 0n, scale) },
    });
  const around = await ledgerLines(
    ctx,
    actor,
    clientRef,
    { ledgerAccountId: account.ledgerAccount.id, currency: account.currency },
    period,
    lookBackFor(previous !== undefined),
  );
  // Lines an earlier reconciliation cleared are settled: they are not offered again.
  const settled = await store.clearedAmong(
    ctx.db,
    s,
    around.map((l) => l.entryId),
  );
  const ledgerSide = around.filter((l) => !settled.has(l.id));
  const { row, refreshed } = await inTransaction(ctx.db, async (tx) => {
    const ts = await clientScope(tx, actor, clientRef, "reconcile");
    const current = await store.inProgressOf(tx, ts, account.id);
    if (actor.type !== "system") await refuseDuringWriteUp(tx, ts, account.id);
    // What Closebook left open waits for a person: anyone who may reconcile takes it over.
    if (current && current.started_by !== actor.id && current.started_by !== "system")
      throw conflict(
        "reconcile/in-progress",
        `${current.started_by_name} is reconciling ${account.name} (${current.period_from} – ${current.period_to}) since ${current.started_at.toISOString().slice(0, 16).replace("T", " ")} UTC; wait until it is completed`,
      );
    const fields = {
      statement_id: chosen.id,
      period_from: period.from,
      period_to: period.to,
      currency: account.currency,
      opening,
      closing,
    };
    let row: ReconciliationRow;
    let decided: MatchRow[] = [];
    const samePeriod = current && current.period_from === period.from && current.period_to === period.to;
    if (current) {
      row = await store.updateReconciliation(tx, ts, current.id, {
        ...fields,
        ...(samePeriod ? {} : { outstanding: [] }),
      });
      // A refresh keeps what people decided; another period starts over.
      if (samePeriod)
        decided = (await store.matchesOf(tx, ts, row.id)).filter((m) => m.status !== "proposed");
      await store.deleteProposed(tx, ts, row.id);
      if (!samePeriod) await store.deleteMatches(tx, ts, row.id);
    } else {
      row = await insertFresh(tx, ts, actor, {
        id: newId(),
        bank_account_id: account.id,
        ledger_account_id: account.ledgerAccount.id,
        status: "in_progress",
        started_by: actor.id,
        started_by_name: actor.displayName,
        // The service's clock, like completed_at (the column's default is the database's clock).
        started_at: ctx.clock.now(),
        ...fields,
      });
    }
    const proposals = propose(row, lines, ledgerSide, decided, scale);
    await store.insertMatches(tx, ts, row.id, proposals);
    await recordAudit(tx, actor, {
      action: current ? "reconcile.reconciliation.refreshed" : "reconcile.reconciliation.started",
      clientId: ts.clientId,
      subjectType: "reconciliation",
      subjectId: row.id,
      after: {
        bankAccountId: account.id,
        statementId: chosen.id,
        period,
        opening,
        closing,
        openingSource: source,
        statementLines: lines.length,
        ledgerLines: ledgerSide.length,
        confident: proposals.filter((m) => m.class === "confident").length,
        possible: proposals.filter((m) => m.class === "possible").length,
      },
    });
    return { row, refreshed: current !== undefined };
  });
  return { state: await stateOf(ctx, actor, clientRef, s, row), openingSource: source, refreshed };
}

const openingWords: Record<OpeningSource, string> = {
  given: "as typed",
  statement: "the statement",
  previous: "the previous reconciliation's closing balance",
  derived: "the closing balance less the lines",
};

async function insertFresh(
  tx: Executor,
  s: Scope,
  actor: Actor,
  row: Parameters<typeof store.insertReconciliation>[2],
): Promise<ReconciliationRow> {
  try {
    return await store.insertReconciliation(tx, s, row);
  } catch (error) {
    // Two starts racing: the other one's row won the one-in-progress index.
    if (isUniqueViolation(error))
      throw conflict(
        "reconcile/in-progress",
        `someone else has just started reconciling this account; wait until it is completed (${actor.displayName}'s start was not saved)`,
      );
    throw error;
  }
}

/** The engine's matches on what people have not decided yet; a rejected pairing is not proposed again. */
function propose(
  row: ReconciliationRow,
  lines: StatementLine[],
  ledgerSide: Awaited<ReturnType<typeof ledgerLines>>,
  decided: MatchRow[],
  scale: number,
): NewMatch[] {
  const accepted = decided.filter((m) => m.status === "accepted");
  const takenStatement = new Set(accepted.flatMap((m) => m.bank_line_ids));
  const takenLedger = new Set([...accepted.flatMap((m) => m.ledger_line_ids), ...row.outstanding]);
  const rejected = new Set(decided.filter((m) => m.status === "rejected").map(pairKey));
  const result = matchStatement(
    {
      from: row.period_from,
      to: row.period_to,
      opening: row.opening,
      closing: row.closing,
      lines: lines.filter((l) => !takenStatement.has(l.id)),
      scale,
    },
    ledgerSide.filter((l) => !takenLedger.has(l.id)),
  );
  let position = decided.reduce((max, m) => Math.max(max, m.position + 1), 0);
  const out: NewMatch[] = [];
  for (const m of result.matches) {
    if (rejected.has(pairKey({ bank_line_ids: m.statement, ledger_line_ids: m.ledger }))) continue;
    const confident = m.class === "confident";
    out.push({
      id: newId(),
      position: position++,
      class: m.class,
      kind: m.kind,
      score: m.score,
      reasons: m.reasons,
      bank_line_ids: m.statement,
      ledger_line_ids: m.ledger,
      status: confident ? "accepted" : "proposed",
      decided_by: confident ? "closebook" : null,
      decided_at: confident ? new Date() : null,
    });
  }
  return out;
}

function pairKey(m: { bank_line_ids: readonly string[]; ledger_line_ids: readonly string[] }): string {
  return `${[...m.bank_line_ids].sort().join(",")}|${[...m.ledger_line_ids].sort().join(",")}`;
}

async function chooseStatement(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  bankAccountId: string,
  input: StartInput,
): Promise<StatementChoice> {
  const from = input.from === undefined ? undefined : parseIsoDate(input.from, "from");
  const to = input.to === undefined ? undefined : parseIsoDate(input.to, "to");
  const statements = await banking.listStatements(ctx, actor, clientRef, bankAccountId);
  const periodOf = (st: (typeof statements)[number]) => ({
    from: st.start_date ?? st.first_line_date,
    to: st.end_date ?? st.last_line_date,
  });
  let st: (typeof statements)[number] | undefined;
  if (input.statementId !== undefined) {
    st = statements.find((x) => x.id === input.statementId);
    if (!st)
      throw notFound("reconcile/statement-not-found", `no statement ${input.statementId} of this account`);
  } else if (from !== undefined || to !== undefined) {
    st = statements.find((x) => {
      const p = periodOf(x);
      return p.from === from && p.to === to;
    });
  } else {
    // Statements come newest first: the latest one with a period.
    st = statements.find((x) => periodOf(x).to !== null);
    if (!st)
      throw validationError(
        "reconcile/period-needed",
        "the account has no imported statement with a period: import one, or give the period (from, to) and balances",
        { field: "from" },
      );
  }
  const p = st ? periodOf(st) : { from: null, to: null };
  const chosenFrom = from ?? p.from;
  const chosenTo = to ?? p.to;
  if (!chosenFrom || !chosenTo)
    throw validationError("reconcile/period-needed", "give the statement period (from and to)", {
      field: chosenFrom ? "to" : "from",
    });
  return {
    id: st?.id ?? null,
    from: chosenFrom,
    to: chosenTo,
    opening: st?.opening_balance ?? null,
    closing: st?.closing_balance ?? null,
  };
}

/** Reconciling inside a locked month is refused: what it would clear there is closed. */
export async function refuseLockedMonths(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  period: { from: string; to: string },
): Promise<void> {
  const locked = (await ledger.listPeriods(ctx, actor, clientRef)).filter((p) => {
    const month = String(p.month).slice(0, 7);
    return p.status === "locked" && month >= period.from.slice(0, 7) && month <= period.to.slice(0, 7);
  });
  if (locked.length > 0)
    throw ruleViolation(
      "reconcile/period-locked",
      `${locked.map((p) => String(p.month).slice(0, 7)).join(", ")} ${locked.length === 1 ? "is" : "are"} locked: unlock the month to reconcile in it`,
      { field: "from" },
    );
}

const money = (text: string, scale: number, field: string): bigint => parseDecimal(text, scale, field);
