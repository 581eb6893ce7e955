// The statement's own fields, read from the text around the transaction table: the account number
// (often masked, "XXXX-4321"), the statement period, the currency and the bank's name.
import type { PdfRow } from "./pdf-rows.ts";
import { findDates, type WrittenDate } from "./pdf-values.ts";

export interface Summary {
  account: string | null;
  /** The period's first and last day as printed; resolved once the document's date order is known. */
  period: [WrittenDate, WrittenDate] | null;
  currency: string | null;
  institution: string | null;
}

const ACCOUNT =
  /\b(?:account|acct\.?)(?:\s+(?:number|no\.?|num\.?|#))?\s*[:#]?\s*((?:[*•xX]{1,12}[-\s]?)?[\d*•xX][\d\s*•xX-]{1,30}\d)\b/i;
const IBAN = /\bIBAN\s*:?\s*([A-Z]{2}\d{2}(?:\s?[A-Z0-9]{1,4}){3,8})\b/;
const PERIOD = /\b(?:period|statement\s+dates?|from|for)\b|\b(?:to|through|thru|until)\b|\s[-–]\s/i;
const CURRENCY = /\bcurrency\s*:?\s*([A-Z]{3})\b|\b(?:amounts?|figures)\s+in\s+([A-Z]{3})\b/i;

export function readSummary(outside: readonly PdfRow[], allRows: readonly PdfRow[]): Summary {
  let account: string | null = null;
  let period: Summary["period"] = null;
  let currency: string | null = null;
  for (const row of outside) {
    const text = row.text;
    if (account === null) {
      const iban = IBAN.exec(text);
      const m = iban ?? ACCOUNT.exec(text);
      if (m) account = (m[1] as string).replace(/\s+/g, iban ? "" : " ").trim();
    }
    if (period === null && PERIOD.test(text)) {
      const dates = findDates(text);
      if (dates.length >= 2) period = [dates[0] as WrittenDate, dates[1] as WrittenDate];
    }
    if (currency === null) {
      const m = CURRENCY.exec(text);
      if (m) currency = ((m[1] ?? m[2]) as string).toUpperCase();
    }
  }
  return {
    account,
    period,
    currency: currency ?? currencyFromSymbols(allRows),
    institution: institution(allRows),
  };
}

/** € and £ name their currency; $ does not (US, Canadian, Australian…), so it leaves the currency open. */
function currencyFromSymbols(rows: readonly PdfRow[]): string | null {
  let euro = 0;
  let pound = 0;
  for (const row of rows) {
    if (row.text.includes("€")) euro++;
    if (row.text.includes("£")) pound++;
  }
  if (euro > 0 && pound === 0) return "EUR";
  if (pound > 0 && euro === 0) return "GBP";
  return null;
}

/** The bank's name: the largest text on the first page, where statements print their letterhead. */
function institution(rows: readonly PdfRow[]): string | null {
  const first = rows.filter((r) => r.page === 1 && /[A-Za-z]{2}/.test(r.text));
  if (first.length === 0) return null;
  const tallest = Math.max(...first.map((r) => r.height));
  const body = first.map((r) => r.height).sort((a, b) => a - b)[Math.floor(first.length / 2)] as number;
  if (tallest <= body * 1.15) return null;
  const top = first.find((r) => r.height === tallest) as PdfRow;
  return top.text.slice(0, 200);
}
