// The `account` directive: declared accounts in order (hledger reports in that order), their type
// from a `; type:` tag or a ledger-style sub-directive, and notes.
import { LineError } from "./errors.ts";
import type { Block, ParserState } from "./state.ts";
import { tagsOf } from "./tags.ts";
import type { AccountType, DeclaredAccount } from "./types.ts";

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
  if (tail !== "" && !tail.startsWith(";")) {
    throw new LineError(
      "bad-account",
      `unexpected "${tail}" after the account name (a comment starts with ";")`,
    );
  }
  return [name, tail.replace(/^;\s?/, "")];
}

export function declareAccount(state: ParserState, rest: string, lineNo: number): Block {
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
