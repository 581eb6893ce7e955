// Statement parser throughput: MB/s per format on the largest shared sample of each format, and on a
// generated 100,000-transaction OFX and CSV; for PDF statements, pages per second on a generated
// 50-page statement (text extraction by pdfjs plus the layout reading and its check figures).
// Prints JSON; `run()` returns the same figures.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  parseStatementFile,
  readStatementFile,
  type FormatName,
} from "../src/modules/banking/formats/index.ts";
import { statementPdf, WITHDRAWALS_SAMPLE, type PdfLine } from "../test/support/statement-pdfs.ts";

const ROOT = resolve(fileURLToPath(new URL(".", import.meta.url)), "..");
const STATEMENTS = resolve(ROOT, "../shared/data/statements");

/** Sample folders per format (OFX 1 and 2 are one format). */
const FOLDERS: Record<Exclude<FormatName, "pdf">, string[]> = {
  ofx: ["ofx1", "ofx2"],
  qfx: ["qfx"],
  qif: ["qif"],
  csv: ["csv"],
  camt053: ["camt053"],
  camt052: ["camt052"],
  camt054: ["camt054"],
  mt940: ["mt940"],
  bai2: ["bai2"],
};

interface Figure {
  input: string;
  bytes: number;
  transactions: number;
  runs: number;
  /** Throughput of the median run. */
  mbPerSecond: number;
  /** Throughput of the fastest run: the parser's speed when nothing else competes for the CPU. */
  bestMbPerSecond: number;
  transactionsPerSecond: number;
}

/**
 * Times single parses after a warm-up (so the JIT has compiled the parser) until `minSeconds` have
 * passed, and reports the median and the fastest run: on a shared machine the median moves with the
 * load, the fastest run much less.
 */
function measure(input: string, bytes: Uint8Array, fileName: string, minSeconds: number): Figure {
  let transactions = 0;
  const parseOnce = () => {
    const file = parseStatementFile(bytes, { fileName });
    transactions = file.statements.reduce((n, s) => n + s.transactions.length, 0);
  };
  const warmUntil = performance.now() + Math.min(500, minSeconds * 500);
  do parseOnce();
  while (performance.now() < warmUntil);
  const times: number[] = [];
  const started = performance.now();
  do {
    const t = performance.now();
    parseOnce();
    times.push((performance.now() - t) / 1000);
  } while (performance.now() - started < minSeconds * 1000 || times.length < 3);
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] as number;
  const best = times[0] as number;
  return {
    input,
    bytes: bytes.length,
    transactions,
    runs: times.length,
    mbPerSecond: round(bytes.length / 1e6 / median, 1),
    bestMbPerSecond: round(bytes.length / 1e6 / best, 1),
    transactionsPerSecond: Math.round(transactions / median),
  };
}

function round(value: number, places: number): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}

function largestSample(folders: string[]): { path: string; name: string } | null {
  let best: { path: string; name: string; size: number } | null = null;
  for (const folder of folders) {
    const dir = join(STATEMENTS, folder);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (name.startsWith("SOURCES") || name.endsWith(".expected.beancount") || name.endsWith(".zip"))
        continue;
      const path = join(dir, name);
      const size = statSync(path).size;
      if (!best || size > best.size) best = { path, name, size };
    }
  }
  return best;
}

