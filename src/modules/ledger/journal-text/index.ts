// Plain-text journals (hledger / ledger syntax) in and out: the pure text side of ledger import/export.
// No I/O here; the ledger store turns ParsedJournal into rows and its rows into ExportInput.
/*
 * # journal-text
 *
 * Data ownership, and an oracle for our numbers: a client's ledger is exported as a journal that
 * `hledger -f FILE bal` reads and balances identically, and a journal can be imported into a ledger.
 * Checked against hledger 1.25 on every example journal in shared/data/journals that hledger accepts.
 *
 * ## API
 *
 * - `parseJournal(text, { fileName?, rules? }): ParsedJournal` — pure. Entries with every amount
 *   explicit and exact (`{ quantity: bigint, scale, commodity }`, "0.71" → 71n at scale 2), declared
 *   accounts (with types), commodities (display style, precision, `maxScale` = the scale a store
 *   needs to hold every amount exactly), `P` prices, warnings. Throws `AppError` (validation,
 *   code `journal/...`, `line` 1-based, `extra.fileName`) for anything malformed or unbalanced.
 * - `inferEquityPostings(entry, { conversionAccount?, roundingAccount? })` — pure. The postings
 *   `hledger --infer-equity` adds for costs: `<base>:A-B:A` (minus the posted amount) and
 *   `<base>:A-B:B` (plus the cost), A-B the two symbols sorted; virtual postings stay virtual.
 *   Store them as generated lines so each entry balances per commodity.
 * - `trialBalanceOf(journal, { inferEquity = true, includeUnbalancedVirtual = true })` — pure.
 *   Exact sums per account × commodity (names and symbols as written), zero sums left out.
 * - `exportJournal(input: ExportInput): string` — pure. `account`/`commodity`/`P` directives, then
 *   entries with explicit amounts; costs as `@@` totals (or `@` unit price when given and exact);
 *   `isConversion` lines left out (hledger re-infers them). `exportInputFromParsed` shows the mapping.
 * - `generateBenchmarkJournal(txns, accounts)` — hledger's generatejournal shape, deterministic
 *   (byte-identical to examples/1ktxns-100accts.journal for (1000, 100)).
 *
 * ## Files
 *
 * lines → `parse.ts` (line loop) with `state.ts` (directives in effect, drafts), `include.ts` and
 * `glob.ts` (include patterns, matched by the caller); `transactions.ts`
 * (transaction and posting lines), `amount.ts` + `number.ts` (amounts, decimal marks), `dates.ts`,
 * `tags.ts`; `directives.ts` with `account-directive.ts` and `commodity-directive.ts`; `styles.ts`
 * (display precision); `balancing.ts` (inference, price inference, balance check); `assertions.ts`
 * (assignments and assertions in date order); `equity.ts`; `trial-balance.ts`; `export.ts`,
 * `export-input.ts`, `format.ts`; `generate.ts`; `decimal.ts` (exact arithmetic). `testkit.ts` is
 * for tests only (runs hledger/ledger as oracles).
 *
 * Exports also read in ledger 3 (checked on the example journals).
 *
 * ## Decisions (hledger 1.25 is the reference)
 *
 * - Balancing: each posting counts at its cost when it has one; real postings and `[balanced
 *   virtual]` postings must each sum to zero at each commodity's display precision (within half a
 *   unit of the last shown digit, inclusive), as hledger does. What is left below that precision is
 *   kept per entry in `residual`; `inferEquityPostings(..., { roundingAccount })` books it so a
 *   store that checks to the last digit still balances. Display precision = the `commodity`
 *   directive's, else the most decimals written in that commodity (postings, `P`, `D`; not prices,
 *   not assertions). One amountless posting per group gets the negated sum (one posting per
 *   commodity). With no price written and exactly two commodities left, hledger's price inference
 *   applies (costs shared exactly by largest remainder when several postings need one).
 * - Virtual postings: `(acct)` is kept with `balanced: false` and counted by trialBalanceOf
 *   (`hledger bal` counts it); it unbalances the books by design, so a store must keep the flag.
 *   `[acct]` postings must balance among themselves.
 * - Balance assertions (`=`, `==`, `=*`, `==*`) are kept and checked in date order; a failure is a
 *   warning (hledger would stop). Balance assignments (assertion, no amount) are applied; like
 *   hledger 1.25, a transaction completed by an assignment loses its prices (with a warning).
 * - Periodic (`~`) and automated (`=`) transactions are refused with their line by default; with
 *   `rules: "skip"` they are left out with a warning each, which is what `hledger bal` does.
 * - `include` reads files through `options.include` (the caller's resolver; the parser does no I/O;
 *   without one it is refused): in place, with the parent's Y/alias/apply account/D in effect and
 *   none of the child's leaking back (hledger 1.25); a file met twice in one chain is a cycle,
 *   refused with the chain. Entries and warnings of included files carry `file`. `alias` (plain
 *   and /regex/) and `apply account` are applied (prefix first, then aliases, most recent alias
 *   first). `Y`/`year` complete MM-DD dates; without one, `options.currentYear` (hledger: this
 *   year); without that, such a date is refused. `(@)`/`(@@)` are costs, as in hledger 1.25. `N` and `C` are ignored with a warning; `apply tag`,
 *   value expressions and other ledger-only syntax are refused, as hledger does. Lot annotations
 *   (`{...}`, `[date]`) are ignored with a warning, as hledger does. `%` and `|` comment lines are
 *   accepted (ledger does; hledger 1.25 does not).
 * - Numbers: one `.` or `,` is a decimal mark unless the commodity's directive (or `decimal-mark`)
 *   says otherwise; with both, the last is the decimal mark; spaces may group digits. More
 *   decimals than a `commodity` directive shows are kept exactly, with a warning.
 * - A single space before `;` after an account name makes it part of the name (hledger's rule);
 *   we warn about it.
 */
export { parseJournal } from "./parse.ts";
export { inferEquityPostings, type ConversionPosting, type InferEquityOptions } from "./equity.ts";
export { trialBalanceOf, totalsByCommodity, type TrialBalanceOptions } from "./trial-balance.ts";
export { exportJournal } from "./export.ts";
export { exportInputFromParsed } from "./export-input.ts";
export { generateBenchmarkJournal } from "./generate.ts";
export type {
  AccountType,
  Amount,
  BalanceAssertion,
  CommodityInfo,
  CommodityStyle,
  DeclaredAccount,
  ExportEntry,
  ExportInput,
  ExportPosting,
  JournalWarning,
  MarketPrice,
  ParsedEntry,
  ParsedJournal,
  ParsedPosting,
  ParseOptions,
  Status,
  Tag,
  TrialBalanceRow,
} from "./types.ts";
