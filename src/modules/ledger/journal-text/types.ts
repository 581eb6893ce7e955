// The shapes the journal-text module hands out: a parsed journal (entries, accounts, commodities,
// prices, warnings) and the ledger data the exporter takes. Amounts are exact: bigint at a scale.

/** An exact amount: `quantity` units of 10^-scale of `commodity` ("0.71 B" → 71n, scale 2, "B"). */
export interface Amount {
  quantity: bigint;
  scale: number;
  /** The symbol exactly as written, without quotes ("$", "EUR", "ABC 1"); "" when none was written. */
  commodity: string;
}

/** Account types hledger knows: Asset, Liability, Equity, Revenue, eXpense, Cash, conVersion. */
export type AccountType = "A" | "L" | "E" | "R" | "X" | "C" | "V";

export type Status = "" | "*" | "!";

export interface Tag {
  name: string;
  value: string;
}

/** How an amount is displayed: hledger infers this per commodity (or takes it from a directive). */
export interface CommodityStyle {
  side: "left" | "right";
  /** A space between symbol and number ("10 EUR", "$ 5"). */
  spaced: boolean;
  decimalMark: "." | ",";
  /** Digit group mark (",", ".", " ") or null when numbers are written without grouping. */
  digitGroupMark: string | null;
  /** Digit group sizes, rightmost first; the last repeats ([3] for 1,000,000). */
  digitGroupSizes: number[];
  /** Decimal places shown; null means "as many as the number has" (hledger's natural precision). */
  precision: number | null;
}

export interface CommodityInfo {
  symbol: string;
  /** True when a `commodity` directive gave its format (the style then comes from it alone). */
  declared: boolean;
  /** Display style hledger uses for this commodity; null when no amount was written in it. */
  style: CommodityStyle | null;
  /**
   * Most decimal places of any amount in this commodity (written, inferred, assigned or cost):
   * the scale a store needs to hold every amount of the journal exactly.
   */
  maxScale: number;
  line?: number;
}

export interface BalanceAssertion {
  amount: Amount;
  /** `==`: the account must hold no other commodity. */
  total: boolean;
  /** `=*`/`==*`: include subaccounts. */
  inclusive: boolean;
}

export interface ParsedPosting {
  account: string;
  /** Always present: missing amounts are inferred, balance assignments computed. */
  amount: Amount;
  /** Where the amount came from. */
  amountSource: "written" | "inferred" | "assigned";
  /**
   * The price as written: `@` unit, `@@` total, or "inferred" when hledger's two-commodity rule
   * supplied it (then `price.amount` is the total, unsigned like `@@`).
   */
  price?: { kind: "unit" | "total" | "inferred"; amount: Amount };
  /** Signed total cost in the price commodity: what the posting contributes when balancing. */
  cost?: Amount;
  assertion?: BalanceAssertion;
  /** `(acct)` or `[acct]`. */
  isVirtual: boolean;
  /** False only for `(acct)`: unbalanced virtual postings need not balance (hledger's bal counts them). */
  balanced: boolean;
  status: Status;
  comment: string;
  tags: readonly Tag[];
  /** 1-based line of the posting in the file. */
  line: number;
}

export interface ParsedEntry {
  /** ISO date, YYYY-MM-DD. */
  date: string;
  /** Secondary date (`=DATE2`) when written, as ISO; kept but not used. */
  date2?: string;
  status: Status;
  code: string;
  description: string;
  /** hledger's split of the description at the first `|`; both are the description when there is none. */
  payee: string;
  note: string;
  comment: string;
  tags: readonly Tag[];
  /** 1-based line of the transaction's first line. */
  line: number;
  /** The included file it was read from (as the include named it); absent for the file imported. */
  file?: string | undefined;
  postings: ParsedPosting[];
  /**
   * Per commodity, what is left after balancing at display precision (hledger accepts a transaction
   * whose postings sum to less than half a unit of the last displayed digit). Empty when exact.
   */
  residual: readonly Amount[];
}

