// Top-level directives: account, commodity, P, D, Y/year, alias, apply account, decimal-mark and the
// ones we refuse (ledger-only features) or skip with a warning (N, C). Returns what the
// indented lines that follow belong to.
import { declareAccount } from "./account-directive.ts";
import { declareCommodity, defaultCommodity, marketPrice } from "./commodity-directive.ts";
import { LineError } from "./errors.ts";
import type { Block, ParserState } from "./state.ts";

const NONE: Block = { kind: "none" };
const IGNORE: Block = { kind: "ignore" };

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
