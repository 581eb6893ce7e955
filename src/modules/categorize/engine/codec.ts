// Stored form of trained model parts: the engine's JSON convention (weights as base64
// little-endian float32, as state.ts encodeModel writes them), gzipped — hashed weight tables are
// mostly zeros, so a firm-wide model shrinks to a fraction of its size.
import { gunzipSync, gzipSync } from "node:zlib";
import { validationError } from "../../../platform/errors.ts";

export function encodePart(value: unknown): Uint8Array {
  const json = JSON.stringify(value, (_key, v: unknown) =>
    v instanceof Float32Array
      ? { $f32: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64") }
      : v,
  );
  return gzipSync(json, { level: 6 });
}

export function decodePart<T>(bytes: Uint8Array): T {
  let json: string;
  try {
    json = gunzipSync(bytes).toString("utf8");
  } catch {
    throw validationError("categorize/bad-model", "a stored model could not be read");
  }
  return JSON.parse(json, (_key, v: unknown) => {
    if (v && typeof v === "object" && "$f32" in v && typeof (v as { $f32: unknown }).$f32 === "string") {
      const raw = Buffer.from((v as { $f32: string }).$f32, "base64");
      const out = new Float32Array(raw.byteLength / 4);
      new Uint8Array(out.buffer).set(raw);
      return out;
    }
    return v;
  }) as T;
}
