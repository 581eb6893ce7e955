// Text no field may hold: NUL (PostgreSQL refuses it in text, and it cuts strings short in C
// libraries and files) and lone UTF-16 surrogates (they cannot be written as UTF-8, so they would
// silently become U+FFFD). Requests carrying either are refused at the door with a 400.
import { validationError } from "./errors.ts";

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Every unsafe character, for replacing them. */
export const UNSAFE_TEXT = new RegExp(UNSAFE.source, "g");

/** True when the string holds a NUL or a lone surrogate. */
export function isUnsafeText(text: string): boolean {
  return UNSAFE.test(text);
}

/**
 * The path of the first string (or object key) holding unsafe text in a parsed value, such as
 * "lines.0.memo"; undefined when there is none. Walks at most `depth` levels (bodies are bounded).
 */
export function findUnsafeText(value: unknown, path = "", depth = 64): string | undefined {
  if (typeof value === "string") return isUnsafeText(value) ? path || "(value)" : undefined;
  if (value === null || typeof value !== "object" || depth === 0) return undefined;
  if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return undefined;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const at = path ? `${path}.${key}` : key;
    if (isUnsafeText(key)) return at;
    const found = findUnsafeText(item, at, depth - 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Throws the 400 for a value holding unsafe text, naming where it is. */
export function assertSafeText(value: unknown, where: string): void {
  const found = findUnsafeText(value);
  if (found === undefined) return;
  const field = found === "(value)" ? where : `${where}.${found}`;
  throw validationError(
    "http/invalid-character",
    `${field} contains a NUL character or an unpaired UTF-16 surrogate, which no text may hold`,
    { field },
  );
}
