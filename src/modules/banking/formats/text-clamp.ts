// Cuts overlong text a bank file carries (a 40 MB CSV cell, a runaway narrative) to the limits Closebook
// keeps, saying which line and field was cut, so that the person importing sees it in the preview.
import { clampText, TEXT_LIMITS, type TextField } from "../../../platform/text-limits.ts";
import type { DetailedStatement } from "./types.ts";

/** Warnings listed one by one before the rest are counted. */
const SHOWN = 10;

/** Clamps every text of the statements in place; returns the warnings to show. */
export function clampStatementText(statements: readonly DetailedStatement[]): string[] {
  const cuts: string[] = [];
  for (const s of statements) {
    const where = s.line === null ? "The statement" : `The statement on line ${s.line}`;
    const account = s.account;
    if (account.id !== null) account.id = cut(account.id, "name", `${where}: the account`, cuts);
    if (account.type !== null) account.type = cut(account.type, "name", `${where}: the account type`, cuts);
    if (account.institution !== null)
      account.institution = cut(account.institution, "name", `${where}: the bank's name`, cuts);
    clampRaw(s.raw, where, cuts);
    for (const t of s.transactions) {
      const line = t.line === null ? "A transaction" : `Line ${t.line}`;
      // Most lines are short: one length test per field before any work.
      if (t.description.length > TEXT_LIMITS.description)
        t.description = cut(t.description, "description", `${line}: the description`, cuts);
      if (t.payee !== null && t.payee.length > TEXT_LIMITS.payee)
        t.payee = cut(t.payee, "payee", `${line}: the payee`, cuts);
      if (t.reference !== null && t.reference.length > TEXT_LIMITS.memo)
        t.reference = cut(t.reference, "memo", `${line}: the reference`, cuts);
      if (t.id !== null && t.id.length > TEXT_LIMITS.memo)
        t.id = cut(t.id, "memo", `${line}: the bank's id`, cuts);
      clampRaw(t.raw, line, cuts);
    }
  }
  if (cuts.length <= SHOWN) return cuts;
  return [
    ...cuts.slice(0, SHOWN),
    `${cuts.length - SHOWN} more overlong text${cuts.length - SHOWN === 1 ? " was" : "s were"} cut the same way.`,
  ];
}

/** The bank's own fields, kept as written, are bounded by the memo limit. */
function clampRaw(raw: Record<string, string>, where: string, cuts: string[]): void {
  for (const key in raw) {
    const value = raw[key] as string;
    if (value.length > TEXT_LIMITS.memo)
      raw[key] = cut(value, "memo", `${where}: the field "${key.slice(0, 40)}"`, cuts);
  }
}

function cut(text: string, field: TextField, what: string, cuts: string[]): string {
  const clamped = clampText(field, text);
  if (clamped.truncated) {
    cuts.push(
      `${what} is ${text.length.toLocaleString("en-US")} characters long, more than the ` +
        `${TEXT_LIMITS[field].toLocaleString("en-US")} Closebook keeps; it was cut to its first ` +
        `${TEXT_LIMITS[field].toLocaleString("en-US")} characters.`,
    );
  }
  return clamped.text;
}
