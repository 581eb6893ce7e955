// Reads BAI2 cash-management balance reports: one statement per `03` account record, `16` detail records
// (with `88` continuations) signed by type code — 100–399 credits, 400–699 debits — and ledger balances 010/015.
import { minorUnitsToAmount, currencyScale, negateAmount } from "./amount.ts";
import { parseYymmdd } from "./dates.ts";
import { StatementParseError } from "./errors.ts";
import { splitLines } from "./text.ts";
import type { DetailedStatement, DetailedTransaction, FormatResult } from "./types.ts";

interface PhysicalRecord {
  code: string;
  body: string;
  line: number;
}

interface LogicalRecord {
  code: string;
  line: number;
  /** The record's own text after the code, then each `88` continuation's text. */
  parts: string[];
}

const KNOWN = new Set(["01", "02", "03", "16", "49", "88", "98", "99"]);
/** The code given to records of a non-standard type: skipped, but their `88` continuations stay with them. */
const OTHER = "other";

export function parseBai2(text: string): FormatResult {
  const warnings: string[] = [];
  const records = joinContinuations(readRecords(text, warnings));
  const statements: DetailedStatement[] = [];
  let sender: string | null = null;
  let group: {
    originator: string | null;
    date: string | null;
    currency: string | null;
    line: number;
  } | null = null;
  let account: AccountState | null = null;

  const closeAccount = () => {
    if (account) statements.push(finishAccount(account, warnings));
    account = null;
  };

  for (const r of records) {
    switch (r.code) {
      case "01":
        sender = fieldsOf(r.parts[0] as string)[0] || null;
        break;
      case "02": {
        closeAccount();
        const f = fieldsOf(r.parts.join(","));
        const dateText = f[3] ?? "";
        const date = parseYymmdd(dateText);
        if (date === null) {
          throw new StatementParseError(
            "bai2/invalid-date",
            `The group's as-of date "${dateText}" is not a real date (YYMMDD).`,
            r.line,
          );
        }
        group = { originator: f[1] || null, date, currency: f[5] || null, line: r.line };
        break;
      }
      case "03": {
        closeAccount();
        if (!group)
          throw new StatementParseError(
            "bai2/missing-group",
            "An account record (03) comes before any group header (02).",
            r.line,
          );
        account = startAccount(r, group, sender);
        break;
      }
      case "16":
        if (!account)
          throw new StatementParseError(
            "bai2/missing-account",
            "A transaction (16) comes before any account record (03).",
            r.line,
          );
        readDetail(r, account as AccountState, warnings);
        break;
      case "49":
        if (account) {
          (account as AccountState).controlTotal = fieldsOf(r.parts.join(","))[0] ?? null;
          (account as AccountState).trailerLine = r.line;
        }
        closeAccount();
        break;
      case "98":
        closeAccount();
        group = null;
        break;
      default:
        break;
    }
  }
  closeAccount();
  if (statements.length === 0) {
    throw new StatementParseError(
      "bai2/no-account",
      "The BAI2 file has no account record (03), so no statement.",
    );
  }
  return { statements, warnings };
}

