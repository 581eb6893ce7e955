// Reads a transaction's first line (date, status, code, description, comment) and its posting lines
// (status, account, amount, price, balance assertion, comment). Index scanning, no regex per line.
import { scanAmount } from "./amount.ts";
import { dateTokenEnd, parseDate } from "./dates.ts";
import { decToString } from "./decimal.ts";
import { LineError } from "./errors.ts";
import type { DraftEntry, DraftPosting, ParserState } from "./state.ts";
import { tagsOf } from "./tags.ts";
import type { Amount, BalanceAssertion, Status, Tag } from "./types.ts";

const SPACE = 32;
// Most entries and postings have no tags and no residual: they share one frozen empty list.
const NO_TAGS: readonly Tag[] = Object.freeze([]);
const NO_AMOUNTS: readonly Amount[] = Object.freeze([]);
const TAB = 9;

function skipSpaces(s: string, i: number, end: number): number {
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c !== SPACE && c !== TAB) break;
    i++;
  }
  return i;
}

/** Strips the comment marker and one following space, as hledger shows comment text. */
function commentText(s: string, from: number, end: number): string {
  return s.slice(from, end).trim();
}

/** Parses `DATE[=DATE2] [*|!] [(CODE)] DESCRIPTION [; COMMENT]`. */
export function parseHeader(s: string, end: number, lineNo: number, state: ParserState): DraftEntry {
  const dateEnd = dateTokenEnd(s, 0, end);
  const date = parseDate(s.slice(0, dateEnd), state.yearForShortDates());
  let i = dateEnd;
  let date2: string | undefined;
  if (s.charCodeAt(i) === 61 /* = */) {
    const d2End = dateTokenEnd(s, i + 1, end);
    date2 = parseDate(s.slice(i + 1, d2End), Number(date.slice(0, 4)));
    i = d2End;
  }
  if (i < end) {
    const c = s.charCodeAt(i);
    if (c !== SPACE && c !== TAB && c !== 59 /* ; */) {
      throw new LineError(
        "bad-date",
        `"${s.slice(0, Math.min(end, i + 12)).trim()}" does not start with a valid date`,
      );
    }
  }
  i = skipSpaces(s, i, end);
  let status: Status = "";
  const sc = s.charCodeAt(i);
  if (sc === 42 /* * */ || sc === 33 /* ! */) {
    status = sc === 42 ? "*" : "!";
    i = skipSpaces(s, i + 1, end);
  }
  let code = "";
  if (s.charCodeAt(i) === 40 /* ( */) {
    const close = s.indexOf(")", i + 1);
    if (close < 0 || close >= end)
      throw new LineError("bad-code", `transaction code "(" is not closed with ")"`);
    code = s.slice(i + 1, close).trim();
    i = skipSpaces(s, close + 1, end);
  }
  const semi = s.indexOf(";", i);
  const descEnd = semi >= 0 && semi < end ? semi : end;
  const description = s.slice(i, descEnd).trim();
  const comment = descEnd < end ? commentText(s, descEnd + 1, end) : "";
  const bar = description.indexOf("|");
  const payee = bar >= 0 ? description.slice(0, bar).trim() : description;
  const note = bar >= 0 ? description.slice(bar + 1).trim() : description;
  const entry: DraftEntry = {
    date,
    status,
    code,
    description,
    payee,
    note,
    comment,
    tags: comment ? tagsOf(comment) : NO_TAGS,
    line: lineNo,
    file: state.includedName(),
    postings: [],
    residual: NO_AMOUNTS,
    date2,
  };
  return entry;
}

/** Adds a comment line (text after `;`) to the transaction or to its last posting. */
export function addCommentLine(entry: DraftEntry, text: string): void {
  const last = entry.postings[entry.postings.length - 1];
  const target = last ?? entry;
  target.comment = target.comment ? `${target.comment}\n${text}` : text;
  if (text.indexOf(":") >= 0) target.tags = [...target.tags, ...tagsOf(text)];
}

/** hledger accepts more decimals than a commodity directive shows (it only rounds the display); we say so. */
function checkDeclaredPrecision(state: ParserState, a: Amount, lineNo: number): void {
  const p = state.declaredPrecision.get(a.commodity);
  if (p === undefined || a.scale <= p) return;
  if (a.quantity % 10n ** BigInt(a.scale - p) === 0n) return; // only trailing zeros: nothing hidden
  state.warn(
    lineNo,
    "more-decimals-than-declared",
    `${decToString(a.quantity, a.scale)} has ${a.scale} decimal places but the commodity directive for ` +
      `"${a.commodity}" shows ${p}; the amount is kept exactly, hledger displays it rounded`,
  );
}

function accountEnd(s: string, i: number, end: number): number {
  // Two spaces or a tab end an account name; single spaces are part of it (as in hledger).
  let j = i;
  while (j < end) {
    const c = s.charCodeAt(j);
    if (c === TAB) return j;
    if (c === SPACE && s.charCodeAt(j + 1) === SPACE) return j;
    j++;
  }
  return end;
}

