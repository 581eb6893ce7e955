// Top-level directives: account, commodity, P, D, Y/year, alias, apply account, decimal-mark and the
// ones we refuse (include, ledger-only features) or skip with a warning (N, C). Returns what the
// indented lines that follow belong to.
import { scanAmount } from "./amount.ts";
import { dateTokenEnd, parseDate } from "./dates.ts";
import { LineError } from "./errors.ts";
import type { ParserState } from "./state.ts";
import { styleOfSample } from "./styles.ts";
import { tagsOf } from "./tags.ts";
import type { AccountType, DeclaredAccount } from "./types.ts";

/** What indented lines after a directive mean. */
export type Block =
  | { kind: "none" }
  | { kind: "account"; account: DeclaredAccount }
  | { kind: "commodity"; symbol: string; line: number }
  | { kind: "ignore" }
  | { kind: "comment"; endWord: string };

const NONE: Block = { kind: "none" };
const IGNORE: Block = { kind: "ignore" };

const TYPE_CODES: Record<string, AccountType> = {
  a: "A",
  asset: "A",
  assets: "A",
  l: "L",
  liability: "L",
  liabilities: "L",
  e: "E",
  equity: "E",
  r: "R",
  revenue: "R",
  revenues: "R",
  x: "X",
  expense: "X",
  expenses: "X",
  c: "C",
  cash: "C",
  v: "V",
  conversion: "V",
};

/** Ledger directives hledger 1.25 refuses too; naming them gives a clearer message than "unknown". */
const UNSUPPORTED = new Set([
  "apply",
  "bucket",
  "A",
  "assert",
  "check",
  "define",
  "def",
  "expr",
  "value",
  "eval",
  "python",
  "import",
  "capture",
  "end",
  "i",
  "I",
  "o",
  "O",
  "b",
  "h",
]);

function typeFromComment(comment: string): AccountType | undefined {
  for (const tag of tagsOf(comment)) {
    if (tag.name.toLowerCase() !== "type") continue;
    const code = TYPE_CODES[tag.value.toLowerCase()];
    if (code === undefined) {
      throw new LineError(
        "bad-account-type",
        `account type "${tag.value}" is not one of A, L, E, R, X, C, V (Asset, Liability, Equity, Revenue, Expense, Cash, Conversion)`,
      );
    }
    return code;
  }
  return undefined;
}

/** Splits "NAME  ; comment" (two spaces or a tab before `;`) into name and comment. */
function nameAndComment(rest: string): [string, string] {
  const m = /(?: {2,}|\t)/.exec(rest);
  const name = (m ? rest.slice(0, m.index) : rest).trim();
  const tail = m ? rest.slice(m.index).trim() : "";
  if (tail !== "" && !tail.startsWith(";")) return [rest.trim(), ""];
  return [name, tail.replace(/^;\s?/, "")];
}

function declareAccount(state: ParserState, rest: string, lineNo: number): Block {
  const [written, comment] = nameAndComment(rest);
  if (!written) throw new LineError("missing-account", `"account" needs an account name`);
  const name = state.resolveAccount(written, lineNo);
  const type = comment ? typeFromComment(comment) : undefined;
  let account = state.accountIndex.get(name);
  if (account === undefined) {
    account = { name, line: lineNo };
    state.accounts.push(account);
    state.accountIndex.set(name, account);
  }
  if (type !== undefined && account.type === undefined) account.type = type;
  return { kind: "account", account };
}

/** An indented line under `account`: ledger sub-directives (note, alias, ...) or `; type:` comments. */
export function accountSubLine(
  state: ParserState,
  account: DeclaredAccount,
  text: string,
  lineNo: number,
): void {
  if (text.startsWith(";") || text.startsWith("#")) {
    const type = typeFromComment(text.slice(1));
    if (type !== undefined && account.type === undefined) account.type = type;
    return;
  }
  const word = text.split(/\s+/, 1)[0]!;
  if (word === "note") {
    const note = text.slice(4).trim();
    account.note = account.note ? `${account.note}\n${note}` : note;
  } else if (word === "type") {
    const code = TYPE_CODES[text.slice(4).trim().toLowerCase()];
    if (code === undefined)
      throw new LineError("bad-account-type", `unknown account type "${text.slice(4).trim()}"`);
    account.type ??= code;
  } else {
    state.warn(
      lineNo,
      "account-subdirective-ignored",
      `"${word}" under "account ${account.name}" is ignored`,
    );
  }
}

