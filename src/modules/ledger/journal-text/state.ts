// What the parser remembers while it reads a journal top to bottom: directives in effect (year,
// default commodity, decimal marks, aliases, `apply account`), declarations, drafts, warnings.
// Account names are resolved once per distinct spelling and interned.
import type { AmountContext } from "./amount.ts";
import { journalError, LineError } from "./errors.ts";
import { StyleInference } from "./styles.ts";
import type {
  Amount,
  DeclaredAccount,
  JournalWarning,
  MarketPrice,
  ParseOptions,
  ParsedEntry,
  ParsedPosting,
} from "./types.ts";

/** A posting as read: its amount may still be missing (to be inferred or assigned). */
export interface DraftPosting extends Omit<ParsedPosting, "amount"> {
  amount: Amount | null;
}

/** An entry as read: like a parsed entry, but its postings may still lack amounts. */
export interface DraftEntry extends Omit<ParsedEntry, "postings"> {
  postings: DraftPosting[];
}

/** What indented lines after a directive mean. */
export type Block =
  | { kind: "none" }
  | { kind: "account"; account: DeclaredAccount }
  | { kind: "commodity"; symbol: string; line: number }
  | { kind: "ignore" }
  | { kind: "comment"; endWord: string };

export interface Alias {
  /** Plain alias: the old name; regex alias: the pattern. */
  from: string | RegExp;
  to: string;
}

/** The directives that apply to the rest of one file: an included file starts with its parent's, and
 * what it changes does not leak back (hledger 1.25 keeps the parent's parse state after an include). */
export interface FileScope {
  defaultYear: number | undefined;
  defaultCommodity: string | undefined;
  globalDecimalMark: "." | "," | null;
  defaultDecimalMark: "." | "," | null;
  aliases: Alias[];
  prefixes: string[];
}

/** An included file being read: its name for messages and its identity for cycle detection. */
export interface OpenFile {
  name: string | undefined;
  path: string | undefined;
  id: string | undefined;
}

export class ParserState implements AmountContext {
  /** The file being read (an included one while its lines are read), for messages. */
  fileName: string | undefined;
  /** Its path, from which its own includes are resolved. */
  filePath: string | undefined;
  /** Files being read, outermost first: an include of one of them is a cycle. */
  readonly fileStack: OpenFile[] = [];
  /** Depth of include nesting (0 in the file imported). */
  includeDepth = 0;
  readonly rules: "refuse" | "skip";
  readonly include: ParseOptions["include"];
  /** The year of dates written without one when no `Y` directive is in effect (hledger: this year). */
  readonly currentYear: number | undefined;
  defaultYear: number | undefined;
  defaultCommodity: string | undefined;
  /** From a `decimal-mark` directive: applies to every commodity, above their own directives. */
  globalDecimalMark: "." | "," | null = null;
  /** The decimal mark of the `D` directive's sample: applies to commodities without a directive. */
  defaultDecimalMark: "." | "," | null = null;
  readonly decimalMarks = new Map<string, "." | ",">();
  /** Precision from `commodity` directives: more decimals than this gets a warning (kept exactly). */
  readonly declaredPrecision = new Map<string, number>();
  readonly styles = new StyleInference();
  readonly accounts: DeclaredAccount[] = [];
  readonly accountIndex = new Map<string, DeclaredAccount>();
  readonly commodityLines = new Map<string, number>();
  readonly prices: MarketPrice[] = [];
  readonly warnings: JournalWarning[] = [];
  readonly entries: DraftEntry[] = [];
  hasAssertions = false;
  /** Entries with a balance assignment (`acct  = $100`, no amount): completed in date order. */
  readonly assignmentEntries = new Set<DraftEntry>();

  /** Most recent first: hledger applies the latest alias first, each seeing the previous result. */
  private aliases: Alias[] = [];
  private prefixes: string[] = [];
  private prefix = "";
  private resolved = new Map<string, string>();
  private readonly interned = new Map<string, string>();

  constructor(options: ParseOptions) {
    this.fileName = options.fileName;
    this.filePath = options.filePath;
    this.rules = options.rules ?? "refuse";
    this.include = options.include;
    this.currentYear = options.currentYear;
    this.fileStack.push({ name: options.fileName, path: options.filePath, id: options.fileId });
  }

