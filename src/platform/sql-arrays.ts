// Bulk writes send each column as one PostgreSQL array literal ("{a,b,NULL}") instead of a
// JavaScript array: both drivers serialize a JavaScript array element by element, which for a
// large import costs about as much as the insert itself. Used by the ledger's and banking's bulk
// inserts through `unnest(…::type[])`.

/** An array literal of values that need no quoting (numbers, dates, uuids, hex). */
export function arrayLiteral(values: ReadonlyArray<string | number | null>): string {
  return `{${values.map((v) => (v === null ? "NULL" : v)).join(",")}}`;
}

/** An array literal of text values, each double-quoted, with `"` and `\\` escaped only where needed. */
export function textArrayLiteral(values: ReadonlyArray<string | null>): string {
  return `{${values.map((v) => (v === null ? "NULL" : quotedElement(v))).join(",")}}`;
}

const NEEDS_ESCAPE = /["\\]/;

/** One text element of an array literal. */
export function quotedElement(value: string): string {
  return `"${NEEDS_ESCAPE.test(value) ? value.replace(/["\\]/g, "\\$&") : value}"`;
}
