// Reads QIF (Quicken Interchange Format) bank, cash and card registers: `!Type:` sections, `!Account`
// blocks (one statement each), splits, and every date style Quicken and its imitators wrote.
import { detectDecimalSeparator, normalizeAmount, type DecimalSeparator } from "./amount.ts";
import { detectDateOrder, resolveDate, splitDate, type DateOrder, type DateParts } from "./dates.ts";
import { StatementParseError } from "./errors.ts";
import { splitLines } from "./text.ts";
import type { DetailedStatement, DetailedTransaction, FormatResult } from "./types.ts";

interface QifRecord {
  line: number;
  fields: Array<[string, string]>;
}

interface Section {
  /** What follows the `!Type:` header (Bank, CCard, Invst…). */
  type: string;
  account: QifRecord | null;
  line: number;
  records: QifRecord[];
}

const BANK_TYPES = new Set(["bank", "cash", "ccard", "oth a", "oth l", "invoice"]);
const INVESTMENT_TYPES = new Set(["invst", "port", "401(k)/403(b)"]);

export function parseQif(text: string): FormatResult {
  const sections = readSections(text);
  const warnings: string[] = [];
  const bank = sections.filter((s) => BANK_TYPES.has(s.type.toLowerCase()));
  for (const s of sections) {
    if (INVESTMENT_TYPES.has(s.type.toLowerCase()) && s.records.length > 0) {
      const name = s.account ? field(s.account, "N") : null;
      warnings.push(
        `Investment register${name ? ` "${name}"` : ""} (line ${s.line}) skipped: Closebook reads bank and card ` +
          `statements only (${s.records.length} investment transaction${s.records.length === 1 ? "" : "s"} not read).`,
      );
    }
  }
  if (bank.length === 0 && sections.every((s) => !INVESTMENT_TYPES.has(s.type.toLowerCase()))) {
    throw new StatementParseError(
      "qif/no-register",
      "The QIF file has no bank, cash or card register (no !Type:Bank section).",
    );
  }

  // Day/month order and decimal separator are never stated in QIF, so they are read off the whole file.
  const records = bank.flatMap((s) => s.records);
  const dateParts: Array<[QifRecord, DateParts]> = [];
  for (const r of records) {
    const d = field(r, "D");
    if (d === null) continue;
    const parts = splitDate(d);
    if (!parts) throw new StatementParseError("qif/invalid-date", `"${d}" is not a date.`, r.line);
    dateParts.push([r, parts]);
  }
  const guess = detectDateOrder(
    dateParts.map(([, p]) => p),
    "MDY",
  );
  if (!guess) {
    const bad = dateParts.find(([, p]) =>
      (["YMD", "MDY", "DMY"] as const).every((o) => resolveDate(p, o) === null),
    );
    throw new StatementParseError(
      "qif/invalid-date",
      bad
        ? `"${field(bad[0], "D")}" is not a real date.`
        : "The dates in the file do not follow one day/month order.",
      bad?.[0].line ?? null,
    );
  }
  if (guess.ambiguous) {
    warnings.push(
      "Every date in the file could be month/day or day/month; they were read as month/day/year (US style).",
    );
  }
  const amounts = records.flatMap((r) =>
    r.fields.filter(([k]) => k === "T" || k === "U" || k === "$").map(([, v]) => v),
  );
  const decimal = detectDecimalSeparator(amounts) ?? ".";
  const trailing = dateParts.filter(([, p]) => p.trailing !== "").length;
  if (trailing > 0) {
    warnings.push(
      `${trailing} date${trailing === 1 ? " has" : "s have"} extra text after the date, which was ignored.`,
    );
  }

  const statements = bank.map((s) => readRegister(s, guess.order, decimal));
  return { statements, warnings };
}

