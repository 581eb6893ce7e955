// The shared sample data (bank statements, example journals, categorization sets) lives next to the
// repository in ../shared/data and is used by path, never copied in. A clone of the repository alone
// has none: the tests that read it then skip, each with the missing path in its name, and the
// shared-data reporter counts them at the end of the run. The project's own fixtures keep every
// statement format and the categorizer covered without it.
// CLOSEBOOK_SHARED_DATA points elsewhere; a path that does not exist shows what a clone runs.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it, type TestFunction, type TestOptions } from "vitest";

const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const OVERRIDE = process.env.CLOSEBOOK_SHARED_DATA;

export const SHARED_DATA = resolve(OVERRIDE || join(REPO_ROOT, "../shared/data"));

/** Starts the name of every test skipped for want of shared data (the reporter counts by it). */
export const SHARED_DATA_MARK = "[no shared data:";

/** The path of `rel` in the shared data, or undefined when it is not there. */
export function sharedData(rel: string): string | undefined {
  const path = join(SHARED_DATA, rel);
  return existsSync(path) ? path : undefined;
}

/** Why tests reading these paths cannot run ("[no shared data: ../shared/data/x not found]"), or undefined. */
export function missingSharedData(...rels: string[]): string | undefined {
  const missing = rels.find((rel) => !sharedData(rel));
  if (missing === undefined) return undefined;
  const shown = OVERRIDE ? join(SHARED_DATA, missing) : `../shared/data/${missing}`;
  return `${SHARED_DATA_MARK} ${shown} not found]`;
}

type DescribeArgs = [fn: () => void] | [options: TestOptions, fn: () => void];
type ItArgs =
  [fn: TestFunction] | [fn: TestFunction, timeout: number] | [options: TestOptions, fn: TestFunction];

export interface SharedDataTests {
  /** describe(), or describe.skip() with the missing path in its name. */
  describe(name: string, ...rest: DescribeArgs): void;
  /** it(), or it.skip() with the missing path in its name. */
  it(name: string, ...rest: ItArgs): void;
  /** it.each(), or it.skip.each() with the missing path in its name. */
  each<T>(
    rows: readonly T[],
  ): (name: string, fn: (...row: T extends readonly unknown[] ? [...T] : [T]) => unknown) => void;
  /** The reason they skip, or undefined when the data is there. */
  missing: string | undefined;
}

/** describe() and it() for tests that read these paths of the shared data (relative to it). */
export function withSharedData(...rels: string[]): SharedDataTests {
  const missing = missingSharedData(...rels);
  const named = (name: string) => (missing ? `${name} ${missing}` : name);
  return {
    missing,
    describe: (name, ...rest) =>
      (missing ? describe.skip : describe)(named(name), ...(rest as [TestOptions, () => void])),
    it: (name, ...rest) => (missing ? it.skip : it)(named(name), ...(rest as [TestOptions, TestFunction])),
    each: (rows) => (name, fn) =>
      (missing ? it.skip : it).each(rows as unknown[])(named(name), fn as (...args: unknown[]) => void),
  };
}
