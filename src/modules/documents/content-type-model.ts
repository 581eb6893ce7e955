// What a file is, told from its first bytes and never from its name or the uploader's say-so: a
// PDF is a PDF because it starts with %PDF-. The name only chooses between text kinds (a CSV and a
// QIF are both text). Kinds that a browser could run (HTML, SVG, scripts) and anything unknown are refused.

export interface FileKind {
  /** Short name used in settings (CLOSEBOOK_UPLOAD_TYPES) and the API. */
  kind: string;
  contentType: string;
  /** Shown inside the portal (PDF, images); everything else only downloads. */
  preview: boolean;
}

export const FILE_KINDS = {
  pdf: { kind: "pdf", contentType: "application/pdf", preview: true },
  png: { kind: "png", contentType: "image/png", preview: true },
  jpeg: { kind: "jpeg", contentType: "image/jpeg", preview: true },
  gif: { kind: "gif", contentType: "image/gif", preview: true },
  webp: { kind: "webp", contentType: "image/webp", preview: true },
  tiff: { kind: "tiff", contentType: "image/tiff", preview: false },
  heic: { kind: "heic", contentType: "image/heic", preview: false },
  xlsx: {
    kind: "xlsx",
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    preview: false,
  },
  docx: {
    kind: "docx",
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    preview: false,
  },
  xls: { kind: "xls", contentType: "application/vnd.ms-excel", preview: false },
  zip: { kind: "zip", contentType: "application/zip", preview: false },
  ofx: { kind: "ofx", contentType: "application/x-ofx", preview: false },
  xml: { kind: "xml", contentType: "application/xml", preview: false },
  csv: { kind: "csv", contentType: "text/csv; charset=utf-8", preview: false },
  text: { kind: "text", contentType: "text/plain; charset=utf-8", preview: false },
} as const satisfies Record<string, FileKind>;

export type KindName = keyof typeof FILE_KINDS;
export const KIND_NAMES = Object.keys(FILE_KINDS) as KindName[];

/** How many first bytes sniffing reads. */
export const SNIFF_BYTES = 8192;

const startsWith = (b: Uint8Array, bytes: readonly number[], at = 0) =>
  bytes.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The file's kind from its first bytes (up to SNIFF_BYTES) and, for text, its name; null: refused. */
export function sniff(head: Uint8Array, name: string): FileKind | null {
  if (head.length === 0) return null;
  if (startsWith(head, ascii("%PDF-"))) return FILE_KINDS.pdf;
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return FILE_KINDS.png;
  if (startsWith(head, [0xff, 0xd8, 0xff])) return FILE_KINDS.jpeg;
  if (startsWith(head, ascii("GIF87a")) || startsWith(head, ascii("GIF89a"))) return FILE_KINDS.gif;
  if (startsWith(head, ascii("RIFF")) && startsWith(head, ascii("WEBP"), 8)) return FILE_KINDS.webp;
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a]))
    return FILE_KINDS.tiff;
  if (startsWith(head, ascii("ftyp"), 4) && /^(heic|heix|mif1|hevc)/.test(latin1(head.subarray(8, 12))))
    return FILE_KINDS.heic;
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return FILE_KINDS.xls;
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06]))
    return zipKind(head);
  return textKind(head, name);
}

function latin1(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("latin1");
}

/** Office files are zip archives; their first entries say which (Excel and Word write these first). */
function zipKind(head: Uint8Array): FileKind {
  const text = latin1(head);
  if (/xl\/|\[Content_Types\]\.xml[\s\S]*xl\//.test(text) || text.includes("xl/workbook"))
    return FILE_KINDS.xlsx;
  if (text.includes("word/")) return FILE_KINDS.docx;
  if (text.includes("[Content_Types].xml") && text.includes("xl")) return FILE_KINDS.xlsx;
  return FILE_KINDS.zip;
}

function textKind(head: Uint8Array, name: string): FileKind | null {
  // The head may end inside a multi-byte character: only the last 3 bytes may be incomplete.
  let bytes = head;
  if (head.length >= SNIFF_BYTES) bytes = head.subarray(0, head.length - 3);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: statement files from older banks are often Latin-1 / Windows-1252 text.
    if (bytes.some((b) => b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f)) return null;
    text = latin1(bytes);
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) return null;
  const body = text.replace(/^\uFEFF/, "").trimStart();
  const lower = body.slice(0, 2000).toLowerCase();
  // What a browser would render or run is refused outright, whatever the name.
  if (/^<!doctype html|^<html|<script[\s>]|<svg[\s>]|^<\?xml-stylesheet/.test(lower)) return null;
  if (/^ofxheader:/.test(lower) || lower.includes("<ofx>") || /<\?ofx\s/.test(lower)) return FILE_KINDS.ofx;
  if (lower.startsWith("<?xml") || /^<[a-z][\w:.-]*[\s>]/.test(lower)) return FILE_KINDS.xml;
  if (/\.(csv|tsv)$/i.test(name) || looksTabular(body)) return FILE_KINDS.csv;
  return FILE_KINDS.text;
}

/** Several lines with the same, non-zero count of commas, semicolons or tabs. */
function looksTabular(text: string): boolean {
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .slice(0, 6);
  if (lines.length < 2) return false;
  return [",", ";", "\t"].some((sep) => {
    const counts = lines.map((l) => l.split(sep).length - 1);
    return counts[0]! > 0 && counts.every((c) => c === counts[0]);
  });
}

/** Whether the settings let this kind in (no list: every kind above). */
export function kindAllowed(kind: FileKind, allowed: readonly string[] | undefined): boolean {
  return !allowed || allowed.includes(kind.kind);
}
