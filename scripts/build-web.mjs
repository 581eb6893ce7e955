// Builds the web portal (web/ → web/dist) with Vite, or only when it is missing or older than
// its sources: `npm start` calls `ensureWebBuilt()`, `npm run build:web` always builds.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const web = path.join(root, "web");
const dist = path.join(web, "dist", "index.html");

/** Newest modification time under a file or folder (0 when it does not exist). */
function newest(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) max = Math.max(max, newest(path.join(target, entry)));
  return max;
}

export function webIsStale() {
  if (!fs.existsSync(dist)) return true;
  const built = fs.statSync(dist).mtimeMs;
  const sources = Math.max(
    newest(path.join(web, "src")),
    newest(path.join(web, "public")),
    newest(path.join(web, "index.html")),
    newest(path.join(web, "vite.config.ts")),
    newest(path.join(web, "precompress.ts")),
    newest(path.join(root, "package-lock.json")),
  );
  return sources > built;
}

export async function buildWeb({ quiet = false } = {}) {
  const { build } = await import("vite");
  await build({ configFile: path.join(web, "vite.config.ts"), logLevel: quiet ? "warn" : "info" });
}

export async function ensureWebBuilt() {
  if (!webIsStale()) return false;
  process.stdout.write("Building the web portal (web/ → web/dist)…\n");
  await buildWeb({ quiet: true });
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildWeb();
}
