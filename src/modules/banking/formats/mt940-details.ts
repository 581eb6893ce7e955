// Reads the free-text `:86:` field of an MT940 transaction. Banks fill it three ways: German "?20"-style
// subfields, Dutch/SEPA "/CODE/value/" segments, or plain wrapped text; each gives description and payee.
import { tidy } from "./text.ts";

export interface Details {
  description: string;
  payee: string | null;
  reference: string | null;
  /** The structured pieces found (subfield or segment code → value). */
  fields: Record<string, string>;
}

/** SWIFT lines are 65 characters; a line that long was cut by the width limit, not ended by the writer. */
const LINE_WIDTH = 65;

/** Reads `:86:` content given as the lines the bank wrote (the first without its tag). */
export function readDetails(lines: readonly string[]): Details {
  const first = lines[0] ?? "";
  if (/^\s*\d{3}\s*[?>]\d{2}/.test(first) || /^\s*[?]\d{2}/.test(first)) return readSubfields(lines.join(""));
  if (/^\/[A-Z]{2,9}\//.test(first.trimStart())) return readSegments(lines.join(""));
  return { description: joinWrapped(lines), payee: null, reference: null, fields: {} };
}

/** Joins wrapped lines: glued where the width limit cut a word, separated by a space where a line ended early. */
function joinWrapped(lines: readonly string[]): string {
  let out = "";
  lines.forEach((line, i) => {
    if (i > 0) {
      const previous = lines[i - 1] as string;
      const width = i === 1 ? previous.length + 4 : previous.length;
      if (width < LINE_WIDTH) out += " ";
    }
    out += line;
  });
  return tidy(out);
}

/** Joins 27-character subfield chunks the same way: a full chunk continues, a shorter one ended a phrase. */
function joinChunks(chunks: readonly string[]): string {
  let out = "";
  chunks.forEach((chunk, i) => {
    if (i > 0 && (chunks[i - 1] as string).length < 27) out += " ";
    out += chunk;
  });
  return tidy(out);
}

const SEPA_KEYS = /(EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE|IBAN|BIC|COAM|OAMT)\+/g;

/** German bank format (DFÜ/HBCI): a 3-digit business code, then `?NN` subfields; Triodos uses `>NN`. */
function readSubfields(text: string): Details {
  const marker = /^\s*\d{3}\s*>/.test(text) ? ">" : "?";
  const fields: Record<string, string> = {};
  const code = /^\s*(\d{3})/.exec(text)?.[1];
  if (code) fields.code = code;
  const purpose: string[] = [];
  const payee: string[] = [];
  // A scan from marker to marker (this runs once per transaction of a German statement; a global
  // pattern with capture groups cost a fifth of the whole parse). A marker not followed by two
  // digits starts no subfield, and the text after it belongs to none.
  let at = text.indexOf(marker);
  while (at >= 0) {
    const next = text.indexOf(marker, at + 1);
    if (isDigit(text.charCodeAt(at + 1)) && isDigit(text.charCodeAt(at + 2))) {
      const key = text.slice(at + 1, at + 3);
      const value = text.slice(at + 3, next < 0 ? text.length : next);
      const previous = fields[key];
      fields[key] = previous === undefined ? value : previous + value;
      const n = (text.charCodeAt(at + 1) - 48) * 10 + (text.charCodeAt(at + 2) - 48);
      if ((n >= 20 && n <= 29) || (n >= 60 && n <= 63)) purpose.push(value);
      else if (n === 32 || n === 33) payee.push(value);
    }
    at = next;
  }
  const purposeText = joinChunks(purpose);
  const sepa = splitSepa(purposeText);
  const reference = [sepa.EREF, sepa.KREF].find((r) => r && !/^NOTPROVIDED$/i.test(r)) ?? null;
  const description = sepa.SVWZ ?? (purposeText || tidy(fields["00"] ?? ""));
  const payeeText = joinChunks(payee);
  return { description, payee: payeeText || null, reference, fields };
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Splits "EREF+x MREF+y SVWZ+z" purpose text into its SEPA keyword parts. */
function splitSepa(text: string): Record<string, string> {
  const parts: Record<string, string> = {};
  if (text.indexOf("+") < 0) return parts;
  SEPA_KEYS.lastIndex = 0;
  let key: string | null = null;
  let start = 0;
  for (let m = SEPA_KEYS.exec(text); m; m = SEPA_KEYS.exec(text)) {
    if (key !== null) parts[key] = tidy(text.slice(start, m.index));
    key = m[1] as string;
    start = m.index + m[0].length;
  }
  if (key !== null) parts[key] = tidy(text.slice(start));
  return parts;
}

const SEGMENT_CODES = [
  "TRTP",
  "IBAN",
  "BIC",
  "NAME",
  "REMI",
  "EREF",
  "MARF",
  "CSID",
  "BENM",
  "ORDP",
  "ISDT",
  "PREF",
  "RTRN",
  "CNTP",
  "PURP",
  "ULTC",
  "ULTD",
  "ULTB",
  "CREF",
  "OCMT",
  "CHGS",
  "EXCH",
  "ACCW",
  "SVCL",
  "BUSP",
  "TRCD",
  "OSDR",
  "OGB",
  "IREF",
  "ADDR",
  "CDTRREF",
  "CDTRREFTP",
  "ID",
  "ISSR",
  "CD",
];
const SEGMENT = new RegExp(`/(${SEGMENT_CODES.join("|")})/`, "g");

/** Dutch and SEPA banks (ABN AMRO, Rabobank, ING, HSBC): `/CODE/value` segments. */
function readSegments(text: string): Details {
  const fields: Record<string, string> = {};
  const hits = [...text.matchAll(SEGMENT)];
  hits.forEach((m, i) => {
    const start = (m.index as number) + m[0].length;
    const end = i + 1 < hits.length ? ((hits[i + 1] as RegExpMatchArray).index as number) : text.length;
    const key = m[1] as string;
    const value = text.slice(start, end);
    fields[key] = key in fields ? `${fields[key]}/${value}` : value;
  });
  const clean = (v: string | undefined) => (v === undefined ? "" : tidy(v.replace(/^\/+|\/+$/g, "")));
  // ING writes the counterparty as CNTP/account/BIC/name/city.
  const counterparty = fields.CNTP?.split("/");
  const name = clean(fields.NAME) || clean(counterparty?.[2]);
  const remittance = clean(fields.REMI?.replace(/^(USTD|STRD)\/+/, ""));
  const reference =
    [fields.EREF, fields.PREF].map(clean).find((r) => r !== "" && !/^NOTPROVIDED$/i.test(r)) ?? null;
  const description = remittance || clean(fields.TRTP) || name || tidy(text);
  return { description, payee: name || null, reference, fields };
}
