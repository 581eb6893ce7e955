// The demo firm's year of activity, generated deterministically (same seed, same books): two
// clients with the money movements such businesses really have — sales deposits, supplier bills
// paid, rent, payroll, utilities, card spending and card payments.
import { addDays, endOfMonth, nextMonth } from "../../platform/dates.ts";

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

export interface DemoClient {
  slug: string;
  name: string;
  vendors: string[];
  customers: string[];
  classes: string[];
  entries: DemoEntry[];
}

/** A small deterministic PRNG (mulberry32), so the demo is the same on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random amount in cents between two dollar figures. */
function cents(rand: () => number, low: number, high: number): bigint {
  return BigInt(Math.round((low + rand() * (high - low)) * 100));
}

function pay(
  date: string,
  description: string,
  expense: string,
  amount: bigint,
  contact: string,
  from = "1010",
): DemoEntry {
  return {
    date,
    description,
    lines: [
      { account: expense, amount, contact },
      { account: from, amount: -amount, contact },
    ],
  };
}

function monthsEnding(lastMonthEnd: string, count: number): string[] {
  const months: string[] = [];
  let m = `${lastMonthEnd.slice(0, 7)}-01`;
  for (let i = 0; i < count; i++) {
    months.unshift(m);
    const y = Number(m.slice(0, 4));
    const mo = Number(m.slice(5, 7));
    m = mo === 1 ? `${y - 1}-12-01` : `${y}-${String(mo - 1).padStart(2, "0")}-01`;
  }
  return months;
}

function weekdays(month: string): string[] {
  const days: string[] = [];
  for (let d = month; d < nextMonth(month); d = addDays(d, 1)) {
    const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (dow !== 0 && dow !== 6) days.push(d);
  }
  return days;
}

function coffeeShop(months: string[]): DemoClient {
  const rand = prng(20261);
  const entries: DemoEntry[] = [];
  entries.push({
    date: months[0]!,
    description: "Opening balances",
    lines: [
      { account: "1010", amount: 4_250_000n },
      { account: "1500", amount: 1_870_000n },
      { account: "3800", amount: -6_120_000n },
    ],
  });
  for (const month of months) {
    const end = endOfMonth(month);
    for (const day of weekdays(month)) {
      const gross = cents(rand, 1600, 2600);
      const fee = (gross * 27n) / 1000n;
      entries.push({
        date: day,
        description: "Card sales settlement",
        lines: [
          { account: "1010", amount: gross - fee, contact: "Lakeside Card Services" },
          { account: "5400", amount: fee, contact: "Lakeside Card Services" },
          { account: "4000", amount: -gross },
        ],
      });
    }
    for (const week of [3, 10, 17, 24]) {
      entries.push(
        pay(
          addDays(month, week),
          "Green coffee beans",
          "5100",
          cents(rand, 900, 1600),
          "Highland Green Coffee Importers",
        ),
      );
      entries.push(
        pay(addDays(month, week + 1), "Milk and dairy", "5100", cents(rand, 380, 720), "Valley Dairy Co-op"),
      );
    }
    entries.push(pay(month, "Monthly rent", "6500", 650_000n, "Harborview Property Management"));
    entries.push(pay(addDays(month, 11), "Electricity", "6800", cents(rand, 610, 980), "City Power & Light"));
    entries.push(pay(addDays(month, 13), "Internet and phone", "6700", 18_999n, "Northwind Telecom"));
    entries.push(pay(addDays(month, 4), "Business insurance", "6250", 41_250n, "Keystone Mutual Insurance"));
    for (const payday of [14, 27]) {
      const wages = cents(rand, 7000, 8000);
      const taxes = (wages * 765n) / 10000n;
      entries.push({
        date: addDays(month, payday),
        description: "Payroll",
        lines: [
          { account: "6910", amount: wages, contact: "Brightpay Payroll" },
          { account: "6920", amount: taxes, contact: "Brightpay Payroll" },
          { account: "1010", amount: -(wages + taxes), contact: "Brightpay Payroll" },
        ],
      });
    }
    let cardTotal = 0n;
    for (let i = 0; i < 6; i++) {
      const amount = cents(rand, 15, 240);
      cardTotal += amount;
      const [account, vendor] =
        i % 3 === 0
          ? ["6400", "Paper Trail Office Supply"]
          : i % 3 === 1
            ? ["6000", "Townsquare Ads"]
            : ["6600", "Cloudtill POS Software"];
      entries.push(
        pay(
          addDays(month, 2 + i * 4),
          vendor === "Townsquare Ads"
            ? "Local advertising"
            : vendor === "Cloudtill POS Software"
              ? "POS software subscription"
              : "Office supplies",
          account,
          amount,
          vendor,
          "2100",
        ),
      );
    }
    entries.push({
      date: end,
      description: "Credit card payment",
      lines: [
        { account: "2100", amount: cardTotal, contact: "Summit Bank Card" },
        { account: "1010", amount: -cardTotal, contact: "Summit Bank Card" },
      ],
    });
    entries.push(pay(end, "Bank service charge", "6050", 1_500n, "Summit Bank"));
  }
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
    customers: [],
    classes: ["Cafe", "Wholesale"],
    entries,
  };
}

