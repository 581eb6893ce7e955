// Test helpers only: PDF bank statements generated with pdfkit from a description of their lines, so
// the truth is known. Three layouts that real banks print: (a) a US statement with one signed Amount
// column and MM/DD/YYYY dates; (b) Withdrawals and Deposits columns, "Jan 05" dates whose year comes
// from the period heading (which spans a new year), descriptions on two lines, several pages with the
// heading repeated and a "Balance forward" row; (c) a UK statement with Debit and Credit columns,
// DD/MM/YYYY, thousands separators, balances marked CR/DR, the date printed once per day and a totals
// row. Plus a scanned-looking PDF (one image, no text), a password-protected one and a tampered one.
import { deflateSync } from "node:zlib";
import PDFDocument from "pdfkit";
import { monthName } from "../../src/platform/dates.ts";

export type PdfLayout = "signed" | "withdrawals-deposits" | "debit-credit";

export interface PdfLine {
  /** YYYY-MM-DD. */
  date: string;
  /** One entry per printed line of the description. */
  description: string[];
  /** Signed decimal, money out negative: "-4.50". */
  amount: string;
}

export interface PdfStatementSpec {
  layout: PdfLayout;
  bank: string;
  account: string;
  start: string;
  end: string;
  opening: string;
  lines: PdfLine[];
  /** Lines per page before the table continues on a new page (with its heading repeated). */
  linesPerPage?: number;
  /** Print this running balance for the line at this index instead of the true one. */
  tamper?: { line: number; balance: string };
  /** Protect the file with this password. */
  password?: string;
}

/** Cents of a decimal string, exactly. */
function cents(amount: string): number {
  const negative = amount.startsWith("-");
  const [whole, fraction = ""] = amount.replace("-", "").split(".");
  const value = Number(whole) * 100 + Number(fraction.padEnd(2, "0").slice(0, 2));
  return negative ? -value : value;
}

