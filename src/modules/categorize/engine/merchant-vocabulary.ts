// The vocabulary of bank text that normalization strips or rewrites: processor prefixes, wallets,
// leading noise, generic tails, abbreviations, places, and the patterns of lines that name no
// merchant. Data only; the steps that use it are in normalize.ts.
import type { MerchantKind } from "./normalize.ts";

/** Prefixes that processors put before the merchant ("SQ *DOWNTOWN CAFE"); the merchant follows. */
export const PROCESSORS: Record<string, string> = {
  SQ: "Square",
  SQU: "Square",
  SQUARE: "Square",
  TST: "Toast",
  TOAST: "Toast",
  PAYPAL: "PayPal",
  PP: "PayPal",
  SP: "Shopify",
  IN: "Intuit",
  INTUIT: "Intuit",
  CKE: "Clover",
  CLV: "Clover",
  EB: "Eventbrite",
  BT: "Braintree",
  FS: "FastSpring",
  PY: "Paymentus",
  WPY: "WePay",
  SUMUP: "SumUp",
  SUM: "SumUp",
  IZ: "Zettle",
  IZETTLE: "Zettle",
  ZETTLE: "Zettle",
  STRIPE: "Stripe",
  "2CO": "2Checkout",
  PADDLE: "Paddle",
};

/** Person-to-person apps: what follows them is usually a person, not a business. */
export const P2P: Record<string, string> = {
  VENMO: "Venmo",
  ZELLE: "Zelle",
  "CASH APP": "Cash App",
  CASHAPP: "Cash App",
};

/** Words banks put before the merchant; removed from the front, repeatedly. */
export const LEADING_NOISE = new Set([
  "POS",
  "PIN",
  "SIG",
  "DBT",
  "DEBIT",
  "CREDIT",
  "CHECKCARD",
  "CARD",
  "VISA",
  "MASTERCARD",
  "MC",
  "PURCHASE",
  "PURCHASES",
  "RECURRING",
  "RECUR",
  "PREAUTHORIZED",
  "PREAUTH",
  "AUTHORIZED",
  "AUTH",
  "ONLINE",
  "WEB",
  "ACH",
  "CONTACTLESS",
  "CNP",
  "ON",
  "DDR",
  "DD",
  "SO",
  "BGC",
  "FPO",
  "FPI",
  "TFR",
  "BP",
  "CHG",
  "PAYMENT",
  "PMT",
  "WITHDRAWAL",
]);
/** Leading noise words that are also real names, removed only before another word ("BP" is a brand). */
export const LEADING_NOISE_NEEDS_MORE = new Set([
  "BP",
  "ON",
  "SO",
  "DD",
  "MC",
  "PAYMENT",
  "PMT",
  "CARD",
  "WEB",
  "ONLINE",
]);

/** Words that say nothing about who was paid; dropped from keys and names when other words remain. */
export const GENERIC_TAIL = new Set([
  "INC",
  "LLC",
  "LTD",
  "LIMITED",
  "LIMITE",
  "LIMIT",
  "PLC",
  "CORP",
  "CORPORATION",
  "CO",
  "COMPANY",
  "USA",
  "US",
  "UK",
  "GB",
  "GBR",
  "EU",
  "STORE",
  "STORES",
  "STATION",
  "WHSE",
  "SUPERCENTER",
  "SUPERCTR",
  "ONLINE",
  "MONTHLY",
  "MEMBERSHIP",
  "PURCHASE",
  "BILL",
  "PAYMENT",
  "LOC",
  "BRANCH",
]);

/** Abbreviations expanded in display names (not in keys, which stay as the bank spells them). */
export const EXPAND: Record<string, string> = {
  MKT: "Market",
  MKTS: "Markets",
  SVCS: "Services",
  SVC: "Service",
  INTL: "International",
  CTR: "Center",
  SUPERMKT: "Supermarket",
};

export const US_STATES = new Set(
  (
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR " +
    "PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR"
  ).split(" "),
);
/** Big cities that appear at the end of card lines; removed when a name remains. */
export const CITIES = new Set([
  "NYC",
  "NEW YORK",
  "LOS ANGELES",
  "SAN FRANCISCO",
  "CHICAGO",
  "SEATTLE",
  "BOSTON",
  "HOUSTON",
  "DALLAS",
  "AUSTIN",
  "ATLANTA",
  "MIAMI",
  "DENVER",
  "PHOENIX",
  "PHILADELPHIA",
  "PORTLAND",
  "SAN DIEGO",
  "SAN JOSE",
  "LAS VEGAS",
  "SPRINGFIELD",
  "LONDON",
  "BIRMINGHAM",
  "MANCHESTER",
  "LEEDS",
  "GLASGOW",
  "EDINBURGH",
  "BRISTOL",
  "LIVERPOOL",
]);

/** Lines that are not purchases from a merchant: transfers, cash, checks, fees, holds. */
export const NON_MERCHANT: Array<[RegExp, MerchantKind]> = [
  [/\bATM\b|^CASH (WITHDRAWAL|WDL)|\bCASH WITHDRAWAL\b/, "atm"],
  [/^(CHECK|CHEQUE|CHK)\b\s*#?\s*\d*$/, "check"],
  [/\b(WIRE|ONLINE|MOBILE|INTERNET|BANK|INTERNAL|BOOK)? ?(TRANSFER|XFER|TFR)\b/, "transfer"],
  [/^ACH (WITHDRAWAL|DEPOSIT|DEBIT|CREDIT)$|^DIRECT DEBIT$|^STANDING ORDER$/, "transfer"],
  [
    /\b(SERVICE CHARGE|MONTHLY (SERVICE )?FEE|MAINTENANCE FEE|OVERDRAFT|NSF FEE|INTEREST CHARGE|FOREIGN TRANSACTION FEE|ANNUAL FEE|LATE FEE)\b/,
    "fee",
  ],
  [
    /^(PENDING|VOID|REVERSAL|AUTHORI[SZ]ATION HOLD)\b|\bPENDING AUTHORI[SZ]ATION\b|^VOID(ED)? TRANSACTION$/,
    "none",
  ],
];

export const DOMAIN =
  /^(?:WWW\.)?([A-Z0-9][A-Z0-9-]*)(?:\.[A-Z0-9-]+)*\.(?:COM|NET|ORG|CO|IO|UK|DE|FR|EU|BIZ|INFO|ME|TV|APP)\.?(?:\/\S*)?$/;