function dentalStudio(months: string[]): DemoClient {
  const rand = prng(20262);
  const entries: DemoEntry[] = [];
  const insurers = ["Delta Shield Dental Plans", "Cascade Health Benefits", "Patient Payments"];
  entries.push({
    date: months[0]!,
    description: "Opening balances",
    lines: [
      { account: "1010", amount: 8_900_000n },
      { account: "1500", amount: 12_400_000n },
      { account: "2700", amount: -9_500_000n },
      { account: "3800", amount: -11_800_000n },
    ],
  });
  for (const month of months) {
    for (const day of weekdays(month)) {
      const payer = insurers[Math.floor(rand() * insurers.length)]!;
      const amount = cents(rand, 1500, 3500);
      entries.push({
        date: day,
        description: `Deposit — ${payer}`,
        lines: [
          { account: "1010", amount, contact: payer },
          { account: "4100", amount: -amount, contact: payer },
        ],
      });
    }
    entries.push(pay(month, "Office lease", "6500", 920_000n, "Maple Street Medical Offices"));
    entries.push(
      pay(addDays(month, 6), "Dental supplies", "5100", cents(rand, 2100, 3900), "Brightsmile Dental Supply"),
    );
    entries.push(
      pay(
        addDays(month, 20),
        "Dental supplies",
        "5100",
        cents(rand, 1200, 2500),
        "Brightsmile Dental Supply",
      ),
    );
    entries.push(pay(addDays(month, 9), "Lab fees", "5200", cents(rand, 3000, 6000), "Precision Dental Lab"));
    entries.push(pay(addDays(month, 12), "Utilities", "6800", cents(rand, 480, 760), "City Power & Light"));
    entries.push(pay(addDays(month, 15), "Practice software", "6600", 39_900n, "Chairside Cloud"));
    entries.push(
      pay(addDays(month, 3), "Malpractice insurance", "6250", 108_000n, "Keystone Mutual Insurance"),
    );
    const interest = cents(rand, 520, 560);
    entries.push({
      date: addDays(month, 24),
      description: "Equipment loan payment",
      lines: [
        { account: "2700", amount: 260_000n - interest, contact: "Summit Bank" },
        { account: "8100", amount: interest, contact: "Summit Bank" },
        { account: "1010", amount: -260_000n, contact: "Summit Bank" },
      ],
    });
    for (const payday of [14, 27]) {
      const wages = cents(rand, 9000, 10500);
      const taxes = (wages * 765n) / 10000n;
      entries.push({
        date: addDays(month, payday),
        description: "Payroll",
        lines: [
          { account: "6910", amount: wages, contact: "Brightpay Payroll" },
          { account: "6920", amount: taxes, contact: "Brightpay Payroll" },
          { account: "1010", amount: -(wages + taxes), contact: "Brightpay Payroll" },
        ],
      });
    }
  }
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
    customers: insurers,
    classes: ["Hygiene", "Restorative"],
    entries,
  };
}

/** The demo clients for the twelve months that end with the month before `today`. */
export function demoClients(today: string): DemoClient[] {
  const lastMonth = endOfMonth(addDays(`${today.slice(0, 7)}-01`, -1));
  const months = monthsEnding(lastMonth, 12);
  return [coffeeShop(months), dentalStudio(months)];
}