function declareCommodity(state: ParserState, rest: string, lineNo: number): Block {
  const text = rest.replace(/\s(?:;|#).*$/, "").trim();
  if (!text)
    throw new LineError(
      "missing-commodity",
      `"commodity" needs a symbol or a sample amount like "$1,000.00"`,
    );
  const symbol = commoditySample(state, text, lineNo);
  return { kind: "commodity", symbol, line: lineNo };
}

/** Reads `commodity`'s (or `format`'s) argument: a sample amount sets the style, a bare symbol just declares. */
function commoditySample(state: ParserState, text: string, lineNo: number): string {
  let scanned;
  try {
    scanned = scanAmount(text, 0, text.length, {
      declaredDecimalMark: () => null,
      defaultCommodity: undefined,
    });
  } catch {
    scanned = undefined;
  }
  if (scanned && scanned.end === text.length) {
    const symbol = scanned.amount.commodity;
    if (scanned.style.decimalMark === null) {
      // hledger 1.25 refuses these too: "1,000" could mean one thousand or one.
      throw new LineError(
        "bad-commodity",
        `commodity format "${text}" needs a decimal mark to be unambiguous, like "$1,000.00", "1.000,00 EUR" or "$1000."`,
      );
    }
    const style = styleOfSample(scanned.style, scanned.amount.scale);
    state.styles.declare(symbol, style);
    state.declaredPrecision.set(symbol, scanned.amount.scale);
    if (scanned.style.decimalMark !== null) state.decimalMarks.set(symbol, scanned.style.decimalMark);
    else if (scanned.style.digitGroupMark === "," || scanned.style.digitGroupMark === ".")
      state.decimalMarks.set(symbol, scanned.style.digitGroupMark === "," ? "." : ",");
    if (!state.commodityLines.has(symbol)) state.commodityLines.set(symbol, lineNo);
    return symbol;
  }
  const symbol = text.startsWith('"') && text.endsWith('"') && text.length >= 2 ? text.slice(1, -1) : text;
  if (/\s/.test(symbol) && !text.startsWith('"')) {
    throw new LineError("bad-commodity", `"${text}" is not a commodity symbol or sample amount`);
  }
  if (!state.commodityLines.has(symbol)) state.commodityLines.set(symbol, lineNo);
  return symbol;
}

export function commoditySubLine(state: ParserState, symbol: string, text: string, lineNo: number): void {
  if (text.startsWith(";") || text.startsWith("#")) return;
  const word = text.split(/\s+/, 1)[0]!;
  if (word === "format") {
    const sampleSymbol = commoditySample(state, text.slice(6).trim(), lineNo);
    if (sampleSymbol !== symbol) {
      throw new LineError(
        "bad-commodity",
        `format "${text.slice(6).trim()}" is for "${sampleSymbol}", not "${symbol}"`,
      );
    }
  } else if (word !== "note" && word !== "alias" && word !== "nomarket" && word !== "default") {
    state.warn(lineNo, "commodity-subdirective-ignored", `"${word}" under "commodity ${symbol}" is ignored`);
  }
}

function marketPrice(state: ParserState, rest: string, lineNo: number): void {
  const dEnd = dateTokenEnd(rest, 0, rest.length);
  const date = parseDate(rest.slice(0, dEnd), state.defaultYear);
  let i = skipBlanks(rest, dEnd);
  // Ledger writes a time after the date ("P 2004/06/21 02:18:02 AAPL $32.91"); it does not matter here.
  if (rest.charCodeAt(i) >= 48 && rest.charCodeAt(i) <= 57) {
    const time = /^\d{1,2}:\d{2}(?::\d{2})?/.exec(rest.slice(i));
    if (time) i = skipBlanks(rest, i + time[0].length);
  }
  let symbol: string;
  if (rest.charCodeAt(i) === 34 /* " */) {
    const close = rest.indexOf('"', i + 1);
    if (close < 0) throw new LineError("malformed-price", `unclosed quote in "P" commodity`);
    symbol = rest.slice(i + 1, close);
    i = close + 1;
  } else {
    const start = i;
    while (i < rest.length && rest.charCodeAt(i) !== 32 && rest.charCodeAt(i) !== 9) i++;
    symbol = rest.slice(start, i);
  }
  i = skipBlanks(rest, i);
  let end = rest.indexOf(";", i);
  if (end < 0) end = rest.length;
  while (end > i && (rest.charCodeAt(end - 1) === 32 || rest.charCodeAt(end - 1) === 9)) end--;
  if (!symbol || i >= end)
    throw new LineError("malformed-price", `"P" needs a date, a commodity and a price`);
  const scanned = scanAmount(rest, i, end, state);
  if (scanned.end !== end) {
    throw new LineError(
      "malformed-price",
      `unexpected "${rest.slice(scanned.end, end).trim()}" after the price`,
    );
  }
  state.styles.notePrice(scanned.amount.commodity, scanned.style, scanned.amount.scale);
  state.prices.push({ date, commodity: symbol, price: scanned.amount, line: lineNo });
}

function skipBlanks(s: string, i: number): number {
  while (i < s.length && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
  return i;
}

function defaultCommodity(state: ParserState, rest: string): void {
  const text = rest.replace(/\s;.*$/, "").trim();
  const scanned = scanAmount(text, 0, text.length, {
    declaredDecimalMark: () => null,
    defaultCommodity: undefined,
  });
  if (scanned.end !== text.length || !scanned.hasSymbol) {
    throw new LineError("malformed-amount", `"D" needs a sample amount with a commodity, like "D $1,000.00"`);
  }
  const symbol = scanned.amount.commodity;
  state.defaultCommodity = symbol;
  state.styles.noteDefault(symbol, scanned.style, scanned.amount.scale);
  if (scanned.style.decimalMark !== null && !state.decimalMarks.has(symbol)) {
    state.decimalMarks.set(symbol, scanned.style.decimalMark);
  }
}

function alias(state: ParserState, rest: string): void {
  const eq = rest.startsWith("/") ? rest.indexOf("=", rest.lastIndexOf("/")) : rest.indexOf("=");
  if (eq < 0) throw new LineError("bad-alias", `alias needs "OLD = NEW" or "/REGEX/ = REPLACEMENT"`);
  const from = rest.slice(0, eq).trim();
  const to = rest.slice(eq + 1).trim();
  if (!from) throw new LineError("bad-alias", `alias needs an account name or /regex/ before "="`);
  if (from.startsWith("/") && from.endsWith("/") && from.length >= 2) {
    let re: RegExp;
    try {
      re = new RegExp(from.slice(1, -1), "gi");
    } catch (e) {
      throw new LineError(
        "bad-alias",
        `alias regular expression ${from} is invalid: ${(e as Error).message}`,
      );
    }
    // hledger writes back-references as \1; JavaScript as $1.
    state.addAlias({ from: re, to: to.replace(/\$/g, "$$$$").replace(/\\(\d)/g, "$$$1") });
  } else {
    state.addAlias({ from, to });
  }
}

function year(state: ParserState, rest: string): void {
  const y = rest.trim();
  if (!/^\d{4,}$/.test(y)) throw new LineError("bad-year", `"${y}" is not a year`);
  state.defaultYear = Number(y);
}

/** Handles one non-indented directive line. */
export function parseDirective(state: ParserState, line: string, lineNo: number): Block {
  // Market prices can be as many as transactions: skip the general word split for them.
  if (line.charCodeAt(0) === 80 /* P */ && (line.charCodeAt(1) === 32 || line.charCodeAt(1) === 9)) {
    marketPrice(state, line.slice(2).trimStart(), lineNo);
    return NONE;
  }
  const m = /^(\S+)\s*(.*)$/.exec(line);
  const word = m?.[1] ?? "";
  const rest = m?.[2] ?? "";
  switch (word) {
    case "account":
      return declareAccount(state, rest, lineNo);
    case "commodity":
      return declareCommodity(state, rest, lineNo);
    case "P":
      marketPrice(state, rest, lineNo);
      return NONE;
    case "D":
      defaultCommodity(state, rest);
      return NONE;
    case "Y":
    case "year":
      year(state, rest);
      return NONE;
    case "alias":
      alias(state, rest);
      return NONE;
    case "include":
      throw new LineError(
        "include-not-supported",
        `"include ${rest.trim()}": a journal is imported as one file; combine the files first ` +
          `(for example "hledger -f main.journal print > combined.journal")`,
      );
    case "comment":
      return { kind: "comment", endWord: "end comment" };
    case "test":
      return { kind: "comment", endWord: "end test" };
    case "decimal-mark": {
      const mark = rest.trim();
      if (mark !== "." && mark !== ",")
        throw new LineError("bad-decimal-mark", `decimal-mark must be "." or ","`);
      state.globalDecimalMark = mark;
      return NONE;
    }
    case "payee":
    case "tag":
      return IGNORE;
    case "N":
    case "C":
      state.warn(
        lineNo,
        "directive-ignored",
        `"${word}" directive is ignored (hledger ignores it too); ` +
          (word === "C" ? "amounts are not converted" : "it only affects ledger's market values"),
      );
      return NONE;
    default:
      break;
  }
  const sub = /^(\S+)\s+(\S+)\s*(.*)$/.exec(line);
  if (word === "apply" && sub?.[2] === "account") {
    const name = sub[3]!.replace(/\s;.*$/, "").trim();
    if (!name) throw new LineError("bad-apply", `"apply account" needs an account name`);
    state.pushPrefix(name);
    return NONE;
  }
  if (word === "apply" && sub?.[2] === "year") {
    year(state, sub[3] ?? "");
    return NONE;
  }
  if (word === "end" && (sub?.[2] === "aliases" || line.trim() === "end aliases")) {
    state.clearAliases();
    return NONE;
  }
  if (word === "end" && (line.trim() === "end apply account" || line.trim() === "end apply")) {
    if (!state.popPrefix())
      throw new LineError("bad-apply", `"${line.trim()}" without a matching "apply account"`);
    return NONE;
  }
  if (UNSUPPORTED.has(word)) {
    const what = word === "apply" || word === "end" ? line.trim().split(/\s+/).slice(0, 2).join(" ") : word;
    throw new LineError(
      "unsupported-directive",
      `"${what}" is a ledger feature we (and hledger) do not support`,
    );
  }
  throw new LineError(
    "unknown-directive",
    `"${line.trim().slice(0, 40)}" is neither a transaction (those start with a date, like 2024-01-31) nor a known directive`,
  );
}

export { parseDate };
