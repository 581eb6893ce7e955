// Glob patterns in `include` directives, read as hledger 1.25 reads them (the Haskell Glob library's
// defaults): `*` and `?` within one path segment and never a leading dot, `[...]` classes, and `**/`
// for any depth of folders (dot folders excepted). Pure: the caller walks the folders.

export type GlobSegment =
  | { kind: "literal"; name: string }
  | { kind: "pattern"; re: RegExp }
  /** `**` as a whole segment: zero or more folders. */
  | { kind: "deep" };

const SPECIAL = /[*?[]/;

function escapeRe(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c;
}

/** One segment as a regular expression; throws when a `[` class is not closed. */
function segmentRe(segment: string): RegExp {
  let re = "";
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === "*") {
      while (segment[i + 1] === "*") i++; // "**" inside a segment is "*"
      re += i === 0 || re === "" ? "(?!\\.)[^/]*" : "[^/]*";
    } else if (c === "?") {
      re += re === "" ? "(?!\\.)[^/]" : "[^/]";
    } else if (c === "[") {
      const close = segment.indexOf("]", i + 2);
      if (close < 0) throw new Error(`invalid glob "${segment}": "[" is not closed with "]"`);
      let body = segment.slice(i + 1, close);
      const negated = body.startsWith("!") || body.startsWith("^");
      if (negated) body = body.slice(1);
      re += `[${negated ? "^" : ""}${body.replace(/\\/g, "\\\\").replace(/\]/g, "\\]")}]`;
      i = close;
    } else {
      re += escapeRe(c);
    }
  }
  return new RegExp(`^${re}$`);
}

/** Splits a relative pattern into segments ("a/**\/*.j" → literal a, deep, pattern). */
export function globSegments(pattern: string): GlobSegment[] {
  return pattern
    .split("/")
    .filter((s) => s !== "" && s !== ".")
    .map((s): GlobSegment => {
      if (s === "**") return { kind: "deep" };
      if (!SPECIAL.test(s)) return { kind: "literal", name: s };
      return { kind: "pattern", re: segmentRe(s) };
    });
}

/** Whether a segment pattern could match more than one name. */
export function isGlob(pattern: string): boolean {
  return SPECIAL.test(pattern);
}
