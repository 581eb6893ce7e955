// `npm run bench -- portal`: what the portal costs a browser over the network. Builds web/dist and
// reads Vite's manifest (the chunk graph) to sum the Brotli bytes of script each first visit
// fetches: the sign-in page (the entry chunk and its static imports), then each page of the portal
// after sign-in (the signed-in shell and the page's own chunks, less what sign-in already loaded).
// Goals (issue 17): sign-in ≤ 150 KB of compressed script; a module's page ≤ 100 KB more.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
// @ts-expect-error -- a plain ES module script without types
import { buildWeb } from "../scripts/build-web.mjs";

type Chunk = { file: string; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean };

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../web/dist");
const KB = 1024;

/** The chunk keys a chunk loads before it runs: itself and its static imports, transitively. */
function closure(manifest: Record<string, Chunk>, key: string, into = new Set<string>()): Set<string> {
  if (into.has(key)) return into;
  into.add(key);
  for (const i of manifest[key]?.imports ?? []) closure(manifest, i, into);
  return into;
}

/** Bytes sent for these chunks: the Brotli copy, or the file itself when too small to have one. */
function brotliBytes(manifest: Record<string, Chunk>, keys: Iterable<string>): number {
  let sum = 0;
  for (const k of keys) {
    const file = path.join(dist, manifest[k]!.file);
    sum += fs.statSync(fs.existsSync(`${file}.br`) ? `${file}.br` : file).size;
  }
  return sum;
}

export async function run(): Promise<object> {
  await buildWeb({ quiet: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, ".vite", "manifest.json"), "utf8")) as Record<
    string,
    Chunk
  >;
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
  const signIn = closure(manifest, entry);
  const portalKey = Object.keys(manifest).find((k) => k.endsWith("app/Portal.tsx"))!;
  const shell = closure(manifest, portalKey);
  const pages = Object.keys(manifest)
    .filter((k) => /\/modules\/.*\.tsx$|\/settings\/.*\.tsx$/.test(k) && !k.endsWith("index.tsx"))
    .map((k) => {
      const loaded = new Set([...closure(manifest, k), ...shell].filter((c) => !signIn.has(c)));
      return {
        page: k.replace(/^.*\/src\//, ""),
        kb: Math.round((brotliBytes(manifest, loaded) / KB) * 10) / 10,
      };
    })
    .sort((a, b) => b.kb - a.kb);
  const allScript = Object.values(manifest).reduce(
    (sum, c) => sum + (c.file.endsWith(".js") ? fs.statSync(path.join(dist, c.file)).size : 0),
    0,
  );
  const signInKb = Math.round((brotliBytes(manifest, signIn) / KB) * 10) / 10;
  const heaviest = pages[0]!;
  return {
    chunks: Object.keys(manifest).length,
    allScriptKb: Math.round(allScript / KB),
    signInCompressedScriptKb: signInKb,
    signInGoalKb: 150,
    signInMet: signInKb <= 150,
    heaviestPage: heaviest,
    pageGoalKb: 100,
    pagesMet: heaviest.kb <= 100,
    pages: pages.slice(0, 10),
  };
}
