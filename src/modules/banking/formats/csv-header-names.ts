// The words banks put in a CSV header for each column, and the key a header cell is compared by.
import type { CsvColumns } from "./csv-mapping.ts";

/** Normalized header text: lower case, no accents, no "($)" units, letters and digits only. */
export function headerKey(cell: string): string {
  return cell
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, " ")
    .replace(/[^a-z0-9/]+/g, " ")
    .trim();
}

export const NAMES: Record<Exclude<keyof CsvColumns, "indicator">, string[]> = {
  date: [
    "date",
    "transaction date",
    "trans date",
    "posting date",
    "posted date",
    "post date",
    "booking date",
    "buchungstag",
    "buchungsdatum",
    "datum",
    "fecha",
    "data",
    "date operation",
    "run date",
    "value date",
    "valuta",
    "wertstellung",
    "settlement date",
  ],
  amount: [
    "amount",
    "net",
    "net amount",
    "transaction amount",
    "betrag",
    "montant",
    "importe",
    "bedrag",
    "umsatz",
    "value",
    "amount eur",
    "amount usd",
  ],
  debit: [
    "debit",
    "debits",
    "withdrawal",
    "withdrawals",
    "money out",
    "paid out",
    "outflow",
    "debit amount",
    "soll",
    "ausgang",
    "charge",
    "charges",
  ],
  credit: [
    "credit",
    "credits",
    "deposit",
    "deposits",
    "money in",
    "paid in",
    "inflow",
    "credit amount",
    "haben",
    "eingang",
    "payment",
    "payments",
  ],
  description: [
    "original description",
    "description",
    "details",
    "transaction details",
    "narrative",
    "memo",
    "label",
    "libelle",
    "verwendungszweck",
    "buchungstext",
    "omschrijving",
    "particulars",
    "action",
    "type",
    "subject",
  ],
  payee: [
    "payee",
    "name",
    "partner name",
    "merchant",
    "merchant name",
    "counterparty",
    "beneficiary",
    "recipient",
    "auftraggeber",
    "empfanger",
    "beguenstigter/zahlungspflichtiger",
    "naam",
    "payer",
  ],
  reference: [
    "reference",
    "ref",
    "check number",
    "checknumber",
    "check no",
    "cheque number",
    "num",
    "receipt id",
    "invoice number",
    "invoice id",
    "transaction reference",
    "referenz",
  ],
  id: ["transaction id", "id", "transaction number", "fitid", "unique id"],
  balance: ["balance", "running balance", "runningbalance", "saldo", "solde", "balance after transaction"],
  currency: ["currency", "ccy", "currency code", "wahrung", "devise"],
  // Not plain "Account": register exports (GnuCash) use it for the other side of the booking.
  account: ["account name", "account number", "account no"],
};

/** A currency column next to one of these is the original currency of a foreign amount, not the row's currency. */
export const FOREIGN_AMOUNT = [
  "amount currency",
  "original amount",
  "foreign amount",
  "amount in original currency",
];
