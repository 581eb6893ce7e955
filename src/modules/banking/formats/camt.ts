// Reads ISO 20022 cash-management messages: camt.053 statements, camt.052 intraday reports and camt.054
// debit/credit notifications, every version seen in the wild (001.01 names its message element with the version; 001.02 to 001.10 share one shape).
import { negateAmount, normalizeAmount, sameAmount, sumAmounts } from "./amount.ts";
import { parseIsoDate } from "./dates.ts";
import { StatementParseError } from "./errors.ts";
import type { DetailedStatement, DetailedTransaction, FormatResult } from "./types.ts";
import { parseXml, xchild, xchildren, xflatten, xflattenInto, xpath, xtext, type XmlElement } from "./xml.ts";

export type CamtKind = "camt053" | "camt052" | "camt054";

const MESSAGES: Record<string, { kind: CamtKind; statement: string }> = {
  BkToCstmrStmt: { kind: "camt053", statement: "Stmt" },
  BkToCstmrAcctRpt: { kind: "camt052", statement: "Rpt" },
  BkToCstmrDbtCdtNtfctn: { kind: "camt054", statement: "Ntfctn" },
};

export interface CamtResult extends FormatResult {
  kind: CamtKind;
}

export function parseCamt(text: string): CamtResult {
  const doc = parseXml(text);
  // Version 1 of each message names its element with the version ("BkToCstmrAcctRptV01").
  const message =
    doc.name === "Document" ? doc.children.find((c) => messageName(c.name) in MESSAGES) : undefined;
  const spec = message ? MESSAGES[messageName(message.name)] : undefined;
  if (!message || !spec) {
    throw new StatementParseError(
      "camt/unknown-message",
      `The XML file is not a camt.052, camt.053 or camt.054 message (its root is <${doc.name}>).`,
      doc.line,
    );
  }
  // The default namespace or a prefixed one (<ns0:Document xmlns:ns0="…camt.053.001.01">) names the version.
  const version =
    Object.values(doc.attrs)
      .map((v) => /camt\.\d{3}\.\d{3}\.\d{2}/.exec(v)?.[0])
      .find((v) => v !== undefined) ?? null;
  const created = xtext(message, "GrpHdr", "CreDtTm");
  const warnings: string[] = [];
  const statements = xchildren(message, spec.statement).map((s) =>
    readStatement(s, spec.kind, { version, created }, warnings),
  );
  if (statements.length === 0) {
    // A message with no statement block is not a statement with no lines: its structure is wrong.
    throw new StatementParseError(
      "camt/no-statement",
      `The ${spec.kind.replace(/^camt(\d{3})$/, "camt.$1")} message has no <${spec.statement}> block directly inside <${message.name}>, so it holds no statement.`,
      message.line,
    );
  }
  return { kind: spec.kind, statements, warnings };
}

function messageName(name: string): string {
  return name.replace(/V\d{2}$/, "");
}

interface MessageInfo {
  version: string | null;
  created: string | null;
}

interface Balance {
  code: string;
  amount: string;
  currency: string | null;
  date: string | null;
}