export interface DeclaredAccount {
  name: string;
  type?: AccountType;
  note?: string;
  line: number;
}

export interface MarketPrice {
  date: string;
  commodity: string;
  price: Amount;
  line: number;
}

export interface JournalWarning {
  line: number;
  /** The included file the line is in; absent for the file imported. */
  file?: string;
  code: string;
  message: string;
}

export interface ParsedJournal {
  entries: ParsedEntry[];
  /** Accounts declared with `account`, in declaration order (hledger's report order). */
  accounts: DeclaredAccount[];
  /** Every commodity seen or declared, by symbol. */
  commodities: Map<string, CommodityInfo>;
  prices: MarketPrice[];
  warnings: JournalWarning[];
  /** Base account for equity conversion postings: the first account declared with type V, else "equity:conversion". */
  conversionAccount: string;
  /** Commodity of `D`, applied to amounts written without one. */
  defaultCommodity?: string;
}

/** A file an `include` directive names, read by the caller (the parser does no I/O). */
export interface IncludedSource {
  /** How messages name it: its path relative to the file imported. */
  name: string;
  /** Its path, from which its own includes are resolved (as hledger does: relative to the file). */
  path: string;
  /** Its real identity (symlinks resolved): the same file reached twice in one chain is a cycle. */
  id: string;
  text: string;
}

/**
 * The files an include's argument (a path or a glob, relative to the including file's folder) names,
 * in hledger's order. Throws a LineError (or AppError) when nothing matches or a file cannot be read.
 */
export type IncludeResolver = (argument: string, fromPath: string | undefined) => IncludedSource[];

export interface ParseOptions {
  fileName?: string;
  /** The path of the file imported (its includes are resolved from its folder). */
  filePath?: string;
  /** Its real identity, for cycle detection (see IncludedSource.id). */
  fileId?: string;
  /** Reads included files; without it an `include` directive is refused. */
  include?: IncludeResolver;
  /**
   * The year of dates written without one ("1/31") when no `Y`/`year` directive precedes them:
   * hledger takes the current year. Without it such a date is refused.
   */
  currentYear?: number;
  /**
   * Periodic (`~`) and automated (`=`) transactions are rules, not ledger data. "refuse" (the default)
   * fails with the line; "skip" leaves them out with a warning each, as `hledger bal` does without
   * --forecast/--auto.
   */
  rules?: "refuse" | "skip";
}

/** One row of a trial balance: an account's balance in one commodity. */
export interface TrialBalanceRow {
  account: string;
  commodity: string;
  quantity: bigint;
  scale: number;
}

export interface ExportPosting {
  account: string;
  quantity: bigint;
  commodity: string;
  scale: number;
  /** Signed total cost (what the posting is worth in another commodity); written as `@@`. */
  cost?: { quantity: bigint; commodity: string; scale: number };
  /**
   * The unit price as originally written, if known. Written as `@` instead of `@@` when quantity × unit
   * price is exactly the cost (hledger then shows conversions with the price's decimals, as before).
   */
  unitPrice?: { quantity: bigint; commodity: string; scale: number };
  /** A generated equity conversion line: omitted (hledger re-infers it with --infer-equity). */
  isConversion?: boolean;
  /** `(acct)` unbalanced or `[acct]` balanced virtual posting. */
  virtual?: "unbalanced" | "balanced";
  memo?: string;
}

export interface ExportEntry {
  /** YYYY-MM-DD. */
  date: string;
  description: string;
  code?: string;
  status?: Status;
  comment?: string;
  postings: ExportPosting[];
}

export interface ExportInput {
  accounts: { name: string; type?: AccountType }[];
  /** `style` (from the import) keeps hledger's display identical; without it a plain style is used. */
  commodities: { symbol: string; scale: number; style?: CommodityStyle }[];
  prices?: { date: string; commodity: string; price: Amount }[];
  entries: ExportEntry[];
}
