// Prints the test files that can reach a database, one per line, for the suite's PostgreSQL phase.
// A file reaches one when it names DATABASE_URL (it starts servers or the CLI with it; a CLI test
// that only strips it from the child's environment runs the CLI on PGlite either way) or when its
// relative imports, followed transitively, reach the database layer (src/platform/db.ts or
// test/support/db.ts). The rest are pure logic: the PGlite phase has already run them, and a second
// run on PostgreSQL would test nothing new. Over-inclusion is harmless (a file runs twice, as
// before); a file that reaches a database by a path this misses would only lose its second run.
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const DATABASE_LAYER = new Set(["src/platform/db.ts", "test/support/db.ts"].map((f) => path.join(root, f)));
const IMPORT =
  /(?:import|export)\s[^;]*?from\s+["'](\.{1,2}\/[^"']+)["']|import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g;

const reaches = new Map(); // file → reaches the database layer (false while being visited)

function reachesDatabase(file) {
  if (DATABASE_LAYER.has(file)) return true;
  if (reaches.has(file)) return reaches.get(file);
  reaches.set(file, false);
  let text;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return false;
  }
  let found = false;
  for (const m of text.matchAll(IMPORT)) {
    const target = path.resolve(path.dirname(file), m[1] ?? m[2]);
    if (reachesDatabase(target)) {
      found = true;
      break;
    }
  }
  reaches.set(file, found);
  return found;
}

/** Uses DATABASE_URL (to pass it on), not only strips it from a child's environment (CLI tests). */
function namesDatabaseUrl(text) {
  return text.replace(/DATABASE_URL: _\w*/g, "").includes("DATABASE_URL");
}

function testFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules" && full !== path.join(root, "test/e2e")) out.push(...testFiles(full));
    } else if (entry.name.endsWith(".test.ts")) out.push(full);
  }
  return out;
}

const files = [...testFiles(path.join(root, "src")), ...testFiles(path.join(root, "test"))].sort();
for (const file of files) {
  if (namesDatabaseUrl(fs.readFileSync(file, "utf8")) || reachesDatabase(file))
    console.log(path.relative(root, file));
}
