// Auto Bank Rec's matching engine: a bank statement against the ledger lines of the linked account.
// Pure: values in, values out; no database, clock or files (a lint rule keeps it so). The reconcile
// module's services feed it rows and store what it returns; benchmarks and tests use it alone.
/*
 * ## API
 *
 * - `matchStatement(statement, ledgerLines, options?): MatchResult`
 *   - `statement`: `{ from, to, opening, closing, lines, scale? }`; lines `{ id, externalId, date,
 *     amount, description, checkNumber?, bankLineId? }`. Amounts are bigint minor units, money in
 *     positive; dates YYYY-MM-DD.
 *   - `ledgerLines`: the linked ledger account's lines not yet reconciled, `{ id, entryId, reference?,
 *     date, amount, description, payee?, checkNumber?, fromBankLineId? }`, signed like the
 *     statement (money into the account positive). Pass lines from before the period too
 *     (outstanding checks) and a few business days after it (entries booked late).
 *   - Returns `{ matches, unmatched: { statement: ids, ledger: ids } }`. Each match:
 *     `{ class: "confident" | "possible", kind: "bank-line" | "check" | "amount" | "sum", score
 *     (0..1), reasons: string[], statement: ids, ledger: ids }`. No line is in two matches; matches
 *     are in statement order. The same input always gives the same output.
 *   - Passes, each on what the earlier left: (1) the bank line an entry was posted from;
 *     (2) a check number on both sides; (3) equal amounts within `dateWindow` business days,
 *     scored by date distance and word similarity of description/payee, look-alike groups paired
 *     as a whole and confident only with a clear lead (`margin`); (4) one-to-many and many-to-one
 *     by bounded subset-sum (≤ `maxParts` parts among ≤ `maxCandidates` nearby unmatched lines
 *     within `sumWindow` business days), confident only when unique, unlikely by chance and
 *     uncontested; (5) the rest unmatched.
 *   - Throws a validation `AppError` (`reconcile/duplicate-line-id`) when an id repeats on a side.
 *   - Matches carry ids only: the CLI's JSON (issue 13 item 5) shows statement lines as
 *     `{externalId, date, amount, description}` and ledger lines as `{entryId, reference, date,
 *     amount, description}`; look the ids up in the input. Amounts stay bigint: format at the edge.
 *   - Cost: 50,000 × 50,000 lines in about 1 s of one core (`npm run bench -- reconcile`); a monthly
 *     statement is instant, so the service can match again after every accept or reject.
 * - `validateStatement(statement): StatementProblem[]` — lines that do not sum from opening to
 *   closing (`statement/lines-do-not-sum`, with `difference` and the amounts in words), lines
 *   outside the period, invalid dates or period, duplicate lines. Empty when sound.
 * - `reconciliationBalances({ opening, closing }, clearedLedgerLines)` → cleared deposits and
 *   payments, `clearedBalance` (opening + cleared), `difference` (closing − cleared balance;
 *   complete only at zero). `matchedLedgerIds(result, classes?)` — the ledger ids of matches of
 *   the given classes (default confident), to clear what auto-reconcile accepts.
 * - `syntheticBooks({ seed, lines, … })` and `evaluateMatches(result, truth, totals)` — seeded
 *   noisy books with their truth, and the quality figures the benchmark prints (tests, demo).
 * - `addBusinessDays(date, n)` — the business-day arithmetic the windows use (weekends skipped).
 */
export {
  DEFAULT_OPTIONS,
  type LedgerLine,
  type Match,
  type MatchClass,
  type MatchKind,
  type MatchOptions,
  type MatchResult,
  type Statement,
  type StatementLine,
} from "./types.ts";
export { matchStatement } from "./match-statement.ts";
export { validateStatement, type StatementProblem } from "./validate.ts";
export { matchedLedgerIds, reconciliationBalances, type ReconciliationBalances } from "./balances.ts";
export { syntheticBooks, type SyntheticBooks, type SyntheticOptions, type TruthGroup } from "./synthetic.ts";
export { evaluateMatches, type MatchQuality } from "./evaluate.ts";
export { addBusinessDays } from "./business-days.ts";