/** Parses an indented posting line starting at `start` (after the indentation). */
export function parsePosting(
  s: string,
  start: number,
  end: number,
  lineNo: number,
  state: ParserState,
): DraftPosting {
  let i = start;
  let status: Status = "";
  const sc = s.charCodeAt(i);
  if (sc === 42 || sc === 33) {
    status = sc === 42 ? "*" : "!";
    i = skipSpaces(s, i + 1, end);
  }
  const aEnd = accountEnd(s, i, end);
  let written = s.slice(i, aEnd);
  if (written.endsWith(" ")) written = written.trimEnd();
  if (written.length === 0) throw new LineError("missing-account", "posting has no account name");
  let isVirtual = false;
  let balanced = true;
  const first = written.charCodeAt(0);
  if (first === 40 /* ( */ || first === 91 /* [ */) {
    const close = first === 40 ? ")" : "]";
    if (!written.endsWith(close) || written.length < 3) {
      throw new LineError("bad-account", `virtual account "${written}" must end with "${close}"`);
    }
    isVirtual = true;
    balanced = first === 91;
    written = written.slice(1, -1).trim();
  }
  const account = state.resolveAccount(written, lineNo);
  const posting: DraftPosting = {
    account,
    amount: null,
    amountSource: "written",
    isVirtual,
    balanced,
    status,
    comment: "",
    tags: NO_TAGS,
    line: lineNo,
    // Every posting gets the same shape (V8 keeps property access monomorphic on the hot path).
    price: undefined,
    cost: undefined,
    assertion: undefined,
  };
  i = skipSpaces(s, aEnd, end);
  let c = s.charCodeAt(i);
  if (i < end && c !== 59 /* ; */ && c !== 61 /* = */) {
    const scanned = scanAmount(s, i, end, state);
    posting.amount = scanned.amount;
    state.styles.notePosting(scanned.amount.commodity, scanned.style, scanned.amount.scale);
    if (state.declaredPrecision.size > 0) checkDeclaredPrecision(state, scanned.amount, lineNo);
    i = skipSpaces(s, scanned.end, end);
    c = s.charCodeAt(i);
    // Ledger lot annotations: hledger 1.25 reads and drops them, so do we (with a warning).
    while (i < end && (c === 123 /* { */ || c === 91) /* [ */) {
      const double = c === 123 && s.charCodeAt(i + 1) === 123; // {{total lot price}}
      const close = s.indexOf(c === 123 ? (double ? "}}" : "}") : "]", i + 1) + (double ? 1 : 0);
      if (close < (double ? 1 : 0) || close >= end)
        throw new LineError("malformed-amount", `unclosed "${s[i]}" after the amount`);
      state.warn(
        lineNo,
        "lot-annotation-ignored",
        `lot annotation "${s.slice(i, close + 1)}" is ignored (as hledger does)`,
      );
      i = skipSpaces(s, close + 1, end);
      c = s.charCodeAt(i);
    }
    // Ledger's "(@)"/"(@@)" (a cost not recorded as a market price) is a cost to hledger 1.25 too.
    const wrapped = c === 40 /* ( */ && s.charCodeAt(i + 1) === 64;
    if (c === 64 /* @ */ || wrapped) {
      const at = wrapped ? i + 1 : i;
      const total = s.charCodeAt(at + 1) === 64;
      i = at + (total ? 2 : 1);
      if (wrapped) {
        if (s.charCodeAt(i) !== 41 /* ) */)
          throw new LineError("malformed-amount", `"(@" must be closed: "(@)" or "(@@)"`);
        i++;
      }
      i = skipSpaces(s, i, end);
      if (i >= end || s.charCodeAt(i) === 59)
        throw new LineError("malformed-amount", `"@" must be followed by a price`);
      const price = scanAmount(s, i, end, state);
      posting.price = { kind: total ? "total" : "unit", amount: price.amount };
      const q = scanned.amount.quantity;
      const sign = q < 0n ? -1n : q > 0n ? 1n : 0n;
      posting.cost = total
        ? {
            quantity: price.amount.quantity * sign,
            scale: price.amount.scale,
            commodity: price.amount.commodity,
          }
        : {
            quantity: q * price.amount.quantity,
            scale: scanned.amount.scale + price.amount.scale,
            commodity: price.amount.commodity,
          };
      i = skipSpaces(s, price.end, end);
      c = s.charCodeAt(i);
    }
  }
  if (i < end && c === 61 /* = */) {
    const parsed = parseAssertion(s, i, end, state);
    posting.assertion = parsed.assertion;
    state.hasAssertions = true;
    i = parsed.end;
    c = s.charCodeAt(i);
  }
  if (i < end) {
    if (c !== 59) {
      throw new LineError(
        "malformed-amount",
        `unexpected "${s.slice(i, Math.min(end, i + 20))}" after the amount`,
      );
    }
    posting.comment = commentText(s, i + 1, end);
    if (posting.comment.indexOf(":") >= 0) posting.tags = tagsOf(posting.comment);
  }
  return posting;
}

function parseAssertion(
  s: string,
  i: number,
  end: number,
  state: ParserState,
): { assertion: BalanceAssertion; end: number } {
  let j = i + 1;
  let total = false;
  let inclusive = false;
  if (s.charCodeAt(j) === 61) {
    total = true;
    j++;
  }
  if (s.charCodeAt(j) === 42 /* * */) {
    inclusive = true;
    j++;
  }
  j = skipSpaces(s, j, end);
  if (j >= end || s.charCodeAt(j) === 59)
    throw new LineError("malformed-amount", `balance assertion has no amount`);
  const amt = scanAmount(s, j, end, state);
  let k = skipSpaces(s, amt.end, end);
  // "= $100 @ 1 EUR": hledger allows a price on the asserted amount; it does not matter for the check.
  if (s.charCodeAt(k) === 64) {
    k = skipSpaces(s, k + (s.charCodeAt(k + 1) === 64 ? 2 : 1), end);
    k = skipSpaces(s, scanAmount(s, k, end, state).end, end);
  }
  return { assertion: { amount: amt.amount, total, inclusive }, end: k };
}

export { skipSpaces };
