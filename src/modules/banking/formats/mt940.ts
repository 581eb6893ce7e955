// Reads SWIFT MT940 statements and MT942 interim reports: `:61:` lines with their `:86:` details,
// opening/closing balances (`:60F:`/`:62F:` and intermediate `M` pages), currency from the balances.
// This is the statement builder: mt940-message.ts cuts the text into fields and statements.
import { negateAmount, normalizeAmount } from "./amount.ts";
import { expandYear, makeDate, parseYymmdd } from "./dates.ts";
import { StatementParseError } from "./errors.ts";
import { readDetails, type Details } from "./mt940-details.ts";
import { readStatements, type Field } from "./mt940-message.ts";
import type { DetailedStatement, DetailedTransaction, FormatResult } from "./types.ts";

export function parseMt940(input: string): FormatResult {
  const { statements, warnings } = readStatements(input, readStatement);
  if (statements.length === 0) {
    throw new StatementParseError(
      "mt940/no-statement",
      "The file has no statement: none of the fields :25:, :60F:, :61: or :62F: were found.",
    );
  }
  return { statements, warnings };
}

interface Balance {
  amount: string;
  currency: string | null;
  date: string | null;
}

function readStatement(fields: Field[], bic: string | null, warnings: string[]): DetailedStatement {
  const raw: Record<string, string> = {};
  const put = (key: string, value: string) => {
    raw[key] = key in raw ? `${raw[key]}\n${value}` : value;
  };
  let accountId: string | null = null;
  let accountCurrency: string | null = null;
  let institution: string | null = bic;
  let opening: Balance | null = null;
  let closing: Balance | null = null;
  let floorCurrency: string | null = null;
  const transactions: DetailedTransaction[] = [];
  let pending: { field: Field; details: Field[] } | null = null;
  const flush = () => {
    if (pending) transactions.push(readTransaction(pending.field, pending.details, warnings));
    pending = null;
  };

  for (const f of fields) {
    const value = f.lines.join("\n").trim();
    switch (f.tag) {
      case "25": {
        const account = readAccount(value);
        accountId = account.id;
        accountCurrency = account.currency;
        institution ??= account.bank;
        put("25", value);
        break;
      }
      case "60F":
      case "60M":
        opening = readBalance(f);
        put(f.tag, value);
        break;
      case "62F":
      case "62M":
        flush();
        closing = readBalance(f);
        put(f.tag, value);
        break;
      case "61":
        flush();
        pending = { field: f, details: [] };
        break;
      case "86":
      case "NS":
        if (pending) pending.details.push(f);
        else put(f.tag, value);
        break;
      case "34F":
        floorCurrency = /^([A-Z]{3})/.exec(value)?.[1] ?? floorCurrency;
        put(f.tag, value);
        break;
      default:
        flush();
        put(f.tag, value);
    }
  }
  flush();

  const start = fields[0] as Field;
  const currency = opening?.currency ?? closing?.currency ?? accountCurrency ?? floorCurrency;
  if (accountId === null)
    warnings.push(`The statement starting on line ${start.line} has no account number (:25:).`);
  const dates = transactions.map((t) => t.date).sort();
  return {
    account: { id: accountId, currency, type: null, institution },
    start: opening?.date ?? dates[0] ?? null,
    end: closing?.date ?? dates[dates.length - 1] ?? null,
    openingBalance: opening?.amount ?? null,
    closingBalance: closing?.amount ?? null,
    transactions,
    line: start.line,
    source: null,
    raw,
  };
}

/** `:25:` is an account, sometimes "bank code/account", sometimes with the currency glued on the end. */
function readAccount(value: string): { id: string; currency: string | null; bank: string | null } {
  let id = value.replace(/\s+/g, " ").trim();
  let currency: string | null = null;
  const m = /^(.*\d)\s*([A-Z]{3})$/.exec(id);
  if (m) {
    id = (m[1] as string).trim();
    currency = m[2] as string;
  }
  const slash = id.indexOf("/");
  return { id, currency, bank: slash > 0 ? id.slice(0, slash) : null };
}

/** Balance fields: D/C mark, YYMMDD, currency, amount with a decimal comma ("C170914EUR12345,12"). */
function readBalance(f: Field): Balance {
  const value = f.lines.join("").replace(/\s+/g, "");
  const m = /^(C|D)(\d{6})([A-Z]{3})?([\d.,]+)$/.exec(value);
  if (!m) {
    throw new StatementParseError(
      "mt940/invalid-balance",
      `The balance field :${f.tag}: "${value.slice(0, 40)}" cannot be read.`,
      f.line,
    );
  }
  const amount = swiftAmount(m[4] as string, f);
  return {
    amount: m[1] === "D" ? negateAmount(amount) : amount,
    currency: m[3] ?? null,
    date: parseYymmdd(m[2] as string),
  };
}

/** SWIFT amounts use a decimal comma and no thousands separators; a few banks write a point instead. */
function swiftAmount(text: string, f: Field): string {
  const amount = normalizeAmount(text, text.includes(",") ? "," : ".");
  if (amount === null) {
    throw new StatementParseError(
      "mt940/invalid-amount",
      `The amount "${text.slice(0, 40)}" in :${f.tag}: is not a number.`,
      f.line,
    );
  }
  return amount;
}

const STATEMENT_LINE = /^(\d{6})(\d{4})?(RC|RD|EC|ED|C|D)([A-Z])?(\d[\d,.]*)(.*)$/;

