// The longest text Closebook keeps in each kind of field, in characters. One table, so that the
// statement parsers, the API schemas and the portal agree, and a 40 MB cell can never become a
// description that every page of transactions then carries.

export const TEXT_LIMITS = {
  /** A bank line's description as the bank wrote it (narratives of SEPA and BAI2 run long). */
  description: 1_000,
  /** A payee, contact or merchant name. */
  payee: 200,
  /** Names of things people create: clients, accounts, rules, tokens, dimensions. */
  name: 200,
  /** A memo on an entry or a line, a reference, a check number's text. */
  memo: 2_000,
  /** Free notes a person writes. */
  note: 10_000,
} as const;

export type TextField = keyof typeof TEXT_LIMITS;

/** Cuts a text to its field's limit; says whether it had to. Used where a bank file is at fault. */
export function clampText(field: TextField, text: string): { text: string; truncated: boolean } {
  const limit = TEXT_LIMITS[field];
  if (text.length <= limit) return { text, truncated: false };
  return { text: text.slice(0, limit), truncated: true };
}