function readStatement(
  stmt: XmlElement,
  kind: CamtKind,
  info: MessageInfo,
  warnings: string[],
): DetailedStatement {
  const acct = xchild(stmt, "Acct");
  const accountId = xtext(acct, "Id", "IBAN") ?? xtext(acct, "Id", "Othr", "Id");
  if (accountId === null)
    warnings.push(`The statement on line ${stmt.line} does not say which account it is for.`);
  const balances = xchildren(stmt, "Bal").map(readBalance);
  const find = (...codes: string[]) => {
    for (const code of codes) {
      const found = balances.filter((b) => b.code === code);
      if (found.length > 0) return found[found.length - 1] as Balance;
    }
    return undefined;
  };
  const opening = find("OPBD", "PRCD");
  const closing = kind === "camt052" ? find("CLBD", "ITBD") : find("CLBD");

  const entries = xchildren(stmt, "Ntry");
  const currency =
    xtext(acct, "Ccy") ??
    opening?.currency ??
    closing?.currency ??
    entries[0]?.children.find((c) => c.name === "Amt")?.attrs.Ccy ??
    null;
  const start = dateOf(xpath(stmt, "FrToDt"), "FrDtTm") ?? dateOf(xpath(stmt, "FrToDt"), "FrDt");
  const end = dateOf(xpath(stmt, "FrToDt"), "ToDtTm") ?? dateOf(xpath(stmt, "FrToDt"), "ToDt");
  // Entries without a booking or value date take the latest date the statement itself gives.
  const fallbackDate =
    end ??
    closing?.date ??
    opening?.date ??
    parseIsoDate(xtext(stmt, "CreDtTm") ?? "") ??
    parseIsoDate(info.created ?? "");

  const context: EntryContext = { fallbackDate, undated: 0, warnings };
  const transactions: DetailedTransaction[] = [];
  for (const entry of entries) transactions.push(...readEntry(entry, context));
  if (context.undated > 0) {
    warnings.push(
      `${context.undated === 1 ? "1 entry" : `${context.undated} entries`} of the statement on line ${stmt.line} ` +
        `${context.undated === 1 ? "has" : "have"} no booking or value date; the statement date ${fallbackDate} was used.`,
    );
  }

  const raw: Record<string, string> = {};
  const put = (key: string, value: string | null) => {
    if (value !== null) raw[key] = value;
  };
  put("message", info.version);
  put("Id", xtext(stmt, "Id"));
  put("ElctrncSeqNb", xtext(stmt, "ElctrncSeqNb"));
  put("LglSeqNb", xtext(stmt, "LglSeqNb"));
  put("CreDtTm", xtext(stmt, "CreDtTm"));
  put("Acct/Nm", xtext(acct, "Nm"));
  put("Acct/Ownr/Nm", xtext(acct, "Ownr", "Nm"));
  put("AddtlInf", xtext(stmt, "AddtlStmtInf") ?? xtext(stmt, "AddtlRptInf") ?? xtext(stmt, "AddtlNtfctnInf"));
  for (const b of balances) {
    const key = `Bal/${b.code}`;
    raw[key] = key in raw ? `${raw[key]}\n${b.amount}` : b.amount;
    if (b.date) raw[`${key}/Dt`] = b.date;
    if (b.currency) raw[`${key}/Ccy`] = b.currency;
  }

  return {
    account: {
      id: accountId,
      currency,
      type: xtext(acct, "Tp", "Cd") ?? xtext(acct, "Tp", "Prtry"),
      institution:
        xtext(acct, "Svcr", "FinInstnId", "Nm") ??
        xtext(acct, "Svcr", "FinInstnId", "BIC") ??
        xtext(acct, "Svcr", "FinInstnId", "BICFI"),
    },
    start,
    end,
    openingBalance: opening?.amount ?? null,
    closingBalance: closing?.amount ?? null,
    transactions,
    line: stmt.line,
    source: null,
    raw,
  };
}

function dateOf(parent: XmlElement | undefined, name: string): string | null {
  const value = xtext(parent, name);
  return value === null ? null : parseIsoDate(value);
}

/** A `<Dt>`-style choice element holding either `<Dt>` or `<DtTm>`. */
function choiceDate(element: XmlElement | undefined): string | null {
  if (!element) return null;
  const value = xtext(element, "Dt") ?? xtext(element, "DtTm") ?? (element.text || null);
  if (value === null) return null;
  const date = parseIsoDate(value);
  if (date === null) {
    throw new StatementParseError("camt/invalid-date", `"${value}" is not a valid date.`, element.line);
  }
  return date;
}

