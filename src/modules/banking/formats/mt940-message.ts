// The MT940/MT942 message reader: cuts the text into messages of tagged fields (`:61:`, `:86:`…,
// with continuation lines, SWIFT envelopes and trailers), groups each message's fields into
// statements, and reads them one by one so that a damaged statement costs only itself. What a
// statement's fields mean is mt940.ts's business (the statement builder).
import { StatementParseError } from "./errors.ts";
import { splitLines, stripControlChars } from "./text.ts";

export interface Field {
  tag: string;
  lines: string[];
  line: number;
}

interface Message {
  fields: Field[];
  /** BIC of the sending bank, from the SWIFT header block or a header line. */
  bic: string | null;
}

/** The tags MT940/MT942 use. Anything else at a line start (":12:11" from a wrapped time) is text. */
const TAG = /^:(20|21|25P?|28C?|60[FM]|61|62[FM]|64|65|86|34F|13D?|90[CD]|NS):/;
const BIC = /^[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/;

/** The statements read from a file, and the warnings of reading them (damaged ones named last). */
export interface ReadStatements<S> {
  statements: S[];
  warnings: string[];
}

/**
 * Reads every statement of every message with `build`. A statement that fails with a
 * StatementParseError is left out with a warning naming it, unless no statement could be read at
 * all: then the first such error is the file's.
 */
export function readStatements<S>(
  input: string,
  build: (fields: Field[], bic: string | null, warnings: string[]) => S,
): ReadStatements<S> {
  const warnings: string[] = [];
  const statements: S[] = [];
  const damaged: Array<{ group: Field[]; error: StatementParseError }> = [];
  for (const message of splitFields(stripControlChars(input))) {
    for (const group of groupStatements(message.fields)) {
      // A damaged statement costs only itself: the bank's other statements in the file are kept.
      const own: string[] = [];
      try {
        statements.push(build(group, message.bic, own));
        warnings.push(...own);
      } catch (error) {
        if (!(error instanceof StatementParseError)) throw error;
        damaged.push({ group, error });
      }
    }
  }
  if (statements.length === 0 && damaged[0]) throw damaged[0].error;
  for (const { group, error } of damaged) warnings.push(damageWarning(group, error));
  return { statements, warnings };
}

/** Names a statement that could not be read: where it starts, its account and number, and what is wrong. */
function damageWarning(group: readonly Field[], error: StatementParseError): string {
  const value = (tag: string) =>
    group
      .find((f) => f.tag === tag)
      ?.lines.join(" ")
      .trim() || null;
  const account = value("25");
  const number = value("28C") ?? value("28");
  const which = [account ? `account ${account}` : null, number ? `number ${number}` : null]
    .filter((p) => p !== null)
    .join(", ");
  return (
    `The statement starting on line ${(group[0] as Field).line}${which ? ` (${which})` : ""} is damaged and was ` +
    `not read: ${error.detail.replace(/\.$/, "")}${error.line !== null ? ` (line ${error.line})` : ""}. The file's other statements were read.`
  );
}

/** Cuts the text into messages of tagged fields, following continuation lines and message trailers. */
function splitFields(text: string): Message[] {
  const lines = splitLines(text);
  const messages: Message[] = [];
  let current: Message = { fields: [], bic: null };
  let field: Field | null = null;
  const endMessage = () => {
    if (current.fields.length > 0) messages.push(current);
    current = { fields: [], bic: null };
    field = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const trimmed = line.trim();
    if (trimmed.startsWith("{")) {
      // SWIFT envelope "{1:F01BANKBEBBAXXX…}{2:…}{4:": block 1 names the sending bank.
      if (current.fields.length > 0) endMessage();
      const block1 = /\{1:F\d{2}([A-Z0-9]{8})/.exec(trimmed);
      if (block1) current.bic = block1[1] as string;
      const rest = trimmed.slice(trimmed.lastIndexOf("{4:") + 3);
      if (trimmed.includes("{4:") && TAG.test(rest)) {
        field = startField(rest, i + 1);
        current.fields.push(field);
      }
      continue;
    }
    if (trimmed === "-" || trimmed.startsWith("-}")) {
      if (trimmed === "-" && field?.tag === "86" && continuesAfterDash(lines, i)) {
        field.lines.push(line);
        continue;
      }
      endMessage();
      continue;
    }
    if (trimmed === ":940:" || trimmed === ":942:") continue;
    if (TAG.test(line)) {
      field = startField(line, i + 1);
      current.fields.push(field);
      continue;
    }
    if (field) {
      if (trimmed !== "" || field.tag === "86") field.lines.push(line);
    } else if (BIC.test(trimmed) && current.bic === null) {
      current.bic = trimmed.slice(0, 8); // ABN AMRO-style header lines before :20:
    }
  }
  endMessage();
  return messages;
}

function startField(line: string, lineNumber: number): Field {
  const m = TAG.exec(line) as RegExpExecArray;
  return { tag: m[1] as string, lines: [line.slice(m[0].length)], line: lineNumber };
}

/**
 * A line holding only "-" ends a message, except inside `:86:` text where some banks (ING) write it
 * as part of a wrapped mandate reference: then the next line carries on with more text.
 */
function continuesAfterDash(lines: readonly string[], at: number): boolean {
  for (let j = at + 1; j < lines.length; j++) {
    const next = (lines[j] as string).trim();
    if (next === "") continue;
    return (
      !next.startsWith(":") &&
      !next.startsWith("{") &&
      !next.startsWith("-") &&
      !BIC.test(next) &&
      !/^\d{3}$/.test(next)
    );
  }
  return false;
}

/** Splits one message's fields into statements: a `:20:` starts one, and so does a second account or opening balance. */
function groupStatements(fields: Field[]): Field[][] {
  const groups: Field[][] = [];
  let group: Field[] = [];
  const has = (tags: string[]) => group.some((f) => tags.includes(f.tag));
  for (const f of fields) {
    const starts =
      f.tag === "20" ||
      (f.tag === "25" && has(["25"])) ||
      ((f.tag === "60F" || f.tag === "60M") && has(["60F", "60M", "61"]));
    if (starts && group.length > 0) {
      groups.push(group);
      group = [];
    }
    group.push(f);
  }
  if (group.length > 0) groups.push(group);
  return groups.filter((g) => g.some((f) => ["25", "60F", "60M", "61", "62F", "62M"].includes(f.tag)));
}