function decimal(c: number): string {
  const abs = Math.abs(c);
  return `${c < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

function grouped(c: number): string {
  const abs = Math.abs(c);
  return `${Math.floor(abs / 100).toLocaleString("en-US")}.${String(abs % 100).padStart(2, "0")}`;
}

/** The running balance after each line, and the closing balance, as decimal strings. */
export function balancesOf(spec: PdfStatementSpec): { balances: string[]; closing: string } {
  let running = cents(spec.opening);
  const balances = spec.lines.map((l) => {
    running += cents(l.amount);
    return decimal(running);
  });
  return { balances, closing: decimal(running) };
}

function parts(iso: string): [string, string, string] {
  return iso.split("-") as [string, string, string];
}
const us = (iso: string) => {
  const [y, m, d] = parts(iso);
  return `${m}/${d}/${y}`;
};
const uk = (iso: string) => {
  const [y, m, d] = parts(iso);
  return `${d}/${m}/${y}`;
};
const short = (iso: string) => {
  const [, m, d] = parts(iso);
  return `${monthName(Number(m)).slice(0, 3)} ${d}`;
};
const long = (iso: string) => {
  const [y, m, d] = parts(iso);
  return `${monthName(Number(m))} ${Number(d)}, ${y}`;
};

interface Page {
  text(
    value: string,
    x: number,
    y: number,
    options?: { width?: number; align?: "right" | "left"; size?: number },
  ): void;
}

async function render(
  draw: (page: Page, newPage: () => void) => void,
  options: { password?: string } = {},
): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: "LETTER",
    margin: 40,
    info: { CreationDate: new Date("2026-01-01T00:00:00Z") },
    ...(options.password
      ? { userPassword: options.password, ownerPassword: `${options.password}-owner` }
      : {}),
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve) =>
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks)))),
  );
  doc.font("Helvetica").fontSize(9);
  const page: Page = {
    text: (value, x, y, o = {}) => {
      doc.fontSize(o.size ?? 9);
      doc.text(value, x, y, {
        lineBreak: false,
        ...(o.width ? { width: o.width, align: o.align ?? "left" } : {}),
      });
    },
  };
  draw(page, () => doc.addPage());
  doc.end();
  return done;
}

const ROW = 15;
const WRAP = 10.5;

/** A PDF statement in the given layout with exactly the described lines. */
export function statementPdf(spec: PdfStatementSpec): Promise<Uint8Array> {
  const { balances, closing } = balancesOf(spec);
  if (spec.tamper) balances[spec.tamper.line] = spec.tamper.balance;
  const perPage = spec.linesPerPage ?? 30;
  return render(
    (p, newPage) => {
      switch (spec.layout) {
        case "signed":
          return drawSigned(p, newPage, spec, balances, closing, perPage);
        case "withdrawals-deposits":
          return drawWithdrawals(p, newPage, spec, balances, closing, perPage);
        case "debit-credit":
          return drawDebitCredit(p, newPage, spec, balances, closing, perPage);
      }
    },
    spec.password ? { password: spec.password } : {},
  );
}

function drawSigned(
  p: Page,
  newPage: () => void,
  spec: PdfStatementSpec,
  balances: string[],
  closing: string,
  perPage: number,
): void {
  const heading = (y: number) => {
    p.text("Date", 40, y);
    p.text("Description", 110, y);
    p.text("Amount", 380, y, { width: 80, align: "right" });
    p.text("Balance", 470, y, { width: 90, align: "right" });
  };
  const money = (c: number) => `${c < 0 ? "-" : ""}${grouped(c)}`;
  titled(p, spec.bank);
  p.text(`Account number: ${spec.account}`, 40, 80);
  p.text(`Statement period: ${us(spec.start)} - ${us(spec.end)}`, 40, 94);
  p.text("Beginning balance", 40, 116);
  p.text(`$${grouped(cents(spec.opening))}`, 200, 116, { width: 90, align: "right" });
  p.text("Ending balance", 40, 130);
  p.text(`$${grouped(cents(closing))}`, 200, 130, { width: 90, align: "right" });
  let y = 160;
  heading(y);
  spec.lines.forEach((line, i) => {
    if (i > 0 && i % perPage === 0) {
      newPage();
      y = 60;
      heading(y);
    }
    y += ROW;
    p.text(us(line.date), 40, y);
    p.text(line.description.join(" "), 110, y);
    p.text(money(cents(line.amount)), 380, y, { width: 80, align: "right" });
    p.text(money(cents(balances[i] as string)), 470, y, { width: 90, align: "right" });
  });
}

function drawWithdrawals(
  p: Page,
  newPage: () => void,
  spec: PdfStatementSpec,
  balances: string[],
  closing: string,
  perPage: number,
): void {
  const pages = Math.ceil(spec.lines.length / perPage);
  const heading = (y: number) => {
    p.text("Date", 40, y);
    p.text("Description", 90, y);
    p.text("Withdrawals", 300, y, { width: 80, align: "right" });
    p.text("Deposits", 390, y, { width: 80, align: "right" });
    p.text("Balance", 480, y, { width: 80, align: "right" });
  };
  let y = 0;
  let balance = grouped(cents(spec.opening));
  const top = (page: number) => {
    if (page === 1) {
      titled(p, spec.bank);
      p.text(`Account: ${spec.account}`, 40, 80);
      p.text(`Statement Period: ${long(spec.start)} through ${long(spec.end)}`, 40, 94);
      y = 130;
    } else {
      p.text(`${spec.bank} - Account ${spec.account} - continued`, 40, 40);
      y = 70;
    }
    heading(y);
    y += ROW;
    p.text(short(page === 1 ? spec.start : (spec.lines[(page - 1) * perPage] as PdfLine).date), 40, y);
    p.text("Balance forward", 90, y);
    p.text(balance, 480, y, { width: 80, align: "right" });
  };
  const bottom = (page: number) => {
    if (page < pages) p.text("Continued on next page", 240, 700);
    p.text(`Page ${page} of ${pages}`, 500, 740);
  };
  top(1);
  spec.lines.forEach((line, i) => {
    if (i > 0 && i % perPage === 0) {
      bottom(i / perPage);
      newPage();
      top(i / perPage + 1);
    }
    y += ROW;
    const c = cents(line.amount);
    p.text(short(line.date), 40, y);
    p.text(line.description[0] as string, 90, y);
    p.text(grouped(c), c < 0 ? 300 : 390, y, { width: 80, align: "right" });
    balance = grouped(cents(balances[i] as string));
    p.text(balance, 480, y, { width: 80, align: "right" });
    for (const more of line.description.slice(1)) {
      y += WRAP;
      p.text(more, 90, y);
    }
  });
  y += ROW;
  p.text("Ending balance", 90, y);
  p.text(grouped(cents(closing)), 480, y, { width: 80, align: "right" });
  bottom(pages);
}

function drawDebitCredit(
  p: Page,
  newPage: () => void,
  spec: PdfStatementSpec,
  balances: string[],
  closing: string,
  perPage: number,
): void {
  const heading = (y: number) => {
    p.text("Date", 40, y);
    p.text("Details", 110, y);
    p.text("Debit", 300, y, { width: 80, align: "right" });
    p.text("Credit", 390, y, { width: 80, align: "right" });
    p.text("Balance", 480, y, { width: 90, align: "right" });
  };
  const signedBalance = (c: number, i: number) =>
    c < 0 ? (i % 2 === 0 ? `${grouped(c)} DR` : `(${grouped(c)})`) : `${grouped(c)} CR`;
  titled(p, spec.bank);
  p.text(`Sort code 12-34-56    Account number ${spec.account}`, 40, 80);
  p.text(`Statement from ${uk(spec.start)} to ${uk(spec.end)}`, 40, 94);
  let y = 130;
  heading(y);
  y += ROW;
  p.text(uk(spec.start), 40, y);
  p.text("Opening balance", 110, y);
  p.text(signedBalance(cents(spec.opening), 0), 480, y, { width: 90, align: "right" });
  let debits = 0;
  let credits = 0;
  spec.lines.forEach((line, i) => {
    if (i > 0 && i % perPage === 0) {
      newPage();
      y = 60;
      heading(y);
    }
    y += ROW;
    const c = cents(line.amount);
    if (c < 0) debits -= c;
    else credits += c;
    // The date is printed once per day, as many UK banks do.
    const sameDay = i > 0 && (spec.lines[i - 1] as PdfLine).date === line.date && i % perPage !== 0;
    if (!sameDay) p.text(uk(line.date), 40, y);
    p.text(line.description.join(" "), 110, y);
    p.text(grouped(c), c < 0 ? 300 : 390, y, { width: 80, align: "right" });
    p.text(signedBalance(cents(balances[i] as string), i), 480, y, { width: 90, align: "right" });
  });
  y += ROW;
  p.text("Totals", 110, y);
  p.text(grouped(debits), 300, y, { width: 80, align: "right" });
  p.text(grouped(credits), 390, y, { width: 80, align: "right" });
  y += ROW;
  p.text(uk(spec.end), 40, y);
  p.text("Closing balance", 110, y);
  p.text(signedBalance(cents(closing), 0), 480, y, { width: 90, align: "right" });
}

function titled(p: Page, bank: string): void {
  // The letterhead: larger type, as banks print their name.
  p.text(bank, 40, 40, { size: 16 });
}

/** A page that is only an image: what a scanner or a phone camera makes of a statement. */
export function scannedPdf(): Promise<Uint8Array> {
  const png = greyPng(200, 260);
  const doc = new PDFDocument({ size: "LETTER", margin: 0 });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve) =>
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks)))),
  );
  doc.image(png, 0, 0, { width: 612, height: 792 });
  doc.end();
  return done;
}

/** A small greyscale PNG with a few dark bands (the "printed" rows of the scan). */
function greyPng(width: number, height: number): Buffer {
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0;
    for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = y % 12 < 2 && x > 10 && x < 190 ? 60 : 235;
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** Layout (a): a month of a US checking account, signed amounts with thousands separators. */
export const SIGNED_SAMPLE: PdfStatementSpec = {
  layout: "signed",
  bank: "First Example Bank",
  account: "XXXX-4321",
  start: "2024-01-01",
  end: "2024-01-31",
  opening: "1000.00",
  lines: [
    { date: "2024-01-02", description: ["COFFEE SHOP 123 SEATTLE WA"], amount: "-4.50" },
    { date: "2024-01-03", description: ["PAYROLL ACME CORP"], amount: "2500.00" },
    { date: "2024-01-05", description: ["RENT JANUARY"], amount: "-1850.00" },
    { date: "2024-01-12", description: ["CHECK 1043"], amount: "-120.25" },
    { date: "2024-01-12", description: ["CHECK 1043"], amount: "-120.25" },
    { date: "2024-01-20", description: ["INTEREST PAID"], amount: "0.37" },
    { date: "2024-01-31", description: ["MONTHLY SERVICE FEE"], amount: "-12.00" },
  ],
};

/** Layout (b): a savings account over a new year, three pages, descriptions on two lines. */
export const WITHDRAWALS_SAMPLE: PdfStatementSpec = {
  layout: "withdrawals-deposits",
  bank: "Harbor Savings Bank",
  account: "****7788",
  start: "2023-12-15",
  end: "2024-01-14",
  opening: "15230.10",
  linesPerPage: 4,
  lines: [
    { date: "2023-12-18", description: ["ONLINE TRANSFER FROM CHK", "REF 88231 CONF 11"], amount: "500.00" },
    { date: "2023-12-22", description: ["ATM WITHDRAWAL", "MAIN ST BRANCH"], amount: "-200.00" },
    { date: "2023-12-29", description: ["DIVIDEND"], amount: "12.48" },
    {
      date: "2023-12-31",
      description: ["WIRE OUT", "BENEFICIARY J SMITH", "INVOICE 2023-118"],
      amount: "-3400.00",
    },
    { date: "2024-01-02", description: ["MOBILE DEPOSIT"], amount: "1275.35" },
    { date: "2024-01-05", description: ["CARD PURCHASE", "HARDWARE STORE 22"], amount: "-86.14" },
    { date: "2024-01-09", description: ["TRANSFER TO CHK"], amount: "-1000.00" },
    { date: "2024-01-11", description: ["CASH DEPOSIT"], amount: "340.00" },
    { date: "2024-01-14", description: ["MAINTENANCE FEE", "WAIVED NEXT MONTH"], amount: "-5.00" },
  ],
};

/** Layout (c): a UK current account that goes overdrawn, several lines on one day. */
export const DEBIT_CREDIT_SAMPLE: PdfStatementSpec = {
  layout: "debit-credit",
  bank: "Northern Counties Bank plc",
  account: "12345678",
  start: "2024-03-01",
  end: "2024-03-31",
  opening: "1250.00",
  lines: [
    { date: "2024-03-01", description: ["DD BRITISH GAS"], amount: "-85.20" },
    { date: "2024-03-01", description: ["CARD TESCO STORES 3412"], amount: "-46.75" },
    { date: "2024-03-13", description: ["FPO LANDLORD RENT MAR"], amount: "-1450.00" },
    { date: "2024-03-14", description: ["CARD PRET A MANGER"], amount: "-4.10" },
    { date: "2024-03-15", description: ["BGC SALARY MARCH"], amount: "3120.44" },
    { date: "2024-03-15", description: ["CARD AMAZON UK"], amount: "-12.99" },
    { date: "2024-03-28", description: ["SO SAVINGS"], amount: "-500.00" },
    { date: "2024-03-31", description: ["INTEREST"], amount: "0.12" },
  ],
};