function readTransaction(f: Field, details: Field[], warnings: string[]): DetailedTransaction {
  const first = (f.lines[0] as string).trim();
  const m = STATEMENT_LINE.exec(first);
  if (!m) {
    throw new StatementParseError(
      "mt940/invalid-statement-line",
      `The statement line :61:${first.slice(0, 40)} cannot be read.`,
      f.line,
    );
  }
  const [, valueText, entryText, mark, funds, amountText, afterAmount] = m as unknown as string[];
  // The transaction type ("NTRF", "N426") is mandatory, yet some banks go straight to the reference.
  const typed = /^(?!NONREF|\/\/)([A-Z][A-Z0-9]{3})(.*)$/.exec(afterAmount ?? "");
  const type = typed?.[1];
  const rest = typed ? typed[2] : afterAmount;
  const magnitude = swiftAmount(amountText as string, f);
  // RC = reversal of a credit (money out), RD = reversal of a debit (money in).
  const outgoing = mark === "D" || mark === "RC" || mark === "ED";
  const amount = outgoing ? negateAmount(magnitude) : magnitude;
  const date = bookingDate(valueText as string, entryText, f, warnings);

  const [ownRef, bankRef, extra] = splitReference((rest ?? "").trimStart());
  const info = details.filter((d) => d.tag === "86");
  const ns = details.filter((d) => d.tag === "NS");
  const read =
    info.length > 0 ? readDetails(info.flatMap((d) => d.lines)) : readNonSwift(ns.flatMap((d) => d.lines));
  const supplementary = f.lines
    .slice(1)
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .join("\n");

  const raw: Record<string, string> = { "61": f.lines.join("\n").trim() };
  raw.valueDate = valueText as string;
  if (entryText) raw.entryDate = entryText;
  raw.mark = mark as string;
  if (funds) raw.fundsCode = funds;
  if (type) raw.transactionType = type;
  if (ownRef) raw.customerReference = ownRef;
  if (bankRef) raw.bankReference = bankRef;
  if (supplementary) raw.supplementaryDetails = supplementary;
  if (extra) raw.referenceExtra = extra;
  if (info.length > 0) raw["86"] = info.map((d) => d.lines.join("\n")).join("\n");
  if (ns.length > 0) raw.NS = ns.map((d) => d.lines.join("\n")).join("\n");

  return {
    id: bankRef ?? null,
    date,
    amount,
    description: read.description || supplementary.replace(/\s+/g, " ") || (type ?? ""),
    // Some banks (old Rabobank) write the other party's name after the 16-character reference.
    payee: read.payee ?? extra,
    reference: read.reference ?? ownRef,
    line: f.line,
    raw,
  };
}

/**
 * The rest of a `:61:` line: the account owner's reference, `//` and the bank's reference. Old Rabobank
 * files pad the 16-character reference with spaces and write the other party's name after it.
 */
function splitReference(rest: string): [string | null, string | null, string | null] {
  const at = rest.indexOf("//");
  const ownPart = (at < 0 ? rest : rest.slice(0, at)).trimEnd();
  const padded = /^(\S.{0,15}?)\s{2,}(\S.*)$/.exec(ownPart);
  const own = (padded ? (padded[1] as string) : ownPart).trim();
  const extra = padded ? (padded[2] as string).trim() : "";
  const bank = at < 0 ? "" : rest.slice(at + 2).trim();
  return [noReference(own) ? null : own, noReference(bank) ? null : bank, extra || null];
}

function noReference(ref: string): boolean {
  return ref === "" || /^NONREF$/i.test(ref);
}

/** `:NS:` lines of German banks: two-digit codes, 01–14 purpose, 15–16 the other party, 17 the booking text. */
function readNonSwift(lines: readonly string[]): Details {
  const purpose: string[] = [];
  const payee: string[] = [];
  let bookingText = "";
  for (const line of lines) {
    const m = /^(\d{2})(.*)$/.exec(line.trim());
    if (!m) continue;
    const code = Number(m[1]);
    const value = (m[2] as string).trim();
    if (code >= 1 && code <= 14) purpose.push(value);
    else if (code === 15 || code === 16) payee.push(value);
    else if (code === 17) bookingText = value;
  }
  return {
    description: purpose.join(" ") || bookingText,
    payee: payee.join(" ") || null,
    reference: null,
    fields: {},
  };
}

/**
 * The booking (entry) date when given, else the value date. The entry date has no year: it takes the
 * value date's, moved by one across a year end (value 31 Dec, booked 2 Jan).
 */
function bookingDate(valueText: string, entryText: string | undefined, f: Field, warnings: string[]): string {
  const valueDate = parseYymmdd(valueText);
  const year = expandYear(valueText.slice(0, 2));
  if (entryText) {
    const month = Number(entryText.slice(0, 2));
    const valueMonth = Number(valueText.slice(2, 4));
    const entryYear =
      month === 1 && valueMonth === 12 ? year + 1 : month === 12 && valueMonth === 1 ? year - 1 : year;
    const entryDate = makeDate(entryYear, month, Number(entryText.slice(2, 4)));
    if (entryDate !== null) {
      if (valueDate === null) {
        warnings.push(
          `The value date "${valueText}" on line ${f.line} is not a real date; the booking date ${entryDate} was used.`,
        );
      }
      return entryDate;
    }
  }
  if (valueDate === null) {
    throw new StatementParseError(
      "mt940/invalid-date",
      `The date "${valueText}" of the statement line is not a real date.`,
      f.line,
    );
  }
  return valueDate;
}
