// exportJournal: writes ledger data as an hledger journal that `hledger -f FILE bal` reads back with the
// same balances and display: account directives (with types), commodity directives (style and
// precision), every amount explicit and exact, costs as `@@` totals (or the original `@` unit price
// when it is exact), conversion lines left out.
import { validationError } from "../../../platform/errors.ts";
import { parseDate } from "./dates.ts";
import { normalizeDec } from "./decimal.ts";
import { LineError } from "./errors.ts";
import { defaultStyleFor, formatAmount, quoteSymbol } from "./format.ts";
import type { Amount, CommodityStyle, ExportEntry, ExportInput, ExportPosting } from "./types.ts";

const HEADER = [
  "; Journal exported by Closebook. Read it with hledger (or ledger): `hledger -f FILE bal` shows the balances.",
  "; Conversions carry their price (@ or @@); `hledger bal --infer-equity` adds the equity conversion lines.",
];

function fail(code: string, field: string, detail: string): never {
  throw validationError(`journal/${code}`, detail, { field });
}

/** Account names must read back as themselves: no double spaces, tabs or line breaks, no ( [ * ! at the start. */
function checkAccount(name: string, field: string): void {
  if (name.length === 0 || name.trim() !== name)
    fail("export-bad-account", field, `account name "${name}" is empty or padded`);
  if (/\s{2}|[\t\r\n]/.test(name)) {
    fail("export-bad-account", field, `account name "${name}" has a tab, line break or two spaces in a row`);
  }
  if (/^[([*!;#]/.test(name) || (name.startsWith("(") && name.endsWith(")"))) {
    fail(
      "export-bad-account",
      field,
      `account name "${name}" starts with a character the journal format reserves`,
    );
  }
}

function checkSymbol(symbol: string, field: string): void {
  if (/["\r\n]/.test(symbol))
    fail("export-bad-commodity", field, `commodity symbol ${JSON.stringify(symbol)} cannot be written`);
}

function checkDate(date: string, field: string): void {
  try {
    if (parseDate(date, undefined) !== date) throw new LineError("bad-date", "not ISO");
  } catch {
    fail("export-bad-date", field, `"${date}" is not a date written YYYY-MM-DD`);
  }
}

/** One line of free text where the format has no escape: line breaks become spaces, ";" a comma. */
function oneLine(text: string, forbidden: RegExp): string {
  return text
    .replace(/[\r\n\t]+/g, " ")
    .replace(forbidden, ",")
    .trim();
}

function commentLines(text: string | undefined): string[] {
  if (!text) return [];
  return text.split(/\r?\n/).map((l) => l.trimEnd());
}

/** What `@@` needs: the total price, whose sign hledger multiplies by the quantity's. */
function totalPrice(p: ExportPosting, field: string): Amount {
  const cost = p.cost!;
  if (p.quantity === 0n && cost.quantity !== 0n) {
    fail("export-cost-without-quantity", field, `a zero amount cannot carry a non-zero cost`);
  }
  const d = normalizeDec({ quantity: p.quantity < 0n ? -cost.quantity : cost.quantity, scale: cost.scale });
  return { quantity: d.quantity, scale: d.scale, commodity: cost.commodity };
}

/**
 * The unit price to write instead of `@@`, when one was given and quantity × unit price is exactly the
 * cost: hledger shows a cost with its price's decimals, so `@ 114.78` keeps --infer-equity reports
 * looking as they did, where the exact total would show every digit.
 */
function exactUnitPrice(p: ExportPosting): Amount | null {
  const u = p.unitPrice;
  const cost = p.cost!;
  if (!u || u.commodity !== cost.commodity) return null;
  const q = p.quantity * u.quantity;
  const s = p.scale + u.scale;
  const common = Math.max(s, cost.scale);
  const lhs = q * 10n ** BigInt(common - s);
  const rhs = cost.quantity * 10n ** BigInt(common - cost.scale);
  return lhs === rhs ? { quantity: u.quantity, scale: u.scale, commodity: u.commodity } : null;
}

function postingAccount(p: ExportPosting): string {
  return p.virtual === "unbalanced"
    ? `(${p.account})`
    : p.virtual === "balanced"
      ? `[${p.account}]`
      : p.account;
}

function writeEntry(
  out: string[],
  e: ExportEntry,
  index: number,
  styleOf: (c: string) => CommodityStyle,
): void {
  const field = `entries[${index}]`;
  checkDate(e.date, `${field}.date`);
  const head = [e.date];
  if (e.status) head.push(e.status);
  const description = oneLine(e.description ?? "", /;/g);
  // An empty code keeps a description starting with ( * ! from reading as a code or a status.
  if (e.code) head.push(`(${oneLine(e.code, /[()]/g)})`);
  else if (/^[(*!]/.test(description)) head.push("()");
  if (description) head.push(description);
  const comments = commentLines(e.comment);
  out.push(head.join(" ") + (comments.length > 0 ? `  ; ${comments[0]}` : ""));
  for (const c of comments.slice(1)) out.push(`    ; ${c}`);
  const postings = e.postings.filter((p) => !p.isConversion);
  const width = Math.max(0, ...postings.map((p) => postingAccount(p).length));
  postings.forEach((p) => {
    const pf = `${field}.postings[${e.postings.indexOf(p)}]`;
    checkAccount(p.account, `${pf}.account`);
    checkSymbol(p.commodity, `${pf}.commodity`);
    if (!Number.isInteger(p.scale) || p.scale < 0)
      fail("export-bad-scale", `${pf}.scale`, `scale must be a whole number ≥ 0`);
    let text = `    ${postingAccount(p).padEnd(width)}  ${formatAmount(
      { quantity: p.quantity, scale: p.scale, commodity: p.commodity },
      styleOf(p.commodity),
    )}`;
    if (p.cost) {
      checkSymbol(p.cost.commodity, `${pf}.cost.commodity`);
      const unit = exactUnitPrice(p);
      if (unit) text += ` @ ${formatAmount(unit, styleOf(unit.commodity))}`;
      else {
        const price = totalPrice(p, `${pf}.cost`);
        text += ` @@ ${formatAmount(price, styleOf(price.commodity))}`;
      }
    }
    const memo = commentLines(p.memo);
    if (memo.length > 0) text += `  ; ${memo[0]}`;
    out.push(text);
    for (const m of memo.slice(1)) out.push(`    ; ${m}`);
  });
  out.push("");
}

/** The journal text for `input`. Pure; throws an AppError (with the offending field) for data it cannot write. */
export function exportJournal(input: ExportInput): string {
  const styles = new Map<string, CommodityStyle>();
  input.commodities.forEach((c, i) => {
    checkSymbol(c.symbol, `commodities[${i}].symbol`);
    styles.set(c.symbol, c.style ?? defaultStyleFor(c.symbol, c.scale));
  });
  const styleOf = (symbol: string) => styles.get(symbol) ?? defaultStyleFor(symbol);
  const out: string[] = [...HEADER, ""];

  input.accounts.forEach((a, i) => {
    checkAccount(a.name, `accounts[${i}].name`);
    out.push(a.type ? `account ${a.name}  ; type: ${a.type}` : `account ${a.name}`);
  });
  if (input.accounts.length > 0) out.push("");

  for (const c of input.commodities) {
    const style = styles.get(c.symbol)!;
    if (style.precision === null) {
      if (c.symbol !== "") out.push(`commodity ${quoteSymbol(c.symbol)}`);
      continue;
    }
    // A sample amount shows hledger side, spacing, marks and precision at once. hledger insists on a
    // decimal mark in it, so a commodity without decimals is written "$1,000." (trailing mark).
    const sample = {
      quantity: 1000n * 10n ** BigInt(style.precision),
      scale: style.precision,
      commodity: c.symbol,
    };
    out.push(`commodity ${formatAmount(sample, style, true, true)}`);
  }
  if (input.commodities.length > 0) out.push("");

  (input.prices ?? []).forEach((p, i) => {
    checkDate(p.date, `prices[${i}].date`);
    checkSymbol(p.commodity, `prices[${i}].commodity`);
    out.push(`P ${p.date} ${quoteSymbol(p.commodity)} ${formatAmount(p.price, styleOf(p.price.commodity))}`);
  });
  if ((input.prices ?? []).length > 0) out.push("");

  input.entries.forEach((e, i) => writeEntry(out, e, i, styleOf));
  return out.join("\n");
}
