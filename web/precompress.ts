// A Vite plugin that writes a Brotli (.br) and a gzip (.gz) copy next to every text asset of the
// build, so the server sends compressed bytes without compressing on each request (@fastify/static's
// preCompressed picks the copy the browser accepts). Maximum levels: done once per build, not per
// request. Files under 1 KB are left as they are: compression would gain less than its headers.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import type { Plugin } from "vite";

const TEXT = /\.(js|mjs|css|html|svg|json|txt)$/; // not source maps: big, slow to compress, rarely fetched
const MIN_BYTES = 1024;

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : [full];
  });
}

export function precompressDir(dir: string): void {
  for (const file of filesUnder(dir)) {
    if (!TEXT.test(file)) continue;
    const bytes = fs.readFileSync(file);
    if (bytes.length < MIN_BYTES) continue;
    fs.writeFileSync(
      `${file}.br`,
      zlib.brotliCompressSync(bytes, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }),
    );
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(bytes, { level: zlib.constants.Z_BEST_COMPRESSION }));
  }
}

export function precompress(): Plugin {
  let outDir = "";
  return {
    name: "closebook-precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      precompressDir(outDir);
    },
  };
}