/** A 1.x SGML OFX bank statement with `count` transactions, like a year of a busy business account. */
export function generateOfx(count: number): Uint8Array {
  const parts: string[] = [
    "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:USASCII\nCHARSET:1252\nCOMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n",
    "<OFX>\n<SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20240101120000<LANGUAGE>ENG<FI><ORG>Bench Bank<FID>1</FI></SONRS></SIGNONMSGSRSV1>\n",
    "<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS><STMTRS><CURDEF>USD\n",
    "<BANKACCTFROM><BANKID>121000248<ACCTID>1234567890<ACCTTYPE>CHECKING</BANKACCTFROM>\n",
    "<BANKTRANLIST><DTSTART>20230101<DTEND>20231231\n",
  ];
  for (let i = 0; i < count; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    const month = String(((i >> 5) % 12) + 1).padStart(2, "0");
    const cents = (i * 7919) % 100000;
    const amount = `${i % 3 === 0 ? "" : "-"}${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
    parts.push(
      `<STMTTRN>\n<TRNTYPE>${i % 3 === 0 ? "CREDIT" : "DEBIT"}\n<DTPOSTED>2023${month}${day}120000.000[-5:EST]\n<TRNAMT>${amount}\n` +
        `<FITID>2023${month}${day}${String(i).padStart(8, "0")}\n<NAME>MERCHANT ${i % 500}\n<MEMO>POS PURCHASE CARD 1234 MERCHANT ${i % 500} CITY ST\n</STMTTRN>\n`,
    );
  }
  parts.push(
    "</BANKTRANLIST><LEDGERBAL><BALAMT>1000.00<DTASOF>20231231</LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n",
  );
  return new TextEncoder().encode(parts.join(""));
}

/** A bank CSV export with `count` rows: quoted descriptions, thousands separators, a running balance. */
export function generateCsv(count: number): Uint8Array {
  const parts: string[] = ["Date,Description,Amount,Balance,Reference\n"];
  let balance = 100_000_00;
  for (let i = 0; i < count; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    const month = String(((i >> 5) % 12) + 1).padStart(2, "0");
    const cents = ((i * 7919) % 200000) - (i % 3 === 0 ? 0 : 150000);
    balance += cents;
    const money = (c: number) => {
      const abs = Math.abs(c);
      const whole = Math.floor(abs / 100).toLocaleString("en-US");
      return `${c < 0 ? "-" : ""}${whole}.${String(abs % 100).padStart(2, "0")}`;
    };
    parts.push(
      `${month}/${day}/2023,"CARD PURCHASE, MERCHANT ${i % 500}",${csvCell(money(cents))},${csvCell(money(balance))},R${i}\n`,
    );
  }
  return new TextEncoder().encode(parts.join(""));
}

function csvCell(value: string): string {
  return value.includes(",") ? `"${value}"` : value;
}

/** A generated PDF statement: `pages` pages of 20 lines, each with a two-line description. */
async function generatePdf(pages: number): Promise<Uint8Array> {
  const lines: PdfLine[] = Array.from({ length: pages * 20 }, (_, i) => ({
    date: `2024-${String(Math.floor(i / ((pages * 20) / 12)) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`,
    description: [`CARD PURCHASE MERCHANT ${i % 500}`, `REF ${100000 + i} CITY ST`],
    amount:
      i % 4 === 0
        ? `${(i * 7919) % 3000}.${String(i % 100).padStart(2, "0")}`
        : `-${(i * 31) % 400}.${String((i * 7) % 100).padStart(2, "0")}`,
  })).sort((a, b) => a.date.localeCompare(b.date));
  return statementPdf({
    ...WITHDRAWALS_SAMPLE,
    start: "2024-01-01",
    end: "2024-12-31",
    opening: "250000.00",
    linesPerPage: 20,
    lines,
  });
}

interface PdfFigure {
  input: string;
  bytes: number;
  pages: number;
  transactions: number;
  runs: number;
  /** Pages per second of the median run (and of the fastest). */
  pagesPerSecond: number;
  bestPagesPerSecond: number;
  transactionsPerSecond: number;
}

/** Median and fastest of repeated reads of a PDF statement, after one warm-up read (pdfjs loads once). */
export async function measurePdf(pages: number, minSeconds: number): Promise<PdfFigure> {
  const bytes = await generatePdf(pages);
  let transactions = 0;
  const readOnce = async () => {
    const file = await readStatementFile(bytes, { fileName: "bench.pdf" });
    transactions = file.statements.reduce((n, s) => n + s.transactions.length, 0);
  };
  await readOnce();
  const times: number[] = [];
  const started = performance.now();
  do {
    const t = performance.now();
    await readOnce();
    times.push((performance.now() - t) / 1000);
  } while (performance.now() - started < minSeconds * 1000 || times.length < 3);
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] as number;
  return {
    input: `generated PDF statement, ${pages} pages`,
    bytes: bytes.length,
    pages,
    transactions,
    runs: times.length,
    pagesPerSecond: round(pages / median, 1),
    bestPagesPerSecond: round(pages / (times[0] as number), 1),
    transactionsPerSecond: Math.round(transactions / median),
  };
}

export async function run(): Promise<object> {
  const samples: Record<string, Figure | null> = {};
  for (const [format, folders] of Object.entries(FOLDERS)) {
    const largest = largestSample(folders);
    samples[format] = largest ? measure(largest.name, readFileSync(largest.path), largest.name, 1) : null;
  }
  const generated = {
    ofx100k: measure("generated OFX, 100,000 transactions", generateOfx(100_000), "generated.ofx", 4),
    csv100k: measure("generated CSV, 100,000 transactions", generateCsv(100_000), "generated.csv", 4),
  };
  const pdf = await measurePdf(50, 4);
  const all = [...Object.values(samples), ...Object.values(generated)].filter((f): f is Figure => f !== null);
  return {
    benchmark: "statement parsers",
    goalMbPerSecond: 20,
    node: process.version,
    cpus: cpus().length,
    loadAverage: loadavg().map((l) => round(l, 1)),
    samples,
    generated,
    slowestMbPerSecond: Math.min(...all.map((f) => f.mbPerSecond)),
    slowestBestMbPerSecond: Math.min(...all.map((f) => f.bestMbPerSecond)),
    pdf,
  };
}

// Run directly (`npx tsx bench/parse.ts`): print the figures. Imported (by a bench runner): do nothing.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  void run().then((figures) => process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`));
}
