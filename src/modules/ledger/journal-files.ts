// Reads a journal file and the files its `include` directives name (paths and globs relative to
// the including file's folder, `~` for the home folder), for the pure parser. I/O only.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { validationError } from "../../platform/errors.ts";
import { LineError } from "./journal-text/errors.ts";
import { globSegments, type GlobSegment } from "./journal-text/glob.ts";
import type { IncludedSource, IncludeResolver } from "./journal-text/types.ts";

/** A journal file ready for parseJournal: its text, how to name it, and its includes' reader. */
export interface JournalFile {
  text: string;
  fileName: string;
  filePath: string;
  fileId: string;
  include: IncludeResolver;
}

/** Files hledger includes but that are not journals: refused by name rather than misread. */
const NOT_JOURNALS = /\.(csv|ssv|tsv|timeclock|timedot)$/i;

export function readJournalFile(file: string): JournalFile {
  let text: string;
  let fileId: string;
  try {
    fileId = fs.realpathSync(file);
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw validationError("journal/unreadable", `cannot read ${file}: ${(error as Error).message}`, {
      field: "file",
    });
  }
  const mainDir = path.dirname(path.resolve(file));
  return { text, fileName: path.basename(file), filePath: file, fileId, include: resolver(mainDir) };
}

function resolver(mainDir: string): IncludeResolver {
  return (argument, fromPath) => {
    const base = path.dirname(path.resolve(fromPath ?? path.join(mainDir, "-")));
    const expanded =
      argument === "~" || argument.startsWith("~/") ? os.homedir() + argument.slice(1) : argument;
    let segments: GlobSegment[];
    try {
      segments = globSegments(expanded);
    } catch (error) {
      throw new LineError("bad-include", (error as Error).message);
    }
    const root = path.isAbsolute(expanded) ? path.parse(expanded).root : base;
    const matches = walk(root, segments).sort();
    if (matches.length === 0) {
      throw new LineError(
        "include-not-found",
        `"include ${argument}": no existing files match (looked in ${base})`,
      );
    }
    return matches.map((match): IncludedSource => {
      const name = path.relative(mainDir, match) || path.basename(match);
      if (NOT_JOURNALS.test(match))
        throw new LineError(
          "include-not-journal",
          `"${name}" is not a journal (only journal files can be included)`,
        );
      let stat: fs.Stats;
      try {
        stat = fs.statSync(match);
      } catch (error) {
        throw new LineError("include-unreadable", `cannot read "${name}": ${(error as Error).message}`);
      }
      if (stat.isDirectory())
        throw new LineError(
          "include-not-journal",
          `"${name}" is a folder; include the files in it ("${name}/*.journal")`,
        );
      return { name, path: match, id: fs.realpathSync(match), text: fs.readFileSync(match, "utf8") };
    });
  };
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function entries(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/** Every existing path under `dir` the segments match (folders followed through symlinks). */
function walk(dir: string, segments: readonly GlobSegment[], deepSeen = new Set<string>()): string[] {
  if (segments.length === 0) return [dir];
  const [first, ...rest] = segments as [GlobSegment, ...GlobSegment[]];
  if (first.kind === "literal") {
    const next = path.join(dir, first.name);
    if (rest.length === 0) return fs.existsSync(next) ? [next] : [];
    return isDir(next) ? walk(next, rest, deepSeen) : [];
  }
  if (first.kind === "pattern") {
    const out: string[] = [];
    for (const name of entries(dir)) {
      if (!first.re.test(name)) continue;
      const next = path.join(dir, name);
      if (rest.length === 0) out.push(next);
      else if (isDir(next)) out.push(...walk(next, rest, deepSeen));
    }
    return out;
  }
  return deep(dir, rest, true, deepSeen);
}

// A "**" segment: here, or in any folder below. Like the Glob library hledger 1.25 uses, only a dot
// folder right under the starting folder is left out (pattern "**" then "*.j" reads sub/.dot/e.j but
// not .dot/f.j). Each real folder is walked once: a symlink to a parent must not loop.
function deep(dir: string, rest: readonly GlobSegment[], first: boolean, seen: Set<string>): string[] {
  const real = fs.realpathSync(dir);
  if (seen.has(real)) return [];
  seen.add(real);
  const out = walk(dir, rest, seen);
  for (const name of entries(dir)) {
    const next = path.join(dir, name);
    if (!(first && name.startsWith(".")) && isDir(next)) out.push(...deep(next, rest, false, seen));
  }
  return out;
}
