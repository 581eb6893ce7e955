// Small text helpers shared by the parsers: line counting, XML/SGML entity decoding, whitespace tidying.

/**
 * Turns offsets into 1-based line numbers, walking forward over each line break once. Offsets are
 * expected in increasing order (a smaller one restarts from the top).
 */
export class LineCounter {
  private line = 1;
  private lastOffset = 0;
  private nextBreak: number;

  constructor(private readonly text: string) {
    this.nextBreak = text.indexOf("\n");
  }

  lineAt(offset: number): number {
    if (offset < this.lastOffset) {
      this.line = 1;
      this.nextBreak = this.text.indexOf("\n");
    }
    this.lastOffset = offset;
    // Only breaks before the offset are visited, so a long line is never scanned more than once.
    while (this.nextBreak >= 0 && this.nextBreak < offset) {
      this.line++;
      this.nextBreak = this.text.indexOf("\n", this.nextBreak + 1);
    }
    return this.line;
  }
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
};

/** Decodes `&amp;`, `&#233;`, `&#xE9;` and friends; unknown entities are left as written. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});/g, (whole, body: string) => {
    if (body[0] === "#") {
      const code =
        body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

const UNTIDY = /\s\s|[\t\n\r\f\v\u00a0]/;

/** Collapses runs of whitespace to one space and trims (for descriptions padded to fixed widths). */
export function tidy(text: string): string {
  const trimmed = text.trim();
  return UNTIDY.test(trimmed) ? trimmed.replace(/\s+/g, " ") : trimmed;
}

/** Splits text into lines on LF, CRLF or a lone CR (old Mac files), without the line-end characters. */
export function splitLines(text: string): string[] {
  if (text.indexOf("\n") < 0) return text.split("\r");
  const lines = text.split("\n");
  // A plain string split is several times faster than a regex split; CRs are removed afterwards.
  if (text.indexOf("\r") >= 0) {
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as string;
      if (line.endsWith("\r")) lines[i] = line.slice(0, -1);
    }
  }
  return lines;
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;

/** Removes control characters (SOH, ETX, SUB, NUL…) that some bank systems wrap files in; keeps tabs and line breaks. */
export function stripControlChars(text: string): string {
  CONTROL.lastIndex = 0;
  return CONTROL.test(text) ? text.replace(CONTROL, "") : text;
}
