// The portal's static serving: built files (the compressed copy the browser accepts), the SPA
// fallback for app routes, and JSON for the API.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer, type App } from "../platform/http.ts";
import { webRoutes } from "./web.ts";
import { precompressDir } from "../../web/precompress.ts";

// A bundle-like script, big enough to be worth compressing.
const SCRIPT = Array.from({ length: 400 }, (_, i) => `export const line${i} = "value ${i}";`).join("\n");

let dir: string;
let app: App;
let unbuilt: App;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cb-web-"));
  fs.mkdirSync(path.join(dir, "assets"));
  fs.writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>portal</title><div id=root></div>");
  fs.writeFileSync(path.join(dir, "assets", "app-abc123.js"), "console.log(1)");
  fs.writeFileSync(path.join(dir, "favicon.svg"), "<svg/>");
  fs.writeFileSync(path.join(dir, "assets", "module-def456.js"), SCRIPT);
  precompressDir(dir);
  const api = async (a: App) => {
    a.get("/api/ping", async () => ({ pong: true }));
  };
  app = await buildServer({ version: "test", routes: [api, webRoutes(dir)] });
  unbuilt = await buildServer({ version: "test", routes: [webRoutes(path.join(dir, "missing"))] });
});
afterAll(async () => {
  await app?.close();
  await unbuilt?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("web portal serving", () => {
  it("serves built files, hashed assets with a long cache", async () => {
    const js = await app.inject({ url: "/assets/app-abc123.js" });
    expect(js.statusCode).toBe(200);
    expect(js.headers["content-type"]).toContain("javascript");
    expect(js.headers["cache-control"]).toContain("immutable");
    expect((await app.inject({ url: "/favicon.svg" })).headers["cache-control"]).toBe("no-cache");
  });

  it("writes Brotli and gzip copies of text assets worth compressing, and sends the one accepted", async () => {
    expect(fs.existsSync(path.join(dir, "assets", "module-def456.js.br"))).toBe(true);
    expect(fs.existsSync(path.join(dir, "assets", "app-abc123.js.br"))).toBe(false); // 14 bytes
    const url = "/assets/module-def456.js";
    const br = await app.inject({ url, headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toContain("javascript");
    expect(br.headers["cache-control"]).toContain("immutable");
    expect(br.rawPayload.length).toBeLessThan(SCRIPT.length / 3);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);
    const gz = await app.inject({ url, headers: { "accept-encoding": "gzip" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);
    const plain = await app.inject({ url });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
  });

  it("answers the app's own routes with index.html", async () => {
    for (const url of ["/", "/clients", "/c/bluebird-coffee/ledger/entries?status=draft", "/help/ledger"]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["content-type"]).toContain("text/html");
      expect(res.body).toContain("<div id=root>");
    }
  });

  it("keeps the API, health check and missing files as JSON 404s", async () => {
    expect((await app.inject({ url: "/api/ping" })).json()).toEqual({ pong: true });
    expect((await app.inject({ url: "/healthz" })).json()).toMatchObject({ status: "ok" });
    for (const url of ["/api/nothing-here", "/assets/missing-123.js"]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }
    const post = await app.inject({ method: "POST", url: "/clients" });
    expect(post.statusCode).toBe(404);
  });

  it("says how to build the portal when web/dist is missing", async () => {
    const res = await unbuilt.inject({ url: "/clients" });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain("npm run build:web");
    expect((await unbuilt.inject({ url: "/api/x" })).statusCode).toBe(404);
  });
});