function readBalance(bal: XmlElement): Balance {
  const amt = xchild(bal, "Amt");
  const amount = readAmount(amt, "balance");
  const debit = xtext(bal, "CdtDbtInd") === "DBIT";
  return {
    code:
      xtext(bal, "Tp", "CdOrPrtry", "Cd") ??
      xtext(bal, "Tp", "CdOrPrtry", "Prtry") ??
      // Some early (version 1) writers put the code straight under <Tp>.
      xtext(bal, "Tp", "Cd") ??
      xtext(bal, "Tp", "Prtry") ??
      "UNKNOWN",
    amount: debit ? negateAmount(amount) : amount,
    currency: amt?.attrs.Ccy ?? null,
    date: choiceDate(xchild(bal, "Dt")),
  };
}

function readAmount(amt: XmlElement | undefined, what: string, line?: number): string {
  if (!amt || amt.text === "") {
    throw new StatementParseError(
      "camt/missing-amount",
      `A ${what} has no amount.`,
      amt?.line ?? line ?? null,
    );
  }
  const amount = normalizeAmount(amt.text, ".");
  if (amount === null || amount.startsWith("-")) {
    throw new StatementParseError(
      "camt/invalid-amount",
      `The ${what} amount "${amt.text.slice(0, 40)}" is not a valid amount.`,
      amt.line,
    );
  }
  return amount;
}

const NTRY_DTLS: ReadonlySet<string> = new Set(["NtryDtls"]);

interface EntryContext {
  fallbackDate: string | null;
  undated: number;
  warnings: string[];
}

interface TxAmount {
  details: XmlElement;
  amount: string;
  currency: string | null;
}

function readEntry(entry: XmlElement, context: EntryContext): DetailedTransaction[] {
  const amt = xchild(entry, "Amt");
  const magnitude = readAmount(amt, "entry", entry.line);
  const direction = xtext(entry, "CdtDbtInd");
  if (direction !== "CRDT" && direction !== "DBIT") {
    throw new StatementParseError(
      "camt/missing-direction",
      `The entry starting on line ${entry.line} does not say whether it is a credit or a debit (CdtDbtInd).`,
      entry.line,
    );
  }
  const amount = direction === "DBIT" ? negateAmount(magnitude) : magnitude;
  const currency = amt?.attrs.Ccy ?? null;
  const date = choiceDate(xchild(entry, "BookgDt")) ?? choiceDate(xchild(entry, "ValDt"));
  const details = xchildren(entry, "NtryDtls").flatMap((d) => xchildren(d, "TxDtls"));
  const entryId = xtext(entry, "AcctSvcrRef") ?? xtext(entry, "NtryRef");

  const dated = (tx: XmlElement | undefined): string => entryDate(date, tx, entry, context);

  // A batch booked as one entry is split into its transactions when each one says its own amount and
  // together they make up exactly the booked amount; otherwise the booked entry is kept whole.
  if (details.length > 1) {
    const parts = details.map((d) => txAmount(d, direction));
    if (parts.every((p): p is TxAmount => p !== null)) {
      const sameCurrency = parts.every(
        (p) => p.currency === null || currency === null || p.currency === currency,
      );
      if (sameCurrency && sameAmount(sumAmounts(parts.map((p) => p.amount)), amount)) {
        return parts.map((p, i) => {
          const tx = describe(p.details, p.amount, entry);
          return {
            id: tx.ownId ?? (entryId ? `${entryId}/${i + 1}` : null),
            date: dated(p.details),
            amount: p.amount,
            description: tx.description,
            payee: tx.payee,
            reference: tx.reference,
            line: p.details.line,
            raw: xflattenInto(xflatten(entry, "Ntry", NTRY_DTLS), p.details, "TxDtls"),
          };
        });
      }
      context.warnings.push(
        `The ${details.length} transactions inside the entry on line ${entry.line} do not add up to its booked ` +
          `amount ${amount}${currency ? ` ${currency}` : ""}; the entry was kept as one transaction.`,
      );
    }
  }

  const single = details.length === 1 ? details[0] : undefined;
  const tx = describe(single, amount, entry);
  const raw = xflatten(entry, "Ntry", NTRY_DTLS);
  for (const d of details) xflattenInto(raw, d, "TxDtls");
  return [
    {
      id: entryId ?? tx.ownId,
      date: dated(single),
      amount,
      description: tx.description,
      payee: tx.payee,
      reference: tx.reference ?? xtext(entry, "NtryRef"),
      line: entry.line,
      raw,
    },
  ];
}

