// Reads OFX 1.x (SGML) and 2.x (XML) bank and credit-card statements, and QFX (Quicken's OFX).
// Investment statements are skipped with a warning: Closebook imports bank and card activity only.
import { normalizeAmount } from "./amount.ts";
import { parseCompactDate } from "./dates.ts";
import { StatementParseError } from "./errors.ts";
import { child, childText, flattenLeaves, parseSgml, pathText, walk, type SgmlElement } from "./sgml.ts";
import type { DetailedStatement, DetailedTransaction, FormatResult } from "./types.ts";

export function parseOfx(text: string): FormatResult {
  const start = text.indexOf("<");
  if (start < 0)
    throw new StatementParseError("ofx/no-ofx-element", "The file contains no OFX markup at all.");
  const inferred: SgmlElement[] = [];
  const root = parseSgml(text, start, inferred);
  const ofx = root.children.find((c) => c.name === "OFX");
  if (!ofx) {
    throw new StatementParseError(
      "ofx/no-ofx-element",
      "The file has no <OFX> element, so it is not an OFX statement.",
    );
  }
  const warnings: string[] = [];
  if (inferred.length > 0) warnings.push(inferredWarning(inferred));
  const statements: DetailedStatement[] = [];
  const institution = pathText(ofx, "SIGNONMSGSRSV1", "SONRS", "FI", "ORG");
  let investments = 0;

  for (const el of walk(ofx)) {
    if (el.name === "STMTRS" || el.name === "CCSTMTRS") {
      statements.push(readStatement(el, institution, warnings));
    } else if (el.name === "INVSTMTRS") {
      investments++;
      const account = pathText(el, "INVACCTFROM", "ACCTID") ?? "unknown";
      const list = child(el, "INVTRANLIST");
      const count = list ? list.children.filter((c) => c.name !== "DTSTART" && c.name !== "DTEND").length : 0;
      warnings.push(
        `Investment statement for account ${account} (line ${el.line}) skipped: Closebook reads bank and card ` +
          `statements only (${count} investment transaction${count === 1 ? "" : "s"} not read).`,
      );
    } else if (
      (el.name === "STMTTRNRS" || el.name === "CCSTMTTRNRS" || el.name === "INVSTMTTRNRS") &&
      !hasStatement(el)
    ) {
      const code = pathText(el, "STATUS", "CODE");
      if (code !== null && code !== "0") {
        const message = pathText(el, "STATUS", "MESSAGE");
        warnings.push(
          `The bank answered a statement request with error ${code}${message ? ` (${message})` : ""} (line ${el.line}).`,
        );
      }
    }
  }
  if (statements.length === 0 && investments === 0) {
    warnings.push(
      "The file contains no bank or credit-card statement (only sign-on, account or profile information).",
    );
  }
  return { statements, warnings };
}

function inferredWarning(inferred: readonly SgmlElement[]): string {
  const shown = [...inferred]
    .sort((a, b) => a.line - b.line)
    .slice(0, 5)
    .map((e) => `<${e.name}> on line ${e.line}`)
    .join(", ");
  const more = inferred.length > 5 ? ` and ${inferred.length - 5} more` : "";
  return (
    `${inferred.length} element${inferred.length === 1 ? " is" : "s are"} never closed (${shown}${more}); ` +
    `${inferred.length === 1 ? "it was" : "they were"} taken to end where the next element shows, as OFX readers do.`
  );
}

function hasStatement(el: SgmlElement): boolean {
  return el.children.some((c) => c.name === "STMTRS" || c.name === "CCSTMTRS" || c.name === "INVSTMTRS");
}

const TRANSACTION_LIST: ReadonlySet<string> = new Set(["BANKTRANLIST"]);

