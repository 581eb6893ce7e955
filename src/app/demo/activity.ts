// The demo firm's two years of activity, generated deterministically (same seed, same books): two
// clients with the money movements such businesses really have, as their banks show them — the
// statement lines of the checking account and the business card, each with the account and payee
// a bookkeeper codes it to — plus the month-end journal entries no bank line carries (card fees,
// employer payroll taxes, loan interest, depreciation).
import { addDays, endOfMonth } from "../../platform/dates.ts";
import { makeRng } from "../../platform/rng.ts";

export interface DemoLine {
  account: string; // account number in the default chart
  amount: bigint; // minor units, positive = debit
  contact?: string;
}

export interface DemoEntry {
  date: string;
  description: string;
  lines: DemoLine[];
}

/** One statement line and its coding. */
export interface DemoBankLine {
  /** The ledger account of the bank or card account it is on: 1010 checking, 2100 card. */
  bank: "1010" | "2100";
  date: string;
  /** As the bank writes it. */
  text: string;
  /** Minor units from the account holder's side: positive = money in. */
  amount: bigint;
  /** Where a bookkeeper codes it (account number) and to whom. */
  account: string;
  contact: string;
}

export interface DemoClient {
  slug: string;
  name: string;
  vendors: string[];
  customers: string[];
  classes: string[];
  opening: DemoEntry;
  bankLines: DemoBankLine[];
  monthEnd: DemoEntry[];
}

/** A random amount in cents between two dollar figures. */
function cents(rand: () => number, low: number, high: number): bigint {
  return BigInt(Math.round((low + rand() * (high - low)) * 100));
}

/** The days of the history, oldest first: two years ending the day before `until` (enough lines
 *  for the bot to measure its high band on: a few hundred held-out lines). */
function daysBefore(until: string): string[] {
  const days: string[] = [];
  for (let d = addDays(until, -730); d < until; d = addDays(d, 1)) days.push(d);
  return days;
}

const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
const dayOfMonth = (day: string) => Number(day.slice(8, 10));

/** Collects a client's lines and, per month, the totals its month-end entries need. */
class Books {
  readonly lines: DemoBankLine[] = [];
  readonly totals = new Map<string, Map<string, bigint>>();

  add(
    bank: DemoBankLine["bank"],
    date: string,
    text: string,
    amount: bigint,
    account: string,
    contact: string,
  ) {
    this.lines.push({ bank, date, text, amount, account, contact });
  }

  /** Adds to a month's running total of `what` (the month-end entries are made from them). */
  tally(date: string, what: string, amount: bigint) {
    const month = date.slice(0, 7);
    const m = this.totals.get(month) ?? new Map<string, bigint>();
    m.set(what, (m.get(what) ?? 0n) + amount);
    this.totals.set(month, m);
  }

  /** Month-end entries of every whole month before `until`. */
  monthEnd(until: string, make: (month: string, totals: Map<string, bigint>) => DemoEntry[]): DemoEntry[] {
    return [...this.totals]
      .filter(([month]) => endOfMonth(`${month}-01`) < until)
      .flatMap(([month, totals]) => make(endOfMonth(`${month}-01`), totals))
      .filter((e) => e.lines.every((l) => l.amount !== 0n));
  }
}

const pay = (b: Books, date: string, text: string, amount: bigint, account: string, contact: string) =>
  b.add("1010", date, text, -amount, account, contact);