  /** The year a date without one takes: the `Y` directive's, else the current year when known. */
  yearForShortDates(): number | undefined {
    return this.defaultYear ?? this.currentYear;
  }

  saveScope(): FileScope {
    return {
      defaultYear: this.defaultYear,
      defaultCommodity: this.defaultCommodity,
      globalDecimalMark: this.globalDecimalMark,
      defaultDecimalMark: this.defaultDecimalMark,
      aliases: this.aliases,
      prefixes: this.prefixes,
    };
  }

  restoreScope(scope: FileScope): void {
    this.defaultYear = scope.defaultYear;
    this.defaultCommodity = scope.defaultCommodity;
    this.globalDecimalMark = scope.globalDecimalMark;
    this.defaultDecimalMark = scope.defaultDecimalMark;
    this.aliases = scope.aliases;
    this.prefixes = scope.prefixes;
    this.prefix = this.prefixes.map((p) => p + ":").join("");
    this.resolved = new Map();
  }

  /**
   * hledger 1.25's order (getDecimalMarkStyle, then getAmountStyle): a `decimal-mark` directive, then
   * the commodity's own directive, then the `D` directive's style, which every commodity without a
   * directive borrows ("D $1,000.00" makes "1,000£" a thousand pounds, not one).
   */
  declaredDecimalMark(commodity: string): "." | "," | null {
    return this.globalDecimalMark ?? this.decimalMarks.get(commodity) ?? this.defaultDecimalMark;
  }

  /** A warning for a line of the file being read (or of `file`, an included file's name). */
  warn(line: number, code: string, message: string, file: string | undefined = this.includedName()): void {
    this.warnings.push(file === undefined ? { line, code, message } : { line, code, message, file });
  }

  /** The name of the included file being read; undefined in the file imported. */
  includedName(): string | undefined {
    return this.includeDepth > 0 ? this.fileName : undefined;
  }

  error(code: string, line: number, message: string, extra?: Record<string, unknown>) {
    return journalError(code, line, message, this.fileName, extra);
  }

  /** Rethrows a LineError from a line parser as an AppError for that line (of `file` when given). */
  rethrow(e: unknown, line: number, file?: string): never {
    if (e instanceof LineError) {
      throw file === undefined
        ? this.error(e.code, line, e.message)
        : journalError(e.code, line, e.message, file);
    }
    throw e;
  }

  intern(name: string): string {
    const known = this.interned.get(name);
    if (known !== undefined) return known;
    this.interned.set(name, name);
    return name;
  }

  /** The account a written name refers to: `apply account` prefix first, then aliases (hledger's order). */
  resolveAccount(written: string, lineNo: number): string {
    const cached = this.resolved.get(written);
    if (cached !== undefined) return cached;
    if (written.indexOf(" ;") >= 0) {
      this.warn(
        lineNo,
        "semicolon-in-account",
        `account name "${written}" contains " ;": a comment after an account name needs two spaces before ";"`,
      );
    }
    let name = this.prefix + written;
    for (const alias of this.aliases) {
      if (typeof alias.from === "string") {
        if (name === alias.from) name = alias.to;
        else if (name.startsWith(alias.from + ":")) name = alias.to + name.slice(alias.from.length);
      } else {
        name = name.replace(alias.from, alias.to);
      }
    }
    const result = this.intern(name);
    this.resolved.set(written, result);
    return result;
  }

  addAlias(alias: Alias): void {
    this.aliases = [alias, ...this.aliases];
    this.resolved = new Map();
  }

  clearAliases(): void {
    this.aliases = [];
    this.resolved = new Map();
  }

  pushPrefix(account: string): void {
    this.prefixes = [...this.prefixes, account];
    this.prefix = this.prefixes.map((p) => p + ":").join("");
    this.resolved = new Map();
  }

  popPrefix(): boolean {
    if (this.prefixes.length === 0) return false;
    this.prefixes = this.prefixes.slice(0, -1);
    this.prefix = this.prefixes.map((p) => p + ":").join("");
    this.resolved = new Map();
    return true;
  }
}
