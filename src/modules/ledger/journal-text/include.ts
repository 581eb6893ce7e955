// The `include` directive: reads the files it names (through the caller's resolver: the parser does
// no I/O) in place, each with its parent's directives in effect, as hledger 1.25 does. A file that
// includes itself, directly or through others, is refused with the chain of files.
import { LineError } from "./errors.ts";
import type { ParserState } from "./state.ts";

/** The argument of `include PATH` / `!include PATH`, without a trailing comment. */
export function includeArgument(line: string): string | null {
  const m = /^!?include(?:\s+(.*))?$/.exec(line);
  if (!m) return null;
  return (m[1] ?? "").replace(/(?:^|\s)[;#].*$/, "").trim();
}

/** Most nested includes we follow: far beyond real books, short of a runaway chain. */
const MAX_DEPTH = 64;

/** Reads the files `include ARG` names into `state` with `readText`, in order. */
export function readIncluded(state: ParserState, argument: string, readText: (text: string) => void): void {
  if (argument === "")
    throw new LineError("bad-include", `"include" needs a file path or glob as its argument`);
  if (state.include === undefined) {
    throw new LineError(
      "include-not-supported",
      `"include ${argument}": the included files can only be read when the journal is imported from its ` +
        `file (closebook ledger import FILE); or combine the files first ("hledger -f main.journal print")`,
    );
  }
  const sources = state.include(argument, state.filePath);
  for (const source of sources) {
    const at = state.fileStack.findIndex((f) => f.id !== undefined && f.id === source.id);
    if (at >= 0) {
      const chain = [...state.fileStack.slice(at), source].map((f) => f.name ?? "(the journal)");
      throw new LineError("include-cycle", `included files form a cycle: ${chain.join(" → ")}`);
    }
    if (state.fileStack.length > MAX_DEPTH)
      throw new LineError("include-too-deep", `includes are nested more than ${MAX_DEPTH} files deep`);
    const scope = state.saveScope();
    const outer = { name: state.fileName, path: state.filePath };
    state.fileStack.push({ name: source.name, path: source.path, id: source.id });
    state.fileName = source.name;
    state.filePath = source.path;
    state.includeDepth++;
    try {
      readText(source.text);
    } finally {
      state.includeDepth--;
      state.fileStack.pop();
      state.fileName = outer.name;
      state.filePath = outer.path;
      state.restoreScope(scope);
    }
  }
}