function coffeeShop(until: string): DemoClient {
  const rand = makeRng(20261);
  const b = new Books();
  const days = daysBefore(until);
  for (const day of days) {
    const dom = dayOfMonth(day);
    const dow = weekday(day);
    // Card sales settle every day, net of the processor's fee (grossed up at month end).
    const gross = cents(rand, 1200, 2600);
    const fee = (gross * 27n) / 1000n;
    b.add(
      "1010",
      day,
      "LAKESIDE CARD SERVICES CARD SALES SETTLEMENT",
      gross - fee,
      "4000",
      "Lakeside Card Services",
    );
    b.tally(day, "fees", fee);
    if (dow === 1)
      pay(
        b,
        day,
        "HIGHLAND GREEN COFFEE IMPORTERS GREEN COFFEE BEANS",
        cents(rand, 900, 1600),
        "5100",
        "Highland Green Coffee Importers",
      );
    if (dow === 2)
      pay(b, day, "VALLEY DAIRY CO-OP MILK AND DAIRY", cents(rand, 380, 720), "5100", "Valley Dairy Co-op");
    if (dom === 1)
      pay(
        b,
        day,
        "ACH HARBORVIEW PROPERTY MANAGEMENT MONTHLY RENT",
        650_000n,
        "6500",
        "Harborview Property Management",
      );
    if (dom === 5)
      pay(
        b,
        day,
        "KEYSTONE MUTUAL INSURANCE BUSINESS INSURANCE",
        41_250n,
        "6250",
        "Keystone Mutual Insurance",
      );
    if (dom === 9)
      pay(b, day, "CITY POWER & LIGHT ELECTRICITY", cents(rand, 610, 980), "6800", "City Power & Light");
    if (dom === 11) pay(b, day, "NORTHWIND TELECOM INTERNET AND PHONE", 18_999n, "6700", "Northwind Telecom");
    if (dom === 20)
      b.add(
        "1010",
        day,
        "MOBILE DEPOSIT WHOLESALE ORDER",
        cents(rand, 600, 1400),
        "4000",
        "Wholesale Customers",
      );
    if (dom === 28) pay(b, day, "SUMMIT BANK SERVICE CHARGE", 1_500n, "6050", "Summit Bank");
    if (dom === 12 || dom === 26) {
      const wages = cents(rand, 7000, 8000);
      pay(b, day, "BRIGHTPAY PAYROLL PAYROLL", wages, "6910", "Brightpay Payroll");
      b.tally(day, "wages", wages);
    }
    // The card: office supplies, advertising, software; paid off from checking each month.
    const card: Record<number, [string, string, string, number, number]> = {
      3: ["PAPER TRAIL OFFICE SUPPLY OFFICE SUPPLIES", "6400", "Paper Trail Office Supply", 15, 120],
      7: ["TOWNSQUARE ADS LOCAL ADVERTISING", "6000", "Townsquare Ads", 90, 160],
      10: ["CLOUDTILL POS SOFTWARE SUBSCRIPTION", "6600", "Cloudtill POS Software", 69, 69],
      17: ["PAPER TRAIL OFFICE SUPPLY OFFICE SUPPLIES", "6400", "Paper Trail Office Supply", 15, 120],
      22: ["TOWNSQUARE ADS LOCAL ADVERTISING", "6000", "Townsquare Ads", 90, 160],
    };
    const c = card[dom];
    if (c) {
      const amount = cents(rand, c[3], c[4]);
      b.add("2100", day, c[0], -amount, c[1], c[2]);
      b.tally(day, "card", amount);
    }
    if (dom === 25) {
      const month = b.totals.get(addDays(day, -28).slice(0, 7))?.get("card") ?? 0n;
      if (month > 0n) pay(b, day, "SUMMIT BANK CARD PAYMENT", month, "2100", "Summit Bank Card");
    }
  }
  const monthEnd = b.monthEnd(until, (end, t) => [
    {
      date: end,
      description: "Card processing fees for the month",
      lines: [
        { account: "5400", amount: t.get("fees") ?? 0n, contact: "Lakeside Card Services" },
        { account: "4000", amount: -(t.get("fees") ?? 0n) },
      ],
    },
    ...payrollTaxes(end, t.get("wages") ?? 0n),
    depreciation(end, 31_000n),
  ]);
  return {
    slug: "bluebird-coffee",
    name: "Bluebird Coffee Roasters",
    vendors: [
      "Highland Green Coffee Importers",
      "Valley Dairy Co-op",
      "Harborview Property Management",
      "City Power & Light",
      "Northwind Telecom",
      "Keystone Mutual Insurance",
      "Brightpay Payroll",
      "Paper Trail Office Supply",
      "Townsquare Ads",
      "Cloudtill POS Software",
      "Summit Bank Card",
      "Summit Bank",
      "Lakeside Card Services",
    ],
    customers: ["Wholesale Customers"],
    classes: ["Cafe", "Wholesale"],
    opening: {
      date: days[0]!,
      description: "Opening balances",
      lines: [
        { account: "1010", amount: 4_250_000n },
        { account: "1500", amount: 1_870_000n },
        { account: "3800", amount: -6_120_000n },
      ],
    },
    bankLines: b.lines,
    monthEnd,
  };
}

/** The employer's share of payroll taxes (7.65%), moved out of wages at month end. */
function payrollTaxes(end: string, wages: bigint): DemoEntry[] {
  if (wages === 0n) return [];
  const taxes = (wages * 765n) / 10765n;
  return [
    {
      date: end,
      description: "Employer payroll taxes",
      lines: [
        { account: "6920", amount: taxes, contact: "Brightpay Payroll" },
        { account: "6910", amount: -taxes, contact: "Brightpay Payroll" },
      ],
    },
  ];
}