function readStatement(stmt: SgmlElement, institution: string | null, warnings: string[]): DetailedStatement {
  const isCard = stmt.name === "CCSTMTRS";
  const from = child(stmt, isCard ? "CCACCTFROM" : "BANKACCTFROM");
  const accountId = from ? childText(from, "ACCTID") : null;
  if (accountId === null)
    warnings.push(`The statement on line ${stmt.line} does not say which account it is for.`);
  const currency = childText(stmt, "CURDEF");
  const raw = flattenLeaves(stmt, TRANSACTION_LIST);

  const transactions: DetailedTransaction[] = [];
  let start: string | null = null;
  let end: string | null = null;
  for (const list of stmt.children) {
    if (list.name !== "BANKTRANLIST") continue;
    const listStart = readListDate(list, "DTSTART", warnings);
    const listEnd = readListDate(list, "DTEND", warnings);
    if (listStart !== null && (start === null || listStart < start)) start = listStart;
    if (listEnd !== null && (end === null || listEnd > end)) end = listEnd;
    for (const trn of list.children) {
      if (trn.name === "STMTTRN") transactions.push(readTransaction(trn));
    }
  }

  const ledger = child(stmt, "LEDGERBAL");
  const balanceText = ledger ? childText(ledger, "BALAMT") : null;
  const closingBalance =
    balanceText === null ? null : ofxAmount(balanceText, ledger as SgmlElement, "balance");

  return {
    account: {
      id: accountId,
      currency: currency ? currency.toUpperCase() : null,
      type: isCard ? "CREDITCARD" : (from && childText(from, "ACCTTYPE")) || null,
      institution: institution ?? (from ? childText(from, "BANKID") : null),
    },
    start,
    end,
    openingBalance: null,
    closingBalance,
    transactions,
    line: stmt.line,
    source: null,
    raw,
  };
}

function readListDate(list: SgmlElement, name: string, warnings: string[]): string | null {
  const value = childText(list, name);
  if (value === null) return null;
  const date = parseCompactDate(value);
  if (date === null)
    warnings.push(`The statement period ${name} "${value}" on line ${list.line} is not a date; ignored.`);
  return date;
}

function readTransaction(trn: SgmlElement): DetailedTransaction {
  const posted = child(trn, "DTPOSTED");
  if (!posted || !posted.text) {
    throw new StatementParseError(
      "ofx/missing-date",
      `The transaction starting on line ${trn.line} has no posting date (DTPOSTED).`,
      trn.line,
    );
  }
  const date = parseCompactDate(posted.text);
  if (date === null) {
    throw new StatementParseError(
      "ofx/invalid-date",
      `The posting date "${posted.text}" of the transaction starting on line ${trn.line} is not a real date.`,
      posted.line,
    );
  }
  const amountText = childText(trn, "TRNAMT");
  if (amountText === null) {
    throw new StatementParseError(
      "ofx/missing-amount",
      `The transaction starting on line ${trn.line} has no amount (TRNAMT).`,
      trn.line,
    );
  }
  const amount = ofxAmount(amountText, child(trn, "TRNAMT") as SgmlElement, "amount");
  const name = childText(trn, "NAME") ?? pathText(trn, "PAYEE", "NAME");
  const memo = childText(trn, "MEMO");
  return {
    id: childText(trn, "FITID"),
    date,
    amount,
    description: memo ?? name ?? childText(trn, "TRNTYPE") ?? "",
    payee: name,
    reference: childText(trn, "CHECKNUM") ?? childText(trn, "REFNUM"),
    line: trn.line,
    raw: flattenLeaves(trn),
  };
}

/** OFX allows "," as the decimal point but no thousands separators, so a lone comma is a decimal comma. */
function ofxAmount(text: string, element: SgmlElement, what: string): string {
  const lastComma = text.lastIndexOf(",");
  const decimal = lastComma >= 0 && lastComma > text.lastIndexOf(".") ? "," : ".";
  const amount =
    decimal === "," && text.indexOf(",") === lastComma && text.indexOf(".") < 0
      ? normalizeAmount(text.replace(",", "."), ".")
      : normalizeAmount(text, decimal);
  if (amount === null) {
    throw new StatementParseError(
      "ofx/invalid-amount",
      `The ${what} "${text.slice(0, 40)}" is not a number.`,
      element.line,
    );
  }
  return amount;
}
