// Character sets: BOMs, BOM-less UTF-16, and the windows-1252 fallback for bytes that are not UTF-8.
import { describe, expect, it } from "vitest";
import { decodeBytes } from "./decode.ts";
import { sample, withSamples } from "../../../../test/support/statement-samples.ts";

const bytes = (...values: number[]) => new Uint8Array(values);

describe("decodeBytes", () => {
  it("reads UTF-8 with and without a byte-order mark", () => {
    expect(decodeBytes(new TextEncoder().encode("Größe"))).toEqual({ text: "Größe", encoding: "utf-8" });
    expect(decodeBytes(bytes(0xef, 0xbb, 0xbf, 0x41))).toEqual({ text: "A", encoding: "utf-8" });
  });

  it("reads UTF-16 LE and BE with a byte-order mark", () => {
    expect(decodeBytes(bytes(0xff, 0xfe, 0x41, 0, 0xe9, 0))).toEqual({ text: "Aé", encoding: "utf-16le" });
    expect(decodeBytes(bytes(0xfe, 0xff, 0, 0x41, 0, 0xe9))).toEqual({ text: "Aé", encoding: "utf-16be" });
  });

  it("spots UTF-16 without a byte-order mark", () => {
    const le = new Uint8Array([..."Date,Amount\n"].flatMap((c) => [c.charCodeAt(0), 0]));
    expect(decodeBytes(le)).toEqual({ text: "Date,Amount\n", encoding: "utf-16le" });
    const be = new Uint8Array([..."Date,Amount\n"].flatMap((c) => [0, c.charCodeAt(0)]));
    expect(decodeBytes(be)).toEqual({ text: "Date,Amount\n", encoding: "utf-16be" });
  });

  it("falls back to windows-1252 for bytes that are not UTF-8", () => {
    // 0xE9 is é in Latin-1; 0x80 is the euro sign only in windows-1252.
    expect(decodeBytes(bytes(0x43, 0x61, 0x66, 0xe9, 0x20, 0x80))).toEqual({
      text: "Café €",
      encoding: "windows-1252",
    });
  });

  withSamples.it("reads the French Money95 QIF export as windows-1252", () => {
    const decoded = decodeBytes(sample("qif", "gnucash__Money95invst_fr.qif"));
    expect(decoded.encoding).toBe("windows-1252");
    expect(decoded.text).toContain("MPour équilibrage");
  });

  withSamples.it("reads the German MT940 with an umlaut as UTF-8", () => {
    const decoded = decodeBytes(sample("mt940", "gnucash__downloaded.mt940"));
    expect(decoded.encoding).toBe("utf-8");
    expect(decoded.text).toContain("ÜBERWEISUNG");
  });
});