function readRecords(text: string, warnings: string[]): PhysicalRecord[] {
  const out: PhysicalRecord[] = [];
  let colonContinuations = 0;
  const unknown: number[] = [];
  const unknownCodes = new Set<string>();
  splitLines(text).forEach((raw, i) => {
    const line = raw.trim();
    if (line === "") return;
    let code = line.slice(0, 2);
    let sep = line[2];
    if (code === "88" && sep === ":") {
      colonContinuations++; // seen in the wild: "88:" instead of "88,"
      sep = ",";
    }
    if (sep !== "," && line.length > 2) code = "";
    else if (!KNOWN.has(code) && /^\d\d$/.test(code)) {
      // A record type outside the standard set (a bank's own "17" or "50"): kept aside, with its 88s.
      unknown.push(i + 1);
      unknownCodes.add(code);
      out.push({ code: OTHER, body: line.slice(3), line: i + 1 });
      return;
    } else if (!KNOWN.has(code)) code = "";
    if (code === "") {
      throw new StatementParseError(
        "bai2/unknown-record",
        `"${line.slice(0, 20)}" is not a BAI2 record.`,
        i + 1,
      );
    }
    out.push({ code, body: line.slice(3), line: i + 1 });
  });
  if (unknown.length > 0) {
    const lines =
      unknown.length <= 10
        ? unknown.join(", ")
        : `${unknown.slice(0, 10).join(", ")} and ${unknown.length - 10} more`;
    warnings.push(
      `${unknown.length} record${unknown.length === 1 ? "" : "s"} of a type outside the BAI2 standard ` +
        `(${[...unknownCodes].sort().join(", ")}) ${unknown.length === 1 ? "was" : "were"} skipped (line${unknown.length === 1 ? "" : "s"} ${lines}).`,
    );
  }
  if (colonContinuations > 0) {
    warnings.push(
      `${colonContinuations} continuation record${colonContinuations === 1 ? " was" : "s were"} written "88:" instead of "88,"; read as continuations.`,
    );
  }
  return out;
}

function joinContinuations(records: PhysicalRecord[]): LogicalRecord[] {
  const out: LogicalRecord[] = [];
  for (const r of records) {
    const last = out[out.length - 1];
    if (r.code === "88") {
      if (!last)
        throw new StatementParseError(
          "bai2/orphan-continuation",
          "A continuation record (88) has nothing to continue.",
          r.line,
        );
      last.parts.push(r.body);
    } else {
      out.push({ code: r.code, line: r.line, parts: [r.body] });
    }
  }
  return out;
}

/** Splits a record's fields; a "/" ends the record. */
function fieldsOf(body: string): string[] {
  const slash = body.indexOf("/");
  return (slash < 0 ? body : body.slice(0, slash)).split(",").map((f) => f.trim());
}

/** Fields that follow a funds type: S has three availability amounts, V a date and time, D a list. */
function fundsExtra(fields: readonly string[], at: number): number {
  const funds = (fields[at] ?? "").toUpperCase();
  if (funds === "S") return 3;
  if (funds === "V") return 2;
  if (funds === "D") return 1 + 2 * (Number(fields[at + 1]) || 0);
  return 0;
}

interface AccountState {
  id: string;
  currency: string;
  scale: number;
  institution: string | null;
  date: string;
  line: number;
  opening: string | null;
  closing: string | null;
  raw: Record<string, string>;
  transactions: DetailedTransaction[];
  /** Sum of every amount as written in 03 and 16 records, checked against the 49 trailer. */
  sum: bigint;
  controlTotal: string | null;
  trailerLine: number | null;
}

function startAccount(
  r: LogicalRecord,
  group: { originator: string | null; date: string | null; currency: string | null },
  sender: string | null,
): AccountState {
  const f = fieldsOf(r.parts.join(","));
  const id = f[0] ?? "";
  // BAI2's default currency is the US dollar when neither the account nor the group names one.
  const currency = (f[1] || group.currency || "USD").toUpperCase();
  const state: AccountState = {
    id,
    currency,
    scale: currencyScale(currency),
    institution: group.originator ?? sender,
    date: group.date as string,
    line: r.line,
    opening: null,
    closing: null,
    raw: {},
    transactions: [],
    sum: 0n,
    controlTotal: null,
    trailerLine: null,
  };
  let i = 2;
  while (i < f.length) {
    const type = f[i] ?? "";
    const amountText = f[i + 1] ?? "";
    const extra = fundsExtra(f, i + 3);
    i += 4 + extra;
    if (type === "" || amountText === "") continue;
    const amount = minorUnitsToAmount(amountText, state.scale);
    if (amount === null) {
      throw new StatementParseError(
        "bai2/invalid-amount",
        `The amount "${amountText.slice(0, 40)}" for type code ${type} is not a number.`,
        r.line,
      );
    }
    state.sum += BigInt(amountText.replace(/^\+/, ""));
    state.raw[`summary.${type}`] = amount;
    if (type === "010") state.opening = amount;
    if (type === "015") state.closing = amount;
  }
  return state;
}

