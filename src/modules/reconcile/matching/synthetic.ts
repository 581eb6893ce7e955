// Seeded synthetic books for tests and the benchmark: a ledger of bank activity and the statement
// a bank would send for it, with the noise real statements have (late clearing, bank wording,
// split and merged lines, missing and extra lines, equal amounts on nearby days), and the truth:
// which lines belong together. The same seed gives the same books on every machine.
import { makeRng, type Rng } from "../../../platform/rng.ts";
import { addBusinessDays, dateOfDay, dayNumber, weekday } from "./business-days.ts";
import type { LedgerLine, Statement, StatementLine } from "./types.ts";

export interface SyntheticOptions {
  seed: number;
  /** About how many statement lines (the ledger gets about as many). */
  lines: number;
  /** First day of the activity. */
  from?: string;
  /** Lines per calendar day. */
  perDay?: number;
  /** Share of events disturbed: shifted dates, reworded text, missing or extra lines, look-alikes. */
  disturbed?: number;
  /** Share of events split (one entry, several bank lines) or merged (several receipts, one deposit). */
  splitOrMerged?: number;
  /** Share of ledger lines posted from a bank line (they carry its id). */
  postedFromBank?: number;
  /** Share of payments made by check. */
  checks?: number;
}

/** A group of lines that belong together; lines in no group have no counterpart. */
export interface TruthGroup {
  statement: string[];
  ledger: string[];
}

export interface SyntheticBooks {
  statement: Statement;
  ledger: LedgerLine[];
  truth: TruthGroup[];
}

const FIRST = [
  "Acme",
  "Blue",
  "Harbor",
  "Summit",
  "Pioneer",
  "Cedar",
  "Golden",
  "Metro",
  "Lakeside",
  "Northern",
  "Silver",
  "Prairie",
  "Redwood",
  "Union",
  "Atlas",
  "Bright",
  "Coastal",
  "Evergreen",
  "Liberty",
  "Maple",
];
const SECOND = [
  "Supplies",
  "Coffee",
  "Logistics",
  "Foods",
  "Printing",
  "Hardware",
  "Software",
  "Electric",
  "Insurance",
  "Consulting",
  "Cleaning",
  "Rentals",
  "Telecom",
  "Fuel",
  "Bakery",
  "Office",
  "Freight",
  "Media",
  "Tools",
  "Water",
];
const PEOPLE = [
  "Alice Moreno",
  "Ben Carter",
  "Chloe Nguyen",
  "David Osei",
  "Emma Walsh",
  "Farid Haddad",
  "Grace Kim",
  "Hugo Larsen",
  "Ines Duarte",
  "Jonas Berg",
];
const PREFIX = ["POS DEBIT", "ACH DEBIT", "CARD PURCHASE", "DEBIT CARD", "", "RECURRING PMT"];
const CITIES = ["SPRINGFIELD IL", "DENVER CO", "AUSTIN TX", "PORTLAND OR", ""];

function nextBusinessDay(date: string, rng: Rng, maxLag: number): string {
  let day = dayNumber(date);
  while (weekday(day) > 4) day++;
  return addBusinessDays(dateOfDay(day), Math.floor(rng() * (maxLag + 1)));
}