/** Splits the file into `!Type:` sections of `^`-terminated records, remembering the `!Account` each belongs to. */
function readSections(text: string): Section[] {
  const lines = splitLines(text);
  const sections: Section[] = [];
  let section: Section | null = null;
  let inAccountList = false;
  let autoSwitch = false;
  let account: QifRecord | null = null;
  let record: QifRecord | null = null;

  lines.forEach((rawLine, index) => {
    const line = rawLine.replace(/\s+$/, "");
    const lineNo = index + 1;
    if (line === "") return;
    if (line.startsWith("!")) {
      const header = line.slice(1).trim();
      const lower = header.toLowerCase();
      record = null;
      if (lower.startsWith("option:autoswitch")) autoSwitch = true;
      else if (lower.startsWith("clear:autoswitch")) autoSwitch = false;
      else if (lower === "account") {
        inAccountList = true;
        section = null;
      } else if (lower.startsWith("type:")) {
        inAccountList = false;
        section = {
          type: header.slice(5).trim(),
          account: autoSwitch ? null : account,
          line: lineNo,
          records: [],
        };
        sections.push(section);
      }
      return;
    }
    if (line.startsWith("^")) {
      if (record && inAccountList) account = record;
      else if (record && section) section.records.push(record);
      record = null;
      return;
    }
    if (!section && !inAccountList) {
      throw new StatementParseError(
        "qif/no-header",
        "The QIF file does not start with a !Type: header.",
        lineNo,
      );
    }
    record ??= { line: lineNo, fields: [] };
    record.fields.push([line[0] as string, line.slice(1)]);
  });
  // A last record without its closing "^" is still a record (files are often cut that way).
  const last = record as QifRecord | null;
  if (last && section && !inAccountList) (section as Section).records.push(last);
  return sections;
}

function field(record: QifRecord, key: string): string | null {
  for (const [k, v] of record.fields) if (k === key) return v.trim();
  return null;
}

function readRegister(section: Section, order: DateOrder, decimal: DecimalSeparator): DetailedStatement {
  const transactions: DetailedTransaction[] = [];
  let openingBalance: string | null = null;
  let start: string | null = null;
  section.records.forEach((r, i) => {
    const t = readTransaction(r, order, decimal);
    // Quicken writes the starting balance as a first "Opening Balance" transfer to the account itself.
    if (i === 0 && /^opening balance$/i.test(t.payee ?? "") && /^\[.*\]$/.test(field(r, "L") ?? "")) {
      openingBalance = t.amount;
      start = t.date;
      return;
    }
    transactions.push(t);
  });
  const account = section.account;
  const balance = account ? field(account, "$") : null;
  const raw: Record<string, string> = { type: section.type };
  if (account) for (const [k, v] of account.fields) raw[`account.${k}`] = v;
  return {
    account: {
      id: account ? field(account, "N") : null,
      currency: null,
      type: (account && field(account, "T")) || section.type,
      institution: null,
    },
    start,
    end: null,
    openingBalance,
    closingBalance: balance === null ? null : normalizeAmount(balance, decimal),
    transactions,
    line: section.line,
    source: null,
    raw,
  };
}

function readTransaction(r: QifRecord, order: DateOrder, decimal: DecimalSeparator): DetailedTransaction {
  const dateText = field(r, "D");
  if (dateText === null) {
    throw new StatementParseError(
      "qif/missing-date",
      `The transaction starting on line ${r.line} has no date (D line).`,
      r.line,
    );
  }
  const parts = splitDate(dateText);
  const date = parts ? resolveDate(parts, order) : null;
  if (date === null)
    throw new StatementParseError("qif/invalid-date", `"${dateText}" is not a real date.`, r.line);
  const amountText = field(r, "T") ?? field(r, "U");
  if (amountText === null) {
    throw new StatementParseError(
      "qif/missing-amount",
      `The transaction starting on line ${r.line} has no amount (T line).`,
      r.line,
    );
  }
  const amount = normalizeAmount(amountText, decimal);
  if (amount === null) {
    throw new StatementParseError(
      "qif/invalid-amount",
      `The amount "${amountText.slice(0, 40)}" is not a number.`,
      r.line,
    );
  }
  const raw: Record<string, string> = {};
  let split = 0;
  for (const [k, v] of r.fields) {
    if (k === "S") split++;
    const key = (k === "S" || k === "E" || k === "$" || k === "%") && split > 0 ? `split.${split}.${k}` : k;
    raw[key] = key in raw ? `${raw[key]}\n${v}` : v;
  }
  const payee = field(r, "P") || null;
  const memo = field(r, "M") || null;
  return {
    id: null,
    date,
    amount,
    description: memo ?? payee ?? field(r, "L") ?? "",
    payee,
    reference: field(r, "N") || null,
    line: r.line,
    raw,
  };
}
