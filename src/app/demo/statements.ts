// The demo's statement files, written in memory in formats the banking module reads (a CSV
// export, a QIF file), and the fresh weeks each demo client's bank shows after its history ends.
import { formatMinor } from "../../platform/money.ts";

export interface FeedLine {
  day: number;
  text: string;
  cents: number;
}

/** What each demo client's bank shows in the weeks after its books end (amounts in cents, out negative). */
export const FEEDS: Record<string, { checking: FeedLine[]; card: FeedLine[] }> = {
  "bluebird-coffee": {
    checking: [
      { day: 1, text: "ACH HARBORVIEW PROPERTY MANAGEMENT MONTHLY RENT", cents: -650_000 },
      { day: 2, text: "LAKESIDE CARD SERVICES CARD SALES SETTLEMENT", cents: 201_344 },
      { day: 3, text: "HIGHLAND GREEN COFFEE IMPORTERS GREEN COFFEE BEANS", cents: -128_450 },
      { day: 4, text: "VALLEY DAIRY CO-OP MILK AND DAIRY", cents: -51_230 },
      { day: 5, text: "KEYSTONE MUTUAL INSURANCE BUSINESS INSURANCE", cents: -41_250 },
      { day: 6, text: "LAKESIDE CARD SERVICES CARD SALES SETTLEMENT", cents: 187_920 },
      { day: 8, text: "CITY POWER & LIGHT ELECTRICITY", cents: -78_912 },
      { day: 9, text: "NORTHWIND TELECOM INTERNET AND PHONE", cents: -18_999 },
      { day: 10, text: "HIGHLAND GREEN COFFEE IMPORTERS GREEN COFFEE BEANS", cents: -141_075 },
      { day: 11, text: "VALLEY DAIRY CO-OP MILK AND DAIRY", cents: -48_860 },
      { day: 12, text: "BRIGHTPAY PAYROLL PAYROLL", cents: -812_344 },
      { day: 13, text: "SQ *RIVERSIDE HARDWARE", cents: -6_412 },
      { day: 14, text: "LAKESIDE CARD SERVICES CARD SALES SETTLEMENT", cents: 224_100 },
      { day: 15, text: "ESPRESSO PARTS DIRECT ONLINE", cents: -38_900 },
      { day: 16, text: "SUMMIT BANK SERVICE CHARGE", cents: -1_500 },
      { day: 17, text: "HIGHLAND GREEN COFFEE IMPORTERS GREEN COFFEE BEANS", cents: -135_000 },
      { day: 18, text: "VALLEY DAIRY CO-OP MILK AND DAIRY", cents: -50_115 },
      { day: 19, text: "MOBILE DEPOSIT CATERING ORDER", cents: 95_000 },
    ],
    card: [
      { day: 2, text: "PAPER TRAIL OFFICE SUPPLY OFFICE SUPPLIES", cents: -4_318 },
      { day: 5, text: "TOWNSQUARE ADS LOCAL ADVERTISING", cents: -12_500 },
      { day: 7, text: "CLOUDTILL POS SOFTWARE SUBSCRIPTION", cents: -6_900 },
      { day: 9, text: "AMZN MKTP US*2K4L19 AMZN.COM/BILL", cents: -2_699 },
      { day: 12, text: "PAPER TRAIL OFFICE SUPPLY OFFICE SUPPLIES", cents: -8_844 },
      { day: 15, text: "TOWNSQUARE ADS LOCAL ADVERTISING", cents: -9_900 },
    ],
  },
  "harbor-dental": {
    checking: [
      { day: 1, text: "ACH MAPLE STREET MEDICAL OFFICES OFFICE LEASE", cents: -920_000 },
      { day: 2, text: "DELTA SHIELD DENTAL PLANS DEPOSIT", cents: 231_400 },
      { day: 3, text: "CASCADE HEALTH BENEFITS DEPOSIT", cents: 187_655 },
      { day: 4, text: "KEYSTONE MUTUAL INSURANCE MALPRACTICE INSURANCE", cents: -108_000 },
      { day: 5, text: "PATIENT PAYMENTS DEPOSIT", cents: 164_210 },
      { day: 7, text: "BRIGHTSMILE DENTAL SUPPLY DENTAL SUPPLIES", cents: -298_122 },
      { day: 9, text: "DELTA SHIELD DENTAL PLANS DEPOSIT", cents: 276_330 },
      { day: 10, text: "PRECISION DENTAL LAB LAB FEES", cents: -455_000 },
      { day: 12, text: "BRIGHTPAY PAYROLL PAYROLL", cents: -1_043_812 },
      { day: 13, text: "CITY POWER & LIGHT UTILITIES", cents: -61_870 },
      { day: 15, text: "CHAIRSIDE CLOUD PRACTICE SOFTWARE", cents: -39_900 },
      { day: 16, text: "CASCADE HEALTH BENEFITS DEPOSIT", cents: 201_090 },
      { day: 17, text: "DENTAL CE SEMINARS REGISTRATION", cents: -45_000 },
      { day: 18, text: "SUMMIT BANK LOAN PAYMENT", cents: -260_000 },
    ],
    card: [],
  },
};

interface StatementLine {
  date: string;
  text: string;
  /** Minor units, positive = money in. */
  amount: bigint;
}

/** A bank's CSV export: date, description, signed amount. */
export function csvStatement(lines: readonly StatementLine[]): Uint8Array {
  const rows = lines.map((l) => `${l.date},${l.text},${formatMinor(l.amount, 2)}`);
  return new TextEncoder().encode(`Date,Description,Amount\n${rows.join("\n")}\n`);
}

/** A card issuer's QIF download (US dates, the merchant as the payee). */
export function qifStatement(lines: readonly StatementLine[]): Uint8Array {
  const records = lines.map((l) => {
    const [y, m, d] = l.date.split("-");
    return `D${m}/${d}/${y}\nT${formatMinor(l.amount, 2)}\nP${l.text}\n^`;
  });
  return new TextEncoder().encode(`!Type:CCard\n${records.join("\n")}\n`);
}