export function syntheticBooks(options: SyntheticOptions): SyntheticBooks {
  const rng = makeRng(options.seed);
  const int = (n: number) => Math.floor(rng() * n);
  const pick = <T>(list: readonly T[]) => list[int(list.length)]!;
  const perDay = options.perDay ?? 200;
  const disturbed = options.disturbed ?? 0.02;
  const splitOrMerged = options.splitOrMerged ?? 0.01;
  const postedFromBank = options.postedFromBank ?? 0;
  const checkShare = options.checks ?? 0.02;
  const start = dayNumber(options.from ?? "2026-01-01");
  const payees = FIRST.flatMap((a) => SECOND.map((b) => `${a} ${b}`));

  const statementLines: StatementLine[] = [];
  const ledger: LedgerLine[] = [];
  const truth: TruthGroup[] = [];
  let seq = 0;
  let checkNo = 1000;
  const ids = () => ++seq;

  // Amounts spread over orders of magnitude as real activity does; cents random.
  const amount = (lo: number, hi: number) =>
    BigInt(Math.round(Math.exp(Math.log(lo) + rng() * (Math.log(hi) - Math.log(lo)))));
  const bankText = (payee: string) => {
    const prefix = pick(PREFIX);
    const ref = rng() < 0.6 ? ` #${1000 + int(9000)}` : "";
    return `${prefix} ${payee.toUpperCase()}${ref} ${pick(CITIES)}`.replace(/\s+/g, " ").trim();
  };
  const reword = (payee: string) =>
    rng() < 0.5
      ? payee
          .toUpperCase()
          .split(" ")
          .map((w) => w.slice(0, 4))
          .join(" ") // "ACME SUPP"
      : `ONLINE PMT REF ${100000 + int(900000)}`; // the bank names no one
  const addLedger = (
    date: string,
    amt: bigint,
    payee: string,
    extra: Partial<LedgerLine> = {},
  ): LedgerLine => {
    const n = ids();
    const line: LedgerLine = {
      id: `g${n}`,
      entryId: `e${n}`,
      date,
      amount: amt,
      description: rng() < 0.7 ? payee : `${amt < 0n ? "Purchase" : "Payment"} - ${payee}`,
      payee: rng() < 0.8 ? payee : null,
      ...extra,
    };
    ledger.push(line);
    return line;
  };
  const addStatement = (
    date: string,
    amt: bigint,
    description: string,
    extra: Partial<StatementLine> = {},
  ): StatementLine => {
    const n = ids();
    const line: StatementLine = {
      id: `s${n}`,
      externalId: `FIT${n}`,
      date,
      amount: amt,
      description,
      ...extra,
    };
    statementLines.push(line);
    return line;
  };

  for (let i = 0; statementLines.length < options.lines; i++) {
    const date = dateOfDay(start + Math.floor(i / perDay));
    const roll = rng();
    const payee = pick(payees);
    const kind = rng();
    const amt =
      kind < 0.65 ? -amount(300, 50_000) : kind < 0.85 ? -amount(5_000, 800_000) : amount(2_000, 500_000);

    if (roll < splitOrMerged) {
      const parts = 2 + int(3);
      if (rng() < 0.5) {
        // Merged: several receipts (or net-pay lines) in the books, one line at the bank.
        const positive = rng() < 0.6;
        const members: LedgerLine[] = [];
        let total = 0n;
        for (let k = 0; k < parts; k++) {
          const a = positive ? amount(2_000, 300_000) : -amount(50_000, 400_000);
          const who = positive ? pick(payees) : pick(PEOPLE);
          members.push(
            addLedger(dateOfDay(dayNumber(date) - int(2)), a, positive ? who : `Net pay - ${who}`),
          );
          total += a;
        }
        const s = addStatement(
          nextBusinessDay(date, rng, 1),
          total,
          positive ? `DEPOSIT ${100000 + int(900000)}` : "PAYROLL SVC NET PAY",
        );
        truth.push({ statement: [s.id], ledger: members.map((m) => m.id) });
      } else {
        // Split: one entry in the books, several card charges at the bank.
        const total = -amount(5_000, 600_000);
        const entry = addLedger(date, total, payee);
        const weights = Array.from({ length: parts }, () => BigInt(1 + int(10)));
        const sum = weights.reduce((t, w) => t + w, 0n);
        const members: StatementLine[] = [];
        let left = total;
        weights.forEach((w, k) => {
          const a = k === parts - 1 ? left : (total * w) / sum; // every part at least a 40th: never zero
          left -= a;
          members.push(addStatement(nextBusinessDay(date, rng, 2), a, bankText(payee)));
        });
        truth.push({ statement: members.map((m) => m.id), ledger: [entry.id] });
      }
      continue;
    }

    const isCheck = amt < 0n && rng() < checkShare;
    let sDate = isCheck ? nextBusinessDay(date, rng, 0) : nextBusinessDay(date, rng, 1);
    if (isCheck) sDate = addBusinessDays(sDate, 2 + int(12)); // checks clear when the payee cashes them
    let sText = isCheck ? `CHECK ${checkNo + 1}` : bankText(payee);
    let noise = roll < splitOrMerged + disturbed ? int(5) : -1;
    if (isCheck && noise >= 0) noise = 0;
    if (noise === 0) sDate = addBusinessDays(sDate, (rng() < 0.5 ? -1 : 1) * (1 + int(5))); // up to 5 business days off
    if (noise === 1) sText = reword(payee);
    if (noise === 2) {
      // Missing from the books: only the bank has it (a fee, a charge not yet entered).
      addStatement(sDate, amt, sText);
      continue;
    }
    if (noise === 3) {
      // Missing at the bank: outstanding in the books (or entered twice by mistake).
      addLedger(date, amt, payee);
      continue;
    }
    const checkNumber = isCheck ? String(++checkNo) : null;
    const s = addStatement(sDate, amt, sText, checkNumber ? { checkNumber } : {});
    const g = addLedger(date, amt, payee, {
      ...(checkNumber ? { checkNumber, description: `Check ${checkNumber} - ${payee}` } : {}),
      ...(rng() < postedFromBank ? { fromBankLineId: `b${s.id}` } : {}),
    });
    if (g.fromBankLineId) s.bankLineId = g.fromBankLineId;
    truth.push({ statement: [s.id], ledger: [g.id] });
    if (noise === 4) {
      // A look-alike: the same amount again a few days later, same payee or another.
      const again = dateOfDay(dayNumber(date) + int(4));
      const p2 = rng() < 0.5 ? payee : pick(payees);
      const s2 = addStatement(nextBusinessDay(again, rng, 1), amt, bankText(p2));
      const g2 = addLedger(again, amt, p2);
      truth.push({ statement: [s2.id], ledger: [g2.id] });
    }
  }

  const sorted = [...statementLines].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const opening = 10_000_000n + BigInt(int(1_000_000));
  const closing = opening + statementLines.reduce((t, l) => t + l.amount, 0n);
  return {
    statement: {
      from: sorted[0]!.date,
      to: sorted[sorted.length - 1]!.date,
      opening,
      closing,
      lines: statementLines,
    },
    ledger,
    truth,
  };
}
