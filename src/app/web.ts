// Serves the web portal (the Vite build in web/dist): its files, and index.html for every other
// GET outside /api so that the single-page app's own routes (/clients, /help/ledger…) load.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { App } from "../platform/http.ts";
import { notFound } from "../platform/errors.ts";

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../web/dist");

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Closebook</title></head>
<body style="font-family:system-ui,sans-serif;margin:3rem"><h1>The portal is not built</h1>
<p>Run <code>npm run build:web</code> (or <code>npm start</code>, which builds it) and reload. The API answers at <a href="/api/docs">/api/docs</a>.</p></body></html>`;

export function webRoutes(dist: string = WEB_DIST) {
  return async (app: App) => {
    const built = fs.existsSync(path.join(dist, "index.html"));
    if (built) {
      await app.register(fastifyStatic, {
        root: dist,
        // One route per built file, found at start: unknown paths fall through to the SPA route below.
        wildcard: false,
        index: false,
        schemaHide: true,
        // The build writes .br and .gz copies (web/precompress.ts): send the one the browser accepts.
        preCompressed: true,
        setHeaders(reply, file) {
          // Vite names assets by content hash, so they never change; index.html always may.
          reply.header(
            "cache-control",
            file.includes(`${path.sep}assets${path.sep}`)
              ? "public, max-age=31536000, immutable"
              : "no-cache",
          );
        },
      });
    }
    app.get("/*", { schema: { hide: true } }, async (request, reply) => {
      const url = request.url.split("?")[0]!;
      // The API and health check keep answering JSON, and a missing asset is a 404, not the app.
      if (
        url.startsWith("/api/") ||
        url === "/api" ||
        url === "/healthz" ||
        /\/[^/]+\.[a-z0-9]+$/i.test(url)
      ) {
        throw notFound("http/no-route", `no route for ${request.method} ${url}`);
      }
      if (!built) return reply.code(503).type("text/html; charset=utf-8").send(NOT_BUILT);
      const html = await fs.promises.readFile(path.join(dist, "index.html"), "utf8");
      return reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(html);
    });
  };
}
