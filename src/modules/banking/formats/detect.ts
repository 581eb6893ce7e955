// Recognizes a statement file's format from its content (and, for fragments, its file name): OFX/QFX,
// QIF, CAMT.052/053/054, MT940/MT942, BAI2, and CSV as the fallback for delimited text.
import { StatementParseError } from "./errors.ts";
import type { FormatName } from "./types.ts";

const EXTENSIONS: Record<string, FormatName> = {
  ofx: "ofx",
  qfx: "qfx",
  qif: "qif",
  sta: "mt940",
  "940": "mt940",
  "942": "mt940",
  mt940: "mt940",
  mt942: "mt940",
  swi: "mt940",
  bai: "bai2",
  bai2: "bai2",
  csv: "csv",
  tsv: "csv",
};

const MT940_TAG = /^:(20|25|28C?|60[FM]|61|62[FM]|86|34F|13D):/m;

/** The format of decoded text; throws `unknown-format` when nothing fits. */
export function sniffFormat(text: string, fileName?: string): FormatName {
  const sample = text.slice(0, 64 * 1024).replace(/^\uFEFF/, "");
  const head = sample.trimStart();
  const extension = fileName ? (/\.([A-Za-z0-9]+)$/.exec(fileName)?.[1] ?? "").toLowerCase() : "";
  const firstLine = head.split(/\r\n|\r|\n/, 1)[0] ?? "";

  if (
    /^OFXHEADER\s*:/i.test(head) ||
    /<\?OFX\b/i.test(sample.slice(0, 4096)) ||
    /<OFX>/i.test(sample.slice(0, 8192))
  ) {
    return extension === "qfx" ? "qfx" : "ofx";
  }
  if (head.startsWith("<")) {
    if (/camt\.053\.|<(?:\w+:)?BkToCstmrStmt(?:V\d\d)?[\s>]/.test(sample)) return "camt053";
    if (/camt\.052\.|<(?:\w+:)?BkToCstmrAcctRpt(?:V\d\d)?[\s>]/.test(sample)) return "camt052";
    if (/camt\.054\.|<(?:\w+:)?BkToCstmrDbtCdtNtfctn(?:V\d\d)?[\s>]/.test(sample)) return "camt054";
  }
  if (/^!(Type|Account|Option|Clear)\b/i.test(firstLine)) return "qif";
  if (looksBai2(sample, firstLine)) return "bai2";
  if (firstLine.startsWith("{1:") || MT940_TAG.test(sample)) return "mt940";
  if (head.startsWith("<")) {
    throw new StatementParseError(
      "unknown-format",
      "The file is XML, but neither OFX nor an ISO 20022 camt.052, camt.053 or camt.054 message.",
    );
  }
  const byName = EXTENSIONS[extension];
  if (byName) return byName;
  if (looksDelimited(sample)) return "csv";
  throw new StatementParseError(
    "unknown-format",
    "The file is not in a format Closebook reads (OFX, QFX, QIF, CSV, CAMT.052/053/054, MT940/MT942, BAI2 or a text-based PDF).",
  );
}

/** Delimited text: printable, and its first line splits into at least two columns. */
function looksDelimited(sample: string): boolean {
  // eslint-disable-next-line no-control-regex
  const control = (sample.slice(0, 8192).match(/[\x00-\x08\x0e-\x1a\x1c-\x1f]/g) ?? []).length;
  if (control > 0) return false;
  const lines = sample
    .split(/\r\n|\r|\n/)
    .filter((l) => l.trim() !== "")
    .slice(0, 20);
  if (lines.length === 0) return false;
  return [",", ";", "\t", "|"].some(
    (d) => lines.filter((l) => l.includes(d)).length >= Math.ceil(lines.length / 2),
  );
}

/**
 * BAI2: a file header "01,sender,receiver,YYMMDD,…", or (the header lost or damaged) lines that are mostly
 * records of the standard types, group or account records among them. Decided before CSV, which BAI2
 * would also pass for; numbered CSV rows ("04,", "05,"…) are not mostly of those types.
 */
function looksBai2(sample: string, firstLine: string): boolean {
  if (/^01,[^,\r\n]*,[^,\r\n]*,\d{6},/.test(firstLine)) return true;
  const lines = sample
    .split(/\r\n|\r|\n/, 60)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  if (lines.length === 0 || !STANDARD_BAI2.test(lines[0] as string)) return false;
  const standard = lines.filter((l) => STANDARD_BAI2.test(l)).length;
  return (
    standard >= lines.length * 0.7 &&
    lines.some((l) => /^0[23],/.test(l)) &&
    lines.some((l) => /^(?:16|49|88|98|99),/.test(l))
  );
}

const STANDARD_BAI2 = /^(?:0[1-3]|16|49|88|98|99),/;