function depreciation(end: string, amount: bigint): DemoEntry {
  return {
    date: end,
    description: "Depreciation",
    lines: [
      { account: "8000", amount },
      { account: "1590", amount: -amount },
    ],
  };
}

function dentalStudio(until: string): DemoClient {
  const rand = makeRng(20262);
  const b = new Books();
  const days = daysBefore(until);
  const payers: Array<[string, string]> = [
    ["DELTA SHIELD DENTAL PLANS DEPOSIT", "Delta Shield Dental Plans"],
    ["CASCADE HEALTH BENEFITS DEPOSIT", "Cascade Health Benefits"],
    ["PATIENT PAYMENTS DEPOSIT", "Patient Payments"],
  ];
  for (const day of days) {
    const dom = dayOfMonth(day);
    const dow = weekday(day);
    if (dow !== 0 && dow !== 6)
      for (const [text, payer] of payers) b.add("1010", day, text, cents(rand, 600, 2600), "4100", payer);
    if (dom === 1)
      pay(
        b,
        day,
        "ACH MAPLE STREET MEDICAL OFFICES OFFICE LEASE",
        920_000n,
        "6500",
        "Maple Street Medical Offices",
      );
    if (dom === 4)
      pay(
        b,
        day,
        "KEYSTONE MUTUAL INSURANCE MALPRACTICE INSURANCE",
        108_000n,
        "6250",
        "Keystone Mutual Insurance",
      );
    if (dom === 7 || dom === 21)
      pay(
        b,
        day,
        "BRIGHTSMILE DENTAL SUPPLY DENTAL SUPPLIES",
        cents(rand, 1200, 3900),
        "5100",
        "Brightsmile Dental Supply",
      );
    if (dom === 10)
      pay(b, day, "PRECISION DENTAL LAB LAB FEES", cents(rand, 3000, 6000), "5200", "Precision Dental Lab");
    if (dom === 13)
      pay(b, day, "CITY POWER & LIGHT UTILITIES", cents(rand, 480, 760), "6800", "City Power & Light");
    if (dom === 15) pay(b, day, "CHAIRSIDE CLOUD PRACTICE SOFTWARE", 39_900n, "6600", "Chairside Cloud");
    if (dom === 18) {
      pay(b, day, "SUMMIT BANK LOAN PAYMENT", 260_000n, "2700", "Summit Bank");
      b.tally(day, "interest", cents(rand, 520, 560));
    }
    if (dom === 12 || dom === 26) {
      const wages = cents(rand, 9000, 10500);
      pay(b, day, "BRIGHTPAY PAYROLL PAYROLL", wages, "6910", "Brightpay Payroll");
      b.tally(day, "wages", wages);
    }
  }
  const monthEnd = b.monthEnd(until, (end, t) => [
    ...payrollTaxes(end, t.get("wages") ?? 0n),
    {
      date: end,
      description: "Equipment loan interest",
      lines: [
        { account: "8100", amount: t.get("interest") ?? 0n, contact: "Summit Bank" },
        { account: "2700", amount: -(t.get("interest") ?? 0n), contact: "Summit Bank" },
      ],
    },
    depreciation(end, 124_000n),
  ]);
  return {
    slug: "harbor-dental",
    name: "Harbor Dental Studio",
    vendors: [
      "Maple Street Medical Offices",
      "Brightsmile Dental Supply",
      "Precision Dental Lab",
      "City Power & Light",
      "Chairside Cloud",
      "Keystone Mutual Insurance",
      "Summit Bank",
      "Brightpay Payroll",
    ],
    customers: payers.map(([, name]) => name),
    classes: ["Hygiene", "Restorative"],
    opening: {
      date: days[0]!,
      description: "Opening balances",
      lines: [
        { account: "1010", amount: 8_900_000n },
        { account: "1500", amount: 12_400_000n },
        { account: "2700", amount: -9_500_000n },
        { account: "3800", amount: -11_800_000n },
      ],
    },
    bankLines: b.lines,
    monthEnd,
  };
}

/** The demo clients' year of history, ending the day before `until` (when the fresh weeks start). */
export function demoClients(until: string): DemoClient[] {
  return [coffeeShop(until), dentalStudio(until)];
}