function readDetail(r: LogicalRecord, account: AccountState, warnings: string[]): void {
  const first = r.parts[0] as string;
  const f = first.split(",");
  const typeCode = (f[0] ?? "").trim();
  const amountText = (f[1] ?? "").trim();
  const extra = fundsExtra(
    f.map((x) => x.trim()),
    2,
  );
  const refAt = 3 + extra;
  const hasText = f.length > refAt + 2;
  const take = (i: number) => {
    const value = (f[i] ?? "").trim();
    // When the record stops before the text field, its last field carries the closing "/".
    return !hasText && i === f.length - 1 ? value.replace(/\/$/, "").trim() : value;
  };
  const bankRef = take(refAt);
  const customerRef = take(refAt + 1);
  const text = hasText
    ? f
        .slice(refAt + 2)
        .join(",")
        .trim()
    : "";
  const continuation = r.parts.slice(1).map((p) => p.trim());

  const code = Number(typeCode);
  if (!/^\d{3}$/.test(typeCode) || !(code >= 100 && code <= 699)) {
    warnings.push(
      `Line ${r.line}: transaction type code ${typeCode || "(none)"} is not a credit (100–399) or debit (400–699); the record was skipped.`,
    );
    return;
  }
  const magnitude = minorUnitsToAmount(amountText, account.scale);
  if (magnitude === null || magnitude.startsWith("-")) {
    throw new StatementParseError(
      "bai2/invalid-amount",
      `The transaction amount "${amountText.slice(0, 40)}" is not a number.`,
      r.line,
    );
  }
  account.sum += BigInt(amountText);
  const credit = code < 400;
  const pairs = keyValues(continuation);
  const raw: Record<string, string> = { typeCode, amount: amountText };
  const funds = (f[2] ?? "").trim();
  if (funds) raw.fundsType = funds;
  if (extra > 0) raw.fundsDetail = f.slice(3, 3 + extra).join(",");
  if (bankRef) raw.bankReference = bankRef;
  if (customerRef) raw.customerReference = customerRef;
  if (text) raw.text = text;
  if (continuation.length > 0) raw["88"] = continuation.join("\n");

  account.transactions.push({
    id: bankRef || null,
    date: account.date,
    amount: credit ? magnitude : negateAmount(magnitude),
    description: [text, ...continuation].filter((t) => t !== "" && t !== "-").join(" "),
    payee: (credit ? pairs.DBNM : pairs.CRNM) || null,
    reference: customerRef || null,
    line: r.line,
    raw,
  });
}

/** Reads "KEY: value" continuation lines (some banks name the other party that way: DBNM, CRNM). */
function keyValues(lines: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of lines) {
    const m = /^([A-Z0-9]{2,5}):\s*(.*)$/.exec(l);
    if (m && !((m[1] as string) in out)) out[m[1] as string] = (m[2] as string).trim();
  }
  return out;
}

function finishAccount(a: AccountState, warnings: string[]): DetailedStatement {
  if (
    a.controlTotal !== null &&
    /^[+-]?\d+$/.test(a.controlTotal) &&
    BigInt(a.controlTotal.replace(/^\+/, "")) !== a.sum
  ) {
    warnings.push(
      `Account ${a.id}: the account trailer (line ${a.trailerLine}) gives the control total ${a.controlTotal}, ` +
        `but the amounts in the file add up to ${a.sum}; the file may be incomplete.`,
    );
  }
  return {
    account: { id: a.id || null, currency: a.currency, type: null, institution: a.institution },
    start: a.date,
    end: a.date,
    openingBalance: a.opening,
    closingBalance: a.closing,
    transactions: a.transactions,
    line: a.line,
    source: null,
    raw: a.raw,
  };
}
