// Compiles the server and the `closebook` command (src/ → dist/cli) with esbuild, so that commands
// start from JavaScript instead of transpiling TypeScript on every start. `bin/closebook` and
// `npm start` call `ensureCliBuilt()` (builds when dist/cli is missing or older than its sources);
// `npm run build:cli` always builds. Development without a build: CLOSEBOOK_FROM_SOURCES=1 (tsx).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const CLI_DIST = path.join(root, "dist", "cli");
const STAMP = path.join(CLI_DIST, "build.json");
const LOCK = path.join(root, "dist", "cli-build.lock");
// train-worker: the categorizer's training thread (src/platform/worker.ts finds it next to the chunks).
const ENTRIES = {
  main: "src/cli/main.ts",
  start: "src/cli/start.ts",
  "train-worker": "src/modules/categorize/train-worker.ts",
};
// Pure-ESM packages of many small files (kysely: ~1,000, zod: ~200) load much faster bundled into
// one file each; the rest stay in node_modules (PGlite finds its wasm next to its own files).
const BUNDLED = new Set(["kysely", "zod"]);

/** Newest modification time of the compiled inputs under a file or folder (tests are not compiled). */
function newest(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return target.endsWith(".test.ts") ? 0 : stat.mtimeMs;
  // A folder's own time changes when a file is added, removed or renamed in it.
  let max = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) max = Math.max(max, newest(path.join(target, entry)));
  return max;
}

export function cliIsStale() {
  let built;
  try {
    built = fs.statSync(STAMP).mtimeMs;
  } catch {
    return true;
  }
  const sources = Math.max(
    newest(path.join(root, "src")),
    newest(path.join(root, "package-lock.json")),
    newest(path.join(root, "tsconfig.json")),
    newest(fileURLToPath(import.meta.url)),
  );
  return sources > built;
}

/**
 * esbuild bundles each entry with code splitting (a command's modules load only when it runs) and
 * leaves node_modules to Node. Every output file sits two folders below the checkout (dist/cli/), and
 * a source's `import.meta.url` becomes its own source path relative to that, so code that finds
 * migrations/, docs/help/ or web/dist/ next to its source file finds them from the bundle too.
 */
export async function buildCli({ outdir = CLI_DIST } = {}) {
  const esbuild = await import("esbuild");
  const sourceUrl = {
    name: "source-import-meta-url",
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, async (args) => {
        let text = await fs.promises.readFile(args.path, "utf8");
        if (text.includes("import.meta.url")) {
          const rel = path.relative(root, args.path).split(path.sep).join("/");
          text = text.replaceAll(
            "import.meta.url",
            `new URL(${JSON.stringify(`../../${rel}`)}, import.meta.url).href`,
          );
        }
        return { contents: text, loader: "ts" };
      });
    },
  };
  const dependencies = {
    name: "external-dependencies",
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        const name = args.path.startsWith("@")
          ? args.path.split("/").slice(0, 2).join("/")
          : args.path.split("/")[0];
        return BUNDLED.has(name) ? undefined : { path: args.path, external: true };
      });
    },
  };
  const started = performance.now();
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ENTRIES,
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    sourcemap: "linked",
    chunkNames: "[name]-[hash]",
    plugins: [sourceUrl, dependencies],
    logLevel: "warning",
  });
  fs.writeFileSync(
    path.join(outdir, "build.json"),
    `${JSON.stringify({ builtAt: new Date().toISOString(), ms: Math.round(performance.now() - started) })}\n`,
  );
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/** Takes the build lock; false when another process holds it (then wait for it). */
function takeLock() {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  try {
    fs.writeFileSync(LOCK, String(process.pid), { flag: "wx" });
    return true;
  } catch (error) {
    if (error.code !== "EEXIST") throw error;
    const holder = Number(fs.readFileSync(LOCK, "utf8") || 0);
    const age = Date.now() - fs.statSync(LOCK).mtimeMs;
    if (!pidAlive(holder) || age > 120_000) {
      fs.rmSync(LOCK, { force: true });
      return takeLock();
    }
    return false;
  }
}

/**
 * Builds dist/cli when it is stale. Safe when several commands start at once (a test run): one
 * builds into a folder of its own and swaps it in; the others wait for it.
 */
export async function ensureCliBuilt({ quiet = false, force = false } = {}) {
  if (!force && !cliIsStale()) return false;
  while (!takeLock()) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (!force && !fs.existsSync(LOCK) && !cliIsStale()) return false;
  }
  try {
    if (!force && !cliIsStale()) return false;
    if (!quiet) process.stderr.write("Compiling Closebook (src/ → dist/cli)…\n");
    const fresh = `${CLI_DIST}.tmp-${process.pid}`;
    const old = `${CLI_DIST}.old-${process.pid}`;
    fs.rmSync(fresh, { recursive: true, force: true });
    await buildCli({ outdir: fresh });
    if (fs.existsSync(CLI_DIST)) fs.renameSync(CLI_DIST, old);
    fs.renameSync(fresh, CLI_DIST);
    fs.rmSync(old, { recursive: true, force: true });
    return true;
  } finally {
    fs.rmSync(LOCK, { force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // `npm run build:cli` always builds; `--if-stale` (npm's prepare) only when the sources changed.
  await ensureCliBuilt({ quiet: true, force: !process.argv.includes("--if-stale") });
}