/** The entry's own date, else the transaction's settlement date, else the statement's date (counted). */
function entryDate(
  date: string | null,
  tx: XmlElement | undefined,
  entry: XmlElement,
  context: EntryContext,
): string {
  const own = date ?? relatedDate(tx);
  if (own !== null) return own;
  if (context.fallbackDate === null) {
    throw new StatementParseError(
      "camt/missing-date",
      `The entry starting on line ${entry.line} has no date, and neither has its statement.`,
      entry.line,
    );
  }
  context.undated++;
  return context.fallbackDate;
}

function txAmount(details: XmlElement, entryDirection: string): TxAmount | null {
  const amt = xchild(details, "Amt") ?? xpath(details, "AmtDtls", "TxAmt", "Amt");
  if (!amt) return null;
  const magnitude = readAmount(amt, "transaction");
  const direction = xtext(details, "CdtDbtInd") ?? entryDirection;
  return {
    details,
    amount: direction === "DBIT" ? negateAmount(magnitude) : magnitude,
    currency: amt.attrs.Ccy ?? null,
  };
}

function relatedDate(details: XmlElement | undefined): string | null {
  const value = xtext(details, "RltdDts", "IntrBkSttlmDt") ?? xtext(details, "RltdDts", "AccptncDtTm");
  return value === null ? null : parseIsoDate(value);
}

interface Description {
  description: string;
  payee: string | null;
  reference: string | null;
  ownId: string | null;
}

const NOT_PROVIDED = /^NOTPROVIDED$/i;

function describe(details: XmlElement | undefined, amount: string, entry: XmlElement): Description {
  const incoming = !amount.startsWith("-");
  const parties = xchild(details, "RltdPties");
  const payee = incoming
    ? (partyName(parties, "Dbtr") ?? partyName(parties, "UltmtDbtr"))
    : (partyName(parties, "Cdtr") ?? partyName(parties, "UltmtCdtr"));
  const rmt = xchild(details, "RmtInf");
  const unstructured = xchildren(rmt, "Ustrd")
    .map((u) => u.text)
    .filter((t) => t !== "")
    .join(" ");
  const structured = xchildren(rmt, "Strd")
    .flatMap((s) => xchildren(s, "AddtlRmtInf"))
    .map((a) => a.text)
    .filter((t) => t !== "")
    .join(" ");
  const creditorRef = xchildren(rmt, "Strd")
    .map((s) => xtext(s, "CdtrRefInf", "Ref"))
    .find((r) => r !== null && r !== undefined);
  const endToEnd = xtext(details, "Refs", "EndToEndId");
  const code = bankTransactionCode(xchild(details, "BkTxCd") ?? xchild(entry, "BkTxCd"));
  const description =
    unstructured ||
    structured ||
    xtext(details, "AddtlTxInf") ||
    xtext(entry, "AddtlNtryInf") ||
    payee ||
    code ||
    "";
  return {
    description,
    payee,
    reference: endToEnd !== null && !NOT_PROVIDED.test(endToEnd) ? endToEnd : (creditorRef ?? null),
    ownId: xtext(details, "Refs", "AcctSvcrRef") ?? xtext(details, "Refs", "TxId"),
  };
}

/** A party's name, written directly (v2) or inside <Pty> (v3 and later). */
function partyName(parties: XmlElement | undefined, role: string): string | null {
  return xtext(parties, role, "Nm") ?? xtext(parties, role, "Pty", "Nm");
}

function bankTransactionCode(code: XmlElement | undefined): string | null {
  const domain = xtext(code, "Domn", "Cd");
  if (domain) {
    return [domain, xtext(code, "Domn", "Fmly", "Cd"), xtext(code, "Domn", "Fmly", "SubFmlyCd")]
      .filter((p) => p !== null)
      .join("/");
  }
  return xtext(code, "Prtry", "Cd");
}
