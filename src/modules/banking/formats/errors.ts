// The one error statement parsers throw: a stable slug, a sentence for people and the offending line.

export class StatementParseError extends Error {
  /** Stable machine-readable slug, e.g. "ofx/unclosed-aggregate" or "unknown-format". */
  readonly type: string;
  /** A human sentence naming what is wrong. */
  readonly detail: string;
  /** 1-based line number in the file (or zip entry), or null when no single line is at fault. */
  readonly line: number | null;

  constructor(type: string, detail: string, line: number | null = null) {
    super(line === null ? detail : `${detail} (line ${line})`);
    this.name = "StatementParseError";
    this.type = type;
    this.detail = detail;
    this.line = line;
  }

  toJSON(): { type: string; detail: string; line: number | null } {
    return { type: this.type, detail: this.detail, line: this.line };
  }
}
